/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ReplicaCounters } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useRef } from 'react';
import { readyOfDesired } from '../../lib/format';
import { settled } from '../../lib/targets';
import { ActionProgress } from './ActionDialog';

/** `2 of 3 machines replaced, 3/3 ready`. */
export function replacedText(c: ReplicaCounters | undefined, replaced: string): string {
  return `${c?.upToDate ?? '?'} of ${c?.desired ?? '?'} machines ${replaced}, ${readyOfDesired(c)} ready`;
}

/**
 * Progress of a rollout that replaces every machine: done once the group
 * settles again after it was seen unsettled. `reset` forgets the rollout.
 */
export function useRolloutProgress(counters: () => ReplicaCounters | undefined, replaced: string) {
  const sawRollout = useRef(false);
  const progress = (): ActionProgress => {
    const c = counters();
    if (c && !settled(c)) sawRollout.current = true;
    return { done: sawRollout.current && settled(c), text: replacedText(c, replaced) };
  };
  return {
    progress,
    reset: () => {
      sawRollout.current = false;
    },
  };
}

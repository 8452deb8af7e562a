/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { Clock } from './clock';
import {
  CLONED_FROM_GROUPKIND_ANNOTATION as CLONED_FROM_GROUPKIND,
  CLONED_FROM_NAME_ANNOTATION as CLONED_FROM_NAME,
  TOPOLOGY_OWNED_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { type ClusterModel, isClassy } from './model';
import type { SeedManifest } from './types';

export function objectMeta(
  m: ClusterModel,
  name: string,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    /** Created by the topology controller (classy clusters only). */
    topology?: boolean;
  } = {},
): SeedManifest['metadata'] {
  const labels = {
    ...m.labels,
    ...(extra.topology && isClassy(m) ? { [TOPOLOGY_OWNED_LABEL]: '' } : {}),
    ...extra.labels,
  };
  const annotations = { ...m.annotations, ...extra.annotations };
  return {
    name,
    namespace: m.namespace,
    labels,
    ...(Object.keys(annotations).length ? { annotations } : {}),
  };
}

/** v1beta2 ContractVersionedObjectReference. */
export function ref(apiGroup: string, kind: string, name: string) {
  return { apiGroup, kind, name };
}

/** The annotations of an object cloned from a template (none without one). */
export function clonedFrom(
  name: string | undefined,
  kind: string,
  group: string,
): Record<string, string> {
  if (name === undefined) return {};
  return {
    [CLONED_FROM_NAME]: name,
    [CLONED_FROM_GROUPKIND]: `${kind}.${group}`,
  };
}

/** Times for derived conditions: healthy ones settled long ago, others just changed. */
export function conditionTimes(
  m: ClusterModel,
  clock: Clock,
  minutesAfterCreation = 20,
) {
  return {
    since: clock.after(m.createdAt, minutesAfterCreation),
    recent: clock.recent(),
  };
}

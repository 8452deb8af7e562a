/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { NEGATIVE_POLARITY } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type {
  Condition,
  ConditionStatus,
  LegacyCondition,
  SeedObject,
} from './types';

export function condition(
  type: string,
  status: ConditionStatus,
  reason: string,
  lastTransitionTime: string,
  message = '',
): Condition {
  return {
    type,
    status,
    observedGeneration: 1,
    lastTransitionTime,
    reason,
    message,
  };
}

/**
 * A condition whose status follows from `healthy` and the type's polarity:
 * healthy ones changed at `since`, unhealthy ones recently.
 */
export function polar(
  type: string,
  healthy: boolean,
  reasons: [healthy: string, unhealthy: string],
  times: { since: string; recent: string },
  message = '',
): Condition {
  const negative = NEGATIVE_POLARITY.has(type);
  const status: ConditionStatus = healthy !== negative ? 'True' : 'False';
  return condition(
    type,
    status,
    healthy ? reasons[0] : reasons[1],
    healthy ? times.since : times.recent,
    healthy ? '' : message,
  );
}

/** Replaces conditions of the same type, keeps the order, appends new types. */
export function mergeConditions<T extends { type: string }>(
  base: T[],
  overrides: T[],
): T[] {
  const byType = new Map(overrides.map(c => [c.type, c]));
  const merged = base.map(c => byType.get(c.type) ?? c);
  const known = new Set(base.map(c => c.type));
  return [...merged, ...overrides.filter(c => !known.has(c.type))];
}

/** Overlays conditions on a seed object's status.conditions. */
export function overrideConditions<T extends { type: string }>(
  seed: SeedObject,
  overrides: T[],
): void {
  const status = (seed.status ??= {});
  status.conditions = mergeConditions(
    (status.conditions as T[] | undefined) ?? [],
    overrides,
  );
}

export function legacyTrue(type: string, time: string): LegacyCondition {
  return { type, status: 'True', lastTransitionTime: time };
}

export function legacyFalse(
  type: string,
  reason: string,
  severity: 'Error' | 'Warning' | 'Info',
  time: string,
  message?: string,
): LegacyCondition {
  return {
    type,
    status: 'False',
    severity,
    reason,
    ...(message ? { message } : {}),
    lastTransitionTime: time,
  };
}

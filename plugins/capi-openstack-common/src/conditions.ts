/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * CAPI v1beta2 condition types where True means "something is happening"
 * (a rollout, a scale, a deletion), not "good". @public
 */
export const NEGATIVE_POLARITY: ReadonlySet<string> = new Set([
  'RollingOut',
  'ScalingUp',
  'ScalingDown',
  'Remediating',
  'Deleting',
  'Paused',
  'Updating',
]);

/** The condition of `type` in a list of conditions of either generation. @public */
export function findCondition<T extends { type: string }>(
  list: readonly T[] | undefined,
  type: string,
): T | undefined {
  return list?.find(c => c.type === type);
}

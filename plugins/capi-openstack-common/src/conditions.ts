/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * CAPI v1beta2 condition types of Clusters, control planes and
 * MachineDeployments that report what the object is busy with (or that it
 * is paused) rather than its health. @public
 */
export const OPERATION_CONDITION_TYPES = [
  'RollingOut',
  'ScalingUp',
  'ScalingDown',
  'Remediating',
  'Deleting',
  'Paused',
] as const;

/**
 * CAPI v1beta2 condition types where True means "something is happening"
 * (a rollout, a scale, a deletion; `Updating` on Machines), not "good". @public
 */
export const NEGATIVE_POLARITY: ReadonlySet<string> = new Set([...OPERATION_CONDITION_TYPES, 'Updating']);

/** The condition of `type` in a list of conditions of either generation. @public */
export function findCondition<T extends { type: string }>(
  list: readonly T[] | undefined,
  type: string,
): T | undefined {
  return list?.find(c => c.type === type);
}

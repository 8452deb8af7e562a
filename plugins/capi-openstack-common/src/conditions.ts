/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ConditionStatus } from './types';

/** A condition as CAPI v1beta2 stores it (metav1.Condition: all but observedGeneration required). @public */
export interface V1beta2Condition {
  type: string;
  status: ConditionStatus;
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** A CAPI v1beta1 condition, still written by CAPO v1beta1 and v1alpha1 objects. @public */
export interface V1beta1Condition {
  type: string;
  status: ConditionStatus;
  severity?: 'Error' | 'Warning' | 'Info';
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

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

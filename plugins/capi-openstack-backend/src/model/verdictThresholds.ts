/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/** Time limits and reason lists of the verdict algorithm (see verdict.ts). */

export const MINUTE_MS = 60_000;
/** Step 4: a failure signal must have lasted this long (inclusive). */
export const FAILED_AFTER_MS = 15 * MINUTE_MS;
/** Step 6: a busy cluster's problems younger than this are Progressing. */
export const PROGRESSING_WINDOW_MS = 30 * MINUTE_MS;
/** Step 3: `observedGeneration` behind `generation` this long means Unknown (inclusive). */
export const STALE_GENERATION_MS = 5 * MINUTE_MS;
/** Step 5: control-plane certificates expiring sooner than this are a hard signal. */
export const CERTIFICATE_EXPIRY_WARNING_MS = 7 * 24 * 60 * MINUTE_MS;

/** CAPO `InstanceReady=False` reasons that mean "this will not heal by itself". */
export const INSTANCE_FAILED_REASONS: readonly string[] = [
  'InstanceCreateFailed',
  'InstanceStateError',
  'InvalidMachineSpec',
  'DependencyFailed',
  'InstanceNotFound',
];

/** `TopologyReconciled=False` reasons counted as failures (v1beta2 names plus the v1beta1 `TopologyReconcileFailed`). */
export const TOPOLOGY_FAILED_REASONS: readonly string[] = [
  'ReconcileFailed',
  'ClusterClassNotReconciled',
  'TopologyReconcileFailed',
];

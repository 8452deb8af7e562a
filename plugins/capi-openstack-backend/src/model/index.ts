/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/** Pure domain model of a CAPI/CAPO workload cluster: its tree and health verdict. */

export type {
  ClusterObjects,
  KubeObject,
  ManagedFieldsEntry,
  ObjectMeta,
  OwnerReference,
} from './objects';
export type { Condition, ConditionGeneration } from './conditions';
export {
  CONDITIONS_OF_INTEREST,
  conditionAgeMs,
  conditionGeneration,
  getCondition,
  hasAnyConditions,
  isFalse,
  isTrue,
  legacyFailure,
  summarizeConditions,
  toConditionSummary,
  v1beta1Conditions,
  v1beta2Conditions,
} from './conditions';
export type { ClusterCounters } from './counters';
export { clusterCounters, replicaCountersOf, sumCounters } from './counters';
export {
  bastionServerOf,
  certificatesExpiryOf,
  isBastionServer,
  isClusterPaused,
  isControlPlaneMachine,
} from './links';
export { buildClusterTree } from './tree';
export { flavorOf, imageOf } from './openStackSpec';
export {
  CERTIFICATE_EXPIRY_WARNING_MS,
  FAILED_AFTER_MS,
  INSTANCE_FAILED_REASONS,
  PROGRESSING_WINDOW_MS,
  STALE_GENERATION_MS,
  TOPOLOGY_FAILED_REASONS,
} from './verdictThresholds';
export { evaluateBastion } from './bastionVerdict';
export { evaluateHealth } from './verdict';
export { fixGuideFor, withFixGuides } from './fixGuide';
export {
  MAGNUM_NAMESPACE,
  MAGNUM_UUID_LABEL,
  isMagnumCluster,
  magnumInfoOf,
} from './magnum';

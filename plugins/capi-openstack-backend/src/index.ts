/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Backend plugin for Cluster API workload clusters on OpenStack.
 *
 * @packageDocumentation
 */

export { capiOpenstackPlugin as default } from './plugin';

// For permission policies: conditional decisions over the cluster rules
// (owner, namespace, management cluster), for reads, actions and create.
export {
  capiClusterConditions,
  createCapiClusterConditionalDecision,
} from './permissions/conditionExports';
export {
  clusterPermissionResourceRef,
  clusterPermissionRules,
  isClusterOwner,
  isInManagementCluster,
  isInNamespace,
} from './permissions/rules';
export type { ClusterFilter } from './permissions/rules';

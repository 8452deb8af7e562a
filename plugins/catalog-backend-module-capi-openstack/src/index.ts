/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Catalog backend module that publishes Cluster API workload clusters on
 * OpenStack as `Resource` entities of type `kubernetes-cluster`.
 *
 * @packageDocumentation
 */

export { catalogModuleCapiOpenstackEntityProvider as default } from './module';
export { ClusterEntityProvider } from './ClusterEntityProvider';
export type { ClusterEntityFilter, ClusterEntityProviderOptions } from './ClusterEntityProvider';
export {
  clusterEntityName,
  clusterEntityRef,
  clusterLocation,
  clusterPagePath,
  clusterToEntity,
  LABEL_CLUSTER_CLASS,
  LABEL_KUBERNETES_VERSION,
  LABEL_MAGNUM,
  LOCATION_TYPE,
} from './entity';
export type { ClusterEntityOptions } from './entity';

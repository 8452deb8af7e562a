/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Scaffolder backend module with the capi-openstack actions.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCapiOpenstack as default } from './module';
export { createCapiOpenstackCreateClusterAction } from './actions/createCluster';
export type {
  CreateClusterActionInput,
  CreateClusterActionOutput,
  CreateClusterActionPreflightCheck,
  CreateClusterActionWorkerPool,
} from './actions/createCluster.types';
export { createCapiOpenstackWaitForClusterAction } from './actions/waitForCluster';
export { createCapiOpenstackScaleClusterAction } from './actions/scaleCluster';
export { createCapiOpenstackUpgradeClusterAction } from './actions/upgradeCluster';

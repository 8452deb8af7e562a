/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Core CAPI objects (v1beta2) of one demo cluster, rendered from its model:
// one module per object family, re-exported here for the graph and the
// OpenStack objects.

export { renderCluster } from './clusterObject';
export { renderControlPlane } from './controlPlaneObject';
export {
  renderHealthCheck,
  renderKubeadmConfigTemplate,
  renderMachineDeployment,
  renderMachineSet,
} from './machineDeploymentObjects';
export { renderKubeadmConfig, renderMachine } from './machineObjects';
export {
  hasServer,
  isReady,
  PAUSED_MESSAGE,
  poolDesired,
  providerID,
} from './machineStatus';

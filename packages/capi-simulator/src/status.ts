/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Status summaries, counters and conditions of MachineSets,
// MachineDeployments, KubeadmControlPlanes and Clusters, computed from their
// Machines as the real controllers do (docs/domain.md section 2), and
// written in the layout of the CAPI generation: v1beta2 `status.conditions`
// plus counters, or v1beta1 legacy conditions with the new ones under
// `status.v1beta2`.
//
// One file per kind under ./status; this module is their public face.

export type { ClusterStatusInput } from './status/cluster';
export { writeClusterStatus } from './status/cluster';
export {
  controlPlaneAvailable,
  writeControlPlaneStatus,
} from './status/controlPlane';
export { writeHealthCheckStatus } from './status/healthCheck';
export { writeKubeadmConfigStatus } from './status/kubeadmConfig';
export { writePausedOnly } from './status/layout';
export type { MachineStatusInput } from './status/machine';
export { writeMachineStatus } from './status/machine';
export { PAUSED_MESSAGE, pausedCond } from './status/machineConditions';
export {
  machineDeploymentAvailable,
  machineDeploymentDesired,
  writeMachineDeploymentStatus,
} from './status/machineDeployment';
export { writeMachineSetStatus } from './status/machineSet';
export type { Counters, MachineView } from './status/machineView';
export { counters, versionCounts } from './status/machineView';
export { remoteProbeFailedSince } from './status/remoteProbe';

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Local management cluster for tests, benchmarks and the demo.
// Production code never imports this package.

export { ensureBinaries, KUBERNETES_VERSION, ETCD_VERSION } from './binaries';
export type { ControlPlaneBinaries } from './binaries';
export { ensureCrds, CRD_SETS, DEFAULT_CRD_SET, parseCrdSetName } from './crds';
export type { CrdSetName, CrdFile } from './crds';
export { startManagementCluster } from './server';
export type { ManagementCluster, StartOptions } from './server';
export { connect, clientFromKubeconfig, LOCAL_USERS, renderKubeconfig } from './connect';
export type { ConnectionInfo, LocalUser, ManagementClusterHandle } from './connect';
export { KubeHttp, KubeApiError } from '@internal/test-support';
export type { KubeObject } from '@internal/test-support';
export { applySeed, ownerReference, SEED_FIELD_MANAGER, SEED_DELETE_ANNOTATION } from './applySeed';
export { pointIdentitySecrets, IDENTITY_FIELD_MANAGER } from './identitySecrets';
export type { CloudsYamlRenderer, IdentitySecretResult } from './identitySecrets';
export * from './seed';
// Building blocks of the seed, for suites and benchmarks that load their own objects.
export { Clock } from './seed/clock';
export { demoClusterClassObjects } from './seed/clusterClass';
export { FLAVORS } from './seed/openstackObjects';
export {
  buildLiveClusters,
  classyClusterObjects,
  LIVE_CLUSTERS,
  plainClusterObjects,
} from './seed/liveClusters';
export {
  benchClusterName,
  benchNamespace,
  benchNamespaceObjects,
  buildBenchCluster,
} from './seed/bench';

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
export { KubeHttp, KubeApiError } from './kubeHttp';
export type { KubeObject } from './kubeHttp';
export { applySeed, SEED_FIELD_MANAGER, SEED_DELETE_ANNOTATION } from './applySeed';
export { pointIdentitySecrets, IDENTITY_FIELD_MANAGER } from './identitySecrets';
export type { CloudsYamlRenderer, IdentitySecretResult } from './identitySecrets';
export * from './seed';

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Shared support of the test tooling (management cluster, OpenStack testbed,
// simulator, e2e tests, benchmark). Production code never imports this
// package.

export { supervise, exitedWith } from './supervise';
export type { Supervised, SuperviseOptions } from './supervise';
export { groupAlive, signalGroup } from './processGroup';
export { freePort, freePorts } from './freePort';
export { httpStatus } from './httpStatus';
export { waitFor } from './waitFor';
export type { Condition, WaitForOptions } from './waitFor';
export { tail } from './tail';
export { stderrLogger } from './logger';
export type { Logger } from './logger';
export { cacheDir, repoRoot } from './paths';
export { KubeHttp } from './kubeHttp';
export { KubeApiError, isConflict, isNotFound } from './kubeApiError';
export type { KubeObject, OwnerReference } from './kubeObject';
export { requestJson } from './requestJson';
export type { JsonRequest } from './requestJson';
export { startPostgres } from './postgres';
export type { PostgresServer, StartPostgresOptions } from './postgres';
export { POSTGRES_PACKAGE, postgresBinDir } from './postgresInstall';

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Named input and output of `capi-openstack:cluster:create`. The action's
// zod schema must produce these (the compiler checks it); naming them keeps
// the API report stable, where an inferred nested type prints its members
// in an order that differs between incremental and clean builds.

/**
 * A worker pool of the cluster to create.
 * @public
 */
export type CreateClusterActionWorkerPool = {
  name: string;
  replicas?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
  flavor?: string | undefined;
  availabilityZone?: string | undefined;
  class?: string | undefined;
};

/**
 * Input of `capi-openstack:cluster:create`.
 * @public
 */
export type CreateClusterActionInput = {
  managementCluster: string;
  namespace: string;
  name: string;
  kubernetesVersion: string;
  mode: 'clusterClass' | 'manifests';
  controlPlaneReplicas: number;
  workerPools: CreateClusterActionWorkerPool[];
  identitySecretName: string;
  cloudName: string;
  output: 'apply' | 'render';
  clusterClass?: string | undefined;
  variables?: Record<string, any> | undefined;
  controlPlaneFlavor?: string | undefined;
  image?: string | undefined;
  externalNetwork?: string | undefined;
  sshKeyName?: string | undefined;
  availabilityZones?: string[] | undefined;
  owner?: string | undefined;
  labels?: Record<string, string> | undefined;
  force?: boolean | undefined;
  targetPath?: string | undefined;
};

/**
 * One preflight check of the cloud (quota, flavor, image, network, key pair, zone).
 * @public
 */
export type CreateClusterActionPreflightCheck = {
  id: string;
  status: 'pass' | 'warn' | 'fail';
  message: string;
};

/**
 * Output of `capi-openstack:cluster:create`.
 * @public
 */
export type CreateClusterActionOutput = {
  clusterRef: string;
  entityRef: string;
  manifestPath: string;
  changed: boolean;
  message: string;
  pageUrl?: string | undefined;
  preflight?:
    | {
        status: 'pass' | 'warn' | 'fail';
        summary: string;
        checks: CreateClusterActionPreflightCheck[];
      }
    | undefined;
};

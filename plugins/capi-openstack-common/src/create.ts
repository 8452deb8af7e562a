/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The contract of the create endpoints, shared by the backend (which
// implements them), the scaffolder actions and the form field extensions.
//
// `POST /clusters` validates, then server-side applies the objects
// (`?dryRun=true`: the API server validates them with dryRun=All, nothing is
// created); `POST /clusters/render` validates the same way and answers the
// manifests for a GitOps repository. Errors: 400 malformed, 403 not allowed
// (the create permission is conditional on management cluster, namespace and
// owner), 409 a cluster of that name already exists (create only creates; an
// identical retry by the same caller answers 200 `changed: false`), 422 a
// value not allowed (the message names the field).

import type { ClusterRef } from './api';
import type { PreflightResult } from './openstack';

/** Field manager of every write the plugin makes. @public */
export const FIELD_MANAGER = 'capi-openstack-backstage';

/** One worker pool of a new cluster. @public */
export interface CreateWorkerPool {
  /** DNS-1123 label, unique in the cluster (e.g. `md-0`). */
  name: string;
  /** Worker class of the ClusterClass (class mode; default: the class's first). */
  class?: string;
  /** Fixed size; with `autoscaler` the initial size (min ≤ replicas ≤ max). */
  replicas?: number;
  /** Cluster autoscaler bounds. */
  autoscaler?: { min: number; max: number };
  /** Nova flavor (default: the class's worker flavor, required for manifests mode). */
  flavor?: string;
  /** Nova availability zone (failure domain) of the pool. */
  availabilityZone?: string;
}

/** `POST /clusters` and `POST /clusters/render`. @public */
export interface CreateClusterRequest {
  managementCluster: string;
  namespace: string;
  name: string;
  /** e.g. `v1.34.2`; must be allowed by the ClusterClass or `capiOpenstack.kubernetesVersions`. */
  kubernetesVersion: string;
  /** `clusterClass`: a Cluster with `spec.topology`; `manifests`: every object of CAPO's cluster template. */
  mode: 'clusterClass' | 'manifests';
  /** Required in `clusterClass` mode. */
  clusterClass?: {
    name: string;
    /** Values of the class's variables, by variable name. */
    variables?: Record<string, unknown>;
  };
  controlPlane: { replicas: number; flavor?: string };
  workerPools: CreateWorkerPool[];
  /** Glance image name (manifests mode; in class mode the `imageName` variable). */
  image?: string;
  /** External network: a UUID is used as id, anything else as a name filter. */
  externalNetwork?: string;
  sshKeyName?: string;
  /** The Secret holding clouds.yaml (must exist in the namespace when applying) and the cloud in it. */
  identity: { secretName: string; cloudName: string };
  /** Control plane availability zones (also the default of pools without one). */
  availabilityZones?: string[];
  /**
   * Entity ref of the owner, e.g. `group:default/team-payments`. Default: the
   * caller's first group. Unless the policy allows creating unconditionally,
   * it must be one of the caller's ownership refs.
   */
  owner?: string;
  /** Extra labels on the Cluster. */
  labels?: Record<string, string>;
  /** Apply although the preflight failed (see `PreflightResult`). */
  force?: boolean;
}

/** One object the create endpoints wrote or would write. @public */
export interface CreatedObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** False when applying changed nothing (a retry). Absent for render. */
  changed?: boolean;
}

/** Answer of `POST /clusters` and `POST /clusters/render`. @public */
export interface CreateClusterResponse {
  cluster: ClusterRef;
  dryRun: boolean;
  /** True when any object was created or changed (false for a retry and for render). */
  changed: boolean;
  message: string;
  objects: CreatedObject[];
  /** The manifests (plain objects in apply order; as the API server returned them for dry runs). */
  manifests: Array<Record<string, any>>;
  /** Quota and resource checks against the cloud of `identity` (absent for render). */
  preflight?: PreflightResult;
}

/** A ClusterClass the create form can offer. @public */
export interface CreateOptionsClass {
  managementCluster: string;
  namespace: string;
  name: string;
  /** `spec.kubernetesVersions` of the class (empty: any allowed version). */
  kubernetesVersions: string[];
  /** Worker classes (`spec.workers.machineDeployments[].class`). */
  workerClasses: string[];
  variables: Array<{ name: string; required: boolean; schema: Record<string, any> }>;
}

/** `GET /create-options`: what the create form may offer. @public */
export interface CreateOptionsResponse {
  managementClusters: Array<{ name: string; title: string; supported: boolean; message?: string }>;
  /**
   * Namespaces the caller may create clusters in, as far as the backend knows
   * them (its namespace allow-list, else the namespaces holding clusters or
   * ClusterClasses).
   */
  namespaces?: Array<{ managementCluster: string; namespace: string }>;
  /** The owner a request without one gets: the caller's first group. */
  defaultOwner?: string;
  /** `capiOpenstack.kubernetesVersions` (empty: any version). */
  kubernetesVersions: string[];
  /** `capiOpenstack.flavors` (empty: any flavor). */
  flavors: string[];
  clusterClasses: CreateOptionsClass[];
}

/** Path of the create endpoints. @public */
export const createPaths = {
  create: 'clusters',
  render: 'clusters/render',
  options: 'create-options',
} as const;

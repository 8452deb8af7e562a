/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { OwnerReference } from '@internal/test-support';

/** The owner of a seed object, in the same namespace; the applier resolves its uid. */
export interface SeedOwner {
  apiVersion: string;
  kind: string;
  name: string;
  controller?: boolean;
}

export interface SeedManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    /** Never set by the generator: the applier builds it from `owner`. */
    ownerReferences?: OwnerReference[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * One object to create, in list order. `status` goes through the status
 * subresource after creation; `owner` always appears earlier in the list.
 */
export interface SeedObject {
  manifest: SeedManifest;
  status?: Record<string, unknown>;
  owner?: SeedOwner;
}

export type SnapshotId =
  | 'S1'
  | 'S2'
  | 'S3'
  | 'S4'
  | 'S5'
  | 'S6'
  | 'S7'
  | 'S8'
  | 'S9'
  | 'S10';

export type {
  ConditionStatus,
  V1beta2Condition as Condition,
  V1beta1Condition as LegacyCondition,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

export interface ClusterVariable {
  name: string;
  value: unknown;
}

export interface PoolSpec {
  /** Topology name (`md-0`); a plain cluster's MachineDeployment is `<cluster>-<name>`. */
  name: string;
  /** spec.replicas; leave unset for an autoscaled pool. */
  replicas?: number;
  /** Machines that exist (defaults to replicas). */
  machines?: number;
  autoscale?: { min: number; max: number };
  flavor: string;
  failureDomain?: string;
  /** Extra labels for the pool's Machines (e.g. Magnum's nodegroup label). */
  machineLabels?: Record<string, string>;
  /** Per-pool topology variable overrides (classy clusters). */
  variableOverrides?: ClusterVariable[];
}

export interface DemoClusterSpec {
  name: string;
  namespace: string;
  /** Backstage group owning the cluster (OWNER_LABEL). */
  team?: string;
  version: string;
  controlPlane: {
    replicas: number;
    flavor: string;
    machineLabels?: Record<string, string>;
  };
  pools: PoolSpec[];
  /** Nova availability zones (Cluster failure domains); default ['nova']. */
  availabilityZones?: string[];
  bastion?: boolean;
  /** How long ago the cluster was created (fractions allowed). */
  ageDays: number;
  /** Glance image name prefix; the image used is `<prefix>-<version>`. */
  imageName: string;
  /** Use this Glance image id instead of a name filter (Magnum passes imageUUID). */
  imageId?: string;
  sshKeyName: string;
  /** Cloud name inside the clouds.yaml secret. */
  cloudName: string;
  snapshot?: SnapshotId;
  /** Extra labels on the Cluster object only. */
  clusterLabels?: Record<string, string>;
  /** Classy cluster: class name and variables. */
  topology?: {
    className: string;
    variables: ClusterVariable[];
  };
  /** KCP spec.rollout.before.certificatesExpiryDays. */
  certificatesExpiryDays?: number;
  /** Name of the application credential in clouds.yaml comments (Magnum). */
  applicationCredentialName?: string;
}

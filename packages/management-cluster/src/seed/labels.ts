/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Annotation naming the status snapshot (S1..S10) a demo cluster shows. */
export const SNAPSHOT_ANNOTATION = 'capi-openstack.dev/snapshot';
/** Label telling the simulated controllers to leave an object alone. */
export const FROZEN_LABEL = 'capi-openstack.dev/simulator';
export const FROZEN_VALUE = 'frozen';
/** Label on Clusters naming the owning Backstage group (labels cannot hold `group:default/x`). */
export const OWNER_LABEL = 'capi-openstack.dev/owner';
/**
 * Must equal SEED_DELETE_ANNOTATION in ../applySeed.ts (not imported, to keep
 * the generator free of the HTTP client).
 */
export const SEED_DELETE_ANNOTATION = 'capi-openstack.dev/seed-delete';

/**
 * Marks a Secret as an identity Secret that new clusters may use; equals
 * IDENTITY_SECRET_LABEL of the common package (the generator has no
 * dependency on it).
 */
export const IDENTITY_SECRET_LABEL = 'capi-openstack.dev/identity';

export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const CONTROL_PLANE_LABEL = 'cluster.x-k8s.io/control-plane';
export const CONTROL_PLANE_NAME_LABEL = 'cluster.x-k8s.io/control-plane-name';
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
export const SET_NAME_LABEL = 'cluster.x-k8s.io/set-name';
export const TEMPLATE_HASH_LABEL = 'machine-template-hash';
export const TOPOLOGY_OWNED_LABEL = 'topology.cluster.x-k8s.io/owned';
export const TOPOLOGY_DEPLOYMENT_LABEL =
  'topology.cluster.x-k8s.io/deployment-name';
export const MOVE_LABEL = 'clusterctl.cluster.x-k8s.io/move';
export const NODEGROUP_LABEL = 'node.cluster.x-k8s.io/nodegroup';

export const CLONED_FROM_NAME = 'cluster.x-k8s.io/cloned-from-name';
export const CLONED_FROM_GROUPKIND = 'cluster.x-k8s.io/cloned-from-groupkind';
export const AUTOSCALER_MIN =
  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
export const AUTOSCALER_MAX =
  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';
export const MD_REVISION = 'machinedeployment.clusters.x-k8s.io/revision';

export const CLUSTER_FINALIZER = 'cluster.cluster.x-k8s.io';
export const KCP_FINALIZER = 'kubeadm.controlplane.cluster.x-k8s.io';
export const MACHINE_FINALIZER = 'machine.cluster.x-k8s.io';

export const CAPI_GROUP = 'cluster.x-k8s.io';
export const CONTROLPLANE_GROUP = 'controlplane.cluster.x-k8s.io';
export const BOOTSTRAP_GROUP = 'bootstrap.cluster.x-k8s.io';
export const INFRA_GROUP = 'infrastructure.cluster.x-k8s.io';

export const CAPI_V = `${CAPI_GROUP}/v1beta2`;
export const CONTROLPLANE_V = `${CONTROLPLANE_GROUP}/v1beta2`;
export const BOOTSTRAP_V = `${BOOTSTRAP_GROUP}/v1beta2`;
export const INFRA_V = `${INFRA_GROUP}/v1beta1`;
export const INFRA_V1ALPHA1 = `${INFRA_GROUP}/v1alpha1`;

/** Where Magnum's driver keeps its clusters. */
export const MAGNUM_NAMESPACE = 'magnum-system';
/** The demo teams: one namespace and one Backstage group each. */
export const DEMO_TEAMS = [
  'team-payments',
  'team-data',
  'team-platform',
] as const;

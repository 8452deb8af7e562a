/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Kubernetes labels: the ones CAPI controllers set, and this project's own.

/** Label on every object of a workload cluster: the Cluster's name. @public */
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
/** Label (value `""`) on control-plane Machines. @public */
export const CONTROL_PLANE_LABEL = 'cluster.x-k8s.io/control-plane';
/** Label on control-plane Machines: the KubeadmControlPlane's name. @public */
export const CONTROL_PLANE_NAME_LABEL = 'cluster.x-k8s.io/control-plane-name';
/** Label on MachineSets and Machines: the MachineDeployment's name. @public */
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
/** Label on Machines: the MachineSet's name. @public */
export const SET_NAME_LABEL = 'cluster.x-k8s.io/set-name';
/** Label on MachineSets and Machines: hash of the MachineDeployment template. @public */
export const TEMPLATE_HASH_LABEL = 'machine-template-hash';
/** Label (value `""`) on objects the topology controller manages. @public */
export const TOPOLOGY_OWNED_LABEL = 'topology.cluster.x-k8s.io/owned';
/** Label on topology-managed MachineDeployments: the pool's name in `spec.topology`. @public */
export const TOPOLOGY_DEPLOYMENT_LABEL = 'topology.cluster.x-k8s.io/deployment-name';
/** Label clusterctl moves objects by. @public */
export const MOVE_LABEL = 'clusterctl.cluster.x-k8s.io/move';
/** Label on Nodes: the node group (pool) they belong to. @public */
export const NODEGROUP_LABEL = 'node.cluster.x-k8s.io/nodegroup';

/** Label on a Cluster naming its Backstage owner (labels cannot hold `group:default/x`). @public */
export const OWNER_LABEL = 'capi-openstack.dev/owner';

/**
 * Label that marks a Secret (holding `clouds.yaml`) as an identity Secret:
 * only Secrets with `capi-openstack.dev/identity: "true"`, or named by an
 * OpenStackClusterIdentity whose namespaceSelector admits the namespace, can
 * be used for new clusters and their cloud lookups. @public
 */
export const IDENTITY_SECRET_LABEL = 'capi-openstack.dev/identity';
/** Value of {@link IDENTITY_SECRET_LABEL}. @public */
export const IDENTITY_SECRET_LABEL_VALUE = 'true';

/** Label telling the simulated controllers to leave an object alone (demo snapshot clusters). @public */
export const FROZEN_LABEL = 'capi-openstack.dev/simulator';
/** Value of {@link FROZEN_LABEL}. @public */
export const FROZEN_VALUE = 'frozen';

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// API groups, the kinds of each, and the finalizers of CAPI and CAPO.

/** Core Cluster API group. @public */
export const CAPI_GROUP = 'cluster.x-k8s.io';
/** Group of KubeadmControlPlane. @public */
export const CONTROLPLANE_GROUP = 'controlplane.cluster.x-k8s.io';
/** Group of KubeadmConfig. @public */
export const BOOTSTRAP_GROUP = 'bootstrap.cluster.x-k8s.io';
/** Group of the CAPO (OpenStack) kinds. @public */
export const INFRA_GROUP = 'infrastructure.cluster.x-k8s.io';

/** The API group of each CAPI, kubeadm and CAPO kind. @public */
export const KIND_GROUPS = {
  Cluster: CAPI_GROUP,
  ClusterClass: CAPI_GROUP,
  MachineDeployment: CAPI_GROUP,
  MachineSet: CAPI_GROUP,
  Machine: CAPI_GROUP,
  MachineHealthCheck: CAPI_GROUP,
  KubeadmControlPlane: CONTROLPLANE_GROUP,
  KubeadmControlPlaneTemplate: CONTROLPLANE_GROUP,
  KubeadmConfig: BOOTSTRAP_GROUP,
  KubeadmConfigTemplate: BOOTSTRAP_GROUP,
  OpenStackCluster: INFRA_GROUP,
  OpenStackClusterTemplate: INFRA_GROUP,
  OpenStackMachine: INFRA_GROUP,
  OpenStackMachineTemplate: INFRA_GROUP,
  OpenStackServer: INFRA_GROUP,
} as const;

/** A kind of {@link KIND_GROUPS}. @public */
export type CapiKind = keyof typeof KIND_GROUPS;

/** Finalizer of Clusters (and the topology templates they own). @public */
export const CLUSTER_FINALIZER = 'cluster.cluster.x-k8s.io';
/** Finalizer of KubeadmControlPlanes. @public */
export const KCP_FINALIZER = 'kubeadm.controlplane.cluster.x-k8s.io';
/** Finalizer of MachineDeployments. @public */
export const MD_FINALIZER = 'cluster.x-k8s.io/machinedeployment';
/** Finalizer of MachineSets. @public */
export const MS_FINALIZER = 'cluster.x-k8s.io/machineset';
/** Finalizer of Machines. @public */
export const MACHINE_FINALIZER = 'machine.cluster.x-k8s.io';
/** Finalizer of OpenStackClusters. @public */
export const OPENSTACK_CLUSTER_FINALIZER = 'openstackcluster.infrastructure.cluster.x-k8s.io';
/** Finalizer of OpenStackMachines. @public */
export const OPENSTACK_MACHINE_FINALIZER = 'openstackmachine.infrastructure.cluster.x-k8s.io';
/** Finalizer of OpenStackServers. @public */
export const OPENSTACK_SERVER_FINALIZER = 'openstackserver.infrastructure.cluster.x-k8s.io';

/** Secret type of kubeconfig and bootstrap data Secrets. @public */
export const CAPI_SECRET_TYPE = 'cluster.x-k8s.io/secret';

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/** The field manager of every write the simulator makes. */
export const FIELD_MANAGER = 'capi-openstack-simulator';
/** reportingInstance of its Events. */
export const REPORTING_INSTANCE = 'capi-openstack-simulator';

/** Label the demo seed puts on snapshot clusters: the simulator leaves them alone. */
export const FROZEN_LABEL = 'capi-openstack.dev/simulator';
export const FROZEN_VALUE = 'frozen';

export const CAPI_GROUP = 'cluster.x-k8s.io';
export const CONTROLPLANE_GROUP = 'controlplane.cluster.x-k8s.io';
export const BOOTSTRAP_GROUP = 'bootstrap.cluster.x-k8s.io';
export const INFRA_GROUP = 'infrastructure.cluster.x-k8s.io';

export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const CONTROL_PLANE_LABEL = 'cluster.x-k8s.io/control-plane';
export const CONTROL_PLANE_NAME_LABEL = 'cluster.x-k8s.io/control-plane-name';
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
export const SET_NAME_LABEL = 'cluster.x-k8s.io/set-name';
export const TEMPLATE_HASH_LABEL = 'machine-template-hash';
export const TOPOLOGY_OWNED_LABEL = 'topology.cluster.x-k8s.io/owned';
export const TOPOLOGY_DEPLOYMENT_LABEL =
  'topology.cluster.x-k8s.io/deployment-name';

export const PAUSED_ANNOTATION = 'cluster.x-k8s.io/paused';
export const DELETE_MACHINE_ANNOTATION = 'cluster.x-k8s.io/delete-machine';
export const CLONED_FROM_NAME = 'cluster.x-k8s.io/cloned-from-name';
export const CLONED_FROM_GROUPKIND = 'cluster.x-k8s.io/cloned-from-groupkind';
export const CERTIFICATES_EXPIRY_ANNOTATION =
  'machine.cluster.x-k8s.io/certificates-expiry';
export const MD_REVISION_ANNOTATION =
  'machinedeployment.clusters.x-k8s.io/revision';

export const CLUSTER_FINALIZER = 'cluster.cluster.x-k8s.io';
export const KCP_FINALIZER = 'kubeadm.controlplane.cluster.x-k8s.io';
export const MD_FINALIZER = 'cluster.x-k8s.io/machinedeployment';
export const MS_FINALIZER = 'cluster.x-k8s.io/machineset';
export const MACHINE_FINALIZER = 'machine.cluster.x-k8s.io';
export const OPENSTACK_CLUSTER_FINALIZER =
  'openstackcluster.infrastructure.cluster.x-k8s.io';
export const OPENSTACK_MACHINE_FINALIZER =
  'openstackmachine.infrastructure.cluster.x-k8s.io';
export const OPENSTACK_SERVER_FINALIZER =
  'openstackserver.infrastructure.cluster.x-k8s.io';

/** Secret type of kubeconfig and bootstrap data secrets. */
export const CAPI_SECRET_TYPE = 'cluster.x-k8s.io/secret';

/** The OpenStack region every simulated server lives in. */
export const REGION = 'RegionOne';

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of the cluster permissions (conditional decisions apply). @public */
export const CAPI_CLUSTER_RESOURCE_TYPE = 'capi-openstack-cluster';

const clusterPermission = (
  action: string,
  attributes: { action?: 'read' | 'create' | 'update' | 'delete' },
) =>
  createPermission({
    name: `capi-openstack.cluster.${action}`,
    attributes,
    resourceType: CAPI_CLUSTER_RESOURCE_TYPE,
  });

/** Read a workload cluster (summary, tree, events). @public */
export const capiClusterReadPermission = clusterPermission('read', { action: 'read' });
/** Scale the control plane or a worker pool. @public */
export const capiClusterScalePermission = clusterPermission('scale', { action: 'update' });
/** Upgrade the Kubernetes version. @public */
export const capiClusterUpgradePermission = clusterPermission('upgrade', { action: 'update' });
/** Flavor, autoscaler bounds, certificates, restarts. @public */
export const capiClusterUpdatePermission = clusterPermission('update', { action: 'update' });
/** Pause and resume reconciliation. @public */
export const capiClusterPausePermission = clusterPermission('pause', { action: 'update' });
/**
 * Replace one machine: delete it so that its owner (MachineSet or control
 * plane) creates a new one. @public
 */
export const capiClusterReplaceMachinePermission = clusterPermission('machine.replace', { action: 'update' });
/** Hibernate (workers to 0) and wake a workload cluster, and set its schedule. @public */
export const capiClusterHibernatePermission = clusterPermission('hibernate', { action: 'update' });
/** Delete a workload cluster. @public */
export const capiClusterDeletePermission = clusterPermission('delete', { action: 'delete' });
/**
 * Read the admin kubeconfig of a workload cluster. It has no `action`
 * attribute on purpose: a policy that allows every `read` must not hand out
 * cluster-admin credentials. @public
 */
export const capiClusterKubeconfigPermission = clusterPermission('kubeconfig', {});

/**
 * Open a machine's remote console (Nova noVNC). Like the kubeconfig, no
 * `action` attribute: a policy that allows every `read` must not hand out
 * consoles. @public
 */
export const capiClusterConsolePermission = clusterPermission('console', {});

/**
 * Create a workload cluster. A resource permission on the cluster to be: a
 * conditional decision is applied to the request's management cluster,
 * namespace and owner (the same rules as the read side), so a policy can say
 * "team X creates only in namespace team-x, owned by group:default/team-x".
 * @public
 */
export const capiClusterCreatePermission = clusterPermission('create', { action: 'create' });

/** Every permission of the plugin. @public */
export const capiOpenstackPermissions = [
  capiClusterReadPermission,
  capiClusterScalePermission,
  capiClusterUpgradePermission,
  capiClusterUpdatePermission,
  capiClusterPausePermission,
  capiClusterReplaceMachinePermission,
  capiClusterHibernatePermission,
  capiClusterDeletePermission,
  capiClusterKubeconfigPermission,
  capiClusterConsolePermission,
  capiClusterCreatePermission,
];

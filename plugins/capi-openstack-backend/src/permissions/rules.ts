/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  CAPI_CLUSTER_RESOURCE_TYPE,
  ClusterSummary,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/** Filter form of the rules (clusters are filtered in memory). @public */
export type ClusterFilter = {
  property: 'owner' | 'namespace' | 'managementCluster';
  values: string[];
};

/** @public */
export const clusterPermissionResourceRef = createPermissionResourceRef<
  ClusterSummary,
  ClusterFilter
>().with({ pluginId: 'capi-openstack', resourceType: CAPI_CLUSTER_RESOURCE_TYPE });

/** The cluster's owner is one of the given entity refs (e.g. the user's ownership refs). @public */
export const isClusterOwner = createPermissionRule({
  name: 'IS_CLUSTER_OWNER',
  description: 'Allow clusters owned by one of the given entity refs',
  resourceRef: clusterPermissionResourceRef,
  paramsSchema: z.object({
    claims: z.array(z.string()).describe('Entity refs, e.g. group:default/team-a'),
  }),
  apply: (cluster, { claims }) => claims.includes(cluster.owner),
  toQuery: ({ claims }) => ({ property: 'owner', values: claims }),
});

/** The cluster lives in one of the given namespaces. @public */
export const isInNamespace = createPermissionRule({
  name: 'IS_IN_NAMESPACE',
  description: 'Allow clusters in the given namespaces of their management cluster',
  resourceRef: clusterPermissionResourceRef,
  paramsSchema: z.object({ namespaces: z.array(z.string()).describe('Namespaces') }),
  apply: (cluster, { namespaces }) => namespaces.includes(cluster.namespace),
  toQuery: ({ namespaces }) => ({ property: 'namespace', values: namespaces }),
});

/** The cluster belongs to one of the given management clusters. @public */
export const isInManagementCluster = createPermissionRule({
  name: 'IS_IN_MANAGEMENT_CLUSTER',
  description: 'Allow clusters of the given management clusters',
  resourceRef: clusterPermissionResourceRef,
  paramsSchema: z.object({
    managementClusters: z
      .array(z.string())
      .describe('Management cluster names (capiOpenstack.managementClusters[].name)'),
  }),
  apply: (cluster, { managementClusters }) => managementClusters.includes(cluster.managementCluster),
  toQuery: ({ managementClusters }) => ({ property: 'managementCluster', values: managementClusters }),
});

/** @public */
export const clusterPermissionRules = { isClusterOwner, isInNamespace, isInManagementCluster };

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InputError } from '@backstage/errors';
import { ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/**
 * Zod fields naming an existing cluster, shared by the day-2 actions:
 * either `cluster` (`<managementCluster>/<namespace>/<name>`, the `clusterRef`
 * output of the create action) or the three parts.
 */
export const clusterRefInput = {
  cluster: (z: any) =>
    z
      .string()
      .optional()
      .describe('The cluster as `<managementCluster>/<namespace>/<name>` (the `clusterRef` output of capi-openstack:cluster:create); or give the three fields below'),
  managementCluster: (z: any) => z.string().optional().describe('Management cluster name (with namespace and name, instead of cluster)'),
  namespace: (z: any) => z.string().optional().describe('Namespace of the Cluster object'),
  name: (z: any) => z.string().optional().describe('Name of the Cluster object'),
};

/** The cluster an action input names; errors name the field. */
export function clusterRefOf(input: {
  cluster?: string;
  managementCluster?: string;
  namespace?: string;
  name?: string;
}): ClusterRef {
  if (input.cluster) {
    const parts = input.cluster.split('/');
    if (parts.length !== 3 || parts.some(p => !p)) {
      throw new InputError(`cluster "${input.cluster}" must look like <managementCluster>/<namespace>/<name>`);
    }
    return { managementCluster: parts[0], namespace: parts[1], name: parts[2] };
  }
  const missing = (['managementCluster', 'namespace', 'name'] as const).filter(k => !input[k]);
  if (missing.length) {
    throw new InputError(`${missing.join(', ')}: required when cluster is not given`);
  }
  return { managementCluster: input.managementCluster!, namespace: input.namespace!, name: input.name! };
}

/** `mc/ns/name`. */
export function formatClusterRef(ref: ClusterRef): string {
  return `${ref.managementCluster}/${ref.namespace}/${ref.name}`;
}

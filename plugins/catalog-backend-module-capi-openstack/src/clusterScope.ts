/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterEntityFilter } from './providerOptions';

/** The clusters a {@link ClusterEntityFilter} publishes. */
export class ClusterScope {
  readonly managementClusters?: Set<string>;
  readonly namespaces?: Set<string>;

  constructor(filter: ClusterEntityFilter | undefined) {
    const { managementClusters, namespaces } = filter ?? {};
    this.managementClusters = managementClusters ? new Set(managementClusters) : undefined;
    this.namespaces = namespaces ? new Set(namespaces) : undefined;
  }

  /** Whether the filter publishes the clusters of this management cluster (all or some namespaces). */
  mcInScope(name: string): boolean {
    return !this.managementClusters || this.managementClusters.has(name);
  }

  /** Whether the filter publishes the cluster. */
  inScope(ref: ClusterRef): boolean {
    return this.mcInScope(ref.managementCluster) && (!this.namespaces || this.namespaces.has(ref.namespace));
  }

  /** The filter as `GET /clusters` parameters, so that the server leaves out what is not published. */
  query(): { managementCluster?: string[]; namespace?: string[] } {
    return {
      ...(this.managementClusters?.size ? { managementCluster: [...this.managementClusters] } : {}),
      ...(this.namespaces?.size ? { namespace: [...this.namespaces] } : {}),
    };
  }

}

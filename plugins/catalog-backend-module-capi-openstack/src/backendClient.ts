/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AuthService, DiscoveryService, LoggerService } from '@backstage/backend-plugin-api';
import {
  clusterKey,
  ClusterSummary,
  ManagementClusterStatus,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CapiOpenstackClient } from '@capi-openstack/backstage-plugin-capi-openstack-node';
import { ClusterScope } from './clusterScope';

/** Full syncs whose pages were inconsistent (clusters removed meanwhile) are retried this often. */
const MAX_SYNC_ATTEMPTS = 3;

/**
 * Reads the capi-openstack plugin's REST API (through its -node client)
 * with the provider's own service credentials.
 */
export class BackendClient {
  private readonly client: CapiOpenstackClient;

  constructor(
    discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
    private readonly pageSize: number,
    private readonly scope: ClusterScope,
  ) {
    this.client = new CapiOpenstackClient({ discovery, auth });
  }

  /** `GET /stream` as the provider. */
  async stream(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    return this.client.streamChanges({ credentials: await this.auth.getOwnServiceCredentials(), signal });
  }

  /**
   * Every cluster in scope, paged; retried when clusters were removed between
   * pages (items may have shifted). `removalsReceived` counts the removals
   * the event stream reported so far.
   */
  async fetchAll(removalsReceived: () => number): Promise<{ summaries: ClusterSummary[]; managementClusters: ManagementClusterStatus[] }> {
    const credentials = await this.auth.getOwnServiceCredentials();
    for (let attempt = 1; ; attempt++) {
      const removalsBefore = removalsReceived();
      const byKey = new Map<string, ClusterSummary>();
      let managementClusters: ManagementClusterStatus[] = [];
      let total: number | undefined;
      let consistent = true;
      let offset = 0;
      let pages = 0;
      while (total === undefined || offset < total) {
        const page = await this.client.listClusters(
          { sort: 'name', order: 'asc', offset, limit: this.pageSize, ...this.scope.query() },
          { credentials },
        );
        pages += 1;
        if (total !== undefined && page.totalCount !== total) consistent = false;
        total = page.totalCount;
        managementClusters = page.managementClusters ?? [];
        for (const s of page.items) byKey.set(clusterKey(s), s);
        if (page.items.length === 0) break;
        offset += page.items.length;
      }
      if (pages > 1 && removalsReceived() !== removalsBefore) consistent = false;
      if (consistent || attempt >= MAX_SYNC_ATTEMPTS) {
        if (!consistent) {
          this.logger.warn(
            `The fleet changed while it was read ${attempt} times; publishing the last read, the next sync completes it`,
          );
        }
        return { summaries: [...byKey.values()], managementClusters };
      }
    }
  }
}

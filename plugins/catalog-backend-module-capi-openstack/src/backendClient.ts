/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AuthService, DiscoveryService, LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterListResponse,
  clusterKey,
  ClusterSummary,
  ManagementClusterStatus,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from './clusterScope';

/** Plugin id of the capi-openstack backend plugin, whose REST API is read. */
const TARGET_PLUGIN_ID = 'capi-openstack';
/** Full syncs whose pages were inconsistent (clusters removed meanwhile) are retried this often. */
const MAX_SYNC_ATTEMPTS = 3;

/** Reads the capi-openstack plugin's REST API with the provider's own service credentials. */
export class BackendClient {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
    private readonly pageSize: number,
    private readonly scope: ClusterScope,
  ) {}

  /** A service token for the capi-openstack plugin. */
  async token(): Promise<string> {
    const auth = this.auth;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: TARGET_PLUGIN_ID,
    });
    return token;
  }

  /** Base URL of the capi-openstack plugin. */
  async baseUrl(): Promise<string> {
    return this.discovery.getBaseUrl(TARGET_PLUGIN_ID);
  }

  private async getJson<T>(url: string): Promise<T> {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await this.token()}`, accept: 'application/json' },
    });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }

  /**
   * Every cluster in scope, paged; retried when clusters were removed between
   * pages (items may have shifted). `removalsReceived` counts the removals
   * the event stream reported so far.
   */
  async fetchAll(removalsReceived: () => number): Promise<{ summaries: ClusterSummary[]; managementClusters: ManagementClusterStatus[] }> {
    const base = await this.baseUrl();
    const filterQuery = this.scope.query();
    for (let attempt = 1; ; attempt++) {
      const removalsBefore = removalsReceived();
      const byKey = new Map<string, ClusterSummary>();
      let managementClusters: ManagementClusterStatus[] = [];
      let total: number | undefined;
      let consistent = true;
      let offset = 0;
      let pages = 0;
      while (total === undefined || offset < total) {
        const page = await this.getJson<ClusterListResponse>(
          `${base}/clusters?sort=name&order=asc&offset=${offset}&limit=${this.pageSize}${filterQuery}`,
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

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  actionPaths,
  clusterPathSegments,
  queryString,
  ActionResult,
  CancelPendingOperationResponse,
  ClusterDetailResponse,
  ClusterEventsResponse,
  ClusterListResponse,
  ClusterRef,
  createServerSentEventParser,
  KubeconfigResponse,
  ManagementClustersResponse,
  OpenStackResourcesResponse,
  ServerConsoleResponse,
  openstackPaths,
  StreamChanges,
  UpgradesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  CapiOpenstackApi,
  ClusterActionCall,
  ClusterListQuery,
  ClusterStreamHandlers,
  OpenStackResourcesQuery,
} from './CapiOpenstackApi';

function clusterPath(ref: ClusterRef): string {
  return `/clusters/${clusterPathSegments(ref)}`;
}


/**
 * {@link CapiOpenstackApi} over HTTP: discovery for the base URL, the app's
 * fetchApi for credentials, ResponseError on failures.
 * @public
 */
export class CapiOpenstackClient implements CapiOpenstackApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listClusters(query: ClusterListQuery = {}): Promise<ClusterListResponse> {
    return this.request(`/clusters${queryString(query)}`);
  }

  async getCluster(ref: ClusterRef): Promise<ClusterDetailResponse> {
    return this.request(clusterPath(ref));
  }

  async getClusterEvents(ref: ClusterRef, options: { limit?: number } = {}): Promise<ClusterEventsResponse> {
    return this.request(`${clusterPath(ref)}/events${queryString(options)}`);
  }

  async getManagementClusters(): Promise<ManagementClustersResponse> {
    return this.request('/management-clusters');
  }

  async getUpgrades(ref: ClusterRef): Promise<UpgradesResponse> {
    return this.request(`${clusterPath(ref)}/${actionPaths.upgrades}`);
  }

  async getKubeconfig(ref: ClusterRef): Promise<KubeconfigResponse> {
    return this.request(`${clusterPath(ref)}/${actionPaths.kubeconfig}`);
  }

  async getClusterOpenStack(ref: ClusterRef): Promise<OpenStackResourcesResponse> {
    return this.request(`${clusterPath(ref)}/${openstackPaths.cluster}`);
  }

  async openConsole(ref: ClusterRef, machine: string): Promise<ServerConsoleResponse> {
    return this.request(`${clusterPath(ref)}/machines/${encodeURIComponent(machine)}/console`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
  }

  async getOpenStackResources(query: OpenStackResourcesQuery): Promise<OpenStackResourcesResponse> {
    const params = new URLSearchParams({ secret: query.secret, cloud: query.cloud });
    return this.request(`/${openstackPaths.namespace(query.managementCluster, query.namespace)}?${params}`);
  }

  async cancelPendingOperation(ref: ClusterRef, id: string): Promise<CancelPendingOperationResponse> {
    return this.request(`${clusterPath(ref)}/${actionPaths.pendingOperation(id)}`, { method: 'DELETE' });
  }

  async runAction(ref: ClusterRef, call: ClusterActionCall, options: { dryRun: boolean }): Promise<ActionResult> {
    const path = call.path ? `${clusterPath(ref)}/${call.path}` : clusterPath(ref);
    return this.request(`${path}${options.dryRun ? '?dryRun=true' : ''}`, {
      method: call.method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(call.body),
    });
  }

  async stream(handlers: ClusterStreamHandlers, signal: AbortSignal): Promise<void> {
    // fetch rather than EventSource: EventSource cannot send the Backstage token.
    const baseUrl = await this.discoveryApi.getBaseUrl('capi-openstack');
    const response = await this.fetchApi.fetch(`${baseUrl}/stream`, {
      headers: { Accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    if (!response.body) throw new Error('The stream response has no body');
    handlers.onOpen?.();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parse = createServerSentEventParser();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const event of parse(decoder.decode(value, { stream: true }))) {
          if (event.event === 'changes') handlers.onChanges(JSON.parse(event.data) as StreamChanges);
          else if (event.event === 'snapshot') {
            const snapshot = JSON.parse(event.data) as Pick<StreamChanges, 'managementClusters'>;
            handlers.onChanges({ upserted: [], removed: [], managementClusters: snapshot.managementClusters ?? [] });
          } else if (event.event === 'error') {
            // The backend ended the stream (permission withdrawn, credentials
            // expired): a failure, so the hub reconnects with backoff.
            const { message } = JSON.parse(event.data) as { message?: string };
            throw new Error(message ?? 'The stream ended');
          }
        }
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('capi-openstack');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ActionResult,
  CancelPendingOperationResponse,
  ClusterDetailResponse,
  ClusterEventsResponse,
  ClusterListQuery,
  ClusterListResponse,
  ClusterRef,
  KubeconfigResponse,
  ManagementClustersResponse,
  OpenStackResourcesResponse,
  ServerConsoleResponse,
  StreamChanges,
  UpgradesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Filters, sorting and paging of `GET /clusters` (defined in the common package). @public */
export type { ClusterListQuery };

/** One lifecycle write: method and path relative to the cluster (see `actionPaths`). @public */
export interface ClusterActionCall {
  method: 'POST' | 'DELETE';
  /** Relative to `/clusters/:mc/:ns/:name`; empty for the cluster itself (delete). */
  path: string;
  body: object;
}

/** The identity a new cluster will use, for `getOpenStackResources`. @public */
export interface OpenStackResourcesQuery {
  managementCluster: string;
  namespace: string;
  /** Name of the Secret holding clouds.yaml, in `namespace`. */
  secret: string;
  /** Cloud of clouds.yaml. */
  cloud: string;
}

/** Callbacks of a stream subscription. @public */
export interface ClusterStreamHandlers {
  onChanges(changes: StreamChanges): void;
  /** The connection is open (again): callers may refetch what they missed. */
  onOpen?(): void;
  onError?(error: Error): void;
}

/**
 * Client of the capi-openstack backend plugin.
 * @public
 */
export interface CapiOpenstackApi {
  listClusters(query?: ClusterListQuery): Promise<ClusterListResponse>;
  getCluster(ref: ClusterRef): Promise<ClusterDetailResponse>;
  getClusterEvents(ref: ClusterRef, options?: { limit?: number }): Promise<ClusterEventsResponse>;
  getManagementClusters(): Promise<ManagementClustersResponse>;
  getUpgrades(ref: ClusterRef): Promise<UpgradesResponse>;
  getKubeconfig(ref: ClusterRef): Promise<KubeconfigResponse>;
  /**
   * Flavors, images, networks, key pairs, availability zones and quotas of the
   * cloud of an existing cluster's identity (`available: false` with the
   * configured lists when the cloud cannot be reached).
   */
  getClusterOpenStack(ref: ClusterRef): Promise<OpenStackResourcesResponse>;
  /** A one-time remote console URL of a machine's OpenStack server (permission `capi-openstack.cluster.console`). */
  openConsole(ref: ClusterRef, machine: string): Promise<ServerConsoleResponse>;
  /** The same lists for an identity Secret a new cluster will use (create form). */
  getOpenStackResources(query: OpenStackResourcesQuery): Promise<OpenStackResourcesResponse>;
  /** Cancels an operation that waits for the cluster's maintenance window (it takes the permission of its action). */
  cancelPendingOperation(ref: ClusterRef, id: string): Promise<CancelPendingOperationResponse>;
  /** Runs a lifecycle action; `dryRun` validates without changing anything. */
  runAction(ref: ClusterRef, call: ClusterActionCall, options: { dryRun: boolean }): Promise<ActionResult>;
  /**
   * Reads `GET /stream` until `signal` aborts; resolves when the connection
   * ends (callers reconnect).
   */
  stream(handlers: ClusterStreamHandlers, signal: AbortSignal): Promise<void>;
}

/** @public */
export const capiOpenstackApiRef = createApiRef<CapiOpenstackApi>({
  id: 'plugin.capi-openstack.service',
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { CustomErrorBase } from '@backstage/errors';
import {
  ActionBodies,
  ActionResult,
  actionPaths,
  actionRequest,
  clusterPathSegments,
  ClusterDetailResponse,
  ClusterListQuery,
  ClusterListResponse,
  ClusterRef,
  CreateClusterRequest,
  CreateClusterResponse,
  CreateOptionsResponse,
  createPaths,
  ScaleControlPlaneRequest,
  ScalePoolRequest,
  SetAutoscalerRequest,
  UpgradeRequest,
  queryString,
  UpgradesResponse,
  WriteAction,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Options of every call: whose request it is. @public */
export interface CallOptions {
  /** The caller, e.g. a scaffolder task's `ctx.getInitiatorCredentials()`. */
  credentials: BackstageCredentials;
}

/**
 * An error answer of the capi-openstack backend: the status and the
 * backend's message (which names the offending field).
 * @public
 */
export class CapiOpenstackRequestError extends CustomErrorBase {
  constructor(
    readonly statusCode: number,
    /** Error name of the backend (`InputError`, `ConflictError`, …). */
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'CapiOpenstackRequestError';
  }
}

/**
 * The capi-openstack backend as seen from other backend plugins and
 * modules (the scaffolder actions): the same REST API, hence the same
 * validation, permissions and audit, called on behalf of a user.
 * @public
 */
export interface CapiOpenstackService {
  getCreateOptions(options: CallOptions): Promise<CreateOptionsResponse>;
  createCluster(request: CreateClusterRequest, options: CallOptions & { dryRun?: boolean }): Promise<CreateClusterResponse>;
  renderCluster(request: CreateClusterRequest, options: CallOptions): Promise<CreateClusterResponse>;
  /** One page of the clusters the caller may read. */
  listClusters(query: ClusterListQuery, options: CallOptions): Promise<ClusterListResponse>;
  /**
   * `GET /stream`: the server-sent events of fleet changes (parse them with
   * `createServerSentEventParser`); ends with `signal`.
   */
  streamChanges(options: CallOptions & { signal: AbortSignal }): Promise<ReadableStream<Uint8Array>>;
  /** undefined when the cluster does not exist or the caller may not read it. */
  getCluster(ref: ClusterRef, options: CallOptions): Promise<ClusterDetailResponse | undefined>;
  /**
   * Any lifecycle action of the common action table (`clusterActions`);
   * `pool` names the worker pool of pool actions, `machine` the Machine of machine actions,
   * `healthCheck` the target of a health check edit (`MachineHealthCheckNode.target`).
   */
  runAction<A extends WriteAction>(
    ref: ClusterRef,
    action: A,
    body: ActionBodies[A],
    options: CallOptions & { dryRun?: boolean; pool?: string; machine?: string; healthCheck?: string },
  ): Promise<ActionResult>;
  scaleControlPlane(ref: ClusterRef, body: ScaleControlPlaneRequest, options: CallOptions & { dryRun?: boolean }): Promise<ActionResult>;
  scalePool(ref: ClusterRef, pool: string, body: ScalePoolRequest, options: CallOptions & { dryRun?: boolean }): Promise<ActionResult>;
  setAutoscaler(ref: ClusterRef, pool: string, body: SetAutoscalerRequest, options: CallOptions & { dryRun?: boolean }): Promise<ActionResult>;
  getUpgrades(ref: ClusterRef, options: CallOptions): Promise<UpgradesResponse>;
  upgrade(ref: ClusterRef, body: UpgradeRequest, options: CallOptions & { dryRun?: boolean }): Promise<ActionResult>;
}

const PLUGIN_ID = 'capi-openstack';

function clusterPath(ref: ClusterRef, sub?: string) {
  const base = `clusters/${clusterPathSegments(ref)}`;
  return sub ? `${base}/${sub}` : base;
}

async function readJson(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** HTTP client of the capi-openstack backend with service-to-service tokens on behalf of the caller. @public */
export class CapiOpenstackClient implements CapiOpenstackService {
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** For tests: the fetch implementation. */
      fetch?: typeof fetch;
    },
  ) {}

  private async fetch(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    options: CallOptions & { body?: unknown; dryRun?: boolean; accept?: string; signal?: AbortSignal },
  ): Promise<Response> {
    const base = await this.deps.discovery.getBaseUrl(PLUGIN_ID);
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: PLUGIN_ID,
    });
    const url = `${base}/${path}${options.dryRun ? '?dryRun=true' : ''}`;
    return (this.deps.fetch ?? fetch)(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: options.accept ?? 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  }

  private async failure(res: Response, method: string, path: string): Promise<CapiOpenstackRequestError> {
    const body = await readJson(res);
    return new CapiOpenstackRequestError(
      res.status,
      body?.error?.name ?? 'Error',
      body?.error?.message ?? `${method} /${path.split('?')[0]} failed with ${res.status} ${res.statusText}`,
    );
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    options: CallOptions & { body?: unknown; dryRun?: boolean; allow404?: boolean },
  ): Promise<T> {
    const res = await this.fetch(method, path, options);
    if (!res.ok) {
      if (options.allow404 && res.status === 404) return undefined as T;
      throw await this.failure(res, method, path);
    }
    return (await readJson(res)) as T;
  }

  listClusters(query: ClusterListQuery, options: CallOptions) {
    return this.call<ClusterListResponse>('GET', `clusters${queryString(query)}`, options);
  }

  async streamChanges(options: CallOptions & { signal: AbortSignal }) {
    const res = await this.fetch('GET', 'stream', { ...options, accept: 'text/event-stream' });
    if (!res.ok) throw await this.failure(res, 'GET', 'stream');
    if (!res.body) throw new Error('the event stream has no body');
    return res.body;
  }

  getCreateOptions(options: CallOptions) {
    return this.call<CreateOptionsResponse>('GET', createPaths.options, options);
  }

  createCluster(request: CreateClusterRequest, options: CallOptions & { dryRun?: boolean }) {
    return this.call<CreateClusterResponse>('POST', createPaths.create, { ...options, body: request });
  }

  renderCluster(request: CreateClusterRequest, options: CallOptions) {
    return this.call<CreateClusterResponse>('POST', createPaths.render, { ...options, body: request });
  }

  getCluster(ref: ClusterRef, options: CallOptions) {
    return this.call<ClusterDetailResponse | undefined>('GET', clusterPath(ref), { ...options, allow404: true });
  }

  runAction<A extends WriteAction>(
    ref: ClusterRef,
    action: A,
    body: ActionBodies[A],
    options: CallOptions & { dryRun?: boolean; pool?: string; machine?: string; healthCheck?: string },
  ) {
    const { method, path } = actionRequest(action, options.pool ?? options.machine ?? options.healthCheck);
    return this.call<ActionResult>(method, clusterPath(ref, path || undefined), { ...options, body });
  }

  scaleControlPlane(ref: ClusterRef, body: ScaleControlPlaneRequest, options: CallOptions & { dryRun?: boolean }) {
    return this.runAction(ref, 'scale-control-plane', body, options);
  }

  scalePool(ref: ClusterRef, pool: string, body: ScalePoolRequest, options: CallOptions & { dryRun?: boolean }) {
    return this.runAction(ref, 'scale-pool', body, { ...options, pool });
  }

  setAutoscaler(ref: ClusterRef, pool: string, body: SetAutoscalerRequest, options: CallOptions & { dryRun?: boolean }) {
    return this.runAction(ref, 'set-autoscaler', body, { ...options, pool });
  }

  getUpgrades(ref: ClusterRef, options: CallOptions) {
    return this.call<UpgradesResponse>('GET', clusterPath(ref, actionPaths.upgrades), options);
  }

  upgrade(ref: ClusterRef, body: UpgradeRequest, options: CallOptions & { dryRun?: boolean }) {
    return this.runAction(ref, 'upgrade', body, options);
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type {
  ActionResult,
  ClusterDetailResponse,
  ClusterListResponse,
  ClusterRef,
  OpenStackResourcesResponse,
  ServerConsoleResponse,
  StreamChanges,
  UpgradesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { CapiOpenstackApi, ClusterActionCall, ClusterListQuery, ClusterStreamHandlers, OpenStackResourcesQuery } from '../api/CapiOpenstackApi';

/**
 * An in-memory {@link CapiOpenstackApi} for component tests: answers from
 * fields the test sets, records calls, and lets the test push stream changes.
 */
export class FakeCapiOpenstackApi implements CapiOpenstackApi {
  list: ClusterListResponse | ((q: ClusterListQuery) => ClusterListResponse | Promise<ClusterListResponse>) = {
    items: [],
    totalCount: 0,
    verdictCounts: {},
    managementClusters: [],
  };
  detail?: ClusterDetailResponse | Error;
  /** Answer of getUpgrades: the same for every cluster, or per cluster; an Error (returned or thrown) fails the call. */
  upgrades: UpgradesResponse | Error | ((ref: ClusterRef) => UpgradesResponse | Error | Promise<UpgradesResponse>) = { targets: [] };
  /** Answer of getClusterOpenStack and getOpenStackResources (unset: they fail); a promise lets a test hold it. */
  openstack?: OpenStackResourcesResponse | Error | Promise<OpenStackResourcesResponse>;
  /** Answers of runAction, in order; an Error is thrown. */
  actionResults: Array<ActionResult | Error | ((call: ClusterActionCall, dryRun: boolean) => ActionResult)> = [];
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  private readonly streams = new Set<ClusterStreamHandlers>();

  async listClusters(query: ClusterListQuery = {}) {
    this.calls.push({ method: 'listClusters', args: [query] });
    return typeof this.list === 'function' ? this.list(query) : this.list;
  }
  async getCluster(ref: ClusterRef) {
    this.calls.push({ method: 'getCluster', args: [ref] });
    if (!this.detail) throw new Error('no detail configured');
    if (this.detail instanceof Error) throw this.detail;
    return this.detail;
  }
  async getClusterEvents() {
    return { items: [] };
  }
  async getManagementClusters() {
    return { items: [] };
  }
  async getUpgrades(ref: ClusterRef) {
    this.calls.push({ method: 'getUpgrades', args: [ref] });
    const answer = typeof this.upgrades === 'function' ? await this.upgrades(ref) : this.upgrades;
    if (answer instanceof Error) throw answer;
    return answer;
  }
  async getKubeconfig() {
    return { kubeconfig: 'apiVersion: v1\nkind: Config\n' };
  }
  async getClusterOpenStack(ref: ClusterRef) {
    this.calls.push({ method: 'getClusterOpenStack', args: [ref] });
    return this.openstackAnswer();
  }
  async getOpenStackResources(query: OpenStackResourcesQuery) {
    this.calls.push({ method: 'getOpenStackResources', args: [query] });
    return this.openstackAnswer();
  }
  private async openstackAnswer(): Promise<OpenStackResourcesResponse> {
    if (!this.openstack) throw new Error('no OpenStack resources configured');
    if (this.openstack instanceof Error) throw this.openstack;
    return this.openstack;
  }
  /** Answer of openConsole (unset: it fails). */
  console?: ServerConsoleResponse;
  async openConsole(ref: ClusterRef, machine: string) {
    this.calls.push({ method: 'openConsole', args: [ref, machine] });
    if (!this.console) throw new Error('no console configured');
    return this.console;
  }
  async cancelPendingOperation(ref: ClusterRef, id: string) {
    this.calls.push({ method: 'cancelPendingOperation', args: [ref, id] });
    const next = this.actionResults.shift();
    if (!next) throw new Error('no action result configured');
    if (next instanceof Error) throw next;
    const result = typeof next === 'function' ? next({ method: 'DELETE', path: `pending-operations/${id}`, body: {} }, false) : next;
    return { cancelled: { id, action: 'upgrade' as const, fields: {}, requestedBy: '', requestedAt: '' }, message: result.message };
  }

  async runAction(ref: ClusterRef, call: ClusterActionCall, options: { dryRun: boolean }) {
    this.calls.push({ method: 'runAction', args: [ref, call, options] });
    const next = this.actionResults.shift();
    if (!next) throw new Error('no action result configured');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(call, options.dryRun) : next;
  }
  stream(handlers: ClusterStreamHandlers, signal: AbortSignal): Promise<void> {
    this.streams.add(handlers);
    handlers.onOpen?.();
    return new Promise(resolve => {
      signal.addEventListener('abort', () => {
        this.streams.delete(handlers);
        resolve();
      });
    });
  }
  /** Number of open stream connections. */
  get openStreams() {
    return this.streams.size;
  }
  push(changes: Partial<StreamChanges>) {
    for (const s of this.streams) s.onChanges({ upserted: [], removed: [], managementClusters: [], ...changes });
  }
  callsOf(method: string) {
    return this.calls.filter(c => c.method === method);
  }
}

/** A ResponseError-shaped failure as the client throws it. */
export async function responseError(status: number, message: string) {
  const { ResponseError } = await import('@backstage/errors');
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error: { name: 'Error', message }, response: { statusCode: status } }), {
      status,
      headers: { 'content-type': 'application/json' },
    }) as any,
  );
}

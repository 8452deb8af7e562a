/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import http from 'node:http';
import https from 'node:https';
import { isNotFound } from './kubeApiError';
import { KubeObject } from './kubeObject';
import { requestJson } from './requestJson';

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
} as const;

const groupPath = (apiVersion: string) =>
  apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;

/**
 * A small client of the local management cluster (bearer token), for the
 * seed, the test helpers and the benchmark. Production code uses
 * @kubernetes/client-node through the backend plugin instead.
 */
export class KubeHttp {
  private readonly agent: http.Agent;
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly timeoutMs: number | undefined;
  /** Counts requests, so tests can assert that none were made. */
  requestCount = 0;

  constructor(
    readonly server: string,
    private readonly token: string,
    caPem: string,
    options: { maxSockets?: number; timeoutMs?: number } = {},
  ) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 16 };
    this.agent = server.startsWith('http:')
      ? new http.Agent(agentOptions)
      : new https.Agent({ ...agentOptions, ca: caPem });
    this.timeoutMs = options.timeoutMs;
  }

  /** Raw request; JSON in and out. Throws KubeApiError on non-2xx. */
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    this.requestCount++;
    return requestJson<T>({
      method,
      url: new URL(path, this.server),
      body,
      contentType,
      agent: this.agent,
      headers: { Authorization: `Bearer ${this.token}` },
      timeoutMs: this.timeoutMs,
    });
  }

  /** Resolves plural and scope of `apiVersion`/`kind` by discovery (cached). */
  async resource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const key = `${apiVersion}/${kind}`;
    const cached = this.resources.get(key);
    if (cached) return cached;
    const list = await this.request<{ resources: any[] }>('GET', groupPath(apiVersion));
    for (const r of list.resources) {
      if (!r.name.includes('/')) {
        this.resources.set(`${apiVersion}/${r.kind}`, {
          plural: r.name,
          namespaced: r.namespaced,
        });
      }
    }
    const found = this.resources.get(key);
    if (!found) throw new Error(`${kind} is not served under ${apiVersion}`);
    return found;
  }

  /** The collection or object path of a resource. */
  async path(
    apiVersion: string,
    kind: string,
    namespace?: string,
    name?: string,
  ): Promise<string> {
    const r = await this.resource(apiVersion, kind);
    const ns = r.namespaced && namespace ? `/namespaces/${namespace}` : '';
    return `${groupPath(apiVersion)}${ns}/${r.plural}${name ? `/${name}` : ''}`;
  }

  /** The object, or undefined when there is none. */
  async get<T extends KubeObject = KubeObject>(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', await this.path(apiVersion, kind, namespace, name));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Every object of a kind (in `namespace` if given), apiVersion and kind filled in. */
  async list<T extends KubeObject = KubeObject>(
    apiVersion: string,
    kind: string,
    namespace?: string,
    labelSelector?: string,
  ): Promise<T[]> {
    const p = await this.path(apiVersion, kind, namespace);
    const q = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : '';
    const res = await this.request<{ items: T[] }>('GET', p + q);
    return res.items.map(i => ({ ...i, apiVersion, kind }));
  }

  async create<T extends KubeObject>(obj: T, options: { dryRun?: boolean } = {}): Promise<T> {
    const p = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace);
    return this.request<T>('POST', p + (options.dryRun ? '?dryRun=All' : ''), obj);
  }

  /** Server-side apply of `obj` (or of its status subresource). */
  async apply<T extends KubeObject>(
    obj: T,
    options: { fieldManager: string; subresource?: 'status'; force?: boolean },
  ): Promise<T> {
    const p = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
    const q = new URLSearchParams({ fieldManager: options.fieldManager });
    if (options.force !== false) q.set('force', 'true');
    return this.request<T>(
      'PATCH',
      `${p}${options.subresource ? `/${options.subresource}` : ''}?${q}`,
      obj,
      'application/apply-patch+yaml',
    );
  }

  /** A merge (default), JSON or strategic-merge patch of one object. */
  async patch<T extends KubeObject = KubeObject>(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    type: keyof typeof PATCH_TYPES = 'merge',
  ): Promise<T> {
    const p = await this.path(apiVersion, kind, namespace, name);
    return this.request<T>('PATCH', p, patch, PATCH_TYPES[type]);
  }

  /** True when deleted, false when there was nothing to delete. */
  async delete(apiVersion: string, kind: string, namespace: string | undefined, name: string) {
    try {
      await this.request('DELETE', await this.path(apiVersion, kind, namespace, name));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  close() {
    this.agent.destroy();
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import https from 'node:https';

/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    deletionTimestamp?: string;
    ownerReferences?: Array<{
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
      blockOwnerDeletion?: boolean;
    }>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** An API error with the server's Status. */
export class KubeApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly status: { reason?: string; message?: string; details?: unknown },
    method: string,
    path: string,
  ) {
    super(`${method} ${path}: ${statusCode} ${status.reason ?? ''} ${status.message ?? ''}`.trim());
    this.name = 'KubeApiError';
  }
}

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

/**
 * A small HTTPS client for the local management cluster, used by the seed,
 * the test helpers and the simulator's tooling. Production code uses
 * @kubernetes/client-node through the backend plugin instead.
 */
export class KubeHttp {
  private readonly agent: https.Agent;
  private readonly resources = new Map<string, ResourceInfo>();
  /** Counts requests, so tests can assert that none were made. */
  requestCount = 0;

  constructor(
    readonly server: string,
    private readonly token: string,
    caPem: string,
  ) {
    this.agent = new https.Agent({ ca: caPem, keepAlive: true, maxSockets: 16 });
  }

  /** Raw request; JSON in and out. Throws KubeApiError on non-2xx. */
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    this.requestCount++;
    const url = new URL(path, this.server);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.token}`,
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': contentType } : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: any = undefined;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = { message: text };
            }
            const code = res.statusCode ?? 0;
            if (code >= 200 && code < 300) resolve(json as T);
            else reject(new KubeApiError(code, json ?? {}, method, path));
          });
        },
      );
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timeout`)));
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Resolves plural and scope of `apiVersion`/`kind` by discovery (cached). */
  async resource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const key = `${apiVersion}/${kind}`;
    const cached = this.resources.get(key);
    if (cached) return cached;
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const list = await this.request<{ resources: any[] }>('GET', base);
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
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const ns = r.namespaced && namespace ? `/namespaces/${namespace}` : '';
    return `${base}${ns}/${r.plural}${name ? `/${name}` : ''}`;
  }

  async get<T extends KubeObject = KubeObject>(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', await this.path(apiVersion, kind, namespace, name));
    } catch (e) {
      if (e instanceof KubeApiError && e.statusCode === 404) return undefined;
      throw e;
    }
  }

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

  async delete(apiVersion: string, kind: string, namespace: string | undefined, name: string) {
    try {
      await this.request('DELETE', await this.path(apiVersion, kind, namespace, name));
      return true;
    } catch (e) {
      if (e instanceof KubeApiError && e.statusCode === 404) return false;
      throw e;
    }
  }

  close() {
    this.agent.destroy();
  }
}

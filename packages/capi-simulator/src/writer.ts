/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Every write of the simulator, all under its own field manager:
// - server-side apply to create objects and to own the specs it generates
//   (topology), and for status through the status subresource;
// - JSON merge patches, guarded by resourceVersion where a list is
//   replaced, to change objects that must already exist (finalizers, owner
//   references, a Machine's providerID): a patch never re-creates an object
//   that was deleted meanwhile, an apply would.
// Answers go into the cache at once (write-through).

import { ApiVersions, Kind } from './apiVersions';
import { FIELD_MANAGER } from './constants';
import { ObjectCache } from './informers';
import { isNotFound, KObj, KubeClient } from './kube';
import { isSubset } from './shapes';

export class Writer {
  /** Writes made (for logs and tests). */
  writes = 0;

  constructor(
    private readonly client: KubeClient,
    private readonly versions: ApiVersions,
    private readonly cache: ObjectCache,
  ) {}

  path(kind: Kind, namespace: string | undefined, name?: string): string {
    const info = this.versions.kinds[kind];
    const ns = namespace ? `/namespaces/${namespace}` : '';
    return `/apis/${info.group}/${info.version}${ns}/${info.plural}${
      name ? `/${encodeURIComponent(name)}` : ''
    }`;
  }

  private query(force = true) {
    return `?fieldManager=${FIELD_MANAGER}${force ? '&force=true' : ''}`;
  }

  /** Server-side apply (creates when missing). */
  async apply(
    kind: Kind,
    obj: Omit<KObj, 'apiVersion' | 'kind'> &
      Partial<Pick<KObj, 'apiVersion' | 'kind'>>,
  ): Promise<KObj> {
    const body = {
      ...obj,
      apiVersion: this.versions.kinds[kind].apiVersion,
      kind,
    };
    this.writes++;
    const result = await this.client.request<KObj>(
      'PATCH',
      this.path(kind, obj.metadata.namespace, obj.metadata.name) + this.query(),
      body,
      'application/apply-patch+yaml',
    );
    this.cache.observe(kind, result);
    return result;
  }

  /**
   * Applies `status` through the status subresource unless the object
   * already has it. Returns undefined when the object is gone.
   */
  async applyStatus(
    kind: Kind,
    obj: KObj,
    status: Record<string, unknown>,
  ): Promise<KObj | undefined> {
    if (isSubset(status, obj.status ?? {})) return obj;
    this.writes++;
    try {
      const result = await this.client.request<KObj>(
        'PATCH',
        `${this.path(
          kind,
          obj.metadata.namespace,
          obj.metadata.name,
        )}/status${this.query()}`,
        {
          apiVersion: this.versions.kinds[kind].apiVersion,
          kind,
          metadata: {
            name: obj.metadata.name,
            namespace: obj.metadata.namespace,
          },
          status,
        },
        'application/apply-patch+yaml',
      );
      this.cache.observe(kind, result);
      return result;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /**
   * JSON merge patch of an existing object; with `guard` it only applies to
   * the resourceVersion the caller read (409 otherwise). Undefined when gone.
   */
  async patch(
    kind: Kind,
    obj: KObj,
    patch: Record<string, any>,
    options: { guard?: boolean; status?: boolean } = {},
  ): Promise<KObj | undefined> {
    const body = options.guard
      ? {
          ...patch,
          metadata: {
            ...patch.metadata,
            resourceVersion: obj.metadata.resourceVersion,
          },
        }
      : patch;
    this.writes++;
    try {
      const result = await this.client.request<KObj>(
        'PATCH',
        `${this.path(kind, obj.metadata.namespace, obj.metadata.name)}${
          options.status ? '/status' : ''
        }${this.query(false)}`,
        body,
        'application/merge-patch+json',
      );
      this.cache.observe(kind, result);
      return result;
    } catch (e) {
      if (isNotFound(e)) {
        this.cache.forget(kind, obj);
        return undefined;
      }
      throw e;
    }
  }

  async addFinalizer(
    kind: Kind,
    obj: KObj,
    finalizer: string,
  ): Promise<KObj | undefined> {
    const list = obj.metadata.finalizers ?? [];
    if (list.includes(finalizer)) return obj;
    return this.patch(
      kind,
      obj,
      { metadata: { finalizers: [...list, finalizer] } },
      { guard: true },
    );
  }

  async removeFinalizer(
    kind: Kind,
    obj: KObj,
    finalizer: string,
  ): Promise<KObj | undefined> {
    const list = obj.metadata.finalizers ?? [];
    if (!list.includes(finalizer)) return obj;
    const result = await this.patch(
      kind,
      obj,
      { metadata: { finalizers: list.filter(f => f !== finalizer) } },
      { guard: true },
    );
    // The last finalizer of a deleting object: it is gone now.
    if (
      result &&
      result.metadata.deletionTimestamp &&
      !(result.metadata.finalizers ?? []).length
    ) {
      this.cache.forget(kind, result);
    }
    return result;
  }

  /** Deletes an object (no-op when already deleting or gone). */
  async remove(kind: Kind, obj: KObj): Promise<void> {
    if (obj.metadata.deletionTimestamp) return;
    this.writes++;
    try {
      const result = await this.client.request<any>(
        'DELETE',
        `${this.path(kind, obj.metadata.namespace, obj.metadata.name)}`,
        {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          preconditions: { uid: obj.metadata.uid },
        },
      );
      if (
        result?.kind === kind &&
        result.metadata?.deletionTimestamp &&
        result.metadata.finalizers?.length
      ) {
        this.cache.observe(kind, result);
      } else {
        this.cache.forget(kind, obj);
      }
    } catch (e) {
      if (isNotFound(e)) {
        this.cache.forget(kind, obj);
        return;
      }
      throw e;
    }
  }

  /** Creates or updates a core Secret (server-side apply). */
  async applySecret(secret: Record<string, any>): Promise<void> {
    this.writes++;
    await this.client.request(
      'PATCH',
      `/api/v1/namespaces/${secret.metadata.namespace}/secrets/${
        secret.metadata.name
      }${this.query()}`,
      { apiVersion: 'v1', kind: 'Secret', ...secret },
      'application/apply-patch+yaml',
    );
  }

  async deleteSecret(namespace: string, name: string): Promise<void> {
    try {
      this.writes++;
      await this.client.request(
        'DELETE',
        `/api/v1/namespaces/${namespace}/secrets/${name}`,
      );
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { KubeClient, WatchHandle } from '../kube/createKubeClient';
import { ResolvedKind } from '../kube/kinds';
import { KubeObject } from '../model';
import { stripObject } from './strip';
import { KubeRequestError } from '../errors';

export type ChangeType = 'upsert' | 'delete';

export interface KindWatcherOptions {
  client: KubeClient;
  kind: ResolvedKind;
  /** Watch one namespace only; all when undefined. */
  namespace?: string;
  onChange(type: ChangeType, obj: KubeObject): void;
  /** Called after each complete (re)list with the keys that disappeared. */
  onState(state: { synced: boolean; error?: Error }): void;
  /** LIST page size. */
  pageSize?: number;
  /** Restart a watch that received nothing (not even a bookmark) for this long. */
  idleTimeoutMs?: number;
  /** Server-side watch timeout (the server closes and we resume). */
  watchTimeoutSeconds?: number;
  backoff?: { initialMs: number; maxMs: number };
}

const keyOf = (o: { metadata: { namespace?: string; name: string } }) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * One paged LIST, then one WATCH with bookmarks from the list's
 * resourceVersion; 410 Gone → relist; dropped or silent watches are
 * restarted; failures back off exponentially up to a cap.
 */
export class KindWatcher {
  readonly items = new Map<string, KubeObject>();
  private resourceVersion?: string;
  private stopped = false;
  private current?: WatchHandle;
  private failures = 0;
  private sleepTimer?: NodeJS.Timeout;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(private readonly options: KindWatcherOptions) {}

  get kind() {
    return this.options.kind;
  }

  start() {
    this.loop ??= this.run();
  }

  async stop() {
    this.stopped = true;
    this.current?.abort();
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wake?.();
    await this.loop;
  }

  private basePath() {
    const { apiVersion, plural } = this.options.kind;
    const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    return this.options.namespace
      ? `${root}/namespaces/${encodeURIComponent(this.options.namespace)}/${plural}`
      : `${root}/${plural}`;
  }

  private async run() {
    while (!this.stopped) {
      try {
        if (!this.resourceVersion) await this.list();
        // stop() may have been called while listing: no new watch then.
        if (this.stopped) break;
        this.options.onState({ synced: true });
        await this.watchOnce();
        this.failures = 0;
      } catch (e) {
        if (this.stopped) break;
        const error = e as KubeRequestError;
        if (error.statusCode === 410) {
          // Too old: our resourceVersion was compacted away. Start over.
          this.resourceVersion = undefined;
          continue;
        }
        this.failures++;
        // Repeated failures may mean the server lost our resourceVersion
        // (restored etcd, another API server): relist to be safe.
        if (this.failures >= 3) this.resourceVersion = undefined;
        this.options.onState({ synced: false, error: error });
        await this.sleep(this.backoffMs());
      }
    }
  }

  private backoffMs() {
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 500, maxMs: 30_000 };
    const ms = Math.min(maxMs, initialMs * 2 ** Math.min(this.failures - 1, 16));
    return ms / 2 + Math.random() * (ms / 2); // jitter
  }

  private sleep(ms: number) {
    return new Promise<void>(resolve => {
      this.wake = resolve;
      this.sleepTimer = setTimeout(resolve, ms);
    });
  }

  private async list() {
    const seen = new Set<string>();
    let cont: string | undefined;
    let rv: string | undefined;
    const { kind, apiVersion } = this.options.kind;
    do {
      const q = new URLSearchParams({ limit: String(this.options.pageSize ?? 500) });
      if (cont) q.set('continue', cont);
      const page = await this.options.client.request<any>('GET', `${this.basePath()}?${q}`, {
        timeoutMs: 60_000,
      });
      for (const item of page.items ?? []) {
        const obj = stripObject(kind, apiVersion, item);
        const key = keyOf(obj);
        seen.add(key);
        const old = this.items.get(key);
        if ((old?.metadata as any)?.resourceVersion !== (obj.metadata as any).resourceVersion) {
          this.items.set(key, obj);
          this.options.onChange('upsert', obj);
        }
      }
      cont = page.metadata?.continue || undefined;
      rv = page.metadata?.resourceVersion;
    } while (cont);
    // Objects gone while we were not watching.
    for (const [key, obj] of this.items) {
      if (!seen.has(key)) {
        this.items.delete(key);
        this.options.onChange('delete', obj);
      }
    }
    this.resourceVersion = rv;
  }

  private async watchOnce() {
    const { kind, apiVersion } = this.options.kind;
    const q = new URLSearchParams({
      watch: 'true',
      allowWatchBookmarks: 'true',
      resourceVersion: this.resourceVersion!,
      timeoutSeconds: String(this.options.watchTimeoutSeconds ?? 300),
    });
    let gone: KubeRequestError | undefined;
    const idleMs = this.options.idleTimeoutMs ?? 150_000;
    // A watch that goes silent (no event and no bookmark) is presumed dead.
    const idle = setTimeout(() => this.current?.abort(), idleMs);
    const handle = this.options.client.watch(`${this.basePath()}?${q}`, event => {
      idle.refresh();
      if (event.type === 'ERROR') {
        const status = event.object ?? {};
        if (status.code === 410) gone = new KubeRequestError(410, 'Expired', status.message ?? 'Gone');
        else gone = new KubeRequestError(status.code ?? 500, status.reason, status.message ?? 'watch error');
        handle.abort();
        return;
      }
      const rv = event.object?.metadata?.resourceVersion;
      if (rv) this.resourceVersion = rv;
      if (event.type === 'BOOKMARK') return;
      const obj = stripObject(kind, apiVersion, event.object);
      const key = keyOf(obj);
      if (event.type === 'DELETED') {
        this.items.delete(key);
        this.options.onChange('delete', obj);
      } else {
        this.items.set(key, obj);
        this.options.onChange('upsert', obj);
      }
    });
    this.current = handle;
    try {
      await handle.done;
    } finally {
      clearTimeout(idle);
      this.current = undefined;
    }
    if (gone) throw gone;
  }
}

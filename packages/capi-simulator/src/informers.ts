/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// One client-node ListWatch per kind (and per namespace when the simulator is
// limited to some namespaces), feeding a cache that the reconcilers read.
// The simulator's own writes go into the cache too (write-through), so a
// reconcile right after a create does not create the object twice; entries
// never move back to an older resourceVersion, and deleted uids stay deleted.

import { ApiVersions, Kind, KINDS } from './apiVersions';
import { Informer, KObj, KubeClient } from './kube';

export type ChangeHandler = (
  kind: Kind,
  obj: KObj,
  type: 'add' | 'update' | 'delete',
) => void;

function rvNumber(obj: KObj): bigint | undefined {
  const rv = obj.metadata.resourceVersion;
  if (!rv || !/^\d+$/.test(rv)) return undefined;
  return BigInt(rv);
}

function key(namespace: string | undefined, name: string) {
  return `${namespace ?? ''}/${name}`;
}

class Store {
  private readonly objects = new Map<string, KObj>();

  /** `uids` is shared by every store: the uids of all cached objects. */
  constructor(private readonly uids: Set<string>) {}

  get(namespace: string | undefined, name: string): KObj | undefined {
    return this.objects.get(key(namespace, name));
  }

  list(namespace?: string): KObj[] {
    const all = [...this.objects.values()];
    return namespace === undefined
      ? all
      : all.filter(o => o.metadata.namespace === namespace);
  }

  /** Returns false when `obj` is older than what is stored. */
  upsert(obj: KObj): boolean {
    const k = key(obj.metadata.namespace, obj.metadata.name);
    const current = this.objects.get(k);
    if (current && current.metadata.uid === obj.metadata.uid) {
      const a = rvNumber(current);
      const b = rvNumber(obj);
      if (a !== undefined && b !== undefined && b < a) return false;
    }
    if (current?.metadata.uid) this.uids.delete(current.metadata.uid);
    if (obj.metadata.uid) this.uids.add(obj.metadata.uid);
    this.objects.set(k, obj);
    return true;
  }

  remove(obj: KObj) {
    const k = key(obj.metadata.namespace, obj.metadata.name);
    const current = this.objects.get(k);
    if (
      current &&
      (!obj.metadata.uid || current.metadata.uid === obj.metadata.uid)
    ) {
      this.objects.delete(k);
      if (current.metadata.uid) this.uids.delete(current.metadata.uid);
    }
  }
}

export class ObjectCache {
  private readonly stores = new Map<Kind, Store>();
  private readonly uids = new Set<string>();
  private readonly deletedUids = new Set<string>();
  private readonly informers: Informer[] = [];
  private stopped = false;

  constructor(
    private readonly client: KubeClient,
    private readonly versions: ApiVersions,
    private readonly onChange: ChangeHandler,
    private readonly log: (message: string) => void,
    /** Watch only these namespaces (all when undefined). */
    private readonly namespaces?: string[],
  ) {
    for (const kind of KINDS) this.stores.set(kind, new Store(this.uids));
  }

  get(
    kind: Kind,
    namespace: string | undefined,
    name: string | undefined,
  ): KObj | undefined {
    if (!name) return undefined;
    return this.stores.get(kind)!.get(namespace, name);
  }

  list(kind: Kind, namespace?: string): KObj[] {
    return this.stores.get(kind)!.list(namespace);
  }

  /** Whether an object with this uid is cached (in any kind). */
  hasUid(uid: string): boolean {
    return this.uids.has(uid) && !this.deletedUids.has(uid);
  }

  /** Records an object the simulator just wrote (the API server's answer). */
  observe(kind: Kind, obj: KObj | undefined) {
    if (!obj?.metadata?.name || !obj.metadata.uid) return;
    if (this.deletedUids.has(obj.metadata.uid)) return;
    this.stores.get(kind)!.upsert({
      ...obj,
      apiVersion: this.versions.kinds[kind].apiVersion,
      kind,
    });
  }

  private tombstone(uid: string | undefined) {
    if (!uid) return;
    // Only needed until late events of the object have passed.
    if (this.deletedUids.size > 50_000) this.deletedUids.clear();
    this.deletedUids.add(uid);
  }

  /** Records that an object is gone. */
  forget(kind: Kind, obj: KObj) {
    this.tombstone(obj.metadata.uid);
    this.stores.get(kind)!.remove(obj);
  }

  private paths(kind: Kind): string[] {
    const info = this.versions.kinds[kind];
    const base = `/apis/${info.group}/${info.version}`;
    if (!this.namespaces) return [`${base}/${info.plural}`];
    return this.namespaces.map(ns => `${base}/namespaces/${ns}/${info.plural}`);
  }

  /** Starts every watch; resolves once every initial list is in the cache. */
  async start(): Promise<void> {
    const starts: Array<Promise<void>> = [];
    for (const kind of KINDS) {
      for (const path of this.paths(kind)) {
        const informer = this.client.informer(path);
        const store = this.stores.get(kind)!;
        const apiVersion = this.versions.kinds[kind].apiVersion;
        const normalize = (o: KObj): KObj => ({ ...o, apiVersion, kind });
        informer.on('add', o => {
          if (o.metadata.uid && this.deletedUids.has(o.metadata.uid)) return;
          if (store.upsert(normalize(o))) this.onChange(kind, o, 'add');
        });
        informer.on('update', o => {
          if (o.metadata.uid && this.deletedUids.has(o.metadata.uid)) return;
          if (store.upsert(normalize(o))) this.onChange(kind, o, 'update');
        });
        informer.on('delete', o => {
          this.tombstone(o.metadata.uid);
          store.remove(o);
          this.onChange(kind, o, 'delete');
        });
        let initial = true;
        let failed = false;
        informer.on('error', err => {
          failed = true;
          if (this.stopped || initial) return;
          this.log(
            `watch ${path} failed (${String(
              (err as Error)?.message ?? err,
            )}); restarting`,
          );
          setTimeout(() => {
            if (!this.stopped) informer.start().catch(() => undefined);
          }, 1000);
        });
        this.informers.push(informer);
        // The first list must succeed before the cache counts as synced
        // (a fresh API server answers 429 while its watch cache warms up).
        starts.push(
          (async () => {
            for (let attempt = 0; !this.stopped; attempt++) {
              failed = false;
              await informer.start();
              if (!failed) break;
              if (attempt === 100) throw new Error(`cannot list ${path}`);
              await new Promise(r => setTimeout(r, 200));
            }
            initial = false;
          })(),
        );
      }
    }
    await Promise.all(starts);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.informers.map(i => i.stop().catch(() => undefined)));
  }
}

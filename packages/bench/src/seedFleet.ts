/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Fast seeding of the benchmark fleet: plain POSTs (no read-before-write, no
// server-side apply) with bounded concurrency, owners resolved per cluster
// from the create responses, statuses through the status subresource (PUT).
// applySeed() is idempotent but serial: far too slow for 100,000 objects.
// The API server is the bottleneck (CRD decoding, schema validation and
// managed fields): about 200-300 requests per second on 2 cores.

import {
  benchNamespaceObjects,
  buildBenchCluster,
  KubeApiError,
  KubeHttp,
  ManagementClusterHandle,
  ownerReference,
  SeedObject,
} from '@internal/management-cluster';

export interface SeedFleetOptions {
  clusters: number;
  /** Requests in flight at once. */
  concurrency: number;
  namespaces?: number;
  now?: Date;
  onProgress?: (done: number, objects: number) => void;
}

export interface SeedFleetResult {
  objects: number;
  requests: number;
  ms: number;
}

/** A counting semaphore. */
class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>(r => this.queue.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

/** Depth of each object in its cluster's owner chain (0: no owner). */
function levels(objects: SeedObject[]): SeedObject[][] {
  const depth = new Map<string, number>();
  const out: SeedObject[][] = [];
  for (const o of objects) {
    const d = o.owner ? (depth.get(`${o.owner.kind}/${o.owner.name}`) ?? 0) + 1 : 0;
    depth.set(`${o.manifest.kind}/${o.manifest.metadata.name}`, d);
    (out[d] ??= []).push(o);
  }
  return out.filter(Boolean);
}

export async function seedFleet(
  mc: ManagementClusterHandle,
  options: SeedFleetOptions,
): Promise<SeedFleetResult> {
  const start = Date.now();
  // KubeHttp keeps at most 16 sockets: one client per 16 requests in flight.
  const clients: KubeHttp[] = Array.from(
    { length: Math.max(1, Math.ceil(options.concurrency / 16)) },
    () => mc.clientFor('admin'),
  );
  let next = 0;
  const client = () => clients[next++ % clients.length];
  const limiter = new Limiter(options.concurrency);
  let requests = 0;
  let objects = 0;

  async function create(seed: SeedObject, uids: Map<string, string>) {
    const manifest = structuredClone(seed.manifest) as any;
    if (seed.owner) {
      const uid = uids.get(`${seed.owner.kind}/${seed.owner.name}`);
      if (!uid) throw new Error(`owner ${seed.owner.kind}/${seed.owner.name} of ${manifest.metadata.name} not created`);
      manifest.metadata.ownerReferences = [ownerReference(seed.owner, uid)];
    }
    const c = client();
    let created: any;
    try {
      requests++;
      created = await limiter.run(() => c.create(manifest));
    } catch (e) {
      if (!(e instanceof KubeApiError && e.statusCode === 409)) throw e;
      // Already there (a re-run against the same server): keep it.
      requests++;
      created = await c.get(manifest.apiVersion, manifest.kind, manifest.metadata.namespace, manifest.metadata.name);
    }
    uids.set(`${manifest.kind}/${manifest.metadata.name}`, created.metadata.uid);
    if (seed.status) {
      const path = await c.path(manifest.apiVersion, manifest.kind, manifest.metadata.namespace, manifest.metadata.name);
      requests++;
      // PUT of the object just created (its resourceVersion included): cheaper
      // for the API server than a patch, which reads and re-encodes it.
      await limiter.run(() => c.request('PUT', `${path}/status`, { ...created, status: seed.status }));
    }
    objects++;
  }

  for (const ns of benchNamespaceObjects(options.clusters, options.namespaces)) {
    await create(ns, new Map());
  }

  // Clusters are seeded by a pool of workers; within a cluster, owners come
  // before what they own and siblings go in parallel.
  let index = 0;
  let done = 0;
  const workers = Math.max(1, Math.ceil(options.concurrency / 4));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (index < options.clusters) {
        const i = index++;
        const uids = new Map<string, string>();
        for (const level of levels(buildBenchCluster(i, { now: options.now, namespaces: options.namespaces }))) {
          await Promise.all(level.map(o => create(o, uids)));
        }
        done++;
        options.onProgress?.(done, objects);
      }
    }),
  );
  clients.forEach(c => c.close());
  return { objects, requests, ms: Date.now() - start };
}

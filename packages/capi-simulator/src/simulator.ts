/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The simulator process: watches, a work queue of Cluster keys, and the
// per-Cluster reconcile. Any change to an object of a Cluster queues that
// Cluster; each pass asks for the next one after the shortest pending wait
// (scaled by the time scale); a periodic resync catches anything missed.
// Conflicts (409) and other errors requeue the Cluster, never crash.

import { ApiVersions, discoverApiVersions, Kind } from './apiVersions';
import { SimClock } from './clock';
import { isFrozen, reconcileCluster } from './clusters';
import {
  CLUSTER_NAME_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Runtime } from './context';
import { EventRecorder } from './events';
import { ObjectCache } from './informers';
import { createKubeClient, isConflict, KObj } from './kube';
import { WorkQueue } from './queue';
import { labels, readRef } from './shapes';
import { Writer } from './writer';

export interface SimulatorOptions {
  /** Kubeconfig YAML of the management cluster. */
  kubeconfig?: string;
  /** Or the path of a kubeconfig file (default: the usual client lookup). */
  kubeconfigPath?: string;
  /** How many times faster than a real cloud (default 10: a cluster in about 30 s). */
  timeScale?: number;
  /** Only watch and reconcile these namespaces (default: all). */
  namespaces?: string[];
  /** Seconds between full resyncs (default 30). */
  resyncSeconds?: number;
  /** Clusters reconciled in parallel (default 4). */
  concurrency?: number;
  log?: (message: string) => void;
}

export interface Simulator {
  readonly timeScale: number;
  readonly apiVersions: ApiVersions;
  /** Requests that changed something, Events sent, reconciles run, errors. */
  stats(): {
    writes: number;
    events: number;
    reconciles: number;
    errors: number;
  };
  /** Stops watching and reconciling; resolves when in-flight work is done. */
  stop(): Promise<void>;
}

const TEMPLATE_KINDS = new Set<Kind>([
  'ClusterClass',
  'KubeadmControlPlaneTemplate',
  'KubeadmConfigTemplate',
  'OpenStackClusterTemplate',
  'OpenStackMachineTemplate',
]);

export const defaultLogger = (message: string) =>
  process.stderr.write(`[capi-simulator] ${message}\n`);

export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<Simulator> {
  const log = options.log ?? defaultLogger;
  const timeScale = options.timeScale ?? 10;
  const clock = new SimClock(timeScale);
  const client = await createKubeClient(options);
  const versions = await discoverApiVersions(client);

  // The queue, the cache and the runtime refer to each other.
  const parts: { queue?: WorkQueue; cache?: ObjectCache; runtime?: Runtime } =
    {};
  // No reconcile before every initial list is in: the garbage collection
  // step must not mistake a not-yet-listed owner for a deleted one.
  let synced = false;
  const failures = new Map<string, number>();
  let reconciles = 0;
  let errors = 0;

  const worker = async (key: string) => {
    const queue = parts.queue!;
    reconciles++;
    try {
      const delay = await reconcileCluster(parts.runtime!, key);
      failures.delete(key);
      if (delay !== undefined) queue.add(key, delay);
    } catch (e) {
      if (isConflict(e)) {
        queue.add(key, 20);
        return;
      }
      errors++;
      const n = (failures.get(key) ?? 0) + 1;
      failures.set(key, n);
      const delay = Math.min(30_000, 100 * 2 ** Math.min(n, 9));
      log(
        `reconcile of Cluster ${key} failed (retry in ${delay} ms): ${
          (e as Error)?.message ?? e
        }`,
      );
      queue.add(key, delay);
    }
  };
  const queue = new WorkQueue(worker, options.concurrency ?? 4);
  parts.queue = queue;

  /** The Clusters an object change concerns. */
  const keysFor = (kind: Kind, obj: KObj): string[] => {
    const ns = obj.metadata.namespace;
    const cache = parts.cache;
    if (!ns || !cache) return [];
    if (kind === 'Cluster')
      return isFrozen(obj) ? [] : [`${ns}/${obj.metadata.name}`];
    const clusters = cache.list('Cluster', ns).filter(c => !isFrozen(c));
    if (TEMPLATE_KINDS.has(kind))
      return clusters.map(c => `${ns}/${c.metadata.name}`);
    const name =
      labels(obj)[CLUSTER_NAME_LABEL] ??
      obj.spec?.clusterName ??
      obj.metadata.ownerReferences?.find(r => r.kind === 'Cluster')?.name ??
      clusters.find(
        c =>
          readRef(c.spec?.controlPlaneRef)?.name === obj.metadata.name ||
          readRef(c.spec?.infrastructureRef)?.name === obj.metadata.name,
      )?.metadata.name;
    return name && clusters.some(c => c.metadata.name === name)
      ? [`${ns}/${name}`]
      : [];
  };

  const cache = new ObjectCache(
    client,
    versions,
    (kind, obj, type) => {
      if (type === 'delete' && obj.metadata.uid) clock.forget(obj.metadata.uid);
      if (!synced) return;
      for (const key of keysFor(kind, obj)) queue.add(key, 0);
    },
    log,
    options.namespaces,
  );
  const writer = new Writer(client, versions, cache);
  const events = new EventRecorder(client, log);
  parts.cache = cache;
  parts.runtime = {
    client,
    versions,
    cache,
    writer,
    clock,
    events,
    log,
    secrets: new Map(),
  };

  await cache.start();
  synced = true;
  const resyncAll = () => {
    for (const c of cache.list('Cluster')) {
      if (!isFrozen(c))
        queue.add(`${c.metadata.namespace}/${c.metadata.name}`, 0);
    }
  };
  resyncAll();
  const resync = setInterval(resyncAll, (options.resyncSeconds ?? 30) * 1000);
  log(
    `simulating CAPI ${versions.capi} + CAPO ${
      versions.kinds.OpenStackCluster.version
    } at ${client.server} (time scale ${timeScale}${
      options.namespaces ? `, namespaces ${options.namespaces.join(', ')}` : ''
    })`,
  );

  let stopping: Promise<void> | undefined;
  return {
    timeScale,
    apiVersions: versions,
    stats: () => ({
      writes: writer.writes,
      events: events.emitted,
      reconciles,
      errors,
    }),
    stop() {
      stopping ??= (async () => {
        clearInterval(resync);
        await queue.stop();
        await cache.stop();
        await events.flush();
        client.close();
      })();
      return stopping;
    },
  };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterDetailResponse,
  ClusterHealth,
  clusterKey,
  ClusterRef,
  ClusterSummary,
  ClusterTimelineEntry,
  ClusterTree,
  ManagementClusterStatus,
  StreamChanges,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CacheTuning, LocalClusterKey, ManagementClusterCache } from '../cache/ManagementClusterCache';
import { CapiOpenstackConfig } from '../config';
import { createKubeClient, KubeClient } from '../kube/createKubeClient';
import { buildClusterTree, ClusterObjects, evaluateHealth } from '../model';
import { toSummary } from './summary';

interface Entry {
  summary: ClusterSummary;
  health: ClusterHealth;
}

export interface ClusterServiceOptions {
  config: CapiOpenstackConfig;
  logger: LoggerService;
  tuning?: CacheTuning;
  /** How long changes are coalesced before summaries are recomputed. */
  coalesceMs?: number;
  /** For tests: the clock of the verdicts. */
  now?: () => Date;
  /** For tests: clients instead of the configured credentials. */
  clientFactory?: (cfg: CapiOpenstackConfig['managementClusters'][number]) => Promise<KubeClient>;
}

type Listener = (changes: StreamChanges) => void;

/**
 * The read model of every management cluster, answered from memory: summaries
 * are recomputed when their objects change (coalesced) and re-evaluated
 * periodically for the time-based parts of the verdict.
 */
export class ClusterService {
  private readonly caches = new Map<string, ManagementClusterCache>();
  private readonly entries = new Map<string, Entry>();
  private readonly dirty = new Map<string, Set<LocalClusterKey>>();
  private readonly listeners = new Set<Listener>();
  private flushTimer?: NodeJS.Timeout;
  private statesChanged = false;
  private readonly now: () => Date;

  constructor(private readonly options: ClusterServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async start() {
    const factory = this.options.clientFactory ?? createKubeClient;
    for (const cfg of this.options.config.managementClusters) {
      const client = await factory(cfg);
      const cache = new ManagementClusterCache(
        cfg,
        client,
        this.options.logger.child({ managementCluster: cfg.name }),
        keys => this.markDirty(cfg.name, keys),
        this.options.tuning,
      );
      this.caches.set(cfg.name, cache);
    }
    // Each management cluster starts independently: one that is down never
    // delays the others.
    for (const cache of this.caches.values()) void cache.start();
  }

  async stop() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await Promise.all([...this.caches.values()].map(c => c.stop()));
  }

  cache(name: string): ManagementClusterCache | undefined {
    return this.caches.get(name);
  }

  private markDirty(mc: string, keys: Set<LocalClusterKey> | 'all') {
    let set = this.dirty.get(mc);
    if (!set) this.dirty.set(mc, (set = new Set()));
    if (keys === 'all') this.caches.get(mc)?.clusterNames().forEach(k => set!.add(k));
    else if (keys.size === 0) this.statesChanged = true;
    else keys.forEach(k => set!.add(k));
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.coalesceMs ?? 200);
  }

  /** Re-evaluates every cluster (time-based verdict changes). */
  refreshAll() {
    for (const [name, cache] of this.caches) this.markDirty(name, new Set(cache.clusterNames()));
  }

  /** Recomputes dirty summaries now and notifies stream listeners. */
  flush() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const upserted: ClusterSummary[] = [];
    const removed: ClusterRef[] = [];
    const now = this.now();
    for (const [mc, keys] of this.dirty) {
      const cache = this.caches.get(mc);
      if (!cache) continue;
      for (const local of keys) {
        const [namespace, name] = local.split('/');
        const ref = { managementCluster: mc, namespace, name };
        const key = clusterKey(ref);
        const objs = cache.objectsOf(local);
        if (!objs) {
          if (this.entries.delete(key)) removed.push(ref);
          continue;
        }
        const entry = this.evaluate(mc, objs, now).entry;
        const previous = this.entries.get(key);
        this.entries.set(key, entry);
        if (!previous || JSON.stringify(previous.summary) !== JSON.stringify(entry.summary)) {
          upserted.push(entry.summary);
        }
      }
    }
    this.dirty.clear();
    const statesChanged = this.statesChanged;
    this.statesChanged = false;
    if (upserted.length || removed.length || statesChanged) {
      const changes: StreamChanges = { upserted, removed, managementClusters: this.managementClusters() };
      for (const l of this.listeners) l(changes);
    }
  }

  private evaluate(mc: string, objs: ClusterObjects, now: Date): { entry: Entry; tree: ClusterTree } {
    const tree = buildClusterTree(objs, now);
    const health = evaluateHealth(objs, now);
    const summary = toSummary(mc, objs, tree, health, this.options.config.defaultOwner);
    return { entry: { summary, health }, tree };
  }

  summaries(): Iterable<ClusterSummary> {
    return [...this.entries.values()].map(e => e.summary);
  }

  summary(ref: ClusterRef): ClusterSummary | undefined {
    return this.entries.get(clusterKey(ref))?.summary;
  }

  managementClusters(): ManagementClusterStatus[] {
    const counts = new Map<string, number>();
    for (const e of this.entries.values()) {
      counts.set(e.summary.managementCluster, (counts.get(e.summary.managementCluster) ?? 0) + 1);
    }
    return [...this.caches.values()].map(c => c.status(counts.get(c.name) ?? 0));
  }

  /** The full tree and health of one cluster, computed now from the cache. */
  detail(ref: ClusterRef): ClusterDetailResponse | undefined {
    const cache = this.caches.get(ref.managementCluster);
    const objs = cache?.objectsOf(`${ref.namespace}/${ref.name}`);
    if (!cache || !objs) return undefined;
    const { entry, tree } = this.evaluate(ref.managementCluster, objs, this.now());
    const status = this.managementClusters().find(m => m.name === ref.managementCluster)!;
    return { summary: entry.summary, health: entry.health, tree, managementCluster: status };
  }

  timeline(ref: ClusterRef): ClusterTimelineEntry[] | undefined {
    const cache = this.caches.get(ref.managementCluster);
    const local = `${ref.namespace}/${ref.name}`;
    const objs = cache?.objectsOf(local);
    if (!cache || !objs) return undefined;
    return cache.timelineOf(local, objs);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

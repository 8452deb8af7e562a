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
  Verdict,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CacheTuning, LocalClusterKey, ManagementClusterCache } from '../cache/ManagementClusterCache';
import { CapiOpenstackConfig } from '../config';
import { createKubeClient, KubeClient } from '../kube/createKubeClient';
import { buildClusterTree, ClusterObjects, evaluateHealth } from '../model';
import { sortClusters, SortField } from './query';
import { toSummary } from './summary';

interface Work {
  mc: string;
  cache: ManagementClusterCache;
  local: LocalClusterKey;
}

interface Entry {
  summary: ClusterSummary;
  health: ClusterHealth;
  /** `summary` serialised once, for list responses and change detection. */
  json: string;
}

function splitKey(local: LocalClusterKey) {
  const slash = local.indexOf('/');
  return { namespace: local.slice(0, slash), name: local.slice(slash + 1) };
}

/** Evaluations per slice of a flush: the event loop answers requests between slices. */
const FLUSH_SLICE_MS = 20;

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
  private flushing = false;
  private refreshing = false;
  /** Management clusters evaluated completely since their first sync. */
  private readonly evaluated = new Set<string>();
  private stopped = false;
  private statesChanged = false;
  private readonly now: () => Date;
  /** Memoised views of `entries`, dropped whenever an entry changes. */
  private views?: {
    summaries: ClusterSummary[];
    counts: Map<string, number>;
    verdictCounts: Partial<Record<Verdict, number>>;
    sorted: Map<string, ClusterSummary[]>;
  };
  /** The JSON of each current summary, serialised once. */
  private readonly json = new WeakMap<ClusterSummary, string>();

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
    this.stopped = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await Promise.all([...this.caches.values()].map(c => c.stop()));
  }

  /** The plugin configuration this service was started with. */
  get config(): CapiOpenstackConfig {
    return this.options.config;
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

  /**
   * Re-evaluates every cluster (time-based verdict changes). A pass of its
   * own, beside the flushes of watch changes: a change arriving during the
   * pass (seconds, with thousands of clusters) is not held back by it.
   */
  refreshAll() {
    if (this.refreshing) return;
    const work: Work[] = [];
    for (const [mc, cache] of this.caches) {
      if (!cache.hasSynced) continue; // the first flush after the sync evaluates them
      for (const local of cache.clusterNames()) work.push({ mc, cache, local });
    }
    if (work.length === 0) return;
    this.refreshing = true;
    this.evaluateSliced(work, false, () => {
      this.refreshing = false;
    });
  }

  /**
   * Recomputes dirty summaries and notifies stream listeners. Work is done in
   * slices of about FLUSH_SLICE_MS so that re-evaluating thousands of
   * clusters (initial sync, periodic refresh) never blocks requests for
   * seconds; changes that arrive meanwhile go to the next flush.
   */
  flush() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.flushing) return; // the running flush picks up what is dirty now
    const work: Work[] = [];
    for (const [mc, keys] of this.dirty) {
      const cache = this.caches.get(mc);
      if (!cache) {
        this.dirty.delete(mc);
        continue;
      }
      if (!cache.hasSynced) {
        // Still in its first LIST: show clusters as they appear, but leave
        // the ones already shown for one evaluation once every kind is
        // listed. Their objects keep arriving page by page; re-evaluating
        // them at every flush multiplies the work of the initial sync.
        for (const local of keys) {
          if (this.entries.has(clusterKey({ managementCluster: mc, ...splitKey(local) }))) continue;
          work.push({ mc, cache, local });
          keys.delete(local);
        }
        continue;
      }
      for (const local of keys) work.push({ mc, cache, local });
      this.dirty.delete(mc);
    }
    // Management clusters whose first evaluation after the sync this flush completes.
    const completing = [...this.caches.values()]
      .filter(c => c.hasSynced && !this.evaluated.has(c.name) && !this.dirty.has(c.name))
      .map(c => c.name);
    const statesChanged = this.statesChanged || completing.length > 0;
    this.statesChanged = false;
    if (work.length === 0) {
      completing.forEach(mc => this.evaluated.add(mc));
      if (statesChanged) this.notify([], []);
      return;
    }
    this.flushing = true;
    this.evaluateSliced(work, statesChanged, () => {
      completing.forEach(mc => this.evaluated.add(mc));
      this.flushing = false;
      // Changes that arrived meanwhile.
      if (this.dirty.size || this.statesChanged) {
        this.flushTimer ??= setTimeout(() => this.flush(), this.options.coalesceMs ?? 200);
      }
    });
  }

  /** Evaluates `work` in slices of about FLUSH_SLICE_MS, then notifies listeners once. */
  private evaluateSliced(work: Work[], statesChanged: boolean, done: () => void) {
    const upserted: ClusterSummary[] = [];
    const removed: ClusterRef[] = [];
    const now = this.now();
    let next = 0;
    const slice = () => {
      if (this.stopped) return;
      const deadline = performance.now() + FLUSH_SLICE_MS;
      for (let n = 1; next < work.length; n++) {
        if (n % 8 === 0 && performance.now() > deadline) break;
        const { mc, cache, local } = work[next++];
        const ref = { managementCluster: mc, ...splitKey(local) };
        const key = clusterKey(ref);
        const objs = cache.objectsOf(local);
        if (!objs) {
          if (this.entries.delete(key)) {
            removed.push(ref);
            this.views = undefined;
          }
          continue;
        }
        const entry = this.evaluate(mc, objs, now).entry;
        const previous = this.entries.get(key);
        if (!previous || previous.json !== entry.json) {
          this.entries.set(key, entry);
          this.json.set(entry.summary, entry.json);
          this.views = undefined;
          upserted.push(entry.summary);
        } else {
          // Same summary: keep the old object (and its cached JSON) but the new health.
          previous.health = entry.health;
        }
      }
      if (next < work.length) {
        setImmediate(slice);
        return;
      }
      done();
      if (upserted.length || removed.length || statesChanged) this.notify(upserted, removed);
    };
    slice();
  }

  private notify(upserted: ClusterSummary[], removed: ClusterRef[]) {
    const changes: StreamChanges = { upserted, removed, managementClusters: this.managementClusters() };
    for (const l of this.listeners) l(changes);
  }

  private view() {
    if (!this.views) {
      const summaries = [...this.entries.values()].map(e => e.summary);
      const counts = new Map<string, number>();
      const verdictCounts: Partial<Record<Verdict, number>> = {};
      for (const s of summaries) {
        counts.set(s.managementCluster, (counts.get(s.managementCluster) ?? 0) + 1);
        verdictCounts[s.verdict] = (verdictCounts[s.verdict] ?? 0) + 1;
      }
      this.views = { summaries, counts, verdictCounts, sorted: new Map() };
    }
    return this.views;
  }

  private evaluate(mc: string, objs: ClusterObjects, now: Date): { entry: Entry; tree: ClusterTree } {
    const tree = buildClusterTree(objs, now);
    const health = evaluateHealth(objs, now, { fixGuides: true });
    const summary = toSummary(mc, objs, tree, health, this.options.config.defaultOwner, now);
    return { entry: { summary, health, json: JSON.stringify(summary) }, tree };
  }

  /** Every summary (a shared array: do not modify it). */
  summaries(): readonly ClusterSummary[] {
    return this.view().summaries;
  }

  /** Every summary in the given order (memoised until the next change; do not modify it). */
  sortedSummaries(sort: SortField = 'name', order: 'asc' | 'desc' = 'asc'): readonly ClusterSummary[] {
    const view = this.view();
    const key = `${sort}:${order}`;
    let sorted = view.sorted.get(key);
    if (!sorted) view.sorted.set(key, (sorted = sortClusters(view.summaries, sort, order)));
    return sorted;
  }

  /** Summaries per verdict over every cluster (memoised until the next change). */
  verdictCounts(): Partial<Record<Verdict, number>> {
    return this.view().verdictCounts;
  }

  /** The JSON of a summary returned by this service. */
  summaryJson(summary: ClusterSummary): string {
    return this.json.get(summary) ?? JSON.stringify(summary);
  }

  summary(ref: ClusterRef): ClusterSummary | undefined {
    return this.entries.get(clusterKey(ref))?.summary;
  }

  managementClusters(): ManagementClusterStatus[] {
    const counts = this.view().counts;
    return [...this.caches.values()].map(c => {
      const status = c.status(counts.get(c.name) ?? 0);
      // While the first LIST runs, clusters are shown with the objects listed
      // so far; `synced` is reported once they have been evaluated with all of them.
      return status.state === 'synced' && !this.evaluated.has(c.name)
        ? { ...status, state: 'syncing', message: 'evaluating the clusters' }
        : status;
    });
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

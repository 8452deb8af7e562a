/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CLUSTER_NAME_LABEL,
  ClusterTimelineEntry,
  ManagementClusterStatus,
  NEGATIVE_POLARITY,
  SyncState,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ManagementClusterConfig } from '../config';
import { KubeClient } from '../kube/createKubeClient';
import { discoverKinds } from '../kube/discovery';
import { ResolvedKind, WatchedKind } from '../kube/kinds';
import { ClusterObjects, KubeObject } from '../model';
import { ChangeType, KindWatcher } from './KindWatcher';

const MAX_EVENTS = 20_000;
const MAX_TRANSITIONS_PER_CLUSTER = 200;

export interface CacheTuning {
  pageSize?: number;
  idleTimeoutMs?: number;
  watchTimeoutSeconds?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Retry discovery this often while the server is unreachable. */
  discoveryRetryMs?: number;
}

/** `namespace/name` of a workload cluster within one management cluster. */
export type LocalClusterKey = string;

/**
 * The watch cache of one management cluster: one LIST + WATCH per kind (per
 * namespace with an allow-list), an index from objects to their workload
 * cluster, recent Events and observed condition transitions, and a sync state.
 */
export class ManagementClusterCache {
  private watchers: KindWatcher[] = [];
  private readonly store = new Map<WatchedKind, Map<string, KubeObject>>();
  /** cluster → kind → object keys, from the cluster-name label. */
  private readonly byCluster = new Map<LocalClusterKey, Map<WatchedKind, Set<string>>>();
  private readonly events = new Map<string, KubeObject>();
  private readonly transitions = new Map<LocalClusterKey, ClusterTimelineEntry[]>();
  private kinds: ResolvedKind[] = [];
  private state: SyncState = 'syncing';
  private since = new Date();
  private message?: string;
  private everSynced = false;
  private readonly syncedWatchers = new Set<KindWatcher>();
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    readonly config: ManagementClusterConfig,
    readonly client: KubeClient,
    private readonly logger: LoggerService,
    /** Called with the workload clusters whose objects changed. */
    private readonly onDirty: (keys: Set<LocalClusterKey> | 'all') => void,
    private readonly tuning: CacheTuning = {},
  ) {}

  get name() {
    return this.config.name;
  }

  /** Whether every kind has been listed completely at least once. */
  get hasSynced(): boolean {
    return this.everSynced;
  }

  async start(): Promise<void> {
    try {
      const { kinds, missing } = await discoverKinds(this.client);
      const required = missing.filter(k => k !== 'OpenStackServer');
      if (required.length) {
        throw new Error(`the server does not serve ${required.join(', ')}: are the CAPI and CAPO CRDs installed?`);
      }
      this.kinds = kinds;
    } catch (e) {
      this.setState('error', (e as Error).message);
      if (!this.stopped) {
        this.retryTimer = setTimeout(() => void this.start(), this.tuning.discoveryRetryMs ?? 10_000);
      }
      return;
    }
    const namespaces = this.config.namespaces ?? [undefined];
    for (const kind of this.kinds) {
      this.store.set(kind.kind, new Map());
      for (const namespace of namespaces) {
        const watcher: KindWatcher = new KindWatcher({
          client: this.client,
          kind,
          namespace,
          pageSize: this.tuning.pageSize,
          idleTimeoutMs: this.tuning.idleTimeoutMs,
          watchTimeoutSeconds: this.tuning.watchTimeoutSeconds,
          backoff: this.tuning.backoff,
          onChange: (type, obj) => this.handleChange(kind.kind, type, obj),
          onState: s => this.handleWatcherState(watcher, s),
        });
        this.watchers.push(watcher);
      }
    }
    this.watchers.forEach(w => w.start());
  }

  async stop() {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await Promise.all(this.watchers.map(w => w.stop()));
    this.client.close();
  }

  status(clusterCount: number): ManagementClusterStatus {
    return {
      name: this.config.name,
      title: this.config.title,
      state: this.state,
      since: this.since.toISOString(),
      message: this.message,
      clusters: clusterCount,
      apiVersions: Object.fromEntries(this.kinds.map(k => [k.kind, k.apiVersion])),
      apiRequests: this.client.requestCount,
    };
  }

  apiVersionOf(kind: WatchedKind): ResolvedKind | undefined {
    return this.kinds.find(k => k.kind === kind);
  }

  private setState(state: SyncState, message?: string) {
    if (this.state !== state || this.message !== message) {
      this.state = state;
      this.message = message;
      this.since = new Date();
      if (state !== 'synced') this.logger.warn(`management cluster ${this.name}: ${state}${message ? `: ${message}` : ''}`);
      else this.logger.info(`management cluster ${this.name}: synced`);
      this.onDirty(new Set());
    }
  }

  private handleWatcherState(watcher: KindWatcher, s: { synced: boolean; error?: Error }) {
    if (s.synced) this.syncedWatchers.add(watcher);
    else this.syncedWatchers.delete(watcher);
    if (this.syncedWatchers.size === this.watchers.length) {
      this.everSynced = true;
      this.setState('synced');
    } else if (!s.synced && s.error) {
      const reason = `${watcher.kind.kind}: ${s.error.message}`;
      // Answers keep coming from memory; they are marked stale meanwhile.
      if (this.everSynced) {
        if (this.state !== 'stale') this.setState('stale', reason);
      } else {
        this.setState('error', reason);
      }
    }
  }

  /** Workload clusters affected by a change of `obj`. */
  private clusterKeysOf(kind: WatchedKind, obj: KubeObject): Set<LocalClusterKey> | 'all' {
    const ns = obj.metadata.namespace ?? '';
    if (kind === 'Cluster') return new Set([`${ns}/${obj.metadata.name}`]);
    const label = obj.metadata.labels?.[CLUSTER_NAME_LABEL];
    if (label) return new Set([`${ns}/${label}`]);
    if (kind === 'ClusterClass' || kind === 'OpenStackMachineTemplate') {
      // Unlabelled templates and classes: any cluster of the namespace may use them.
      return new Set(this.clusterNames().filter(k => k.startsWith(`${ns}/`)));
    }
    return new Set();
  }

  private handleChange(kind: WatchedKind, type: ChangeType, obj: KubeObject) {
    if (kind === 'Event') {
      this.recordEvent(type, obj);
      return;
    }
    const bucket = this.store.get(kind)!;
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const old = bucket.get(key);
    if (type === 'delete') bucket.delete(key);
    else bucket.set(key, obj);
    this.reindex(kind, key, old, type === 'delete' ? undefined : obj);
    // A Cluster gone, or replaced by a new one of the same name (a relist
    // shows only the new uid): its timeline belongs to the old one.
    if (kind === 'Cluster' && old && (type === 'delete' || old.metadata.uid !== obj.metadata.uid)) {
      this.forgetTimeline(key, old);
    }
    const keys = this.clusterKeysOf(kind, obj);
    if (keys !== 'all' && type === 'upsert' && old) this.recordTransitions(keys, kind, old, obj);
    this.onDirty(keys);
  }

  /** Drops the recorded transitions and Events of a deleted cluster. */
  private forgetTimeline(key: LocalClusterKey, cluster: KubeObject) {
    this.transitions.delete(key);
    for (const [eventKey, ev] of this.events) {
      const r = (ev as any).regarding;
      if (r?.uid ? r.uid === cluster.metadata.uid : this.eventClusterKey(ev) === key) this.events.delete(eventKey);
    }
  }

  /**
   * The workload cluster an Event is about: the regarded Cluster itself, or
   * the cluster of the regarded object (its cluster-name label, else a
   * Cluster among its owners).
   */
  private eventClusterKey(ev: KubeObject): LocalClusterKey | undefined {
    const r = (ev as any).regarding;
    if (!r?.kind || !r.name) return undefined;
    const ns = r.namespace ?? ev.metadata.namespace ?? '';
    if (r.kind === 'Cluster') return `${ns}/${r.name}`;
    const target = this.store.get(r.kind as WatchedKind)?.get(`${ns}/${r.name}`);
    const owner = target?.metadata.ownerReferences?.find(o => o.kind === 'Cluster');
    return this.labelKey(target) ?? (owner ? `${ns}/${owner.name}` : undefined);
  }

  private labelKey(obj: KubeObject | undefined) {
    const label = obj?.metadata.labels?.[CLUSTER_NAME_LABEL];
    return label ? `${obj!.metadata.namespace ?? ''}/${label}` : undefined;
  }

  private reindex(kind: WatchedKind, key: string, old: KubeObject | undefined, obj: KubeObject | undefined) {
    const before = this.labelKey(old);
    const after = this.labelKey(obj);
    if (before && before !== after) {
      const kinds = this.byCluster.get(before);
      kinds?.get(kind)?.delete(key);
      if (kinds?.get(kind)?.size === 0) kinds.delete(kind);
      if (kinds?.size === 0) this.byCluster.delete(before);
    }
    if (after) {
      let kinds = this.byCluster.get(after);
      if (!kinds) this.byCluster.set(after, (kinds = new Map()));
      let keys = kinds.get(kind);
      if (!keys) kinds.set(kind, (keys = new Set()));
      keys.add(key);
    }
  }

  private recordEvent(type: ChangeType, ev: KubeObject) {
    const key = `${ev.metadata.namespace}/${ev.metadata.name}`;
    this.events.delete(key);
    if (type === 'delete') return;
    this.events.set(key, ev);
    if (this.events.size > MAX_EVENTS) {
      this.events.delete(this.events.keys().next().value!);
    }
    // Only the cluster the Event is about, and only while it exists: its
    // summary is re-evaluated, and listeners hear of it only if it changed.
    const cluster = this.eventClusterKey(ev);
    if (cluster && this.store.get('Cluster')?.has(cluster)) this.onDirty(new Set([cluster]));
  }

  /** Condition status changes seen on the watch, for the timeline. */
  private recordTransitions(keys: Set<LocalClusterKey>, kind: string, old: KubeObject, obj: KubeObject) {
    const before = new Map<string, any>((old.status?.conditions ?? []).map((c: any) => [c.type, c]));
    for (const c of obj.status?.conditions ?? []) {
      const prev = before.get(c.type);
      if (prev && prev.status === c.status) continue;
      const entry: ClusterTimelineEntry = {
        time: c.lastTransitionTime ?? new Date().toISOString(),
        source: 'condition',
        type: conditionIsBad(c) ? 'Warning' : 'Normal',
        object: { kind, name: obj.metadata.name },
        reason: c.reason,
        message: c.message,
        condition: { type: c.type, status: c.status },
      };
      for (const key of keys) {
        // Only live clusters get a timeline (children may outlive their Cluster).
        if (!this.store.get('Cluster')?.has(key)) continue;
        const list = this.transitions.get(key) ?? [];
        list.push(entry);
        if (list.length > MAX_TRANSITIONS_PER_CLUSTER) list.shift();
        this.transitions.set(key, list);
      }
    }
  }

  get(kind: WatchedKind, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(kind)?.get(`${namespace ?? ''}/${name}`);
  }

  clusterNames(): LocalClusterKey[] {
    return [...(this.store.get('Cluster')?.keys() ?? [])];
  }

  clusterClass(namespace: string, name: string) {
    return this.get('ClusterClass', namespace, name);
  }

  /** Every cached ClusterClass. */
  clusterClasses(): KubeObject[] {
    return [...(this.store.get('ClusterClass')?.values() ?? [])];
  }

  /** Namespaces that hold a cached Cluster or ClusterClass, sorted. */
  knownNamespaces(): string[] {
    const names = new Set<string>();
    for (const kind of ['Cluster', 'ClusterClass'] as const) {
      for (const o of this.store.get(kind)?.values() ?? []) if (o.metadata.namespace) names.add(o.metadata.namespace);
    }
    return [...names].sort();
  }

  /** Everything the model needs about one workload cluster. */
  objectsOf(key: LocalClusterKey): ClusterObjects | undefined {
    const cluster = this.store.get('Cluster')?.get(key);
    if (!cluster) return undefined;
    const ns = cluster.metadata.namespace ?? '';
    const indexed = this.byCluster.get(key);
    const labelled = (kind: WatchedKind) => {
      const bucket = this.store.get(kind);
      const out: KubeObject[] = [];
      for (const k of indexed?.get(kind) ?? []) {
        const o = bucket?.get(k);
        if (o) out.push(o);
      }
      // Stable order whatever order the watch delivered them in.
      return out.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    };
    const byRef = (kind: WatchedKind, ref: any) => (ref?.name ? this.get(kind, ns, ref.name) : undefined);
    const controlPlane = byRef('KubeadmControlPlane', cluster.spec?.controlPlaneRef) ?? labelled('KubeadmControlPlane')[0];
    const openStackCluster = byRef('OpenStackCluster', cluster.spec?.infrastructureRef) ?? labelled('OpenStackCluster')[0];
    const machineDeployments = labelled('MachineDeployment');
    const templateNames = new Set<string>(
      [controlPlane?.spec?.machineTemplate?.infrastructureRef?.name, controlPlane?.spec?.machineTemplate?.spec?.infrastructureRef?.name]
        .concat(machineDeployments.map(md => md.spec?.template?.spec?.infrastructureRef?.name))
        .filter(Boolean),
    );
    const templates = labelled('OpenStackMachineTemplate');
    for (const t of templateNames) {
      const template = this.get('OpenStackMachineTemplate', ns, t);
      if (template && !templates.includes(template)) templates.push(template);
    }
    return {
      cluster,
      controlPlane,
      machineDeployments,
      machineSets: labelled('MachineSet'),
      machines: labelled('Machine'),
      openStackCluster,
      openStackMachines: labelled('OpenStackMachine'),
      openStackServers: labelled('OpenStackServer'),
      machineHealthChecks: labelled('MachineHealthCheck'),
      openStackMachineTemplates: templates,
    };
  }

  /** Events and condition transitions of a cluster's objects, newest first. */
  timelineOf(key: LocalClusterKey, objs: ClusterObjects): ClusterTimelineEntry[] {
    const ns = objs.cluster.metadata.namespace;
    const all = [
      objs.cluster, objs.controlPlane, objs.openStackCluster, ...objs.machineDeployments,
      ...objs.machineSets, ...objs.machines, ...objs.openStackMachines, ...objs.openStackServers,
      ...objs.machineHealthChecks,
    ].filter((o): o is KubeObject => Boolean(o));
    const uids = new Map(all.map(o => [`${o.kind}/${o.metadata.name}`, o.metadata.uid]));
    const entries: ClusterTimelineEntry[] = [];
    for (const ev of this.events.values()) {
      const e = ev as any;
      const id = `${e.regarding?.kind}/${e.regarding?.name}`;
      if (ev.metadata.namespace !== ns || !uids.has(id)) continue;
      // An Event about an earlier object of the same name (deleted, re-created) is not this one's.
      if (e.regarding.uid && uids.get(id) && e.regarding.uid !== uids.get(id)) continue;
      entries.push({
        time: e.series?.lastObservedTime ?? e.eventTime ?? e.deprecatedLastTimestamp ?? ev.metadata.creationTimestamp,
        source: 'event',
        type: e.type === 'Warning' ? 'Warning' : 'Normal',
        object: { kind: e.regarding.kind, name: e.regarding.name },
        reason: e.reason,
        message: e.note,
        count: e.series?.count ?? e.deprecatedCount,
      });
    }
    const seen = new Set<string>();
    const observed = this.transitions.get(key) ?? [];
    for (const t of observed) seen.add(`${t.object.kind}/${t.object.name}/${t.condition?.type}/${t.time}`);
    entries.push(...observed);
    // Current conditions carry their last transition too.
    for (const o of all) {
      for (const c of o.status?.conditions ?? []) {
        if (!c.lastTransitionTime) continue;
        const id = `${o.kind}/${o.metadata.name}/${c.type}/${c.lastTransitionTime}`;
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push({
          time: c.lastTransitionTime,
          source: 'condition',
          type: conditionIsBad(c) ? 'Warning' : 'Normal',
          object: { kind: o.kind, name: o.metadata.name },
          reason: c.reason,
          message: c.message,
          condition: { type: c.type, status: c.status },
        });
      }
    }
    return entries.sort((a, b) => b.time.localeCompare(a.time));
  }
}

/** Whether a condition in this state deserves a warning marker. */
function conditionIsBad(c: { type: string; status: string }) {
  return NEGATIVE_POLARITY.has(c.type) ? false : c.status === 'False';
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  AuthService,
  DiscoveryService,
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ClusterListResponse,
  clusterKey,
  ClusterRef,
  ClusterSummary,
  createServerSentEventParser,
  ManagementClusterStatus,
  ServerSentEvent,
  StreamChanges,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  ClusterEntityOptions,
  clusterEntityRef,
  clusterLocation,
  clusterToEntity,
} from './entity';

/** Plugin id of the capi-openstack backend plugin, whose REST API is read. */
const TARGET_PLUGIN_ID = 'capi-openstack';
const PROVIDER_NAME = 'capi-openstack';
const CONFIG_KEY = 'catalog.providers.capiOpenstack';
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
};
const DEFAULT_PAGE_SIZE = 1000;
/** The server's maximum `limit` of `GET /clusters`. */
const MAX_PAGE_SIZE = 5000;
/** Full syncs whose pages were inconsistent (clusters removed meanwhile) are retried this often. */
const MAX_SYNC_ATTEMPTS = 3;

/**
 * Which clusters are published (`catalog.providers.capiOpenstack.filter`).
 * Each list is optional (absent: all); with both, a cluster must match both.
 * @public
 */
export interface ClusterEntityFilter {
  /** Names of the management clusters whose clusters are published. */
  managementClusters?: string[];
  /** Namespaces whose clusters are published, in any management cluster in scope. */
  namespaces?: string[];
}

const FILTER_KEYS = ['managementClusters', 'namespaces'] as const;

/** Options of {@link ClusterEntityProvider}. @public */
export interface ClusterEntityProviderOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Runs the periodic full sync. */
  taskRunner: SchedulerServiceTaskRunner;
  /** How entities are built (lifecycle, system, app URL). */
  entity?: Omit<ClusterEntityOptions, 'managementClusterTitle'>;
  /** `limit` of each `GET /clusters` page. Default 1000. */
  pageSize?: number;
  /** Publishes only the clusters in scope. Default: every cluster the backend answers. */
  filter?: ClusterEntityFilter;
  /** A stream without any data (the server pings every 25 s) for this long is reconnected. Default 90 s. */
  streamIdleTimeoutMs?: number;
  /** Reconnect backoff of the stream: first delay and cap. Default 1 s and 60 s. */
  backoff?: { initialMs: number; maxMs: number };
}

/** Management clusters whose cached list is complete (`stale` is complete as of the break). */
function isComplete(mc: ManagementClusterStatus) {
  return mc.state === 'synced' || mc.state === 'stale';
}

/**
 * Publishes every workload cluster known to the capi-openstack backend plugin
 * (or those of `catalog.providers.capiOpenstack.filter`) as a `Resource`
 * entity of type `kubernetes-cluster`. It reads with its own service
 * credentials: every cluster in scope is visible to whoever may read the
 * catalog's entities.
 *
 * It reads the plugin's REST API (a catalog module cannot reach another
 * plugin's internals) with a service token:
 *
 * - a full mutation on each full sync: `GET /clusters`, paged, on schedule
 *   (`catalog.providers.capiOpenstack.schedule`, default every 10 minutes) and
 *   whenever the event stream (re)connects, which closes any gap;
 * - delta mutations driven by the `changes` events of `GET /stream`: upserted
 *   clusters are added (only when their entity changed), removed ones removed;
 * - the stream is reconnected with capped exponential backoff when it drops
 *   or falls silent.
 *
 * While a management cluster has not completed its first sync (or is
 * unreachable since start-up), its clusters are unknown rather than gone: the
 * sync is then published as an additive delta, and the full mutation follows
 * as soon as every management cluster in scope is synced.
 *
 * @public
 */
export class ClusterEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly pageSize: number;
  private readonly idleTimeoutMs: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  /** Serializes mutations: syncs and deltas are applied in the order they were asked for. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Entity ref → serialized entity last published, to skip deltas that change nothing. */
  private published = new Map<string, string>();
  private readonly mcTitles = new Map<string, string>();
  /** The last sync could not remove anything: a full sync is due once every management cluster is synced. */
  private partial = false;
  /** Counts `removed` entries received on the stream (paging consistency check). */
  private removalsReceived = 0;
  /** A full mutation was applied since start-up: the catalog holds no cluster out of scope. */
  private fullApplied = false;
  /** Refs out of scope already removed before the first full mutation (once each). */
  private readonly retracted = new Set<string>();
  private readonly filter: { managementClusters?: Set<string>; namespaces?: Set<string> };
  private warnedUnknownMcs = false;
  private stopped = false;
  private streamAbort?: AbortController;
  private wakeUp?: () => void;
  private streamLoop?: Promise<void>;

  /** Builds the provider from `catalog.providers.capiOpenstack` (errors name the key). */
  static fromConfig(
    config: RootConfigService,
    deps: { discovery: DiscoveryService; auth: AuthService; logger: LoggerService; scheduler: SchedulerService },
  ): ClusterEntityProvider {
    const own = config.getOptionalConfig(CONFIG_KEY);
    const schedule = own?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(own.getConfig('schedule'))
      : DEFAULT_SCHEDULE;
    const lifecycle = own?.getOptionalString('lifecycle') ?? 'production';
    if (!lifecycle.trim()) throw new Error(`${CONFIG_KEY}.lifecycle must not be empty`);
    const system = own?.getOptionalString('system');
    if (system !== undefined && !system.trim()) throw new Error(`${CONFIG_KEY}.system must not be empty`);
    const pageSize = own?.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new Error(`${CONFIG_KEY}.pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
    }
    const filter = readFilter(own);
    return new ClusterEntityProvider({
      discovery: deps.discovery,
      auth: deps.auth,
      logger: deps.logger,
      taskRunner: deps.scheduler.createScheduledTaskRunner(schedule),
      pageSize,
      filter,
      entity: {
        appBaseUrl: config.getOptionalString('app.baseUrl'),
        lifecycle,
        system,
        fallbackOwner: config.getOptionalString('capiOpenstack.defaultOwner'),
      },
    });
  }

  constructor(private readonly options: ClusterEntityProviderOptions) {
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.idleTimeoutMs = options.streamIdleTimeoutMs ?? 90_000;
    this.backoff = options.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
    const { managementClusters, namespaces } = options.filter ?? {};
    this.filter = {
      managementClusters: managementClusters ? new Set(managementClusters) : undefined,
      namespaces: namespaces ? new Set(namespaces) : undefined,
    };
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  /** Id of the scheduled full sync. */
  get taskId(): string {
    return `${PROVIDER_NAME}:refresh`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: this.taskId,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          this.options.logger.warn(`Full sync of workload clusters failed: ${(error as Error).message}`);
        }
      },
    });
    // The stream starts in the background: the capi-openstack plugin may not
    // answer yet (or live in another backend); the catalog must start anyway.
    this.streamLoop ??= this.runStream();
  }

  /** A full sync now, after any mutation already queued. */
  refresh(): Promise<void> {
    return this.enqueue(() => this.fullSync());
  }

  /** Stops the stream (the backend shuts down). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.streamAbort?.abort();
    this.wakeUp?.();
    await this.streamLoop;
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const result = this.tail.then(op);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async token(): Promise<string> {
    const { auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: TARGET_PLUGIN_ID,
    });
    return token;
  }

  private async baseUrl(): Promise<string> {
    return this.options.discovery.getBaseUrl(TARGET_PLUGIN_ID);
  }

  private async getJson<T>(url: string): Promise<T> {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await this.token()}`, accept: 'application/json' },
    });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }

  private mcInScope(name: string): boolean {
    return !this.filter.managementClusters || this.filter.managementClusters.has(name);
  }

  /** Whether the filter publishes the cluster. */
  private inScope(ref: ClusterRef): boolean {
    return this.mcInScope(ref.managementCluster) && (!this.filter.namespaces || this.filter.namespaces.has(ref.namespace));
  }

  /** The filter as `GET /clusters` parameters, so that the server leaves out what is not published. */
  private filterQuery(): string {
    const params = new URLSearchParams();
    for (const mc of this.filter.managementClusters ?? []) params.append('managementCluster', mc);
    for (const ns of this.filter.namespaces ?? []) params.append('namespace', ns);
    const query = params.toString();
    return query ? `&${query}` : '';
  }

  private rememberTitles(mcs: ManagementClusterStatus[] | undefined) {
    for (const mc of mcs ?? []) this.mcTitles.set(mc.name, mc.title);
  }

  private toDeferred(summary: ClusterSummary): DeferredEntity {
    return {
      entity: clusterToEntity(summary, {
        ...this.options.entity,
        managementClusterTitle: this.mcTitles.get(summary.managementCluster),
      }),
      locationKey: clusterLocation(summary),
    };
  }

  /** Every cluster, paged; retried when clusters were removed between pages (items may have shifted). */
  private async fetchAll(): Promise<{ summaries: ClusterSummary[]; managementClusters: ManagementClusterStatus[] }> {
    const base = await this.baseUrl();
    const filterQuery = this.filterQuery();
    for (let attempt = 1; ; attempt++) {
      const removalsBefore = this.removalsReceived;
      const byKey = new Map<string, ClusterSummary>();
      let managementClusters: ManagementClusterStatus[] = [];
      let total: number | undefined;
      let consistent = true;
      let offset = 0;
      let pages = 0;
      while (total === undefined || offset < total) {
        const page = await this.getJson<ClusterListResponse>(
          `${base}/clusters?sort=name&order=asc&offset=${offset}&limit=${this.pageSize}${filterQuery}`,
        );
        pages += 1;
        if (total !== undefined && page.totalCount !== total) consistent = false;
        total = page.totalCount;
        managementClusters = page.managementClusters ?? [];
        for (const s of page.items) byKey.set(clusterKey(s), s);
        if (page.items.length === 0) break;
        offset += page.items.length;
      }
      if (pages > 1 && this.removalsReceived !== removalsBefore) consistent = false;
      if (consistent || attempt >= MAX_SYNC_ATTEMPTS) {
        if (!consistent) {
          this.options.logger.warn(
            `The fleet changed while it was read ${attempt} times; publishing the last read, the next sync completes it`,
          );
        }
        return { summaries: [...byKey.values()], managementClusters };
      }
    }
  }

  private async fullSync(): Promise<void> {
    const connection = this.connection;
    if (!connection) throw new Error('The capi-openstack entity provider is not connected yet');
    const started = Date.now();
    const { summaries, managementClusters } = await this.fetchAll();
    this.rememberTitles(managementClusters);
    this.warnUnknownManagementClusters(managementClusters);
    // The server filters too; the local check holds whatever it answers.
    const entities = summaries.filter(s => this.inScope(s)).map(s => this.toDeferred(s));
    // Only the management clusters in scope can hold clusters to publish.
    const incomplete = managementClusters.filter(mc => this.mcInScope(mc.name) && !isComplete(mc));
    if (incomplete.length === 0) {
      await connection.applyMutation({ type: 'full', entities });
      this.published = new Map(entities.map(e => [refOf(e.entity), JSON.stringify(e.entity)]));
      this.partial = false;
      this.fullApplied = true;
      this.retracted.clear();
      this.options.logger.info(
        `Published ${entities.length} workload clusters (full sync in ${Date.now() - started} ms)`,
      );
    } else {
      // Unknown is not gone: add what is known, remove nothing.
      await connection.applyMutation({ type: 'delta', added: entities, removed: [] });
      for (const e of entities) this.published.set(refOf(e.entity), JSON.stringify(e.entity));
      this.partial = true;
      this.options.logger.info(
        `Published ${entities.length} workload clusters without removals: management clusters ` +
          `${incomplete.map(mc => `${mc.name} (${mc.state})`).join(', ')} not synced yet`,
      );
    }
  }

  private async applyChanges(changes: StreamChanges): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.rememberTitles(changes.managementClusters);
    const added: DeferredEntity[] = [];
    const removed: Array<{ entityRef: string; locationKey: string }> = [];
    for (const summary of changes.upserted ?? []) {
      if (!this.inScope(summary)) {
        this.retract(summary, removed);
        continue;
      }
      const deferred = this.toDeferred(summary);
      // Most upserts change only the verdict or counters, which the entity does not hold.
      if (this.published.get(refOf(deferred.entity)) !== JSON.stringify(deferred.entity)) added.push(deferred);
    }
    for (const r of changes.removed ?? []) {
      if (this.inScope(r)) removed.push({ entityRef: clusterEntityRef(r), locationKey: clusterLocation(r) });
      else this.retract(r, removed);
    }
    if (added.length || removed.length) {
      await connection.applyMutation({ type: 'delta', added, removed });
      for (const e of added) this.published.set(refOf(e.entity), JSON.stringify(e.entity));
      for (const r of removed) this.published.delete(r.entityRef);
      this.options.logger.debug(`Applied a delta: ${added.length} added or updated, ${removed.length} removed`);
    }
    const mcsInScope = (changes.managementClusters ?? []).filter(mc => this.mcInScope(mc.name));
    if (this.partial && changes.managementClusters?.length && mcsInScope.every(isComplete)) {
      // Every management cluster in scope is synced now: the removals held back are due.
      await this.fullSync();
    }
  }

  /**
   * A cluster out of scope is never published, so after a full mutation the
   * catalog holds none. Before the first one it may still hold it from a run
   * with a wider filter (an additive sync removes nothing): a delta naming it
   * removes it, once.
   */
  private retract(ref: ClusterRef, removed: Array<{ entityRef: string; locationKey: string }>) {
    const entityRef = clusterEntityRef(ref);
    if (!this.fullApplied && !this.retracted.has(entityRef)) {
      removed.push({ entityRef, locationKey: clusterLocation(ref) });
      this.retracted.add(entityRef);
    }
  }

  private warnUnknownManagementClusters(managementClusters: ManagementClusterStatus[]) {
    if (this.warnedUnknownMcs || !this.filter.managementClusters || managementClusters.length === 0) return;
    const known = new Set(managementClusters.map(mc => mc.name));
    const unknown = [...this.filter.managementClusters].filter(name => !known.has(name));
    if (unknown.length) {
      this.warnedUnknownMcs = true;
      this.options.logger.warn(
        `${CONFIG_KEY}.filter.managementClusters names ${unknown.join(', ')}, unknown to the capi-openstack backend ` +
          `(it knows ${[...known].join(', ')})`,
      );
    }
  }

  private async runStream(): Promise<void> {
    const state = { failures: 0 };
    const onConnected = () => {
      if (state.failures > 0) this.options.logger.info('Connected to the capi-openstack event stream');
      state.failures = 0;
    };
    while (!this.stopped) {
      try {
        await this.readStream(onConnected);
        if (this.stopped) return;
        this.options.logger.info('The capi-openstack event stream ended; reconnecting');
      } catch (e) {
        if (this.stopped) return;
        state.failures += 1;
        const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (state.failures - 1));
        // The first failure is expected while the backend starts.
        const log = state.failures > 1 ? this.options.logger.warn : this.options.logger.info;
        log.call(
          this.options.logger,
          `The capi-openstack event stream failed: ${(e as Error).message}; reconnecting in ${Math.round(delay / 1000)} s`,
        );
        await this.sleep(delay * (0.75 + Math.random() * 0.25));
        continue;
      }
      await this.sleep(this.backoff.initialMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Reads `GET /stream` until it ends; throws when it cannot connect, breaks or falls silent. */
  private async readStream(onConnected: () => void): Promise<void> {
    const abort = new AbortController();
    this.streamAbort = abort;
    let silent = false;
    let idleTimer: NodeJS.Timeout | undefined;
    const resetIdle = () => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        silent = true;
        abort.abort();
      }, this.idleTimeoutMs);
    };
    try {
      resetIdle();
      const url = `${await this.baseUrl()}/stream`;
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${await this.token()}`, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!res.ok) throw await ResponseError.fromResponse(res);
      if (!res.body) throw new Error('the event stream has no body');
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const parse = createServerSentEventParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        resetIdle();
        for (const e of parse(decoder.decode(value, { stream: true }))) this.handleEvent(e, onConnected);
      }
    } catch (e) {
      if (silent) throw new Error(`no data for ${Math.round(this.idleTimeoutMs / 1000)} s`);
      throw e;
    } finally {
      if (idleTimer) clearTimeout(idleTimer);
      abort.abort();
    }
  }

  private handleEvent(e: ServerSentEvent, onConnected: () => void) {
    if (e.event === 'snapshot') {
      onConnected();
      const snapshot = JSON.parse(e.data) as { managementClusters?: ManagementClusterStatus[] };
      this.rememberTitles(snapshot.managementClusters);
      // Changes made while the stream was down are only in a full read.
      this.refresh().catch(error =>
        this.options.logger.warn(`Full sync of workload clusters failed: ${(error as Error).message}`),
      );
    } else if (e.event === 'changes') {
      const changes = JSON.parse(e.data) as StreamChanges;
      this.removalsReceived += changes.removed?.length ?? 0;
      this.enqueue(() => this.applyChanges(changes)).catch(error =>
        this.options.logger.warn(`Applying workload cluster changes failed: ${(error as Error).message}`),
      );
    }
  }
}

/** `catalog.providers.capiOpenstack.filter`; errors name the key. */
function readFilter(own: ReturnType<RootConfigService['getOptionalConfig']>): ClusterEntityFilter | undefined {
  if (!own?.has('filter')) return undefined;
  const key = `${CONFIG_KEY}.filter`;
  const value = own.getOptional('filter');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${key} must be an object with managementClusters and/or namespaces, got ${JSON.stringify(value)}`);
  }
  const config = own.getConfig('filter');
  for (const k of config.keys()) {
    if (!(FILTER_KEYS as readonly string[]).includes(k)) {
      // A misspelt key would otherwise publish every cluster.
      throw new Error(`${key}.${k} is not a filter; the filters are ${FILTER_KEYS.join(' and ')}`);
    }
  }
  const filter: ClusterEntityFilter = {};
  for (const k of FILTER_KEYS) {
    if (!config.has(k)) continue;
    const list = config.getOptional(k);
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every(item => typeof item === 'string' && item.trim() !== '' && item.trim() === item)
    ) {
      throw new Error(
        `${key}.${k} must be a non-empty list of names (leave it out to publish all), got ${JSON.stringify(list)}`,
      );
    }
    filter[k] = [...new Set(list as string[])];
  }
  return filter;
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

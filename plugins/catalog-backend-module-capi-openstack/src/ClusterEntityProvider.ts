/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  AuthService,
  DiscoveryService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ClusterRef,
  ClusterSummary,
  ManagementClusterStatus,
  ServerSentEvent,
  StreamChanges,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { BackendClient } from './backendClient';
import { ClusterScope } from './clusterScope';
import {
  clusterEntityRef,
  clusterLocation,
  clusterToEntity,
} from './entity';
import { EventStream } from './eventStream';
import {
  ClusterEntityProviderOptions,
  CONFIG_KEY,
  DEFAULT_PAGE_SIZE,
  optionsFromConfig,
} from './providerOptions';
import { errorText } from './errorText';

export type { ClusterEntityFilter, ClusterEntityProviderOptions } from './providerOptions';

const PROVIDER_NAME = 'capi-openstack';

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
  private readonly scope: ClusterScope;
  /** `GET /clusters` for the full syncs. */
  private readonly client: BackendClient;
  /** `GET /stream` for the deltas; its events come to `handleEvent`. */
  private readonly stream: EventStream;
  private warnedUnknownMcs = false;
  private streamLoop?: Promise<void>;

  /** Builds the provider from `catalog.providers.capiOpenstack` (errors name the key). */
  static fromConfig(
    config: RootConfigService,
    deps: { discovery: DiscoveryService; auth: AuthService; logger: LoggerService; scheduler: SchedulerService },
  ): ClusterEntityProvider {
    return new ClusterEntityProvider(optionsFromConfig(config, deps));
  }

  constructor(private readonly options: ClusterEntityProviderOptions) {
    this.scope = new ClusterScope(options.filter);
    this.client = new BackendClient(
      options.discovery,
      options.auth,
      options.logger,
      options.pageSize ?? DEFAULT_PAGE_SIZE,
      this.scope,
    );
    this.stream = new EventStream({
      client: this.client,
      logger: options.logger,
      idleTimeoutMs: options.streamIdleTimeoutMs ?? 90_000,
      backoff: options.backoff ?? { initialMs: 1_000, maxMs: 60_000 },
      onEvent: (e, onConnected) => this.handleEvent(e, onConnected),
    });
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
          this.options.logger.warn(`Full sync of workload clusters failed: ${errorText(error)}`);
        }
      },
    });
    // The stream starts in the background: the capi-openstack plugin may not
    // answer yet (or live in another backend); the catalog must start anyway.
    this.streamLoop ??= this.stream.run();
  }

  /** A full sync now, after any mutation already queued. */
  refresh(): Promise<void> {
    return this.enqueue(() => this.fullSync());
  }

  /** Stops the stream (the backend shuts down). */
  async stop(): Promise<void> {
    this.stream.stop();
    await this.streamLoop;
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const result = this.tail.then(op);
    this.tail = result.catch(() => undefined);
    return result;
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

  private async fullSync(): Promise<void> {
    const connection = this.connection;
    if (!connection) throw new Error('The capi-openstack entity provider is not connected yet');
    const started = Date.now();
    const { summaries, managementClusters } = await this.client.fetchAll(() => this.removalsReceived);
    this.rememberTitles(managementClusters);
    this.warnUnknownManagementClusters(managementClusters);
    // The server filters too; the local check holds whatever it answers.
    const entities = summaries.filter(s => this.scope.inScope(s)).map(s => this.toDeferred(s));
    // Only the management clusters in scope can hold clusters to publish.
    const incomplete = managementClusters.filter(mc => this.scope.mcInScope(mc.name) && !isComplete(mc));
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
      if (!this.scope.inScope(summary)) {
        this.retract(summary, removed);
        continue;
      }
      const deferred = this.toDeferred(summary);
      // Most upserts change only the verdict or counters, which the entity does not hold.
      if (this.published.get(refOf(deferred.entity)) !== JSON.stringify(deferred.entity)) added.push(deferred);
    }
    for (const r of changes.removed ?? []) {
      if (this.scope.inScope(r)) removed.push({ entityRef: clusterEntityRef(r), locationKey: clusterLocation(r) });
      else this.retract(r, removed);
    }
    if (added.length || removed.length) {
      await connection.applyMutation({ type: 'delta', added, removed });
      for (const e of added) this.published.set(refOf(e.entity), JSON.stringify(e.entity));
      for (const r of removed) this.published.delete(r.entityRef);
      this.options.logger.debug(`Applied a delta: ${added.length} added or updated, ${removed.length} removed`);
    }
    const mcsInScope = (changes.managementClusters ?? []).filter(mc => this.scope.mcInScope(mc.name));
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
    if (this.warnedUnknownMcs || !this.scope.managementClusters || managementClusters.length === 0) return;
    const known = new Set(managementClusters.map(mc => mc.name));
    const unknown = [...this.scope.managementClusters].filter(name => !known.has(name));
    if (unknown.length) {
      this.warnedUnknownMcs = true;
      this.options.logger.warn(
        `${CONFIG_KEY}.filter.managementClusters names ${unknown.join(', ')}, unknown to the capi-openstack backend ` +
          `(it knows ${[...known].join(', ')})`,
      );
    }
  }

  private handleEvent(e: ServerSentEvent, onConnected: () => void) {
    if (e.event === 'snapshot') {
      onConnected();
      const snapshot = JSON.parse(e.data) as { managementClusters?: ManagementClusterStatus[] };
      this.rememberTitles(snapshot.managementClusters);
      // Changes made while the stream was down are only in a full read.
      this.refresh().catch(error =>
        this.options.logger.warn(`Full sync of workload clusters failed: ${errorText(error)}`),
      );
    } else if (e.event === 'changes') {
      const changes = JSON.parse(e.data) as StreamChanges;
      this.removalsReceived += changes.removed?.length ?? 0;
      this.enqueue(() => this.applyChanges(changes)).catch(error =>
        this.options.logger.warn(`Applying workload cluster changes failed: ${errorText(error)}`),
      );
    }
  }
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

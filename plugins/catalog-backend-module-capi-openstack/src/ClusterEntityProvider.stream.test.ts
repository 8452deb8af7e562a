/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The provider against a stub of the capi-openstack REST API: paging, the
 * additive sync while a management cluster is not synced, skipped no-op
 * upserts, reconnects after a dropped or silent stream, failures, and the
 * filter applied to whatever the server answers.
 */

import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection, EntityProviderMutation } from '@backstage/plugin-catalog-node';
import {
  ClusterSummary,
  ManagementClusterStatus,
  StreamChanges,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ClusterEntityFilter, ClusterEntityProvider } from './ClusterEntityProvider';
import { clusterEntityName, clusterEntityRef } from './entity';

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 10));
  }
}

function summary(mc: string, ns: string, name: string, extra: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    managementCluster: mc,
    namespace: ns,
    name,
    verdict: 'Healthy',
    reasons: [],
    versions: ['v1.31.4'],
    version: 'v1.31.4',
    controlPlane: {} as any,
    workers: {} as any,
    owner: `group:default/${ns}`,
    magnum: false,
    classy: false,
    paused: false,
    ...extra,
  };
}

function mcStatus(name: string, state: ManagementClusterStatus['state']): ManagementClusterStatus {
  return { name, title: name.toUpperCase(), state, since: new Date().toISOString(), clusters: 0, apiVersions: {}, apiRequests: 0 };
}

/** A stub of `GET /clusters` and `GET /stream`. */
class StubApi {
  summaries: ClusterSummary[] = [];
  managementClusters: ManagementClusterStatus[] = [];
  clustersStatus = 200;
  /** `silent`: answer the stream with headers only. */
  streamMode: 'normal' | 'silent' = 'normal';
  streamRequests = 0;
  listRequests = 0;
  /** Query strings of `GET /clusters`. */
  readonly listQueries: URLSearchParams[] = [];
  readonly authorizations: string[] = [];
  private readonly streams = new Set<http.ServerResponse>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/capi-openstack`;
  }

  async stop() {
    this.dropStreams();
    await new Promise(resolve => this.server.close(resolve));
  }

  push(changes: Partial<StreamChanges>) {
    const data = { upserted: [], removed: [], managementClusters: this.managementClusters, ...changes };
    for (const res of this.streams) res.write(`event: changes\ndata: ${JSON.stringify(data)}\n\n`);
  }

  dropStreams() {
    for (const res of this.streams) res.destroy();
    this.streams.clear();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    this.authorizations.push(req.headers.authorization ?? '');
    const url = new URL(req.url!, 'http://stub');
    if (url.pathname === '/api/capi-openstack/clusters') {
      this.listRequests += 1;
      // The filter parameters are recorded, not applied: the provider must filter what it gets.
      this.listQueries.push(url.searchParams);
      if (this.clustersStatus !== 200) {
        res.writeHead(this.clustersStatus, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { name: 'ServiceUnavailableError', message: 'warming up' } }));
        return;
      }
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const sorted = [...this.summaries].sort((a, b) => a.name.localeCompare(b.name));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: sorted.slice(offset, offset + limit),
          totalCount: sorted.length,
          verdictCounts: {},
          managementClusters: this.managementClusters,
        }),
      );
    } else if (url.pathname === '/api/capi-openstack/stream') {
      this.streamRequests += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      this.streams.add(res);
      req.on('close', () => this.streams.delete(res));
      if (this.streamMode === 'normal') {
        res.write(`event: snapshot\r\ndata: ${JSON.stringify({ managementClusters: this.managementClusters })}\r\n\r\n`);
      }
    } else {
      res.writeHead(404).end();
    }
  }
}

class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  async applyMutation(mutation: EntityProviderMutation) {
    this.mutations.push(mutation);
  }
  async refresh() {}
}

describe('ClusterEntityProvider (stub API)', () => {
  let api: StubApi;
  let provider: ClusterEntityProvider;
  let connection: RecordingConnection;
  let tasks: SchedulerServiceTaskInvocationDefinition[];
  const logger = mockServices.logger.mock();

  async function start(options: { pageSize?: number; idleMs?: number; filter?: ClusterEntityFilter } = {}) {
    const baseUrl = await api.start();
    tasks = [];
    provider = new ClusterEntityProvider({
      discovery: { getBaseUrl: async () => baseUrl, getExternalBaseUrl: async () => baseUrl },
      auth: mockServices.auth(),
      logger,
      taskRunner: { run: async task => void tasks.push(task) },
      pageSize: options.pageSize ?? 2,
      streamIdleTimeoutMs: options.idleMs ?? 10_000,
      backoff: { initialMs: 20, maxMs: 100 },
      filter: options.filter,
      entity: { appBaseUrl: 'http://app' },
    });
    connection = new RecordingConnection();
    await provider.connect(connection);
  }

  beforeEach(() => {
    api = new StubApi();
    jest.clearAllMocks();
  });

  afterEach(async () => {
    await provider?.stop();
    await api.stop();
  });


  it('reads every page in a full mutation, with a service token for capi-openstack', async () => {
    api.managementClusters = [mcStatus('a', 'synced')];
    api.summaries = ['c1', 'c2', 'c3', 'c4', 'c5'].map(n => summary('a', 'ns', n));
    await start({ pageSize: 2 });
    const full = await waitFor('a full mutation', () => connection.mutations.find(m => m.type === 'full'));
    expect(full.type === 'full' && full.entities.map(e => e.entity.metadata.name)).toEqual(
      ['c1', 'c2', 'c3', 'c4', 'c5'].map(n => `a.ns.${n}`),
    );
    expect(api.listRequests).toBe(3);
    for (const a of api.authorizations) {
      const payload = JSON.parse(a.replace(/^Bearer mock-service-token:/, ''));
      expect(payload).toMatchObject({ sub: 'plugin:test', target: 'capi-openstack' });
    }
    expect(tasks.map(t => t.id)).toEqual(['capi-openstack:refresh']);
  });

  it('removes nothing while a management cluster is not synced, then syncs in full', async () => {
    api.managementClusters = [mcStatus('a', 'synced'), mcStatus('b', 'syncing')];
    api.summaries = [summary('a', 'ns', 'c1')];
    await start();
    const first = await waitFor('a mutation', () => connection.mutations[0]);
    expect(first).toMatchObject({ type: 'delta', removed: [] });
    expect(first.type === 'delta' && first.added.map(e => e.entity.metadata.name)).toEqual(['a.ns.c1']);

    api.managementClusters = [mcStatus('a', 'synced'), mcStatus('b', 'synced')];
    api.summaries.push(summary('b', 'ns', 'c2'));
    api.push({ upserted: [api.summaries[1]] });
    const full = await waitFor('the full mutation once b is synced', () =>
      connection.mutations.find(m => m.type === 'full'),
    );
    expect(full.type === 'full' && full.entities.map(e => e.entity.metadata.name).sort()).toEqual([
      'a.ns.c1',
      'b.ns.c2',
    ]);
  });

  it('skips upserts that do not change the entity and removes deleted clusters', async () => {
    api.managementClusters = [mcStatus('a', 'synced')];
    api.summaries = [summary('a', 'ns', 'c1'), summary('a', 'ns', 'c2')];
    await start();
    await waitFor('the full sync', () => connection.mutations.find(m => m.type === 'full'));
    const count = connection.mutations.length;

    api.push({ upserted: [summary('a', 'ns', 'c1', { verdict: 'Degraded', paused: true })] });
    api.push({ upserted: [summary('a', 'ns', 'c1', { version: 'v1.32.0' })] });
    api.push({ removed: [{ managementCluster: 'a', namespace: 'ns', name: 'c2' }] });
    // A last change whose delta proves that the three before it were handled
    // (changes are handled in order), so no delta of the no-op upsert can follow.
    api.push({ upserted: [summary('a', 'ns', 'c3')] });
    await waitFor('the delta of the last change', () =>
      connection.mutations.find(m => m.type === 'delta' && m.added.some(e => e.locationKey === 'capi-openstack:a/ns/c3')),
    );
    expect(connection.mutations.slice(count)).toEqual([
      { type: 'delta', added: [expect.objectContaining({ locationKey: 'capi-openstack:a/ns/c1' })], removed: [] },
      {
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: clusterEntityRef({ managementCluster: 'a', namespace: 'ns', name: 'c2' }),
            locationKey: 'capi-openstack:a/ns/c2',
          },
        ],
      },
      { type: 'delta', added: [expect.objectContaining({ locationKey: 'capi-openstack:a/ns/c3' })], removed: [] },
    ]);
    const upgraded = connection.mutations[count];
    expect(upgraded.type === 'delta' && upgraded.added[0].entity.metadata.labels).toMatchObject({
      'capi-openstack.dev/kubernetes-version': 'v1.32.0',
    });
  });

  it('reconnects when the stream drops and catches up with a full sync', async () => {
    api.managementClusters = [mcStatus('a', 'synced')];
    api.summaries = [summary('a', 'ns', 'c1'), summary('a', 'ns', 'c2')];
    await start();
    await waitFor('the first full sync', () => connection.mutations.find(m => m.type === 'full'));

    // Down for a while; a cluster disappears meanwhile and its event is lost.
    api.summaries = [summary('a', 'ns', 'c1')];
    api.dropStreams();
    const fulls = await waitFor('a second full sync', () => {
      const f = connection.mutations.filter(m => m.type === 'full');
      return f.length >= 2 ? f : undefined;
    });
    expect(api.streamRequests).toBeGreaterThanOrEqual(2);
    const last = fulls[fulls.length - 1];
    expect(last.type === 'full' && last.entities.map(e => e.entity.metadata.name)).toEqual([
      clusterEntityName({ managementCluster: 'a', namespace: 'ns', name: 'c1' }),
    ]);
  });

  it('reconnects a silent stream', async () => {
    api.managementClusters = [mcStatus('a', 'synced')];
    api.streamMode = 'silent';
    await start({ idleMs: 100 });
    await waitFor('a reconnect', () => (api.streamRequests >= 3 ? true : undefined));
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('no data for'));
  });

  it('survives an unavailable API: the scheduled sync logs and publishes nothing', async () => {
    api.managementClusters = [mcStatus('a', 'synced')];
    api.clustersStatus = 503;
    await start();
    await tasks[0].fn(new AbortController().signal as any);
    expect(connection.mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('503'));
    const logged = JSON.stringify([...logger.warn.mock.calls, ...logger.info.mock.calls]);
    expect(logged).not.toMatch(/mock-service-token|Bearer/);
  });

  describe('with a filter', () => {
    const filter = { managementClusters: ['a'], namespaces: ['ns'] };
    const name = (mc: string, ns: string, n: string) => clusterEntityName({ managementCluster: mc, namespace: ns, name: n });

    it('asks the server for the clusters in scope and publishes only those', async () => {
      // b is out of scope: that it still syncs does not hold back the full mutation.
      api.managementClusters = [mcStatus('a', 'synced'), mcStatus('b', 'syncing')];
      api.summaries = [summary('a', 'ns', 'c1'), summary('a', 'other', 'c2'), summary('b', 'ns', 'c3')];
      await start({ pageSize: 10, filter });
      const first = await waitFor('a mutation', () => connection.mutations[0]);
      expect(first.type === 'full' && first.entities.map(e => e.entity.metadata.name)).toEqual([name('a', 'ns', 'c1')]);
      expect(api.listQueries.length).toBeGreaterThan(0);
      for (const q of api.listQueries) {
        expect(q.getAll('managementCluster')).toEqual(['a']);
        expect(q.getAll('namespace')).toEqual(['ns']);
      }
    });

    it('emits no entity for a delta out of scope', async () => {
      api.managementClusters = [mcStatus('a', 'synced'), mcStatus('b', 'synced')];
      api.summaries = [summary('a', 'ns', 'c1')];
      await start({ filter });
      await waitFor('the full sync', () => connection.mutations.find(m => m.type === 'full'));
      const count = connection.mutations.length;

      api.push({
        upserted: [summary('a', 'other', 'c2'), summary('b', 'ns', 'c3', { version: 'v1.32.0' })],
        removed: [{ managementCluster: 'b', namespace: 'ns', name: 'c4' }],
      });
      // Then a change in scope: once it is applied, the one before was too.
      api.push({ upserted: [summary('a', 'ns', 'c5')] });
      await waitFor('the delta in scope', () => (connection.mutations.length > count ? true : undefined));
      expect(connection.mutations.slice(count)).toEqual([
        { type: 'delta', added: [expect.objectContaining({ locationKey: 'capi-openstack:a/ns/c5' })], removed: [] },
      ]);
    });

    it('before the first full mutation, removes a cluster out of scope named by a delta, once', async () => {
      // a (in scope) still syncs: the sync is additive, the catalog may hold
      // clusters published by a run with a wider filter.
      api.managementClusters = [mcStatus('a', 'syncing')];
      api.summaries = [summary('a', 'ns', 'c1')];
      await start({ filter });
      const first = await waitFor('the additive sync', () => connection.mutations[0]);
      expect(first).toMatchObject({ type: 'delta', removed: [] });

      const outside = summary('a', 'other', 'c2');
      api.push({ upserted: [outside] });
      api.push({ upserted: [{ ...outside, verdict: 'Degraded' }] });
      api.push({ upserted: [summary('a', 'ns', 'c5')] });
      await waitFor('two deltas', () => (connection.mutations.length >= 3 ? true : undefined));
      expect(connection.mutations.slice(1)).toEqual([
        { type: 'delta', added: [], removed: [{ entityRef: clusterEntityRef(outside), locationKey: 'capi-openstack:a/other/c2' }] },
        { type: 'delta', added: [expect.objectContaining({ locationKey: 'capi-openstack:a/ns/c5' })], removed: [] },
      ]);
    });
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { setupManagementCluster, waitFor as waitUntil } from '@internal/management-cluster/testing';
import http from 'node:http';
import request from 'supertest';
import { startCapiBackend } from '../__testUtils__/startCapiBackend';
import { StreamConnections } from './stream';

const CAPI = 'cluster.x-k8s.io/v1beta2';

const waitFor = <T>(what: string, probe: () => Promise<T | undefined>) => waitUntil(what, probe, { timeoutMs: 30_000, intervalMs: 100 });

interface SseEvent {
  event: string;
  data: any;
}

/** A `GET /stream` client that records every event. */
interface Sse {
  status: number;
  /** The error body of a refused connection. */
  body?: any;
  events: SseEvent[];
  /** Resolves when the server ends the stream. */
  closed: Promise<void>;
  /** The first event (received or to come) that matches. */
  next(what: string, match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

function openSse(port: number, user: string): Promise<Sse> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `http://127.0.0.1:${port}/api/capi-openstack/stream`,
      { headers: { authorization: mockCredentials.user.header(user) } },
      res => {
        res.setEncoding('utf8');
        if (res.statusCode !== 200) {
          let text = '';
          res.on('data', c => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) } as Sse));
          return;
        }
        const events: SseEvent[] = [];
        const waiters = new Set<(e: SseEvent) => void>();
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let sep = buffer.indexOf('\n\n'); sep >= 0; sep = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, sep);
            buffer = buffer.slice(sep + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!event || data === undefined) continue;
            const e = { event, data: JSON.parse(data) };
            events.push(e);
            waiters.forEach(w => w(e));
          }
        });
        const closed = new Promise<void>(r => res.on('close', () => r()));
        resolve({
          status: 200,
          events,
          closed,
          next(what, match, timeoutMs = 20_000) {
            const seen = events.find(match);
            if (seen) return Promise.resolve(seen);
            return new Promise<SseEvent>((ok, fail) => {
              let timer: NodeJS.Timeout | undefined = undefined;
              const waiter = (e: SseEvent) => {
                if (!match(e)) return;
                clearTimeout(timer);
                waiters.delete(waiter);
                ok(e);
              };
              timer = setTimeout(() => {
                waiters.delete(waiter);
                fail(new Error(`stream of ${user}: timed out waiting for ${what}; got ${JSON.stringify(events)}`));
              }, timeoutMs);
              waiters.add(waiter);
            });
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', e => (e.message.includes('socket hang up') ? undefined : reject(e)));
  });
}

const isChanges = (e: SseEvent) => e.event === 'changes';
const names = (refs: Array<{ name: string }>) => refs.map(r => r.name).sort();

describe('GET /stream (real API server)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let nsA: string;
  let nsB: string;
  let backend: Awaited<ReturnType<typeof startCapiBackend>>;
  let port: number;
  const permissions = mockServices.permissions.mock();
  /** The answer of the policy per user; a user not listed may read everything. */
  const decisions = new Map<string, () => PolicyDecision>();
  const onlyNamespace = (ns: string) => (): PolicyDecision =>
    ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'capi-openstack',
      resourceType: 'capi-openstack-cluster',
      conditions: { rule: 'IS_IN_NAMESPACE', resourceType: 'capi-openstack-cluster', params: { namespaces: [ns] } },
    }) as PolicyDecision;

  const cluster = (namespace: string, name: string, reason = 'Probing', status = 'False', time = new Date()) => ({
    manifest: { apiVersion: CAPI, kind: 'Cluster', metadata: { name, namespace }, spec: { paused: false } },
    status: {
      conditions: [{ type: 'Available', status, reason, message: reason, lastTransitionTime: time.toISOString().replace(/\.\d+Z$/, 'Z') }],
    },
  });
  const label = (namespace: string, name: string, value: string) =>
    mc.client.request(
      'PATCH',
      `/apis/${CAPI}/namespaces/${namespace}/clusters/${name}`,
      { metadata: { labels: { 'capi-openstack.dev/test-tick': value } } },
      'application/merge-patch+json',
    );
  /** An events.k8s.io/v1 Event about a Cluster, as a controller would record it. */
  const recordEvent = async (namespace: string, name: string, reason: string) => {
    const target = (await mc.client.get(CAPI, 'Cluster', namespace, name))!;
    // MicroTime: exactly six fractional digits.
    const eventTime = new Date().toISOString().replace(/Z$/, '000Z');
    await mc.client.create({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: `${name}.${Math.random().toString(36).slice(2, 10)}`, namespace },
      eventTime,
      reportingController: 'capi-openstack.dev/test',
      reportingInstance: 'test',
      action: 'Testing',
      reason,
      note: `${reason} happened`,
      type: 'Normal',
      regarding: { apiVersion: CAPI, kind: 'Cluster', namespace, name, uid: target.metadata.uid },
    } as any);
  };
  const timeline = async (namespace: string, name: string) => {
    const res = await request(backend.server).get(`/api/capi-openstack/clusters/local/${namespace}/${name}/events`);
    return res.status === 200 ? (res.body.items as Array<{ reason?: string; source: string }>) : undefined;
  };

  beforeAll(async () => {
    nsA = await mc.createNamespace('stream-a');
    nsB = await mc.createNamespace('stream-b');
    await mc.apply([cluster(nsA, 'a1'), cluster(nsA, 'a2'), cluster(nsB, 'b1')]);
    permissions.authorizeConditional.mockImplementation(async (_requests: unknown, options: any) => {
      const decide = decisions.get(options.credentials.principal.userEntityRef);
      return [decide ? decide() : { result: AuthorizeResult.ALLOW }];
    });
    backend = await startCapiBackend(
      {
        managementClusters: [{ name: 'local', kubeconfig: { path: mc.kubeconfigFile() }, namespaces: [nsA, nsB] }],
        stream: { maxConnectionsPerUser: 2, reauthorizeSeconds: 1 },
      },
      permissions.factory,
    );
    port = (backend.server.address() as any).port;
    await waitFor('the management cluster to sync', async () => {
      const res = await request(backend.server).get('/api/capi-openstack/clusters');
      return res.body.totalCount === 3 && res.body.managementClusters[0].state === 'synced' ? true : undefined;
    });
  }, 120_000);

  afterAll(async () => {
    await backend?.stop();
  }, 30_000);

  it('answers 429 to a third stream of one user, and serves it once one closes', async () => {
    const first = await openSse(port, 'user:default/carol');
    const second = await openSse(port, 'user:default/carol');
    const other = await openSse(port, 'user:default/someone-else');
    try {
      expect([first.status, second.status, other.status]).toEqual([200, 200, 200]);
      const third = await openSse(port, 'user:default/carol');
      expect(third.status).toBe(429);
      expect(third.body.error.message).toMatch(/user:default\/carol already has 2 event streams open.*maxConnectionsPerUser/);
      first.close();
      // The slot comes back when the server sees the connection close.
      const again = await waitFor('a slot for carol', async () => {
        const s = await openSse(port, 'user:default/carol');
        return s.status === 200 ? s : undefined;
      });
      again.close();
    } finally {
      first.close();
      second.close();
      other.close();
    }
  });

  it('ends the stream with an error event once the permission is withdrawn', async () => {
    const user = 'user:default/dave';
    const sse = await openSse(port, user);
    try {
      await sse.next('the snapshot', e => e.event === 'snapshot');
      decisions.set(user, () => ({ result: AuthorizeResult.DENY }));
      // Re-checked every second (capiOpenstack.stream.reauthorizeSeconds: 1).
      const error = await sse.next('the error event', e => e.event === 'error');
      expect(error.data).toEqual({ message: 'You are not allowed to read workload clusters' });
      await sse.closed;
      const again = await openSse(port, user);
      expect(again.status).toBe(403);
    } finally {
      sse.close();
      decisions.delete(user);
    }
  });

  it('sends the clusters a new decision hides as removed', async () => {
    const user = 'user:default/erin';
    const sse = await openSse(port, user);
    try {
      await sse.next('the snapshot', e => e.event === 'snapshot');
      decisions.set(user, onlyNamespace(nsB));
      const removed = await sse.next('a removal', e => isChanges(e) && e.data.removed.length > 0);
      expect(names(removed.data.removed)).toEqual(['a1', 'a2']);
      expect(removed.data.upserted).toEqual([]);
      // The management clusters as the new decision shows them: its one cluster.
      expect(removed.data.managementClusters[0].clusters).toBe(1);
      // Changes of those clusters no longer reach it; changes of b1 do.
      await label(nsA, 'a1', 'erin');
      await label(nsB, 'b1', 'erin');
      const b1 = await sse.next('b1', e => isChanges(e) && e.data.upserted.some((s: any) => s.name === 'b1'));
      const changes = sse.events.filter(isChanges);
      expect(changes.slice(changes.indexOf(removed) + 1)).toEqual([b1]);
    } finally {
      sse.close();
      decisions.delete(user);
    }
  });

  it('lets an Event or a change of a cluster reach no one who may only read another', async () => {
    const reader = 'user:default/bob';
    decisions.set(reader, onlyNamespace(nsB));
    const bob = await openSse(port, reader);
    const admin = await openSse(port, 'user:default/admin');
    try {
      await bob.next('the snapshot', e => e.event === 'snapshot');
      await admin.next('the snapshot', e => e.event === 'snapshot');
      await recordEvent(nsA, 'a2', 'SomethingHappened');
      await waitFor('the Event in the timeline of a2', async () =>
        (await timeline(nsA, 'a2'))?.some(e => e.reason === 'SomethingHappened') ? true : undefined,
      );
      // a2 changes after the Event: once the admin hears of it, the Event has been handled too.
      await label(nsA, 'a2', 'bob');
      await admin.next('a2', e => isChanges(e) && e.data.upserted.some((s: any) => s.name === 'a2'));
      await label(nsB, 'b1', 'bob');
      const b1 = await bob.next('b1', e => isChanges(e) && e.data.upserted.some((s: any) => s.name === 'b1'));
      // Nothing before b1's change: neither the Event nor the change of a2 woke bob's stream.
      expect(bob.events.filter(isChanges)).toEqual([b1]);
      expect(names(b1.data.upserted)).toEqual(['b1']);
    } finally {
      bob.close();
      admin.close();
      decisions.delete(reader);
    }
  });

  it('gives a re-created cluster an empty timeline', async () => {
    const old = new Date(Date.now() - 60_000);
    await mc.apply([cluster(nsA, 'again', 'OldTrouble', 'False', old)]);
    await waitFor('again', async () => ((await timeline(nsA, 'again'))?.length ? true : undefined));
    // A transition seen on the watch, and an Event.
    await mc.apply([cluster(nsA, 'again', 'OldRecovery', 'True')]);
    await recordEvent(nsA, 'again', 'OldEvent');
    await waitFor('the old entries', async () => {
      const reasons = (await timeline(nsA, 'again'))?.map(e => e.reason) ?? [];
      return reasons.includes('OldTrouble') && reasons.includes('OldRecovery') && reasons.includes('OldEvent') ? true : undefined;
    });

    await mc.client.delete(CAPI, 'Cluster', nsA, 'again');
    await waitFor('again gone', async () => ((await timeline(nsA, 'again')) === undefined ? true : undefined));
    await mc.apply([cluster(nsA, 'again', 'Fresh', 'False')]);
    const fresh = await waitFor('again re-created', async () => timeline(nsA, 'again'));
    expect(fresh.map(e => e.reason)).toEqual(['Fresh']);
  });
});

describe('StreamConnections', () => {
  it('limits streams per principal (429) and in total (503), and gives slots back once', () => {
    const connections = new StreamConnections({ maxConnectionsPerUser: 2, maxConnections: 3 });
    const a1 = connections.acquire('user:default/a');
    connections.acquire('user:default/a');
    expect(() => connections.acquire('user:default/a')).toThrow(expect.objectContaining({ statusCode: 429 }));
    connections.acquire('user:default/b');
    expect(() => connections.acquire('service:external:ci')).toThrow(
      expect.objectContaining({ name: 'ServiceUnavailableError' }),
    );
    a1();
    a1(); // twice: still one slot
    expect(connections.size).toBe(2);
    connections.acquire('service:external:ci');
    expect(() => connections.acquire('user:default/c')).toThrow(/most event streams it allows \(3\)/);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Two processes of packages/backend on one PostgreSQL server and one
// management cluster (with the simulated controllers), as two replicas of
// a Deployment behind a load balancer. Each replica has its own watch cache
// (and its own verdict refresh, a `local` task for that cache); what they
// share is the database (catalog, scheduler, auth keys) and the objects in
// the management cluster (upgrade orchestration state).

import { startSimulator, Simulator } from '@internal/capi-simulator';
import { plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import { BackendProcess } from './__testUtils__/backendProcess';
import { guestToken, openEventStream, requestJson } from './__testUtils__/backendHttp';
import { auditEvents, logged } from './__testUtils__/backendLogs';
import { recordChanges, WatchRecord } from './__testUtils__/kubeWatch';
import { CATALOG_SYNC_SECONDS, replicaConfig } from './__testUtils__/replicaConfig';
import { Replicas, startReplicas } from './__testUtils__/replicas';
import { requestUpgrade, upgradeFinished } from './__testUtils__/upgrades';
import { UPGRADE_KINDS, upgradeWrites } from './__testUtils__/upgradeWrites';

const CAPI = 'cluster.x-k8s.io/v1beta2';
const TARGET = 'v1.34.2';
const FULL_SYNC = /^Published \d+ workload clusters \(full sync in \d+ ms\)/;

describe('two backend replicas on PostgreSQL', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  let simulator: Simulator;
  let replicas: Replicas;
  let a: BackendProcess;
  let b: BackendProcess;
  let token: string;

  const get = (backend: BackendProcess, path: string) => requestJson(backend.url, token, 'GET', path);
  const timing = { timeoutMs: 60_000, intervalMs: 250 };

  beforeAll(async () => {
    ns = await mc.createNamespace('replicas');
    const small = { namespace: ns, controlPlaneReplicas: 1, workerReplicas: 1 };
    await mc.apply([
      ...plainClusterObjects({ ...small, name: 'up1', version: 'v1.33.5' }),
      ...plainClusterObjects({ ...small, name: 'up2', version: 'v1.33.5' }),
      ...plainClusterObjects({ ...small, name: 'p1' }),
    ]);
    simulator = await startSimulator({ kubeconfig: mc.kubeconfig('admin'), timeScale: 300, namespaces: [ns], log: () => {} });
    replicas = await startReplicas({ suite: 'replicas', count: 2, config: replicaConfig(mc.kubeconfigFile(), ns) });
    [a, b] = replicas.backends;
    // Signed in on A; B verifies the token with the keys in the shared database.
    token = await guestToken(a.url);
  }, 300_000);

  afterAll(async () => {
    await replicas?.stop();
    await simulator?.stop();
  }, 120_000);

  it('serve the same fleet, and the same catalog entities', async () => {
    const lists = await waitFor(
      'both replicas synced with the 3 clusters',
      async () => {
        const both = await Promise.all([a, b].map(r => get(r, `/api/capi-openstack/clusters?namespace=${ns}`)));
        const ready = both.every(r => r.body.totalCount === 3 && r.body.managementClusters[0].state === 'synced');
        return ready && both.map(r => r.body.items.map((c: any) => `${c.name} ${c.version}`).sort());
      },
      timing,
    );
    expect(lists[0]).toEqual(['p1 v1.34.2', 'up1 v1.33.5', 'up2 v1.33.5']);
    expect(lists[1]).toEqual(lists[0]);
    const entities = await Promise.all(
      [a, b].map(async r => {
        const res = await get(r, '/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster');
        return res.body.items.map((e: any) => e.metadata.name).filter((n: string) => n.includes(ns)).sort();
      }),
    );
    expect(entities[0]).toHaveLength(3);
    expect(entities[1]).toEqual(entities[0]);
  }, 90_000);

  it('stream to B a change written through A, audited once', async () => {
    const stream = await openEventStream(b.url, token);
    try {
      await waitFor('the snapshot on B', () => stream.events.some(e => e.event === 'snapshot'), timing);
      const res = await requestJson(a.url, token, 'POST', `/api/capi-openstack/clusters/local/${ns}/p1/pause`, {});
      expect([res.status, res.body.changed]).toEqual([200, true]);
      const change = await waitFor(
        'p1 paused in a changes event on B',
        () =>
          stream.events
            .filter(e => e.event === 'changes')
            .flatMap(e => e.data.upserted ?? [])
            .find((s: any) => s.name === 'p1' && s.paused),
        timing,
      );
      expect(change).toMatchObject({ managementCluster: 'local', namespace: ns, paused: true });
    } finally {
      stream.close();
    }
    const events = auditEvents([a, b]).filter(e => e.meta?.action === 'pause' && e.meta?.cluster?.name === 'p1');
    expect(events.map(e => `${e.replica} ${e.eventId} ${e.status}`)).toEqual([
      'A cluster-action initiated',
      'A cluster-action succeeded',
    ]);
  }, 90_000);

  it('run the catalog sync once per interval across both, from the shared scheduler state', async () => {
    const interval = CATALOG_SYNC_SECONDS * 1000;
    // A replica also syncs when its event stream connects (at start-up): the
    // count starts an interval after the last replica's first sync.
    const firstSyncs = await waitFor(
      'a full sync on each replica',
      () => {
        const first = [a, b].map(r => logged([r], 'catalog', FULL_SYNC)[0]?.at);
        return first.every(t => t !== undefined) && (first as number[]);
      },
      timing,
    );
    const since = Math.max(...firstSyncs) + interval;
    const syncs = await waitFor(
      'five full syncs',
      () => {
        const lines = logged([a, b], 'catalog', FULL_SYNC).filter(l => l.at > since);
        return lines.length >= 5 && lines;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    // Each replica scheduling its own would put two syncs in some interval.
    const gaps = syncs.slice(1).map((s, i) => s.at - syncs[i].at);
    expect(Math.min(...gaps)).toBeGreaterThan(interval * 0.8);
    // Both read the task's one state from the database.
    const states = await waitFor(
      'the same catalog task state on both',
      async () => {
        const [ta, tb] = await Promise.all([a, b].map(r => get(r, '/api/catalog/.backstage/scheduler/v1/tasks')));
        const task = (r: typeof ta) => r.body.tasks.find((t: any) => t.taskId === 'capi-openstack:refresh');
        return JSON.stringify(task(ta)?.taskState) === JSON.stringify(task(tb)?.taskState) && [task(ta), task(tb)];
      },
      timing,
    );
    expect(states.map(t => [t.scope, typeof t.taskState.lastRunEndedAt])).toEqual([
      ['global', 'string'],
      ['global', 'string'],
    ]);
    // The verdict refresh is per replica, for its own cache; the hibernation
    // schedules run on one replica at a time (global, in the shared database).
    // One replica after the other: the first request migrates the plugin's
    // scheduler tables, and Backstage's migrations do not take concurrent
    // first runs (the loser answers 500).
    const pluginTasks = [];
    for (const r of [a, b]) pluginTasks.push(await get(r, '/api/capi-openstack/.backstage/scheduler/v1/tasks'));
    expect(pluginTasks.map(r => r.body.tasks.map((t: any) => `${t.taskId} ${t.scope}`).sort())).toEqual([
      ['capi-openstack-hibernation-schedules global', 'capi-openstack-maintenance-windows global', 'capi-openstack-refresh-verdicts local'],
      ['capi-openstack-hibernation-schedules global', 'capi-openstack-maintenance-windows global', 'capi-openstack-refresh-verdicts local'],
    ]);
  }, 120_000);

  /** Records the writes, waits until the cluster's two machines run, upgrades through `via`, waits for the end. */
  async function upgradeThrough(via: BackendProcess, name: string, afterStart: () => Promise<void>) {
    const ref = { namespace: ns, name };
    await waitFor(
      `${name}'s machines running`,
      async () => {
        const machines = await mc.client.list<any>(CAPI, 'Machine', ns, `cluster.x-k8s.io/cluster-name=${name}`);
        return machines.length === 2 && machines.every(m => m.status?.phase === 'Running');
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const record: WatchRecord = await recordChanges({
      server: mc.url,
      caPem: mc.caPem,
      token: mc.token('admin'),
      client: mc.client,
      namespace: ns,
      kinds: UPGRADE_KINDS,
    });
    try {
      const res = await requestUpgrade(via.url, token, ref, TARGET);
      expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
      await afterStart();
      await waitFor(`${name} upgraded`, () => upgradeFinished(mc.client, ref, TARGET, 2), {
        timeoutMs: 120_000,
        intervalMs: 250,
      });
    } finally {
      record.stop();
    }
    expect(record.broken).toBeUndefined();
    const writes = upgradeWrites(record, name);
    // One new template per step, nothing created twice or taken back.
    expect(writes.created).toEqual([
      expect.stringMatching(new RegExp(`^OpenStackMachineTemplate ${name}-control-plane-[0-9a-f]{8}$`)),
      expect.stringMatching(new RegExp(`^OpenStackMachineTemplate ${name}-md-0-[0-9a-f]{8}$`)),
    ]);
    expect(writes.deleted).toEqual([]);
    // One spec change per step; the annotation set once, removed once.
    expect(writes.specChanges).toEqual([`KubeadmControlPlane ${TARGET}`, `MachineDeployment ${TARGET}`]);
    expect(writes.annotation).toEqual([TARGET, null]);
    // The steps the reconcilers carried out after the request (which did the
    // control plane's, unless a reconciler got there first: it is counted above).
    return logged([a, b], 'capi-openstack', new RegExp(`^upgrade of local/${ns}/${name} to ${TARGET}: `))
      .map(l => ({ ...l, step: l.message.split(': ')[1] }))
      .filter(l => l.step !== 'control plane');
  }

  it('carry a plain-cluster upgrade on together, each step written once', async () => {
    const steps = await upgradeThrough(b, 'up2', async () => {});
    // Whichever reconciler got there first; the other's write was refused (resourceVersion).
    expect(steps.map(l => l.step)).toEqual(['worker pools', 'done']);
  }, 240_000);

  it('finish on B a plain-cluster upgrade started on A after A stops, each step written once', async () => {
    let stoppedAt = 0;
    const steps = await upgradeThrough(a, 'up1', async () => {
      await a.stop();
      stoppedAt = Date.now();
    });
    expect(a.hasExited()).toBe(true);
    expect(steps.map(l => `${l.replica} ${l.step}`)).toEqual(['B worker pools', 'B done']);
    expect(steps[0].at).toBeGreaterThan(stoppedAt);
  }, 240_000);
});

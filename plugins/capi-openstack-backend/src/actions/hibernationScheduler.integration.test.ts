/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A hibernation schedule driven by an injected clock against a real API
// server, with two backend replicas (each its own watch cache and action
// service) running every pass at the same moment: the right writes at the
// right times, each exactly once, audited once with the schedule as actor.

import { mockServices } from '@backstage/backend-test-utils';
import { HIBERNATION_ANNOTATION, HIBERNATION_SCHEDULE_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor as waitUntil } from '@internal/management-cluster/testing';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { DEFAULT_ACTIONS_CONFIG } from '../actionsConfig';
import { ClusterService } from '../clusters/ClusterService';
import { planSetHibernationSchedule, planWake } from '../plans/hibernate';
import { ActionService } from './ActionService';
import { HibernationScheduler, ScheduledRun } from './hibernationScheduler';

const CAPI = 'cluster.x-k8s.io/v1beta2';
const OFFICE = { hibernate: '0 20 * * 1-5', wake: '0 7 * * 1-5', timeZone: 'Europe/Zurich' };

jest.setTimeout(90_000);

describe('hibernation schedule (real API server, two replicas, injected clock)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  const { auditor, audits } = recordingAuditor();
  const replicas: Array<{ clusters: ClusterService; actions: ActionService; scheduler: HibernationScheduler }> = [];
  const ref = () => ({ managementCluster: 'mc', namespace: ns, name: 'office' });
  const replicasOf = async () => (await mc.client.get<any>(CAPI, 'MachineDeployment', ns, 'office-md-0'))?.spec.replicas;
  const cluster = () => mc.client.get<any>(CAPI, 'Cluster', ns, 'office');


  /** Both replicas run a pass at `now`, concurrently; every run they report. */
  async function passAt(iso: string): Promise<ScheduledRun[]> {
    const now = new Date(iso);
    const runs = await Promise.all(replicas.map(r => r.scheduler.run(now)));
    return runs.flat();
  }
  /** Waits until both caches hold the cluster's current resourceVersion. */
  async function cachesCaughtUp() {
    const rv = (await cluster()).metadata.resourceVersion;
    await waitUntil(
      'both caches to see the write',
      async () => replicas.every(r => r.clusters.cache('mc')?.objectsOf(`${ns}/office`)?.cluster.metadata.resourceVersion === rv) || undefined,
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  }

  beforeAll(async () => {
    ns = await mc.createNamespace('schedule');
    await mc.apply(plainClusterObjects({ name: 'office', namespace: ns, controlPlaneReplicas: 1, workerReplicas: 3 }));
    for (let i = 0; i < 2; i++) {
      const clusters = new ClusterService({
        config: {
          managementClusters: [
            { name: 'mc', title: 'MC', source: { type: 'kubeconfig', path: mc.kubeconfigFile() }, namespaces: [ns], skipTLSVerify: false },
          ],
          defaultOwner: 'group:default/platform',
        },
        logger: mockServices.logger.mock(),
        coalesceMs: 20,
      });
      await clusters.start();
      const actions = new ActionService(clusters, DEFAULT_ACTIONS_CONFIG, mockServices.logger.mock());
      replicas.push({ clusters, actions, scheduler: new HibernationScheduler({ actions, clusters, auditor, logger: mockServices.logger.mock() }) });
    }
    await waitUntil('both caches in sync', async () => replicas.every(r => r.clusters.cache('mc')?.objectsOf(`${ns}/office`)) || undefined, {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map(r => r.clusters.stop()));
  });

  it('hibernates at 20:00 and wakes at 07:00 Zurich time, each exactly once, audited with the schedule as actor', async () => {
    // Friday 4 December 2026, 18:00 Zurich (17:00 UTC): the schedule is set.
    const set = await replicas[0].actions.run(
      ref(),
      'set-hibernation-schedule',
      (objs, ctx) => planSetHibernationSchedule(objs, OFFICE, ctx),
      { dryRun: false, now: new Date('2026-12-04T17:00:00Z') },
    );
    expect(set.message).toBe(
      'Cluster office hibernates at "0 20 * * 1-5" and wakes at "0 7 * * 1-5" (Europe/Zurich); next: hibernate at 2026-12-04T19:00:00.000Z.',
    );
    expect(JSON.parse((await cluster()).metadata.annotations[HIBERNATION_SCHEDULE_ANNOTATION])).toEqual(OFFICE);
    await cachesCaughtUp();
    // The summaries show the schedule with its next change (counted from the real clock, not the injected one).
    await waitUntil('the summaries to show the next change', async () =>
      replicas.every(r => r.clusters.summaries().find(s => s.name === 'office')?.hibernationSchedule?.next?.at) || undefined,
      { timeoutMs: 30_000, intervalMs: 50 },
    );

    // 19:59:59 Zurich: nothing is due.
    expect(await passAt('2026-12-04T18:59:59Z')).toEqual([]);
    expect(await replicasOf()).toBe(3);

    // 20:00:30 Zurich: both replicas find it due at once; one hibernates, the other changes nothing.
    const evening = await passAt('2026-12-04T19:00:30Z');
    expect(evening.map(r => r.outcome).sort()).toEqual(evening.length === 2 ? ['changed', 'unchanged'] : ['changed']);
    expect(await replicasOf()).toBe(0);
    const record = JSON.parse((await cluster()).metadata.annotations[HIBERNATION_ANNOTATION]);
    expect(record).toEqual({ at: '2026-12-04T19:00:30.000Z', by: 'schedule', pools: [{ name: 'office-md-0', replicas: 3 }] });
    await cachesCaughtUp();

    // Later that evening and over the weekend: nothing more.
    expect(await passAt('2026-12-04T19:05:00Z')).toEqual([]);
    expect(await passAt('2026-12-06T12:00:00Z')).toEqual([]);

    // Monday 07:00:30 Zurich: woken, once.
    const morning = await passAt('2026-12-07T06:00:30Z');
    expect(morning.filter(r => r.outcome === 'changed').map(r => r.action)).toEqual(['wake']);
    expect(await replicasOf()).toBe(3);
    expect((await cluster()).metadata.annotations[HIBERNATION_ANNOTATION]).toBeUndefined();
    await cachesCaughtUp();
    expect(await passAt('2026-12-07T06:01:00Z')).toEqual([]);

    expect(audits.map(a => [a.meta.action, a.meta.actor, a.meta.scheduledAt, a.end?.outcome])).toEqual([
      ['hibernate', 'schedule', '2026-12-04T19:00:00.000Z', 'changed'],
      ['wake', 'schedule', '2026-12-07T06:00:00.000Z', 'changed'],
    ]);
  });

  it('a manual wake after the evening event is not undone by it', async () => {
    // Monday 20:00:30: hibernated by the schedule; someone wakes it at 21:00.
    await passAt('2026-12-07T19:00:30Z');
    expect(await replicasOf()).toBe(0);
    await replicas[1].actions.run(ref(), 'wake', planWake, { dryRun: false, now: new Date('2026-12-07T20:00:00Z') });
    expect(await replicasOf()).toBe(3);
    await cachesCaughtUp();
    expect(await passAt('2026-12-07T20:30:00Z')).toEqual([]);
    expect(await replicasOf()).toBe(3);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Operations that wait for a maintenance window, against a real API server,
// with two backend replicas running every pass at the same moment and an
// injected clock: nothing before the window opens, each operation exactly
// once inside it, on behalf of its requester whose permission is checked
// again at run time, a failure put back and audited once.

import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { PENDING_OPERATIONS_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor as waitUntil } from '@internal/management-cluster/testing';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { DEFAULT_ACTIONS_CONFIG } from '../actionsConfig';
import { ClusterService } from '../clusters/ClusterService';
import { clusterPermissionRules } from '../permissions/rules';
import { planSetMaintenanceWindow } from '../plans/maintenance';
import { planRestartPool } from '../plans/rollout';
import { ActionService } from './ActionService';
import { MaintenanceRun, MaintenanceRunner } from './maintenanceRunner';

const CAPI = 'cluster.x-k8s.io/v1beta2';
/** Saturdays 02:00–05:00 in Zurich (01:00–04:00 UTC in winter). */
const WINDOW = { days: ['sat'], start: '02:00', end: '05:00', timeZone: 'Europe/Zurich' };
const ALICE = 'user:default/alice';
const OWNERS = 'group:default/platform';

jest.setTimeout(90_000);

describe('maintenance windows (real API server, two replicas, injected clock)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  const { auditor, audits } = recordingAuditor();
  const replicas: Array<{ clusters: ClusterService; actions: ActionService; runner: MaintenanceRunner }> = [];
  /** Alice's ownership refs as the catalog gives them now (undefined: gone). */
  let aliceOwns: string[] | undefined = [ALICE, OWNERS];
  const ref = () => ({ managementCluster: 'mc', namespace: ns, name: 'office' });
  const cluster = () => mc.client.get<any>(CAPI, 'Cluster', ns, 'office');
  const rolloutAfter = async () => (await mc.client.get<any>(CAPI, 'MachineDeployment', ns, 'office-md-0'))?.spec.rollout?.after;
  const authorizer = createConditionAuthorizer(Object.values(clusterPermissionRules));
  /** What a policy giving owners their clusters decides for Alice. */
  const ownersOnly: PolicyDecision = {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'capi-openstack',
    resourceType: 'capi-openstack-cluster',
    conditions: { rule: 'IS_CLUSTER_OWNER', resourceType: 'capi-openstack-cluster', params: { claims: [ALICE, OWNERS] } },
  };


  async function passAt(iso: string): Promise<MaintenanceRun[]> {
    const now = new Date(iso);
    return (await Promise.all(replicas.map(r => r.runner.run(now)))).flat();
  }
  async function cachesCaughtUp() {
    const rv = (await cluster()).metadata.resourceVersion;
    await waitUntil(
      'both replicas to see the write in their summaries',
      async () => replicas.every(r => r.clusters.summary(ref())?.resourceVersion === rv) || undefined,
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  }
  /** Alice asks, on Friday evening, for a restart of the pool in the window. */
  async function scheduleRestart(id: string) {
    const result = await replicas[0].actions.schedule(
      ref(),
      { id, action: 'restart-pool', pool: 'office-md-0', fields: {}, requestedBy: ALICE, decisions: { read: ownersOnly, action: ownersOnly } },
      (objs, ctx) => planRestartPool(objs, 'office-md-0', ctx),
      { dryRun: false },
    );
    await cachesCaughtUp();
    return result;
  }

  const ownershipOf = async (user: string) => (user === ALICE ? aliceOwns : undefined);

  beforeAll(async () => {
    ns = await mc.createNamespace('window');
    await mc.apply(plainClusterObjects({ name: 'office', namespace: ns, controlPlaneReplicas: 1, workerReplicas: 2 }));
    for (let i = 0; i < 2; i++) {
      const clusters = new ClusterService({
        config: {
          managementClusters: [
            { name: 'mc', title: 'MC', source: { type: 'kubeconfig', path: mc.kubeconfigFile() }, namespaces: [ns], skipTLSVerify: false },
          ],
          defaultOwner: OWNERS,
        },
        logger: mockServices.logger.mock(),
        coalesceMs: 20,
      });
      await clusters.start();
      const actions = new ActionService(clusters, DEFAULT_ACTIONS_CONFIG, mockServices.logger.mock());
      const runner = new MaintenanceRunner({
        actions,
        clusters,
        admits: (d, s) => d.result === AuthorizeResult.ALLOW || (d.result === AuthorizeResult.CONDITIONAL && authorizer(d, s)),
        ownershipOf,
        auditor,
        logger: mockServices.logger.mock(),
      });
      replicas.push({ clusters, actions, runner });
    }
    await waitUntil('both caches in sync', async () => replicas.every(r => r.clusters.summary(ref())) || undefined, {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    await replicas[0].actions.run(ref(), 'set-maintenance-window', (objs, ctx) => planSetMaintenanceWindow(objs, WINDOW, ctx), {
      dryRun: false,
    });
    await cachesCaughtUp();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map(r => r.clusters.stop()));
  });

  it('runs a scheduled restart once, inside the window, on behalf of its requester', async () => {
    const scheduled = await scheduleRestart('restart1');
    expect(scheduled.message).toMatch(/^The restart-pool of pool office-md-0 of office waits for its maintenance window sat 02:00–05:00 \(Europe\/Zurich\)/);
    expect(await rolloutAfter()).toBeUndefined();
    expect(replicas[1].clusters.summary(ref())?.maintenance).toMatchObject({
      window: WINDOW,
      pending: [{ id: 'restart1', action: 'restart-pool', pool: 'office-md-0', requestedBy: ALICE }],
    });
    expect(replicas[1].clusters.summary(ref())?.maintenance?.pending[0]).not.toHaveProperty('decisions');

    // Friday 23:00 Zurich and Saturday 01:59: the window is not open.
    expect(await passAt('2026-12-04T22:00:00Z')).toEqual([]);
    expect(await passAt('2026-12-05T00:59:00Z')).toEqual([]);
    expect(await rolloutAfter()).toBeUndefined();

    // Saturday 02:00:30: both replicas look at once; one claims and runs it.
    const runs = await passAt('2026-12-05T01:00:30Z');
    expect(runs.map(r => [r.operation, r.outcome])).toEqual([['restart1', 'changed']]);
    expect(await rolloutAfter()).toBe('2026-12-05T01:00:30.000Z');
    expect((await cluster()).metadata.annotations[PENDING_OPERATIONS_ANNOTATION]).toBeUndefined();
    await cachesCaughtUp();
    expect(await passAt('2026-12-05T01:01:00Z')).toEqual([]);
    expect(await rolloutAfter()).toBe('2026-12-05T01:00:30.000Z');

    expect(audits.map(a => [a.meta.action, a.meta.actor, a.meta.onBehalfOf, a.meta.operation, a.meta.windowStart, a.end?.outcome])).toEqual([
      ['restart-pool', 'maintenance-window', ALICE, 'restart1', '2026-12-05T01:00:00.000Z', 'changed'],
    ]);
  });

  it('drops an operation whose requester lost the permission meanwhile, without writing', async () => {
    audits.length = 0;
    await scheduleRestart('restart2');
    aliceOwns = [ALICE, 'group:default/elsewhere'];
    const runs = await passAt('2026-12-12T01:10:00Z');
    expect(runs.map(r => [r.operation, r.outcome, r.message])).toEqual([
      ['restart2', 'refused', `${ALICE} is no longer allowed to do this on cluster office`],
    ]);
    expect(await rolloutAfter()).toBe('2026-12-05T01:00:30.000Z');
    expect((await cluster()).metadata.annotations[PENDING_OPERATIONS_ANNOTATION]).toBeUndefined();
    expect(audits.map(a => [a.meta.operation, a.end?.outcome, a.failed])).toEqual([
      ['restart2', 'refused', `Not run: ${ALICE} is no longer allowed to do this on cluster office`],
    ]);
    aliceOwns = undefined;
    await cachesCaughtUp();
    await scheduleRestart('restart3');
    expect((await passAt('2026-12-12T01:20:00Z')).map(r => r.message)).toEqual([`${ALICE} is not in the catalog (any more)`]);
    aliceOwns = [ALICE, OWNERS];
    await cachesCaughtUp();
  });

  it('puts a failed operation back with its error, tries it again in the window, audits the failure once', async () => {
    audits.length = 0;
    await scheduleRestart('restart4');
    // The pool goes away before the window: the restart cannot run.
    await mc.client.delete(CAPI, 'MachineDeployment', ns, 'office-md-0');
    await waitUntil('the pool to leave the caches', async () =>
      replicas.every(r => !r.clusters.cache('mc')?.objectsOf(`${ns}/office`)?.machineDeployments.length) || undefined,
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    const first = await passAt('2026-12-19T01:00:30Z');
    expect(first.map(r => [r.operation, r.outcome])).toEqual([['restart4', 'failed']]);
    const [op] = JSON.parse((await cluster()).metadata.annotations[PENDING_OPERATIONS_ANNOTATION]);
    expect(op).toMatchObject({ id: 'restart4', lastError: { at: '2026-12-19T01:00:30.000Z' } });
    expect(op.lastError.message).toMatch(/office-md-0/);
    await cachesCaughtUp();
    expect((await passAt('2026-12-19T01:01:00Z')).map(r => r.outcome)).toEqual(['failed']);
    await cachesCaughtUp();
    // After the window closes it waits for the next one.
    expect(await passAt('2026-12-19T04:30:00Z')).toEqual([]);
    expect(audits.map(a => [a.meta.operation, a.end?.outcome])).toEqual([['restart4', 'failed']]);
  });
});

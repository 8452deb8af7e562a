/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The simulator against the demo fleet (moved into this test's own
// namespaces): frozen snapshot clusters stay exactly as seeded, the seeded
// clusters that are not frozen stay converged without replacing anything,
// and the live clusters of the seed come up.

import crypto from 'node:crypto';
import {
  buildDemoFleet,
  buildLiveClusters,
  FROZEN_LABEL,
  LIVE_CLUSTERS,
  MAGNUM_NAMESPACE,
} from '@internal/management-cluster';
import { relocate, setupManagementCluster } from '@internal/management-cluster/testing';
import { FIELD_MANAGER } from './constants';
import { startSimulator } from './simulator';
import { condition, Obj, objects, waitFor } from './testSupport';

const mc = setupManagementCluster('capi-v1.14');

const KINDS = [
  'Cluster',
  'KubeadmControlPlane',
  'MachineDeployment',
  'MachineSet',
  'Machine',
  'KubeadmConfig',
  'OpenStackCluster',
  'OpenStackMachine',
  'OpenStackServer',
] as const;

describe('capi-simulator with the demo fleet', () => {
  it('leaves frozen clusters alone and keeps the others converged', async () => {
    const prefix = `fleet-${crypto.randomBytes(3).toString('hex')}`;
    const rename = (ns: string) => `${prefix}-${ns}`;
    const seed = relocate(
      [...buildDemoFleet({ now: new Date() }), ...buildLiveClusters()],
      rename,
    );
    const t0 = Date.now();
    await mc.apply(seed);
    const seeded = Date.now() - t0;
    const namespaces = seed
      .filter(s => s.manifest.kind === 'Namespace')
      .map(s => s.manifest.metadata.name);

    const all = async () => {
      const out: Obj[] = [];
      for (const ns of namespaces) {
        const o = objects(mc, ns);
        for (const kind of KINDS) out.push(...(await o.list(kind)));
      }
      return out;
    };
    const frozen = (x: Obj) => x.metadata.labels?.[FROZEN_LABEL] === 'frozen';
    const before = await all();
    const frozenBefore = new Map(
      before
        .filter(frozen)
        .map(x => [
          `${x.kind}/${x.metadata.namespace}/${x.metadata.name}`,
          x.metadata.resourceVersion,
        ]),
    );
    const liveNames: string[] = Object.values(LIVE_CLUSTERS).map(c => c.name);
    // Seeded with their whole graph, not frozen: the simulator adopts them.
    const liveSeeded = before
      .filter(
        x =>
          x.kind === 'Cluster' &&
          !frozen(x) &&
          !liveNames.includes(x.metadata.name),
      )
      .map(x => `${x.metadata.namespace}/${x.metadata.name}`);
    const machinesBefore = new Set(
      before
        .filter(x => x.kind === 'Machine' && !frozen(x))
        .map(x => x.metadata.name),
    );
    expect(frozenBefore.size).toBeGreaterThan(100);
    expect(liveSeeded.length).toBeGreaterThanOrEqual(3);

    const logs: string[] = [];
    const sim = await startSimulator({
      kubeconfig: mc.kubeconfig('admin'),
      timeScale: 300,
      namespaces,
      resyncSeconds: 0.25,
      log: m => logs.push(m),
    });
    try {
      // The seed's live clusters come up.
      for (const live of Object.values(LIVE_CLUSTERS)) {
        const o = objects(mc, rename(live.namespace));
        await waitFor(
          `${live.name} to be Available`,
          async () => {
            const c = await o.get('Cluster', live.name);
            return (
              condition(c, 'Available')?.status === 'True' &&
              c?.status.controlPlane.readyReplicas ===
                c?.status.controlPlane.desiredReplicas &&
              c?.status.workers.readyReplicas ===
                c?.status.workers.desiredReplicas
            );
          },
          40_000,
        );
      }
      // Every seeded cluster that is not frozen is (still) Available.
      for (const key of liveSeeded) {
        const [ns, name] = key.split('/');
        const c = await waitFor(`${key} to be reconciled`, async () => {
          const x = await objects(mc, ns).get('Cluster', name);
          // The simulator's finalizer says its Cluster controller got to it.
          return (
            x?.metadata.managedFields?.some(
              (f: any) => f.manager === FIELD_MANAGER,
            ) &&
            x.metadata.finalizers?.includes('cluster.cluster.x-k8s.io') &&
            x
          );
        });
        const topology = c.spec.topology
          ? condition(c, 'TopologyReconciled')?.reason
          : 'ReconcileSucceeded';
        expect({
          key,
          available: condition(c, 'Available')?.status,
          topology,
        }).toEqual({
          key,
          available: 'True',
          topology: 'ReconcileSucceeded',
        });
      }
      // Converged: passes keep running (resync) but write nothing. Counted in
      // reconciles, not in time: first a stretch of 5 without a write or an
      // Event (what was in flight is done), then 5 more must write nothing.
      let quietSince = sim.stats();
      const idle = await waitFor('5 reconciles in a row without a write', async () => {
        const now = sim.stats();
        if (now.writes !== quietSince.writes || now.events !== quietSince.events) {
          quietSince = now;
          return undefined;
        }
        return now.reconciles > quietSince.reconciles + 5 && now;
      });
      await waitFor(
        '5 more reconciles',
        async () => sim.stats().reconciles > idle.reconciles + 5,
      );
      expect(sim.stats().writes).toBe(idle.writes);
      expect(sim.stats().events).toBe(idle.events);

      const after = await all();
      // Frozen objects: untouched.
      const changed = after
        .filter(frozen)
        .filter(
          x =>
            frozenBefore.get(
              `${x.kind}/${x.metadata.namespace}/${x.metadata.name}`,
            ) !== x.metadata.resourceVersion,
        )
        .map(x => `${x.kind}/${x.metadata.name}`);
      expect(changed).toEqual([]);
      expect(after.filter(frozen).length).toBe(frozenBefore.size);
      // Seeded live clusters: nothing replaced.
      const seededLiveMachines = after.filter(
        x =>
          x.kind === 'Machine' &&
          !frozen(x) &&
          liveSeeded.includes(`${x.metadata.namespace}/${x.spec.clusterName}`),
      );
      expect(seededLiveMachines.map(x => x.metadata.name).sort()).toEqual(
        [...machinesBefore].sort(),
      );
      expect(sim.stats().errors).toBe(0);
      expect(namespaces).toContain(rename(MAGNUM_NAMESPACE));
    } finally {
      await sim.stop();
      // eslint-disable-next-line no-console
      console.info(
        `seeding took ${seeded} ms; simulator: ${JSON.stringify(
          sim.stats(),
        )}\n${logs.join('\n')}`,
      );
    }
  }, 120_000);
});

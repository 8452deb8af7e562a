/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Integration tests against a real kube-apiserver with the CAPI v1.14.0
// (v1beta2) and CAPO v0.14.7 CRDs. Each test runs its own simulator,
// limited to its own namespace, at a fast time scale.

import {
  classyClusterObjects,
  Clock,
  demoClusterClassObjects,
  plainClusterObjects,
} from '@internal/management-cluster';
import { setupManagementCluster } from '@internal/management-cluster/testing';
import {
  API_UNREACHABLE_ANNOTATION,
  QUOTA_EXCEEDED_ANNOTATION,
  STUCK_IN_BUILD_ANNOTATION,
} from './failures';
import {
  condition,
  legacyCondition,
  Obj,
  objects,
  runSimulator,
  waitFor,
} from './testSupport';

const mc = setupManagementCluster('capi-v1.14');

/** Fast enough for seconds per cluster, slow enough to observe steps. */
const TIME_SCALE = 300;

type Objects = ReturnType<typeof objects>;

async function healthy(
  o: Objects,
  name: string,
  cp: number,
  workers: number,
): Promise<Obj | false> {
  const c = await o.get('Cluster', name);
  const s = c?.status;
  const full = (r: any, n: number) =>
    r?.desiredReplicas === n &&
    r.replicas === n &&
    r.readyReplicas === n &&
    r.availableReplicas === n &&
    r.upToDateReplicas === n;
  return (
    !!c &&
    condition(c, 'Available')?.status === 'True' &&
    condition(c, 'RollingOut')?.status === 'False' &&
    condition(c, 'ScalingUp')?.status === 'False' &&
    condition(c, 'ScalingDown')?.status === 'False' &&
    full(s?.controlPlane, cp) &&
    full(s?.workers, workers) &&
    c
  );
}

function waitHealthy(
  o: Objects,
  name: string,
  cp: number,
  workers: number,
  timeoutMs = 30_000,
) {
  return waitFor(
    `Cluster ${name} to be Available with ${cp}+${workers} ready machines`,
    () => healthy(o, name, cp, workers),
    timeoutMs,
  );
}

/**
 * Applies a plain cluster beside the one under test and waits until the
 * simulator has made it Available. Tests that check that something does not
 * happen wait for this instead of sleeping: whatever the witness went through
 * meanwhile (a whole creation), the object under test had the same time and
 * the same simulator to go through.
 */
async function witnessCreated(
  o: Objects,
  ns: string,
  cp: number,
  workers: number,
) {
  await mc.apply(
    plainClusterObjects({
      name: 'witness',
      namespace: ns,
      controlPlaneReplicas: cp,
      workerReplicas: workers,
    }),
  );
  await waitHealthy(o, 'witness', cp, workers);
}

const isCp = (m: Obj) =>
  'cluster.x-k8s.io/control-plane' in (m.metadata.labels ?? {});
const ofCluster = (name: string) => (m: Obj) =>
  m.spec?.clusterName === name ||
  m.metadata.labels?.['cluster.x-k8s.io/cluster-name'] === name;

async function setup(prefix: string, timeScale = TIME_SCALE) {
  const ns = await mc.createNamespace(prefix);
  const logs: string[] = [];
  const sim = await runSimulator(mc, ns, timeScale, logs);
  return { ns, o: objects(mc, ns), sim, logs };
}

describe('capi-simulator (CAPI v1beta2)', () => {
  it('brings a ClusterClass cluster and a plain cluster to Available with the right machines', async () => {
    const { ns, o, sim } = await setup('sim-create');
    try {
      await mc.apply(demoClusterClassObjects(ns, new Clock(new Date())));
      const started = Date.now();
      await mc.apply([
        ...classyClusterObjects({
          name: 'classy',
          namespace: ns,
          controlPlaneReplicas: 3,
          workers: [{ name: 'md-0', replicas: 2 }],
        }),
        ...plainClusterObjects({
          name: 'plain',
          namespace: ns,
          controlPlaneReplicas: 3,
          workerReplicas: 2,
        }),
      ]);
      await Promise.all([
        waitHealthy(o, 'classy', 3, 2),
        waitHealthy(o, 'plain', 3, 2),
      ]);
      // eslint-disable-next-line no-console
      console.info(
        `create -> Available (3 + 2 machines, two clusters) at time scale ${TIME_SCALE}: ${
          Date.now() - started
        } ms`,
      );

      const machines = await o.list('Machine');
      for (const name of ['classy', 'plain']) {
        const mine = machines.filter(ofCluster(name));
        expect(mine.filter(isCp)).toHaveLength(3);
        expect(mine.filter(m => !isCp(m))).toHaveLength(2);
        for (const m of mine) {
          expect(m.status.phase).toBe('Running');
          expect(condition(m, 'Ready')?.status).toBe('True');
          expect(m.spec.providerID).toMatch(
            /^openstack:\/\/RegionOne\/[0-9a-f-]{36}$/,
          );
          expect(m.status.nodeRef.name).toBe(m.metadata.name);
        }
        for (const m of mine.filter(isCp))
          expect(Date.parse(m.status.certificatesExpiryDate)).toBeGreaterThan(
            Date.now() + 300 * 86400_000,
          );
        expect(
          (await mc.client.get('v1', 'Secret', ns, `${name}-kubeconfig`))?.type,
        ).toBe('cluster.x-k8s.io/secret');
        const cluster = (await o.get('Cluster', name))!;
        expect(cluster.status.phase).toBe('Provisioned');
        expect(cluster.spec.controlPlaneEndpoint.host).toMatch(
          /^203\.0\.113\.\d+$/,
        );
        expect(cluster.metadata.finalizers).toContain(
          'cluster.cluster.x-k8s.io',
        );
      }

      // OpenStack details of a worker: server, machine and Machine agree.
      const worker = machines.find(m => ofCluster('plain')(m) && !isCp(m))!;
      const server = (await o.get('OpenStackServer', worker.metadata.name))!;
      const osm = (await o.get('OpenStackMachine', worker.metadata.name))!;
      expect(server.status).toMatchObject({
        ready: true,
        instanceState: 'ACTIVE',
      });
      expect(server.spec.availabilityZone).toBe('nova');
      expect(server.spec.flavor).toBe('m1.medium');
      expect(server.spec.image).toEqual({
        filter: { name: 'ubuntu-2404-kube-v1.34.2' },
      });
      expect(osm.status).toMatchObject({
        ready: true,
        instanceState: 'ACTIVE',
        instanceID: server.status.instanceID,
      });
      expect(osm.status.resolved.flavorID).toMatch(/^[0-9a-f-]{36}$/);
      expect(osm.status.resolved.imageID).toMatch(/^[0-9a-f-]{36}$/);
      expect(worker.status.addresses).toContainEqual({
        type: 'InternalIP',
        address: server.status.addresses[0].address,
      });
      expect(worker.spec.providerID).toBe(
        `openstack://RegionOne/${server.status.instanceID}`,
      );
      const ips = (await o.list('OpenStackServer')).map(
        s =>
          `${s.metadata.labels?.['cluster.x-k8s.io/cluster-name']}/${s.status.addresses[0].address}`,
      );
      expect(new Set(ips).size).toBe(ips.length);

      // Topology: generated names, labels and owners as the real controller sets them.
      const classy = (await o.get('Cluster', 'classy'))!;
      const kcp = (await o.get(
        'KubeadmControlPlane',
        classy.spec.controlPlaneRef.name,
      ))!;
      expect(kcp.metadata.name).toMatch(/^classy-[a-z0-9]{5}$/);
      expect(kcp.metadata.labels).toMatchObject({
        'topology.cluster.x-k8s.io/owned': '',
        'cluster.x-k8s.io/cluster-name': 'classy',
      });
      expect(kcp.metadata.ownerReferences).toEqual([
        expect.objectContaining({
          kind: 'Cluster',
          name: 'classy',
          controller: true,
        }),
      ]);
      expect(kcp.spec.rollout.before).toEqual({ certificatesExpiryDays: 21 }); // the class variable's default
      const mds = (await o.list('MachineDeployment')).filter(
        ofCluster('classy'),
      );
      expect(mds).toHaveLength(1);
      expect(mds[0].metadata.name).toMatch(/^classy-md-0-[a-z0-9]{5}$/);
      expect(mds[0].metadata.labels).toMatchObject({
        'topology.cluster.x-k8s.io/deployment-name': 'md-0',
        'topology.cluster.x-k8s.io/owned': '',
      });
      expect(mds[0].metadata.ownerReferences).toEqual([
        expect.objectContaining({ kind: 'Cluster', name: 'classy' }),
      ]);
      const cpTemplate = (await o.get(
        'OpenStackMachineTemplate',
        kcp.spec.machineTemplate.spec.infrastructureRef.name,
      ))!;
      expect(cpTemplate.spec.template.spec).toMatchObject({
        flavor: 'm1.large',
        image: { filter: { name: 'ubuntu-2404-kube-v1.34.2' } },
      });
      const osc = (await o.get(
        'OpenStackCluster',
        classy.spec.infrastructureRef.name,
      ))!;
      expect(osc.spec.identityRef).toMatchObject({
        name: 'classy-cloud-config',
        cloudName: 'openstack',
      });
      expect(osc.status).toMatchObject({
        ready: true,
        apiServerLoadBalancer: { ip: classy.spec.controlPlaneEndpoint.host },
      });
      expect(
        (await o.get('MachineHealthCheck', mds[0].metadata.name))?.spec,
      ).toMatchObject({ clusterName: classy.metadata.name });

      // Events from the simulated controllers.
      const events = await mc.client.list('events.k8s.io/v1', 'Event', ns);
      const reasons = new Set(
        events.map((e: any) => `${e.reportingController}/${e.reason}`),
      );
      for (const r of [
        'topology/cluster-controller/TopologyCreate',
        'kubeadmcontrolplane-controller/SuccessfulCreate',
        'machineset-controller/SuccessfulCreate',
        'openstackserver-controller/SuccessfulCreateServer',
        'openstackcluster-controller/SuccessfulCreateLoadBalancer',
      ]) {
        expect(reasons).toContain(r);
      }
      expect(sim.stats().errors).toBe(0);
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('scales a pool 2 -> 4 -> 1 and cleans up what it removes', async () => {
    const { ns, o, sim } = await setup('sim-scale');
    try {
      await mc.apply(
        plainClusterObjects({
          name: 'c',
          namespace: ns,
          controlPlaneReplicas: 1,
          workerReplicas: 2,
        }),
      );
      await waitHealthy(o, 'c', 1, 2);
      const workers = async () =>
        (await o.list('Machine')).filter(m => !isCp(m));
      const original = (await workers()).map(m => m.metadata.name);

      await o.patch('MachineDeployment', 'c-md-0', { spec: { replicas: 4 } });
      const scalingUp = await waitFor('ScalingUp on the Cluster', async () => {
        const c = condition(await o.get('Cluster', 'c'), 'ScalingUp');
        return c?.status === 'True' && c;
      });
      expect(scalingUp.message).toMatch(
        /MachineDeployment c-md-0: Scaling up from 2 to 4 replicas/,
      );
      await waitHealthy(o, 'c', 1, 4);
      const four = await workers();
      expect(four).toHaveLength(4);
      expect(four.map(m => m.metadata.name)).toEqual(
        expect.arrayContaining(original),
      );
      expect(
        new Set(four.map(m => m.metadata.labels?.['cluster.x-k8s.io/set-name']))
          .size,
      ).toBe(1);

      await o.patch('MachineDeployment', 'c-md-0', { spec: { replicas: 1 } });
      await waitHealthy(o, 'c', 1, 1);
      const one = await workers();
      expect(one).toHaveLength(1);
      // Nothing of the removed machines is left behind.
      await waitFor('removed machines to be cleaned up', async () => {
        const [osms, servers, configs] = await Promise.all([
          o.list('OpenStackMachine'),
          o.list('OpenStackServer'),
          o.list('KubeadmConfig'),
        ]);
        return (
          osms.length === 2 && servers.length === 2 && configs.length === 2
        );
      });
      const secrets = await mc.client.list('v1', 'Secret', ns);
      expect(secrets.map(s => s.metadata.name).sort()).toEqual(
        [
          'c-cloud-config',
          'c-kubeconfig',
          ...(await o.list('KubeadmConfig')).map(k => k.metadata.name),
        ].sort(),
      );
      const md = (await o.get('MachineDeployment', 'c-md-0'))!;
      expect(md.status).toMatchObject({
        replicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
        upToDateReplicas: 1,
        phase: 'Running',
      });
      expect(sim.stats().errors).toBe(0);
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('upgrades one machine at a time, control plane before workers', async () => {
    const { ns, o, sim } = await setup('sim-upgrade');
    try {
      await mc.apply(demoClusterClassObjects(ns, new Clock(new Date())));
      await mc.apply(
        classyClusterObjects({
          name: 'u',
          namespace: ns,
          version: 'v1.33.5',
          controlPlaneReplicas: 3,
          workers: [{ name: 'md-0', replicas: 2 }],
        }),
      );
      await waitHealthy(o, 'u', 3, 2);
      const before = new Set(
        (await o.list('Machine')).map(m => m.metadata.name),
      );

      await o.patch('Cluster', 'u', {
        spec: { topology: { version: 'v1.34.2' } },
      });
      // Record every Machine as it appears, and the most of each kind at once.
      const firstSeen: Array<{ name: string; role: string; version: string }> =
        [];
      const seen = new Set<string>();
      let maxCp = 0;
      let maxWorkers = 0;
      let upgradingSeen = false;
      await waitFor(
        'the upgrade to finish',
        async () => {
          const [machines, cluster] = await Promise.all([
            o.list('Machine'),
            o.get('Cluster', 'u'),
          ]);
          for (const m of machines) {
            if (seen.has(m.metadata.name)) continue;
            seen.add(m.metadata.name);
            if (!before.has(m.metadata.name))
              firstSeen.push({
                name: m.metadata.name,
                role: isCp(m) ? 'cp' : 'worker',
                version: m.spec.version,
              });
          }
          // Max surge counts Machines that are not being deleted (a drained
          // one may still exist while its replacement is created).
          const alive = machines.filter(m => !m.metadata.deletionTimestamp);
          maxCp = Math.max(maxCp, machines.filter(isCp).length);
          maxWorkers = Math.max(maxWorkers, alive.filter(m => !isCp(m)).length);
          if (
            condition(cluster, 'TopologyReconciled')?.reason ===
            'ClusterUpgrading'
          )
            upgradingSeen = true;
          return (
            machines.length === 5 &&
            machines.every(m => m.spec.version === 'v1.34.2') &&
            (await healthy(o, 'u', 3, 2))
          );
        },
        60_000,
        20,
      );
      expect(firstSeen.map(m => m.version)).toEqual(Array(5).fill('v1.34.2'));
      expect(firstSeen.map(m => m.role)).toEqual([
        'cp',
        'cp',
        'cp',
        'worker',
        'worker',
      ]);
      expect(maxCp).toBeLessThanOrEqual(4);
      expect(maxWorkers).toBeLessThanOrEqual(3);
      expect(upgradingSeen).toBe(true);
      const after = await o.list('Machine');
      expect(after.some(m => before.has(m.metadata.name))).toBe(false);
      // The image follows the version through the class patch.
      const cluster = (await o.get('Cluster', 'u'))!;
      const kcp = (await o.get(
        'KubeadmControlPlane',
        cluster.spec.controlPlaneRef.name,
      ))!;
      const template = (await o.get(
        'OpenStackMachineTemplate',
        kcp.spec.machineTemplate.spec.infrastructureRef.name,
      ))!;
      expect(template.spec.template.spec.image.filter.name).toBe(
        'ubuntu-2404-kube-v1.34.2',
      );
      for (const m of after) {
        expect(
          (await o.get('OpenStackServer', m.metadata.name))?.spec.image.filter
            .name,
        ).toBe('ubuntu-2404-kube-v1.34.2');
      }
      // Old templates are cleaned up: one per pool plus the control plane's.
      expect(
        await o
          .list('OpenStackMachineTemplate')
          .then(l =>
            l.filter(
              t => t.metadata.labels?.['cluster.x-k8s.io/cluster-name'] === 'u',
            ),
          ),
      ).toHaveLength(2);
      expect(condition(cluster, 'TopologyReconciled')?.status).toBe('True');
      expect(sim.stats().errors).toBe(0);
    } finally {
      await sim.stop();
    }
  }, 90_000);

  it('stops all progress while the Cluster is paused', async () => {
    const { ns, o, sim } = await setup('sim-pause', 100);
    try {
      await mc.apply(
        plainClusterObjects({
          name: 'p',
          namespace: ns,
          controlPlaneReplicas: 3,
          workerReplicas: 2,
        }),
      );
      // Pause as soon as the first control plane Machine exists.
      await waitFor(
        'a first Machine',
        async () => (await o.list('Machine')).length > 0,
        20_000,
        10,
      );
      await o.patch('Cluster', 'p', { spec: { paused: true } });
      await waitFor(
        'Paused=True',
        async () =>
          condition(await o.get('Cluster', 'p'), 'Paused')?.status === 'True',
      );
      const snapshot = async () =>
        (await o.list('Machine'))
          .filter(ofCluster('p'))
          .map(
            m =>
              `${m.metadata.name}:${m.status?.phase}:${!!m.spec.bootstrap
                ?.dataSecretName}`,
          )
          .sort();
      const servers = async () =>
        (await o.list('OpenStackServer'))
          .filter(s => s.metadata.name.startsWith('p-'))
          .map(s => `${s.metadata.name}:${s.status?.instanceState}`)
          .sort();
      const frozen = await snapshot();
      const serversBefore = await servers();
      // Long enough for every step this cluster would take next: the whole
      // creation of a smaller one.
      await witnessCreated(o, ns, 1, 1);
      expect(await snapshot()).toEqual(frozen);
      expect(await servers()).toEqual(serversBefore);
      expect(frozen.length).toBeLessThan(5);
      const m = (await o.list('Machine')).filter(ofCluster('p'))[0];
      expect(condition(m, 'Paused')).toMatchObject({
        status: 'True',
        message: 'Cluster spec.paused is set to true',
      });
      expect(
        condition(await o.get('Cluster', 'p'), 'Available')?.status,
      ).not.toBe('True');

      await o.patch('Cluster', 'p', { spec: { paused: false } });
      await waitHealthy(o, 'p', 3, 2);
      expect(condition(await o.get('Cluster', 'p'), 'Paused')?.status).toBe(
        'False',
      );
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('deletes a Cluster in the real order and leaves nothing behind', async () => {
    const { ns, o, sim } = await setup('sim-delete', 100);
    try {
      await mc.apply(demoClusterClassObjects(ns, new Clock(new Date())));
      await mc.apply(
        classyClusterObjects({
          name: 'd',
          namespace: ns,
          controlPlaneReplicas: 1,
          workers: [{ name: 'md-0', replicas: 2 }],
        }),
      );
      await waitHealthy(o, 'd', 1, 2);
      await o.remove('Cluster', 'd');

      // When each group was first seen deleting and last seen existing.
      const stages: Record<string, { deleting?: number; gone?: number }> = {
        workers: {},
        controlPlane: {},
        infrastructure: {},
        cluster: {},
      };
      const reasons: string[] = [];
      await waitFor(
        'the Cluster to be gone',
        async () => {
          // Read in the reverse order of deletion: what a later step deletes
          // is read first, so one poll never sees a later step before an
          // earlier one.
          const cluster = await o.get('Cluster', 'd');
          const oscs = await o.list('OpenStackCluster');
          const machines = await o.list('Machine');
          const now = Date.now();
          const track = (key: string, objs: Obj[]) => {
            const s = stages[key];
            if (
              objs.some(x => x.metadata.deletionTimestamp) &&
              s.deleting === undefined
            )
              s.deleting = now;
            if (objs.length === 0 && s.gone === undefined) s.gone = now;
          };
          track(
            'workers',
            machines.filter(m => !isCp(m)),
          );
          track('controlPlane', machines.filter(isCp));
          track('infrastructure', oscs);
          track('cluster', cluster ? [cluster] : []);
          const reason = condition(cluster, 'Deleting')?.reason;
          if (reason && reasons[reasons.length - 1] !== reason)
            reasons.push(reason);
          return !cluster;
        },
        60_000,
        10,
      );
      const s = stages;
      expect(typeof s.workers.gone).toBe('number');
      expect(s.workers.gone!).toBeLessThanOrEqual(
        s.controlPlane.deleting ?? s.controlPlane.gone!,
      );
      expect(s.controlPlane.gone!).toBeLessThanOrEqual(
        s.infrastructure.deleting ?? s.infrastructure.gone!,
      );
      expect(s.infrastructure.gone!).toBeLessThanOrEqual(s.cluster.gone!);
      expect(reasons.filter(r => r.startsWith('Waiting'))).toEqual([
        'WaitingForWorkersDeletion',
        'WaitingForControlPlaneDeletion',
        'WaitingForInfrastructureDeletion',
      ]);
      for (const kind of [
        'MachineDeployment',
        'MachineSet',
        'Machine',
        'MachineHealthCheck',
        'KubeadmControlPlane',
        'KubeadmConfig',
        'OpenStackCluster',
        'OpenStackMachine',
        'OpenStackServer',
      ] as const) {
        expect({
          kind,
          left: (await o.list(kind)).map(x => x.metadata.name),
        }).toEqual({ kind, left: [] });
      }
      // Only the class's own templates remain; the Cluster's copies are gone.
      expect(
        (await o.list('OpenStackMachineTemplate')).every(t =>
          t.metadata.name.startsWith('capi-openstack-demo'),
        ),
      ).toBe(true);
      expect(
        (await mc.client.list('v1', 'Secret', ns)).map(x => x.metadata.name),
      ).toEqual(['d-cloud-config']);
      expect(sim.stats().errors).toBe(0);
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('shows an injected Nova quota error like snapshot S5', async () => {
    const { ns, o, sim } = await setup('sim-quota');
    try {
      await mc.apply(
        plainClusterObjects({
          name: 'q',
          namespace: ns,
          controlPlaneReplicas: 1,
          workerReplicas: 2,
          workerFlavor: 'c2.xlarge',
        }),
      );
      await waitHealthy(o, 'q', 1, 2);
      const before = new Set(
        (await o.list('Machine')).map(m => m.metadata.name),
      );
      await o.patch('Cluster', 'q', {
        metadata: { annotations: { [QUOTA_EXCEEDED_ANNOTATION]: 'md-0' } },
      });
      await o.patch('MachineDeployment', 'q-md-0', { spec: { replicas: 3 } });

      const failed = await waitFor('a new Machine', async () =>
        (await o.list('Machine')).find(m => !before.has(m.metadata.name)),
      );
      const name = failed.metadata.name;
      const quota =
        /Quota exceeded for cores: Requested 8, but already used \d+ of 100 cores/;
      const server = await waitFor('the server in ERROR', async () => {
        const s = await o.get('OpenStackServer', name);
        return s?.status?.instanceState === 'ERROR' && s;
      });
      expect(server.status.ready).toBe(false);
      expect(legacyCondition(server, 'InstanceReady')).toMatchObject({
        status: 'False',
        reason: 'InstanceCreateFailed',
        severity: 'Error',
      });
      expect(legacyCondition(server, 'InstanceReady').message).toMatch(quota);
      expect(legacyCondition(server, 'InstanceReady').message).toMatch(
        /^error creating Openstack instance: Expected HTTP response code \[202\]/,
      );

      const osm = await waitFor(
        'the OpenStackMachine to report it',
        async () => {
          const x = await o.get('OpenStackMachine', name);
          return (
            legacyCondition(x, 'Ready')?.reason === 'InstanceStateError' && x
          );
        },
      );
      for (const type of ['Ready', 'InstanceReady']) {
        expect(legacyCondition(osm, type)).toMatchObject({
          status: 'False',
          reason: 'InstanceStateError',
        });
        expect(legacyCondition(osm, type).message).toMatch(quota);
      }
      const machine = await waitFor('the Machine to report it', async () => {
        const x = await o.get('Machine', name);
        return (
          condition(x, 'InfrastructureReady')?.reason ===
            'InstanceStateError' && x
        );
      });
      expect(machine.status.phase).toBe('Provisioning');
      expect(condition(machine, 'InfrastructureReady')).toMatchObject({
        status: 'False',
      });
      expect(condition(machine, 'InfrastructureReady').message).toMatch(quota);

      const cluster = await waitFor(
        'the Cluster conditions of S5',
        async () => {
          const c = await o.get('Cluster', 'q');
          return condition(c, 'WorkersAvailable')?.status === 'False' && c;
        },
      );
      expect(condition(cluster, 'ScalingUp')).toMatchObject({
        status: 'True',
        reason: 'ScalingUp',
      });
      expect(condition(cluster, 'WorkerMachinesReady')).toMatchObject({
        status: 'False',
        reason: 'NotReady',
      });
      expect(condition(cluster, 'WorkersAvailable')).toMatchObject({
        status: 'False',
        reason: 'NotAvailable',
      });
      expect(condition(cluster, 'Available')).toMatchObject({
        status: 'False',
        reason: 'NotAvailable',
      });
      expect(condition(cluster, 'WorkerMachinesReady').message).toContain(name);
      // The error is terminal: the Machine stays like this while another
      // cluster is created from nothing.
      await witnessCreated(o, ns, 1, 1);
      expect((await o.get('Machine', name))?.status.phase).toBe('Provisioning');

      // Once the quota is fixed, scaling back removes the broken Machine first.
      await o.patch('Cluster', 'q', {
        metadata: { annotations: { [QUOTA_EXCEEDED_ANNOTATION]: null } },
      });
      await o.patch('MachineDeployment', 'q-md-0', { spec: { replicas: 2 } });
      await waitHealthy(o, 'q', 1, 2);
      expect(
        (await o.list('Machine'))
          .filter(ofCluster('q'))
          .map(m => m.metadata.name)
          .sort(),
      ).toEqual([...before].sort());
    } finally {
      await sim.stop();
    }
  }, 60_000);
});

describe('capi-simulator restarts and failure injection', () => {
  it('rolls out on rollout.after and on expiring certificates', async () => {
    const { ns, o, sim } = await setup('sim-restart');
    try {
      await mc.apply(
        plainClusterObjects({
          name: 'r',
          namespace: ns,
          controlPlaneReplicas: 1,
          workerReplicas: 2,
        }),
      );
      await waitHealthy(o, 'r', 1, 2);
      const names = async (cp: boolean) =>
        (await o.list('Machine'))
          .filter(m => isCp(m) === cp)
          .map(m => m.metadata.name)
          .sort();
      const cpBefore = await names(true);
      const workersBefore = await names(false);

      // clusterctl alpha rollout restart: workers only.
      await o.patch('MachineDeployment', 'r-md-0', {
        spec: {
          rollout: { after: new Date().toISOString().replace(/\.\d+Z$/, 'Z') },
        },
      });
      await waitFor('new worker machines', async () => {
        const now = await names(false);
        return (
          now.length === 2 &&
          now.every(n => !workersBefore.includes(n)) &&
          (await healthy(o, 'r', 1, 2))
        );
      });
      expect(await names(true)).toEqual(cpBefore);

      // Certificates expiring within rollout.before.certificatesExpiryDays.
      const soon = new Date(Date.now() + 5 * 86400_000)
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
      await o.patch('Machine', cpBefore[0], {
        metadata: {
          annotations: { 'machine.cluster.x-k8s.io/certificates-expiry': soon },
        },
      });
      const notUpToDate = await waitFor(
        'the control plane Machine to be flagged',
        async () => {
          const m = await o.get('Machine', cpBefore[0]);
          return m?.status.certificatesExpiryDate === soon && m;
        },
      );
      expect(condition(notUpToDate, 'UpToDate')?.status).toBe('True'); // no rollout.before yet
      await o.patch('KubeadmControlPlane', 'r-control-plane', {
        spec: { rollout: { before: { certificatesExpiryDays: 21 } } },
      });
      await waitFor('the control plane Machine to be replaced', async () => {
        const now = await names(true);
        return (
          now.length === 1 &&
          now[0] !== cpBefore[0] &&
          (await healthy(o, 'r', 1, 2))
        );
      });
      const events = await mc.client.list('events.k8s.io/v1', 'Event', ns);
      expect(
        events.some(
          (e: any) =>
            e.reason === 'SuccessfulDelete' && e.note.includes(cpBefore[0]),
        ),
      ).toBe(true);
      expect(sim.stats().errors).toBe(0);
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('simulates an unreachable API server (S9) and a server stuck in BUILD', async () => {
    const { ns, o, sim } = await setup('sim-failures');
    try {
      await mc.apply(
        plainClusterObjects({
          name: 'f',
          namespace: ns,
          controlPlaneReplicas: 1,
          workerReplicas: 1,
        }),
      );
      await waitHealthy(o, 'f', 1, 1);

      await o.patch('Cluster', 'f', {
        metadata: { annotations: { [API_UNREACHABLE_ANNOTATION]: 'true' } },
      });
      const down = await waitFor('RemoteConnectionProbe=False', async () => {
        const c = await o.get('Cluster', 'f');
        return condition(c, 'RemoteConnectionProbe')?.status === 'False' && c;
      });
      expect(condition(down, 'RemoteConnectionProbe')).toMatchObject({
        reason: 'ProbeFailed',
      });
      expect(condition(down, 'RemoteConnectionProbe').message).toMatch(
        /^Remote connection probe failed, probe last succeeded at \d{4}-/,
      );
      expect(condition(down, 'Available')).toMatchObject({
        status: 'False',
        reason: 'NotAvailable',
      });
      expect(condition(down, 'ControlPlaneInitialized')?.status).toBe('True');
      await waitFor('node conditions Unknown', async () => {
        const machines = await o.list('Machine');
        return machines.every(
          m =>
            condition(m, 'NodeHealthy')?.reason === 'ConnectionDown' &&
            condition(m, 'NodeHealthy')?.status === 'Unknown',
        );
      });
      const kcp = await waitFor('KCP health Unknown', async () => {
        const k = await o.get('KubeadmControlPlane', 'f-control-plane');
        return (
          condition(k, 'EtcdClusterHealthy')?.reason === 'ConnectionDown' && k
        );
      });
      expect(condition(kcp, 'EtcdClusterHealthy')?.status).toBe('Unknown');
      await o.patch('Cluster', 'f', {
        metadata: { annotations: { [API_UNREACHABLE_ANNOTATION]: null } },
      });
      await waitHealthy(o, 'f', 1, 1);
      expect(
        condition(await o.get('Cluster', 'f'), 'RemoteConnectionProbe')?.status,
      ).toBe('True');

      const before = new Set(
        (await o.list('Machine')).map(m => m.metadata.name),
      );
      await o.patch('Cluster', 'f', {
        metadata: { annotations: { [STUCK_IN_BUILD_ANNOTATION]: 'md-0' } },
      });
      await o.patch('MachineDeployment', 'f-md-0', { spec: { replicas: 2 } });
      const stuck = await waitFor('a server in BUILD', async () => {
        const servers = await o.list('OpenStackServer');
        return servers.find(
          s =>
            !before.has(s.metadata.name) && s.status?.instanceState === 'BUILD',
        );
      });
      // Stuck while another cluster's servers are built and the cluster created.
      await witnessCreated(o, ns, 1, 1);
      const server = (await o.get('OpenStackServer', stuck.metadata.name))!;
      expect(server.status).toMatchObject({
        instanceState: 'BUILD',
        ready: false,
      });
      const osm = (await o.get('OpenStackMachine', stuck.metadata.name))!;
      expect(legacyCondition(osm, 'InstanceReady')).toMatchObject({
        status: 'False',
        reason: 'InstanceNotReady',
        message: 'Instance state is BUILD',
      });
      const machine = (await o.get('Machine', stuck.metadata.name))!;
      expect(machine.status.phase).toBe('Provisioning');
      expect(condition(await o.get('Cluster', 'f'), 'ScalingUp')?.status).toBe(
        'True',
      );

      await o.patch('Cluster', 'f', {
        metadata: { annotations: { [STUCK_IN_BUILD_ANNOTATION]: null } },
      });
      await waitHealthy(o, 'f', 1, 2);
      expect(sim.stats().errors).toBe(0);
    } finally {
      await sim.stop();
    }
  }, 60_000);
});

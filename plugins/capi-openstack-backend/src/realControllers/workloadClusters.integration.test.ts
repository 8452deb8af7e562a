/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Clusters brought up to Available by the real Cluster API v1.14 controllers:
// each Cluster gets an in-memory workload cluster (API server and etcd, CAPI's
// own test/infrastructure/inmemory server) at its control plane endpoint, and
// each Machine a Node there once its (stood-in) infrastructure is ready. KCP
// initializes the control plane, joins etcd members, rolls out upgrades; the
// MachineHealthCheck controller remediates. The backend's verdict and tree
// follow each state, and its kubeconfig reaches the workload cluster.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createKubeClient, KubeClient } from '../kube/createKubeClient';
import {
  CAPI,
  IDENTITY,
  KCP,
  reasonsMatchConditions,
  setupRealControllersBackend,
  waitUntil,
} from '../__testUtils__/realControllersBackend';

jest.setTimeout(240_000);

describe('clusters brought up by the real CAPI controllers (in-memory workload clusters)', () => {
  const env = setupRealControllersBackend('real-wl', { workloadClusters: true });
  const api = (name: string, p = '') => `/api/capi-openstack/clusters/local/${env.ns}/${name}${p ? `/${p}` : ''}`;
  const detail = async (name: string) => (await request(env.backend.server).get(api(name))).body;
  const kcpOf = async (cluster: string) =>
    (await env.mc.client.list<any>(KCP, 'KubeadmControlPlane', env.ns, `cluster.x-k8s.io/cluster-name=${cluster}`))[0];
  const machinesOf = (cluster: string) =>
    env.mc.client.list<any>(CAPI, 'Machine', env.ns, `cluster.x-k8s.io/cluster-name=${cluster}`);
  const workloadClients: KubeClient[] = [];
  let tmp: string;

  /** The backend's verdict of `name` once it is `verdict` with its reasons as the controllers wrote them. */
  const verdictIs = (name: string, verdict: string, timeoutMs = 120_000) =>
    waitUntil(
      `${name} to be ${verdict}`,
      async () => {
        const body = await reasonsMatchConditions(env, name);
        return body && body.health.verdict === verdict && body;
      },
      timeoutMs,
    );

  /** A client of the workload cluster, from the kubeconfig the backend hands out. */
  async function workloadClient(name: string) {
    const res = await request(env.backend.server).get(api(name, 'kubeconfig'));
    expect(res.status).toBe(200);
    const file = path.join(tmp, `${name}.kubeconfig`);
    fs.writeFileSync(file, res.body.kubeconfig, { mode: 0o600 });
    const client = await createKubeClient({
      name,
      title: name,
      source: { type: 'kubeconfig', path: file },
      skipTLSVerify: false,
    } as any);
    workloadClients.push(client);
    return client;
  }
  const nodesOf = async (client: KubeClient) =>
    ((await client.request<any>('GET', '/api/v1/nodes')).items as any[]).map(n => ({
      name: n.metadata.name,
      providerID: n.spec.providerID,
      kubelet: n.status.nodeInfo.kubeletVersion,
    }));

  async function act(cluster: string, p: string, body: Record<string, unknown>) {
    const res = await request(env.backend.server).post(api(cluster, p)).send(body);
    expect([res.status, res.body.error?.message, res.body.changed]).toEqual([200, undefined, true]);
  }

  const modes = [
    {
      mode: 'clusterClass',
      name: 'wl-classy',
      version: 'v1.33.5',
      extra: { clusterClass: { name: 'capi-openstack-demo', variables: { imageName: 'ubuntu-2404-kube-v1.33.5' } } },
    },
    { mode: 'manifests', name: 'wl-plain', version: 'v1.34.2', extra: { image: 'ubuntu-2404-kube-v1.34.2' } },
  ];

  // Both clusters are created at once; the first tests wait for each.
  const created: Record<string, Promise<request.Response>> = {};
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-wl-'));
    for (const m of modes) {
      created[m.name] = request(env.backend.server)
        .post('/api/capi-openstack/clusters')
        .send({
          managementCluster: 'local',
          namespace: env.ns,
          name: m.name,
          kubernetesVersion: m.version,
          mode: m.mode,
          controlPlane: { replicas: 1, flavor: 'm1.large' },
          workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
          identity: IDENTITY,
          owner: 'group:default/platform',
          ...m.extra,
        })
        .then(res => res);
    }
  });
  afterAll(() => {
    for (const c of workloadClients) c.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each(modes.map(m => [m.mode, m] as const))(
    'creates a cluster (%s) that the real controllers bring to Available: Healthy, a node per machine',
    async (_mode, m) => {
      const res = await created[m.name];
      expect([res.status, res.body.error?.message]).toEqual([201, undefined]);

      const body = await verdictIs(m.name, 'Healthy');
      expect(body.health.reasons).toEqual([]);
      const cluster = await env.mc.client.get<any>(CAPI, 'Cluster', env.ns, m.name);
      expect(cluster.status.conditions.find((c: any) => c.type === 'Available')).toMatchObject({ status: 'True' });
      expect(body.tree.counters).toMatchObject({
        controlPlane: { desired: 1, ready: 1, available: 1, upToDate: 1 },
        workers: { desired: 2, ready: 2, available: 2, upToDate: 2 },
      });

      // Every machine in the tree has the node CAPI found for it, and the
      // workload cluster (reached with the backend's kubeconfig) has those nodes.
      const machines = body.tree.machines as any[];
      expect(machines).toHaveLength(3);
      expect(machines.every(x => x.phase === 'Running' && x.nodeName && x.version === m.version)).toBe(true);
      const nodes = await nodesOf(await workloadClient(m.name));
      expect(nodes.map(n => n.name).sort()).toEqual(machines.map(x => x.nodeName).sort());
      expect(nodes.map(n => n.providerID).sort()).toEqual(machines.map(x => x.providerID).sort());
    },
  );

  it('scales the control plane to 3: KCP joins two etcd members for real; Progressing, then Healthy', async () => {
    await act('wl-plain', 'control-plane/scale', { replicas: 3 });
    const scaling = await waitUntil('the backend to show the scale-up', async () => {
      const body = await detail('wl-plain');
      return body.health?.verdict === 'Progressing' && body;
    });
    expect(scaling.health.reasons).toContainEqual(
      expect.objectContaining({
        object: { kind: 'Cluster', name: 'wl-plain' },
        conditionType: 'ScalingUp',
        message: '* KubeadmControlPlane wl-plain-control-plane: Scaling up from 1 to 3 replicas',
      }),
    );
    const body = await verdictIs('wl-plain', 'Healthy');
    expect(body.tree.counters.controlPlane).toMatchObject({ desired: 3, ready: 3, available: 3 });
    const kcp = await kcpOf('wl-plain');
    expect(kcp.status.conditions.find((c: any) => c.type === 'EtcdClusterHealthy')).toMatchObject({ status: 'True' });
    // An etcd member per control plane machine, each reported healthy by KCP.
    const controlPlane = (await machinesOf('wl-plain')).filter(x => x.metadata.labels['cluster.x-k8s.io/control-plane'] !== undefined);
    expect(
      controlPlane.map(x => x.status.conditions.find((c: any) => c.type === 'EtcdMemberHealthy')?.status),
    ).toEqual(['True', 'True', 'True']);
    const nodes = await nodesOf(await workloadClient('wl-plain'));
    expect(nodes).toHaveLength(5);
  });

  /**
   * Upgrades through the backend and waits for Healthy: every machine
   * replaced (a rollout), every node's kubelet at `version`, KCP reporting it,
   * and no upgrade in progress in the backend's view.
   */
  async function upgradeRollsOut(cluster: string, version: string, machines: number) {
    const before = (await machinesOf(cluster)).map(x => x.metadata.name);
    await act(cluster, 'upgrade', { version });
    await waitUntil(`the backend to show the upgrade of ${cluster}`, async () => (await detail(cluster)).health?.verdict !== 'Healthy');
    const body = await verdictIs(cluster, 'Healthy', 220_000);
    const tree = body.tree.machines as any[];
    expect(tree.map(x => x.version)).toEqual(Array(machines).fill(version));
    expect(tree.filter(x => before.includes(x.name))).toEqual([]);
    expect((await kcpOf(cluster)).status.version).toBe(version);
    const nodes = await nodesOf(await workloadClient(cluster));
    expect(nodes.map(n => n.kubelet)).toEqual(Array(machines).fill(version));
    const upgrades = (await request(env.backend.server).get(api(cluster, 'upgrades'))).body;
    expect([upgrades.current, upgrades.inProgress]).toEqual([version, undefined]);
    return body;
  }

  it('upgrades a ClusterClass cluster: the topology rolls out the control plane, then the pool; every node on the new version', async () => {
    const body = await upgradeRollsOut('wl-classy', 'v1.34.2', 3);
    expect(body.tree.versions).toMatchObject({
      desired: 'v1.34.2',
      observed: [
        { scope: 'controlPlane', version: 'v1.34.2', replicas: 1 },
        { scope: 'workers', version: 'v1.34.2', replicas: 2 },
      ],
    });
  });

  it('remediates a worker whose node vanished: the MachineHealthCheck replaces it; Degraded meanwhile, then Healthy', async () => {
    await env.mc.apply([
      {
        apiVersion: CAPI,
        kind: 'MachineHealthCheck',
        metadata: { name: 'wl-plain-md-0', namespace: env.ns },
        spec: {
          clusterName: 'wl-plain',
          selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': 'wl-plain-md-0' } },
          checks: {
            nodeStartupTimeoutSeconds: 600,
            unhealthyNodeConditions: [{ type: 'Ready', status: 'False', timeoutSeconds: 300 }],
          },
        },
      },
    ]);
    await waitUntil('the MachineHealthCheck to watch 2 machines', async () => {
      const mhc = await env.mc.client.get<any>(CAPI, 'MachineHealthCheck', env.ns, 'wl-plain-md-0');
      return mhc?.status?.expectedMachines === 2 && mhc?.status?.currentHealthy === 2;
    });
    const workers = (await detail('wl-plain')).tree.machines.filter((x: any) => x.role === 'worker');
    const victim = workers[0];
    const workload = await workloadClient('wl-plain');
    await workload.request('DELETE', `/api/v1/nodes/${victim.nodeName}`);

    const unhealthy = await waitUntil('the backend to show the remediation', async () => {
      const body = await detail('wl-plain');
      return body.health?.verdict !== 'Healthy' && body;
    });
    expect(unhealthy.health.verdict).toBe('Degraded');
    expect(JSON.stringify(unhealthy.health.reasons)).toContain(victim.name);
    const body = await verdictIs('wl-plain', 'Healthy');
    const names = body.tree.machines.filter((x: any) => x.role === 'worker').map((x: any) => x.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(victim.name);
    expect(names).toContain(workers[1].name);
  });

  it('replaces a control plane machine through the backend: KCP removes its etcd member and joins a new one', async () => {
    const controlPlane = () =>
      machinesOf('wl-plain').then(ms => ms.filter(x => x.metadata.labels['cluster.x-k8s.io/control-plane'] !== undefined));
    const [old] = await controlPlane();
    await act('wl-plain', `machines/${old.metadata.name}/replace`, {});
    const body = await waitUntil('a new control plane machine in place of the old one', async () => {
      const b = await verdictIs('wl-plain', 'Healthy');
      return !b.tree.machines.some((x: any) => x.name === old.metadata.name) && b;
    }, 220_000);
    expect(body.tree.counters.controlPlane).toMatchObject({ desired: 3, ready: 3, available: 3 });
    const members = await controlPlane();
    expect(members.map(x => x.metadata.name)).not.toContain(old.metadata.name);
    expect(members.map(x => x.status.conditions.find((c: any) => c.type === 'EtcdMemberHealthy')?.status)).toEqual([
      'True',
      'True',
      'True',
    ]);
  });

  it('hibernates a ClusterClass cluster (the topology scales its pool to 0 for real) and wakes it back', async () => {
    await act('wl-classy', 'hibernate', {});
    const asleep = await waitUntil('no worker left and the verdict settled', async () => {
      const b = await reasonsMatchConditions(env, 'wl-classy');
      const workers = b?.tree.machines.filter((x: any) => x.role === 'worker') ?? [];
      return b && workers.length === 0 && b.health.verdict === 'Healthy' && b;
    }, 180_000);
    expect(asleep.health.reasons.map((r: any) => r.reason)).toEqual(['Hibernated']);
    expect(asleep.summary.hibernated).toMatchObject({ since: expect.any(String) });
    const md = (await env.mc.client.list<any>(CAPI, 'MachineDeployment', env.ns, 'cluster.x-k8s.io/cluster-name=wl-classy'))[0];
    expect(md.spec.replicas).toBe(0);

    await act('wl-classy', 'wake', {});
    const awake = await waitUntil('two workers back, Healthy', async () => {
      const b = await verdictIs('wl-classy', 'Healthy');
      return b.tree.machines.filter((x: any) => x.role === 'worker' && x.phase === 'Running').length === 2 && b;
    }, 180_000);
    expect(awake.summary.hibernated).toBeUndefined();
    expect(await nodesOf(await workloadClient('wl-classy'))).toHaveLength(3);
  });

  it('upgrades a plain cluster of 5 machines: our upgrade reconciler drives KCP, then the pool', async () => {
    await upgradeRollsOut('wl-plain', 'v1.35.0', 5);
    const md = await env.mc.client.get<any>(CAPI, 'MachineDeployment', env.ns, 'wl-plain-md-0');
    expect(md.spec.template.spec.version).toBe('v1.35.0');
  });

  it('deletes a cluster: Deleting, then gone, with its workload cluster', async () => {
    const res = await request(env.backend.server).delete(api('wl-classy')).send({ confirmName: 'wl-classy' });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    await waitUntil('the Cluster to be gone', async () => !(await env.mc.client.get<any>(CAPI, 'Cluster', env.ns, 'wl-classy')));
    expect(await machinesOf('wl-classy')).toEqual([]);
    const gone = await request(env.backend.server).get(api('wl-classy'));
    expect(gone.status).toBe(404);
  });
});

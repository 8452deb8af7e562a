/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Every lifecycle action through the backend against the real Cluster API
// v1.14 controllers and webhooks: the dry run and the write pass the real
// admission webhooks, and the real controllers take the change up (the
// topology controller propagates a ClusterClass cluster's topology, KCP
// and the MachineDeployment controller report it in their conditions).
// What our plans refuse, the real webhooks refuse too when written
// directly, and the backend's message for their refusal is readable.

import request from 'supertest';
import { mapKubeError } from '../actions/kubeErrors';
import { createKubeClient, KubeClient } from '../kube/createKubeClient';
import {
  CAPI,
  IDENTITY,
  INFRA,
  KCP,
  setupRealControllersBackend,
  waitUntil,
} from '../__testUtils__/realControllersBackend';

jest.setTimeout(120_000);

describe('lifecycle actions against the real CAPI controllers and webhooks', () => {
  const env = setupRealControllersBackend('real-actions');
  let kube: KubeClient;
  const api = (name: string, p = '') => `/api/capi-openstack/clusters/local/${env.ns}/${name}${p ? `/${p}` : ''}`;
  const get = (apiVersion: string, kind: string, name: string) => env.mc.client.get<any>(apiVersion, kind, env.ns, name);
  const kcpOf = async (cluster: string) =>
    (await env.mc.client.list<any>(KCP, 'KubeadmControlPlane', env.ns, `cluster.x-k8s.io/cluster-name=${cluster}`))[0];
  const mdOf = async (cluster: string, pool: string) =>
    (
      await env.mc.client.list<any>(
        CAPI,
        'MachineDeployment',
        env.ns,
        `cluster.x-k8s.io/cluster-name=${cluster},topology.cluster.x-k8s.io/deployment-name=${pool}`,
      )
    )[0];

  /** POST (or DELETE) through the backend: the dry run first, then the write; both must pass the real webhooks. */
  async function act(cluster: string, path: string, body: Record<string, unknown>, method: 'post' | 'delete' = 'post') {
    const send = (query: string) => request(env.backend.server)[method](`${api(cluster, path)}${query}`).send(body);
    const dry = await send('?dryRun=true');
    expect([dry.status, dry.body.error?.message, dry.body.dryRun]).toEqual([200, undefined, true]);
    const res = await send('');
    expect([res.status, res.body.error?.message, res.body.changed]).toEqual([200, undefined, true]);
    return res.body;
  }

  /**
   * The real controller reports scaling to `replicas` in its ScalingUp
   * condition. (KCP leaves status.observedGeneration alone while it waits
   * for the infrastructure; its conditions move.)
   */
  const scalingTo = (apiVersion: string, kind: string, name: string, replicas: number) =>
    waitUntil(`${kind} ${name} to report scaling to ${replicas}`, async () => {
      const o = await get(apiVersion, kind, name);
      const message = o?.status?.conditions?.find((c: any) => c.type === 'ScalingUp')?.message ?? '';
      return message.includes(`to ${replicas} replicas`) && o;
    });

  /** In hooks (no expect there): the create must answer 201. */
  const created = (res: request.Response) => {
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.body.error?.message}`);
  };

  const createCluster = (body: Record<string, unknown>) =>
    request(env.backend.server)
      .post('/api/capi-openstack/clusters')
      .send({
        managementCluster: 'local',
        namespace: env.ns,
        identity: IDENTITY,
        owner: 'group:default/platform',
        ...body,
      });

  beforeAll(async () => {
    kube = await createKubeClient({
      name: 'local',
      title: 'local',
      source: { type: 'kubeconfig', path: env.kubeconfigPath },
      skipTLSVerify: false,
    } as any);
    const plain = await createCluster({
      name: 'p1',
      kubernetesVersion: 'v1.33.5',
      mode: 'manifests',
      controlPlane: { replicas: 3, flavor: 'm1.large' },
      workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
      image: 'ubuntu-2404-kube-v1.33.5',
    });
    created(plain);
    const classy = await createCluster({
      name: 'k1',
      kubernetesVersion: 'v1.33.5',
      mode: 'clusterClass',
      clusterClass: { name: 'capi-openstack-demo', variables: { imageName: 'ubuntu-2404-kube-v1.33.5' } },
      controlPlane: { replicas: 3, flavor: 'm1.large' },
      workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
    });
    created(classy);
    await waitUntil('the topology controller to expand k1', async () => (await kcpOf('k1')) && (await mdOf('k1', 'md-0')));
    await waitUntil('the backend to see both clusters with their pools', async () => {
      const res = await request(env.backend.server).get(`/api/capi-openstack/clusters?namespace=${env.ns}`);
      return res.body.items?.filter((c: any) => c.workers?.desired === 2).length === 2;
    });
  }, 240_000);

  afterAll(() => {
    kube?.close();
  });

  it('scales a plain control plane and pool; KCP and the MachineDeployment controller report the new sizes', async () => {
    await act('p1', 'control-plane/scale', { replicas: 5 });
    expect((await scalingTo(KCP, 'KubeadmControlPlane', 'p1-control-plane', 5)).spec.replicas).toBe(5);
    await act('p1', 'pools/p1-md-0/scale', { replicas: 4 });
    expect((await scalingTo(CAPI, 'MachineDeployment', 'p1-md-0', 4)).spec.replicas).toBe(4);
  });

  it('scales a ClusterClass cluster: the real topology controller propagates the topology', async () => {
    await act('k1', 'control-plane/scale', { replicas: 5 });
    const kcp = await waitUntil('KCP of k1 at 5 replicas', async () => {
      const k = await kcpOf('k1');
      return k?.spec.replicas === 5 && k;
    });
    expect((await get(CAPI, 'Cluster', 'k1')).spec.topology.controlPlane.replicas).toBe(5);
    expect(kcp.metadata.labels['topology.cluster.x-k8s.io/owned']).toBe('');
    await act('k1', 'pools/md-0/scale', { replicas: 3 });
    await waitUntil('md-0 of k1 at 3 replicas', async () => (await mdOf('k1', 'md-0'))?.spec.replicas === 3);
    expect((await mdOf('k1', 'md-0')).spec.replicas).toBe(3);
  });

  it('sets autoscaler bounds on a plain pool and a topology pool', async () => {
    await act('p1', 'pools/p1-md-0/autoscaler', { bounds: { min: 1, max: 6 } });
    const md = await get(CAPI, 'MachineDeployment', 'p1-md-0');
    expect(md.metadata.annotations).toMatchObject({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '6',
    });
    await act('k1', 'pools/md-0/autoscaler', { bounds: { min: 2, max: 5 } });
    await waitUntil('the topology controller to carry the bounds to md-0 of k1', async () => {
      const a = (await mdOf('k1', 'md-0'))?.metadata.annotations ?? {};
      return a['cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size'] === '5';
    });
  });

  it('changes flavors: a new OpenStackMachineTemplate for the plain control plane, the class patch for the classy pool', async () => {
    await act('p1', 'control-plane/flavor', { flavor: 'm1.xlarge' });
    const kcp = await get(KCP, 'KubeadmControlPlane', 'p1-control-plane');
    const template = await get(INFRA, 'OpenStackMachineTemplate', kcp.spec.machineTemplate.spec.infrastructureRef.name);
    expect(template.spec.template.spec.flavor).toBe('m1.xlarge');

    const before = (await mdOf('k1', 'md-0')).spec.template.spec.infrastructureRef.name;
    await act('k1', 'pools/md-0/flavor', { flavor: 'm1.large' });
    const md = await waitUntil('the topology controller to rotate the template of md-0', async () => {
      const m = await mdOf('k1', 'md-0');
      return m?.spec.template.spec.infrastructureRef.name !== before && m;
    });
    const rotated = await get(INFRA, 'OpenStackMachineTemplate', md.spec.template.spec.infrastructureRef.name);
    expect(rotated.spec.template.spec.flavor).toBe('m1.large');
  });

  it('restarts, rotates certificates and sets the rotation threshold: the KCP webhook accepts spec.rollout', async () => {
    await act('p1', 'control-plane/restart', {});
    expect((await get(KCP, 'KubeadmControlPlane', 'p1-control-plane')).spec.rollout.after).toEqual(expect.any(String));
    await act('p1', 'pools/p1-md-0/restart', {});
    expect((await get(CAPI, 'MachineDeployment', 'p1-md-0')).spec.rollout.after).toEqual(expect.any(String));
    await act('p1', 'control-plane/certificate-rotation', { certificatesExpiryDays: 21 });
    expect((await get(KCP, 'KubeadmControlPlane', 'p1-control-plane')).spec.rollout.before).toEqual({ certificatesExpiryDays: 21 });
    await act('k1', 'control-plane/restart', {});
    await waitUntil('the topology controller to carry the restart to KCP of k1', async () => !!(await kcpOf('k1'))?.spec.rollout?.after);
  });

  it("edits health checks: the real webhook takes a MachineHealthCheck's new checks; the topology controller carries a pool's into its MachineHealthCheck", async () => {
    const settings = {
      nodeStartupTimeoutSeconds: 900,
      unhealthyNodeConditions: [
        { type: 'Ready', status: 'False', timeoutSeconds: 600 },
        { type: 'Ready', status: 'Unknown', timeoutSeconds: 600 },
      ],
      maxUnhealthy: '',
      unhealthyRange: '[1-2]',
    };
    await env.mc.apply([
      {
        apiVersion: CAPI,
        kind: 'MachineHealthCheck',
        metadata: { name: 'p1-md-0-mhc', namespace: env.ns, labels: { 'cluster.x-k8s.io/cluster-name': 'p1' } },
        spec: {
          clusterName: 'p1',
          selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': 'p1-md-0' } },
          checks: { unhealthyNodeConditions: [{ type: 'Ready', status: 'Unknown', timeoutSeconds: 300 }] },
        },
      } as any,
    ]);
    await waitUntil('the backend to show the MachineHealthCheck of p1', async () => {
      const res = await request(env.backend.server).get(api('p1'));
      return res.body.tree?.machineHealthChecks?.some((h: any) => h.target === 'p1-md-0-mhc');
    });
    await act('p1', 'health-checks/p1-md-0-mhc', settings);
    const mhc = await get(CAPI, 'MachineHealthCheck', 'p1-md-0-mhc');
    expect(mhc.spec.checks).toEqual({ nodeStartupTimeoutSeconds: 900, unhealthyNodeConditions: settings.unhealthyNodeConditions });
    expect(mhc.spec.remediation.triggerIf).toEqual({ unhealthyInRange: '[1-2]' });

    // The demo class gives its workers a health check: the topology made a MachineHealthCheck for md-0.
    const poolCheck = async () =>
      (await env.mc.client.list<any>(CAPI, 'MachineHealthCheck', env.ns, 'cluster.x-k8s.io/cluster-name=k1')).find(
        m => m.spec.selector?.matchLabels?.['topology.cluster.x-k8s.io/deployment-name'] === 'md-0',
      );
    await waitUntil('the backend to show the topology health check of md-0', async () => {
      const res = await request(env.backend.server).get(api('k1'));
      return res.body.tree?.machineHealthChecks?.some((h: any) => h.target === 'md-0');
    });
    await act('k1', 'health-checks/md-0', { ...settings, unhealthyRange: '', maxUnhealthy: '1' });
    const carried = await waitUntil('the topology controller to write the new check into the MachineHealthCheck', async () => {
      const m = await poolCheck();
      return m?.spec.remediation?.triggerIf?.unhealthyLessThanOrEqualTo === 1 && m;
    });
    expect(carried.spec.checks.nodeStartupTimeoutSeconds).toBe(900);
    expect(carried.spec.checks.unhealthyNodeConditions).toEqual(settings.unhealthyNodeConditions);
  });

  it('upgrades: refused as the real webhook does while the control plane provisions; a plain one waits for the real control plane', async () => {
    // The Cluster webhook changes a topology's version only once the control plane has a version (finished provisioning).
    const classy = await request(env.backend.server).post(api('k1', 'upgrade')).send({ version: 'v1.34.2' });
    expect([classy.status, classy.body.error?.message]).toEqual([
      422,
      "version: Cluster k1 cannot move to v1.34.2 yet: the control plane is still provisioning (Cluster API changes a topology's version only once the previous one has rolled out)",
    ]);
    const direct = await kube
      .request('PATCH', `/apis/${CAPI}/namespaces/${env.ns}/clusters/k1`, {
        body: { spec: { topology: { version: 'v1.34.2' } } },
        contentType: 'application/merge-patch+json',
      })
      .catch(e => e);
    expect(mapKubeError(direct, 'Cluster', 'k1').message).toMatch(/admission control: .*version cannot be changed: control plane is currently provisioning/);

    await act('p1', 'upgrade', { version: 'v1.34.2' });
    const kcp = await get(KCP, 'KubeadmControlPlane', 'p1-control-plane');
    expect(kcp.spec.version).toBe('v1.34.2');
    // No machine runs (no infrastructure provider): KCP never reports v1.34.2, so the workers wait.
    const progress = await waitUntil('the upgrade to show as in progress', async () => {
      const res = await request(env.backend.server).get(api('p1', 'upgrades'));
      return res.body.inProgress;
    });
    expect(progress).toMatchObject({ version: 'v1.34.2', phase: 'control-plane' });
    expect((await get(CAPI, 'MachineDeployment', 'p1-md-0')).spec.template.spec.version).toBe('v1.33.5');
  });

  it('pauses and resumes: the real controllers report Paused', async () => {
    await act('p1', 'pause', {});
    await waitUntil('the Cluster controller to report Paused', async () => {
      const c = await get(CAPI, 'Cluster', 'p1');
      return c.status?.conditions?.find((x: any) => x.type === 'Paused')?.status === 'True';
    });
    const paused = await request(env.backend.server).get(api('p1'));
    expect(paused.body.health.verdict).toBe('Paused');
    await act('p1', 'resume', {});
    await waitUntil('the Cluster controller to report not Paused', async () => {
      const c = await get(CAPI, 'Cluster', 'p1');
      return c.status?.conditions?.find((x: any) => x.type === 'Paused')?.status === 'False';
    });
  });

  it('what our plans refuse, the real webhooks refuse too; the backend words their refusal readably', async () => {
    const ours = await request(env.backend.server).post(api('p1', 'control-plane/scale')).send({ replicas: 4 });
    expect([ours.status, ours.body.error.message]).toEqual([422, expect.stringMatching(/^replicas must be odd/)]);
    const kcpPath = `/apis/${KCP}/namespaces/${env.ns}/kubeadmcontrolplanes/p1-control-plane`;
    const even = await kube
      .request('PATCH', kcpPath, { body: { spec: { replicas: 4 } }, contentType: 'application/merge-patch+json' })
      .catch(e => e);
    const evenMessage = mapKubeError(even, 'KubeadmControlPlane', 'p1-control-plane');
    expect([(evenMessage as any).statusCode, evenMessage.message]).toEqual([
      422,
      expect.stringMatching(/^KubeadmControlPlane p1-control-plane was refused by the management cluster's admission control: .*replicas.*even/),
    ]);

    const skip = await request(env.backend.server).post(api('k1', 'upgrade')).send({ version: 'v1.36.0' });
    expect(skip.status).toBe(422);
    const clusterPath = `/apis/${CAPI}/namespaces/${env.ns}/clusters/k1`;
    const skipped = await kube
      .request('PATCH', clusterPath, { body: { spec: { topology: { version: 'v1.36.0' } } }, contentType: 'application/merge-patch+json' })
      .catch(e => e);
    const skippedMessage = mapKubeError(skipped, 'Cluster', 'k1');
    expect(skippedMessage.message).toMatch(/^Cluster k1 was refused by the management cluster's admission control: .*v1\.36\.0/);

    const variable = await createCluster({
      name: 'bad1',
      kubernetesVersion: 'v1.34.2',
      mode: 'clusterClass',
      clusterClass: { name: 'capi-openstack-demo', variables: { imageName: 'x', certificatesExpiryDays: 3 } },
      controlPlane: { replicas: 1, flavor: 'm1.large' },
      workerPools: [{ name: 'md-0', replicas: 1, flavor: 'm1.medium' }],
    });
    expect([variable.status, variable.body.error?.message]).toEqual([422, expect.stringMatching(/certificatesExpiryDays/)]);
    const k1 = await get(CAPI, 'Cluster', 'k1');
    const invalid = await kube
      .request('POST', `/apis/${CAPI}/namespaces/${env.ns}/clusters`, {
        body: {
          apiVersion: CAPI,
          kind: 'Cluster',
          metadata: { name: 'bad2', namespace: env.ns },
          spec: {
            ...k1.spec,
            controlPlaneRef: undefined,
            infrastructureRef: undefined,
            controlPlaneEndpoint: undefined,
            topology: {
              ...k1.spec.topology,
              variables: [...k1.spec.topology.variables.filter((v: any) => v.name !== 'certificatesExpiryDays'), { name: 'certificatesExpiryDays', value: 3 }],
            },
          },
        },
      })
      .catch(e => e);
    const invalidMessage = mapKubeError(invalid, 'Cluster', 'bad2');
    expect(invalidMessage.message).toMatch(/^Cluster bad2 was refused by the management cluster's admission control: .*certificatesExpiryDays/);
    expect(invalidMessage.message.length).toBeLessThanOrEqual(400);
  });

  it('deletes: the real Cluster controller takes the Cluster and what it owns away', async () => {
    const cluster = await get(CAPI, 'Cluster', 'k1');
    await act('k1', '', { confirmName: 'k1', resourceVersion: cluster.metadata.resourceVersion }, 'delete');
    await waitUntil('k1 and its control plane gone', async () => !(await get(CAPI, 'Cluster', 'k1')) && !(await kcpOf('k1')), 90_000);
    expect(await env.mc.client.list(CAPI, 'MachineDeployment', env.ns, 'cluster.x-k8s.io/cluster-name=k1')).toEqual([]);
  });
});

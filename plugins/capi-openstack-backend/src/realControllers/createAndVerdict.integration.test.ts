/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The create path and the verdict against the real Cluster API v1.14
// controllers (core with the topology controller, kubeadm control plane,
// kubeadm bootstrap) and their webhooks. No infrastructure provider runs:
// clusters stop where the real controllers stop, waiting for the
// OpenStackCluster, and the verdict's reasons are their conditions.

import request from 'supertest';
import {
  CAPI,
  IDENTITY,
  KCP,
  reasonsMatchConditions,
  setupRealControllersBackend,
  waitUntil,
} from '../__testUtils__/realControllersBackend';

jest.setTimeout(120_000);

describe('create and verdict against the real CAPI controllers', () => {
  const env = setupRealControllersBackend('real');
  const get = (apiVersion: string, kind: string, name: string) => env.mc.client.get<any>(apiVersion, kind, env.ns, name);

  const modes = [
    {
      mode: 'clusterClass',
      name: 'classy1',
      extra: { clusterClass: { name: 'capi-openstack-demo', variables: { imageName: 'ubuntu-2404-kube-v1.34.2' } } },
    },
    { mode: 'manifests', name: 'plain1', extra: { image: 'ubuntu-2404-kube-v1.34.2' } },
  ];

  it.each(modes.map(m => [m.mode, m] as const))(
    'creates a cluster (%s) that the real controllers take up; the verdict and its reasons are their conditions',
    async (mode, m) => {
      const res = await request(env.backend.server)
        .post('/api/capi-openstack/clusters')
        .send({
          managementCluster: 'local',
          namespace: env.ns,
          name: m.name,
          kubernetesVersion: 'v1.34.2',
          mode,
          controlPlane: { replicas: 3, flavor: 'm1.large' },
          workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
          identity: IDENTITY,
          owner: 'group:default/platform',
          ...m.extra,
        });
      expect([res.status, res.body.error?.message]).toEqual([201, undefined]);

      // The control plane and the pool exist (the topology controller made them for the class) and report scaling up.
      const kcp = await waitUntil('the KubeadmControlPlane to report scaling up', async () => {
        const [k] = await env.mc.client.list<any>(KCP, 'KubeadmControlPlane', env.ns, `cluster.x-k8s.io/cluster-name=${m.name}`);
        return k?.status?.conditions?.some((c: any) => c.type === 'ScalingUp' && c.status === 'True') && k;
      });
      expect([kcp.spec.replicas, kcp.spec.version]).toEqual([3, 'v1.34.2']);
      const cluster = await waitUntil('the Cluster controller to write its conditions', async () => {
        const c = await get(CAPI, 'Cluster', m.name);
        return c?.status?.conditions?.some((x: any) => x.type === 'WorkersAvailable') && c;
      });
      // Without an infrastructure provider the real controllers stop here.
      expect(cluster.status.conditions.find((c: any) => c.type === 'InfrastructureReady')).toMatchObject({
        status: 'False',
        message: 'OpenStackCluster status.initialization.provisioned is false',
      });

      const detail = await waitUntil('the backend reasons to be the live conditions', () => reasonsMatchConditions(env, m.name));
      expect(detail.health.verdict).toBe('Progressing');
      const available = detail.health.reasons.find((r: any) => r.conditionType === 'Available');
      expect(available).toMatchObject({ object: { kind: 'Cluster', name: m.name }, reason: 'NotAvailable', severity: 'info' });
      expect(available.message).toContain('InfrastructureReady: OpenStackCluster status.initialization.provisioned is false');
      expect(detail.health.reasons.map((r: any) => r.message)).not.toContainEqual(expect.stringContaining('?'));

      // The tree holds what the real controllers made, by their names.
      const tree = detail.tree;
      expect(tree.controlPlane).toMatchObject({ kind: 'KubeadmControlPlane', name: kcp.metadata.name });
      const [md] = await env.mc.client.list<any>(CAPI, 'MachineDeployment', env.ns, `cluster.x-k8s.io/cluster-name=${m.name}`);
      expect(tree.pools.map((p: any) => p.name)).toEqual([md.metadata.name]);
      expect(tree.infrastructure).toMatchObject({ kind: 'OpenStackCluster' });
      expect(tree.machines).toEqual([]);
    },
  );
});

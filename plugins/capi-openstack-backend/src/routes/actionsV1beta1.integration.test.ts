/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import request from 'supertest';
import { startCapiBackend } from '../__testUtils__/startCapiBackend';

// CAPI v1.10 serves v1beta1 only (older management clusters, Magnum's
// driver): the actions write the v1beta1 field names.
const CAPI = 'cluster.x-k8s.io/v1beta1';
const KCP = 'controlplane.cluster.x-k8s.io/v1beta1';

jest.setTimeout(60_000);

describe('lifecycle actions on CAPI v1beta1 (real API server, CAPI v1.10 CRDs)', () => {
  const mc = setupManagementCluster('capi-v1.10');
  let ns: string;
  let backend: Awaited<ReturnType<typeof startCapiBackend>>;
  const permissions = mockServices.permissions.mock();
  const api = (cluster: string, p: string) => `/api/capi-openstack/clusters/local/${ns}/${cluster}/${p}`;
  const kcp = () => mc.client.get<any>(KCP, 'KubeadmControlPlane', ns, 'v1-control-plane');

  beforeAll(async () => {
    ns = await mc.createNamespace('actions-v1');
    await mc.apply([
      ...plainClusterObjects({ name: 'v1', namespace: ns, generation: 'v1beta1' }),
      {
        apiVersion: CAPI,
        kind: 'Cluster',
        metadata: { name: 'classy1', namespace: ns },
        spec: {
          topology: {
            class: 'some-class',
            version: 'v1.34.2',
            controlPlane: { replicas: 1 },
            workers: { machineDeployments: [{ class: 'default-worker', name: 'md-0', replicas: 1 }] },
          },
        },
      },
    ]);
    const kubeconfigPath = mc.kubeconfigFile();
    permissions.authorizeConditional.mockImplementation(async (reqs: any[]) => reqs.map(() => ({ result: AuthorizeResult.ALLOW })) as any);
    backend = await startCapiBackend(
      {
        managementClusters: [{ name: 'local', kubeconfig: { path: kubeconfigPath }, namespaces: [ns] }],
        kubernetesVersions: [{ version: 'v1.35.0', image: 'ubuntu-2404-kube-v1.35.0' }],
      },
      permissions.factory,
    );
    await waitFor(
      'the clusters in the cache',
      async () => {
        const res = await request(backend.server).get(`/api/capi-openstack/clusters?namespace=${ns}`);
        if (res.body.totalCount === 2 && res.body.managementClusters?.every((m: any) => m.state === 'synced')) return true;
        throw new Error(JSON.stringify(res.body));
      },
      { timeoutMs: 30_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it('writes the v1beta1 fields of the control plane', async () => {
    const post = async (p: string, body: object) => {
      const res = await request(backend.server).post(api('v1', p)).send(body);
      expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
      return res.body;
    };
    await post('control-plane/scale', { replicas: 5 });
    await post('control-plane/restart', {});
    await post('control-plane/certificate-rotation', { certificatesExpiryDays: 21 });
    const flavor = await post('control-plane/flavor', { flavor: 'm1.xlarge' });
    expect(flavor.changes.map((c: any) => c.field)).toContain('spec.machineTemplate.infrastructureRef.name');
    const after = await kcp();
    expect(after.spec.replicas).toBe(5);
    expect(Date.parse(after.spec.rolloutAfter)).toBeGreaterThan(Date.now() - 60_000);
    expect(after.spec.rolloutBefore).toEqual({ certificatesExpiryDays: 21 });
    expect(after.spec.machineTemplate.infrastructureRef).toMatchObject({
      kind: 'OpenStackMachineTemplate',
      name: expect.stringMatching(/^v1-control-plane-[0-9a-f]{8}$/),
    });

    await post('upgrade', { version: 'v1.35.0', resourceVersion: after.metadata.resourceVersion });
    const upgraded = await kcp();
    expect(upgraded.spec.version).toBe('v1.35.0');
    const template = await mc.client.get<any>(
      'infrastructure.cluster.x-k8s.io/v1beta1',
      'OpenStackMachineTemplate',
      ns,
      upgraded.spec.machineTemplate.infrastructureRef.name,
    );
    expect(template.spec.template.spec).toMatchObject({ flavor: 'm1.xlarge', image: { filter: { name: 'ubuntu-2404-kube-v1.35.0' } } });
  });

  it('writes the v1beta1 fields of a pool', async () => {
    const res = await request(backend.server).post(api('v1', 'pools/v1-md-0/restart')).send({});
    expect(res.status).toBe(200);
    const md = await mc.client.get<any>(CAPI, 'MachineDeployment', ns, 'v1-md-0');
    expect(md.spec.rolloutAfter).toBe(res.body.changes[0].to);
    expect(md.spec.rollout).toBeUndefined();
  });

  it('explains what an older CAPI cannot do (no topology rollout before v1.11), changing nothing', async () => {
    const before = await mc.client.get<any>(CAPI, 'Cluster', ns, 'classy1');
    const res = await request(backend.server).post(api('classy1', 'control-plane/restart')).send({});
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/does not support.*rollout/);
    const after = await mc.client.get<any>(CAPI, 'Cluster', ns, 'classy1');
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Clock, demoClusterClassObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import { setupOpenStackTestbed, type TestbedHandle } from '@internal/openstack-testbed';
import request from 'supertest';
import { startCapiBackend } from './startCapiBackend';

export const CAPI = 'cluster.x-k8s.io/v1beta2';
export const KCP = 'controlplane.cluster.x-k8s.io/v1beta2';
export const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta1';
export const OSS = 'infrastructure.cluster.x-k8s.io/v1alpha1';

/** The version the suites read each kind a verdict reason can name with. */
const API_VERSION_OF: Record<string, string> = {
  Cluster: CAPI,
  KubeadmControlPlane: KCP,
  MachineDeployment: CAPI,
  MachineSet: CAPI,
  Machine: CAPI,
  OpenStackCluster: INFRA,
  OpenStackMachine: INFRA,
  OpenStackServer: OSS,
};
/** The identity Secret every cluster of these suites names. */
export const IDENTITY = { secretName: 'real-cloud', cloudName: 'openstack' };

/** The tooling's waitFor: 60 s, every 250 ms (the real controllers take a few seconds per step). */
export const waitUntil = <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000) =>
  waitFor(what, probe, { timeoutMs, intervalMs: 250 });

export interface RealControllersBackend {
  mc: ReturnType<typeof setupManagementCluster>;
  ns: string;
  backend: Awaited<ReturnType<typeof startCapiBackend>>;
  /** `kubeconfig` of the admin, for the backend and for clients of the suite. */
  kubeconfigPath: string;
  /** With `openstackTestbed`: the testbed, which the backend may call (the suite stops it). */
  testbed?: TestbedHandle;
}

/**
 * Registers the hooks of a suite against the real CAPI controllers: a
 * private management cluster running them, a namespace holding the demo
 * ClusterClass and an identity Secret, and a backend (every permission
 * allowed) synced with it. When a test fails, the managers' error lines go
 * to stderr. `capo`: the real CAPO v0.14.7 runs too. `workloadClusters`: each
 * Cluster gets an in-memory workload cluster, so that machines get nodes.
 */
export function setupRealControllersBackend(
  prefix: string,
  options: { capo?: boolean; workloadClusters?: boolean; openstackTestbed?: boolean } = {},
): RealControllersBackend {
  const mc = setupManagementCluster('capi-v1.14', {
    realControllers: true,
    capo: options.capo,
    workloadClusters: options.workloadClusters,
  });
  const env = { mc } as RealControllersBackend;

  beforeAll(async () => {
    env.ns = await mc.createNamespace(prefix);
    await mc.apply([
      ...demoClusterClassObjects(env.ns, new Clock(new Date())),
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: IDENTITY.secretName, namespace: env.ns, labels: { 'capi-openstack.dev/identity': 'true' } },
        data: { 'clouds.yaml': Buffer.from('clouds: {openstack: {}}\n').toString('base64') },
      },
    ]);
    env.kubeconfigPath = mc.kubeconfigFile();
    if (options.openstackTestbed) env.testbed = await setupOpenStackTestbed();
    const info = env.testbed?.info;
    env.backend = await startCapiBackend(
      {
        // The backend may call the testbed: Keystone and the origin of every catalog endpoint.
        ...(info
          ? {
              openstack: {
                cacheSeconds: 0,
                timeoutSeconds: 30,
                allowedAuthUrls: [...new Set([info.authUrl, ...Object.values(info.endpoints)].map(u => `${new URL(u).origin}/`))],
              },
            }
          : {}),
        managementClusters: [{ name: 'local', kubeconfig: { path: env.kubeconfigPath }, namespaces: [env.ns] }],
        flavors: ['m1.small', 'm1.medium', 'm1.large', 'm1.xlarge'],
        kubernetesVersions: [
          { version: 'v1.33.5', image: 'ubuntu-2404-kube-v1.33.5' },
          { version: 'v1.34.2', image: 'ubuntu-2404-kube-v1.34.2' },
          { version: 'v1.35.0', image: 'ubuntu-2404-kube-v1.35.0' },
        ],
        actions: { upgradeResyncSeconds: 1 },
      },
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    );
    await waitUntil('the backend to sync the management cluster', async () => {
      const res = await request(env.backend.server).get('/api/capi-openstack/clusters');
      return res.body.managementClusters?.[0]?.state === 'synced';
    });
  }, 20 * 60_000);

  afterEach(() => {
    const state = expect.getState();
    if (state.assertionCalls === state.numPassingAsserts) return;
    for (const [name, log] of Object.entries(mc.controllerLogs())) {
      const errors = log.split('\n').filter(l => l.startsWith('E'));
      process.stderr.write(`--- ${name}: last error lines\n${errors.slice(-20).join('\n')}\n`);
    }
  });

  afterAll(async () => {
    await env.backend?.stop();
  });

  return env;
}

/**
 * The backend's detail of `name` once every reason it gives from a condition
 * is that condition as the controller wrote it (type, reason, message);
 * false until then (a probe for waitUntil).
 */
export async function reasonsMatchConditions(env: RealControllersBackend, name: string) {
  const res = await request(env.backend.server).get(`/api/capi-openstack/clusters/local/${env.ns}/${name}`);
  if (res.status !== 200) return false;
  for (const r of res.body.health.reasons.filter((x: any) => x.conditionType)) {
    const apiVersion = API_VERSION_OF[r.object.kind];
    if (!apiVersion) throw new Error(`a reason from an unexpected kind: ${JSON.stringify(r)}`);
    const o = await env.mc.client.get<any>(apiVersion, r.object.kind, env.ns, r.object.name);
    const c = o?.status?.conditions?.find((x: any) => x.type === r.conditionType);
    if (!c || c.reason !== r.reason || (c.message ?? '') !== (r.message ?? '')) return false;
  }
  return res.body;
}

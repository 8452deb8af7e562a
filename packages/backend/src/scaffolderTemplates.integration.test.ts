/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// End to end: the example templates run through the scaffolder's REST API
// (POST /api/scaffolder/v2/tasks) of a backend with the catalog, the
// scaffolder and the capi-openstack plugins, against a real API server with
// the simulated CAPI/CAPO controllers. Checked: the objects in the API
// server, the verdict reaching Healthy, the fleet list and the catalog.

import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplates from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import capiOpenstackPlugin from '@capi-openstack/backstage-plugin-capi-openstack-backend';
import catalogModuleCapiOpenstack from '@capi-openstack/backstage-plugin-catalog-backend-module-capi-openstack';
import scaffolderModuleCapiOpenstack from '@capi-openstack/backstage-plugin-scaffolder-backend-module-capi-openstack';
import { startSimulator, Simulator } from '@internal/capi-simulator';
import { Clock, demoClusterClassObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';

const MC = 'local';
const TEMPLATES = path.resolve(__dirname, '../../../examples/templates');
const CAPI = 'cluster.x-k8s.io/v1beta2';
const USER = 'user:default/jane';

describe('scaffolder templates end to end (real backend, API server and simulated controllers)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  let dir: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let simulator: Simulator;
  let base: string;

  const auth = { Authorization: mockCredentials.user.header(USER) };
  const get = async (p: string) => {
    const res = await fetch(`${base}${p}`, { headers: auth });
    return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
  };

  /** Runs a template through the scaffolder API; answers the finished task and its completion output. */
  async function runTemplate(name: string, values: Record<string, unknown>) {
    const res = await fetch(`${base}/api/scaffolder/v2/tasks`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ templateRef: `template:default/${name}`, values }),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const task = await waitFor(
      `task ${id} of ${name}`,
      async () => {
        const t = (await get(`/api/scaffolder/v2/tasks/${id}`)).body;
        return ['completed', 'failed', 'cancelled'].includes(t.status) ? t : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 250 },
    );
    const events: any[] = (await get(`/api/scaffolder/v2/tasks/${id}/events`)).body;
    const log = events.filter(e => e.type === 'log').map(e => e.body.message as string);
    if (task.status !== 'completed') throw new Error(`${name} ${task.status}:\n${log.join('\n')}`);
    const completion = events.find(e => e.type === 'completion');
    return { task, log, output: completion?.body?.output ?? {} };
  }

  beforeAll(async () => {
    ns = await mc.createNamespace('scaffold-e2e');
    await mc.apply(demoClusterClassObjects(ns, new Clock(new Date())));
    await mc.client.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'team-cloud', namespace: ns, labels: { 'capi-openstack.dev/identity': 'true' } },
      stringData: { 'clouds.yaml': 'clouds: {openstack: {auth: {auth_url: "http://127.0.0.1:5000/v3"}}}\n' },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-e2e-'));
    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kubeconfig, mc.kubeconfig('admin'), { mode: 0o600 });
    simulator = await startSimulator({ kubeconfig: mc.kubeconfig('admin'), timeScale: 300, namespaces: [ns], log: () => {} });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTemplates,
        scaffolderPlugin,
        capiOpenstackPlugin,
        scaffolderModuleCapiOpenstack,
        catalogModuleCapiOpenstack,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            catalog: {
              rules: [{ allow: ['Component', 'Resource', 'Location', 'Template', 'Group', 'User'] }],
              locations: ['cluster-class.yaml', 'gitops-manifests.yaml', 'day-2.yaml'].map(f => ({
                type: 'file',
                target: path.join(TEMPLATES, f),
              })),
            },
            capiOpenstack: {
              managementClusters: [{ name: MC, kubeconfig: { path: kubeconfig }, namespaces: [ns] }],
              flavors: ['m1.medium', 'm1.large', 'm1.xlarge'],
            },
          },
        }),
      ],
    });
    base = `http://localhost:${backend.server.port()}`;
    await waitFor(
      'the templates in the catalog',
      async () => {
        const r = await get('/api/catalog/entities/by-query?filter=kind=template');
        return r.body?.items?.length === 3 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await waitFor(
      'the ClusterClass in the capi-openstack cache',
      async () => ((await get('/api/capi-openstack/create-options')).body?.clusterClasses?.length ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }, 180_000);

  afterAll(async () => {
    await backend?.stop();
    await simulator?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ClusterClass template: applies, waits for Healthy, and the cluster is in the fleet and the catalog', async () => {
    const { output, log } = await runTemplate('capi-openstack-cluster-class', {
      managementCluster: MC,
      namespace: ns,
      name: 'shop',
      owner: 'group:default/team-payments',
      clusterClass: { name: 'capi-openstack-demo', variables: { certificatesExpiryDays: 30 } },
      kubernetesVersion: 'v1.33.5',
      controlPlaneReplicas: 1,
      controlPlaneFlavor: 'm1.large',
      workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
      identitySecretName: 'team-cloud',
      cloudName: 'openstack',
      image: 'ubuntu-2404-kube',
    });
    const entityRef = `resource:default/${MC}.${ns}.shop`;
    expect(output.links).toEqual([
      { title: 'Cluster in the catalog', icon: 'catalog', entityRef },
      { title: 'Cluster page', icon: 'dashboard', url: `http://localhost:3000/capi-openstack/clusters/${MC}/${ns}/shop` },
    ]);
    expect(log.join('\n')).toMatch(/Healthy: control plane 1\/1 ready, workers 2\/2 ready/);

    const cluster: any = await mc.client.get(CAPI, 'Cluster', ns, 'shop');
    expect(cluster.spec.topology.classRef.name).toBe('capi-openstack-demo');
    expect(cluster.metadata.annotations['capi-openstack.dev/created-by']).toBe('backstage-capi-openstack');

    const fleet = (await get(`/api/capi-openstack/clusters?namespace=${ns}`)).body;
    expect(fleet.items.find((c: any) => c.name === 'shop')).toMatchObject({
      verdict: 'Healthy',
      owner: 'group:default/team-payments',
      classy: true,
      version: 'v1.33.5',
    });
    const entity = await waitFor(
      'the catalog entity',
      async () => {
        const r = await get(`/api/catalog/entities/by-name/resource/default/${MC}.${ns}.shop`);
        return r.status === 200 ? r.body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(entity.spec).toMatchObject({ type: 'kubernetes-cluster', owner: 'group:default/team-payments' });
  }, 300_000);

  it('day-2 template: scales a pool and upgrades the cluster through the lifecycle endpoints', async () => {
    const scaled = await runTemplate('capi-openstack-cluster-day2', {
      managementCluster: MC,
      namespace: ns,
      name: 'shop',
      operation: 'scale',
      pool: 'md-0',
      replicas: 3,
    });
    expect(scaled.output.text[0].content).toMatch(/md-0/);
    let cluster: any = await mc.client.get(CAPI, 'Cluster', ns, 'shop');
    expect(cluster.spec.topology.workers.machineDeployments[0].replicas).toBe(3);

    await runTemplate('capi-openstack-cluster-day2', {
      managementCluster: MC,
      namespace: ns,
      name: 'shop',
      operation: 'upgrade',
      version: 'v1.34.2',
    });
    cluster = await mc.client.get(CAPI, 'Cluster', ns, 'shop');
    expect(cluster.spec.topology.version).toBe('v1.34.2');
  }, 120_000);

  it('dry run of the ClusterClass template (template editor): validated by the API server, nothing created', async () => {
    const template = yaml.parse(fs.readFileSync(path.join(TEMPLATES, 'cluster-class.yaml'), 'utf8'));
    const res = await fetch(`${base}/api/scaffolder/v2/dry-run`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        template,
        directoryContents: [],
        values: {
          managementCluster: MC,
          namespace: ns,
          name: 'dry',
          owner: 'group:default/team-payments',
          clusterClass: { name: 'capi-openstack-demo' },
          kubernetesVersion: 'v1.34.2',
          controlPlaneReplicas: 3,
          workerPools: [{ name: 'md-0', replicas: 2 }],
          identitySecretName: 'team-cloud',
          cloudName: 'openstack',
          image: 'ubuntu-2404-kube',
        },
      }),
    });
    expect(res.status).toBe(200);
    const result = await res.json();
    const messages = result.log.map((l: any) => l.body.message).join('\n');
    expect(messages).toMatch(/Dry run: the API server accepted the 1 objects of cluster .*\/dry/);
    const file = result.directoryContents.find((f: any) => f.path === `clusters/${MC}/${ns}/dry/cluster-dry.yaml`);
    const manifest = yaml.parse(Buffer.from(file.base64Content, 'base64').toString('utf8'));
    expect(manifest.spec.topology).toMatchObject({ version: 'v1.34.2', controlPlane: { replicas: 3 } });
    expect(await mc.client.get(CAPI, 'Cluster', ns, 'dry')).toBeUndefined();
  }, 60_000);

  it('GitOps template: renders complete manifests and creates nothing', async () => {
    const { output } = await runTemplate('capi-openstack-cluster-gitops', {
      managementCluster: MC,
      namespace: ns,
      name: 'lake',
      owner: 'group:default/team-data',
      kubernetesVersion: 'v1.34.2',
      image: 'ubuntu-2404-kube-v1.34.2',
      controlPlaneReplicas: 3,
      controlPlaneFlavor: 'm1.large',
      workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
      identitySecretName: 'team-cloud',
      cloudName: 'openstack',
    });
    expect(output.text[0].content).toBe(
      `Rendered into \`clusters/${MC}/${ns}/lake\`: Rendered 7 objects of cluster ${ns}/lake for ${MC}.`,
    );
    expect(await mc.client.get(CAPI, 'Cluster', ns, 'lake')).toBeUndefined();
  }, 60_000);
});

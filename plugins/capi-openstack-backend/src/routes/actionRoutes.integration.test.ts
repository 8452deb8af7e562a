/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startSimulator, Simulator } from '@internal/capi-simulator';
import {
  buildDemoFleet,
  classyClusterObjects,
  Clock,
  demoClusterClassObjects,
  plainClusterObjects,
} from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import request from 'supertest';
import { startCapiBackend } from '../__testUtils__/startCapiBackend';

const CAPI = 'cluster.x-k8s.io/v1beta2';
const KCP = 'controlplane.cluster.x-k8s.io/v1beta2';
const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta1';
const UPGRADE_ANNOTATION = 'capi-openstack.dev/upgrade-to';

/** The tooling's waitFor with this suite's defaults (30 s, every 150 ms). */
const waitUntil = <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000) =>
  waitFor(what, probe, { timeoutMs, intervalMs: 150 });

function machine(name: string, cluster: string, labels: Record<string, string>) {
  return {
    apiVersion: CAPI,
    kind: 'Machine',
    metadata: { name, namespace: '', labels: { 'cluster.x-k8s.io/cluster-name': cluster, ...labels } },
    spec: {
      clusterName: cluster,
      version: 'v1.34.2',
      bootstrap: { dataSecretName: 'none' },
      infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'OpenStackMachine', name },
    },
  };
}

/** A copy of the demo class without flavor and certificate variables. */
function bareClass(namespace: string, clock: Clock) {
  const keep = (name: string) => !/Flavor$|certificatesExpiryDays/.test(name);
  return demoClusterClassObjects(namespace, clock)
    .filter(o => o.manifest.kind === 'ClusterClass')
    .map(o => {
      const m: any = structuredClone(o.manifest);
      m.metadata.name = 'bare';
      m.spec.variables = m.spec.variables.filter((v: any) => keep(v.name));
      m.spec.patches = m.spec.patches.filter((p: any) => keep(p.name));
      return { manifest: m };
    });
}

interface AuditRecord {
  eventId: string;
  severityLevel?: string;
  hasRequest: boolean;
  meta: any;
  status: 'initiated' | 'succeeded' | 'failed';
  end?: any;
  error?: string;
}

/** Strips what every write changes, to compare the rest of an object. */
function stable(obj: any) {
  const copy = structuredClone(obj);
  delete copy.metadata.resourceVersion;
  delete copy.metadata.generation;
  delete copy.metadata.managedFields;
  delete copy.status;
  return copy;
}

function setPath(obj: any, dotted: string, value: unknown) {
  const keys = dotted.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  if (value === undefined) delete o[keys[keys.length - 1]];
  else o[keys[keys.length - 1]] = structuredClone(value);
}

function getPath(obj: any, dotted: string) {
  return dotted.split('.').reduce((o, k) => o?.[k], obj);
}

// Every test makes a dozen requests through the backend to the API server.
jest.setTimeout(60_000);

describe('lifecycle actions (real API server)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  let simNs: string;
  let backend: Awaited<ReturnType<typeof startCapiBackend>>;
  let simulator: Simulator | undefined;
  const permissions = mockServices.permissions.mock();
  /** Permission names the mocked policy denies. */
  const denied = new Set<string>();
  const audit: AuditRecord[] = [];
  const inMagnum = (o: { manifest: any }) =>
    (o.manifest.kind === 'Namespace' ? o.manifest.metadata.name : o.manifest.metadata.namespace) === 'magnum-system';
  const magnumFleet = buildDemoFleet({ now: new Date('2026-09-01T10:10:00Z') }).filter(inMagnum);
  const magnumCluster = magnumFleet.find(o => o.manifest.kind === 'Cluster')!.manifest;

  const auditor = createServiceFactory({
    service: coreServices.auditor,
    deps: {},
    factory: () => ({
      async createEvent(options) {
        const record: AuditRecord = {
          eventId: options.eventId,
          severityLevel: options.severityLevel,
          hasRequest: !!options.request,
          meta: structuredClone(options.meta),
          status: 'initiated',
        };
        audit.push(record);
        return {
          async success(o) {
            record.status = 'succeeded';
            record.end = o?.meta;
          },
          async fail(o) {
            record.status = 'failed';
            record.end = o.meta;
            record.error = o.error.message;
          },
        };
      },
    }),
  });

  const api = (cluster: string, p = '', namespace = ns) =>
    `/api/capi-openstack/clusters/local/${namespace}/${cluster}${p ? `/${p}` : ''}`;
  const get = (apiVersion: string, kind: string, name: string, namespace = ns) =>
    mc.client.get<any>(apiVersion, kind, namespace, name);

  beforeAll(async () => {
    ns = await mc.createNamespace('actions');
    simNs = await mc.createNamespace('actions-sim');
    const clock = new Clock(new Date());
    const kubeconfigSecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'p1-kubeconfig', namespace: ns },
      type: 'cluster.x-k8s.io/secret',
      data: { value: Buffer.from('apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    token: SECRET-TOKEN-123\n').toString('base64') },
    };
    const inNs = <T extends { metadata: { namespace?: string } }>(o: T) => ({ ...o, metadata: { ...o.metadata, namespace: ns } });
    await mc.apply([
      ...magnumFleet,
      ...demoClusterClassObjects(ns, clock),
      ...plainClusterObjects({ name: 'p1', namespace: ns, controlPlaneReplicas: 3, workerReplicas: 2 }),
      ...plainClusterObjects({ name: 'p2', namespace: ns }),
      ...classyClusterObjects({ name: 'k1', namespace: ns, version: 'v1.33.5', workers: [{ name: 'md-0', replicas: 2 }] }),
      ...classyClusterObjects({ name: 'w1', namespace: ns, version: 'v1.33.5', workers: [{ name: 'md-0', replicas: 2 }] }),
      ...bareClass(ns, clock),
      ...classyClusterObjects({ name: 'k2', namespace: ns }).map(o => {
        if (o.manifest.kind !== 'Cluster') return o;
        const m: any = structuredClone(o.manifest);
        m.spec.topology.classRef.name = 'bare';
        m.spec.topology.variables = m.spec.topology.variables.filter((v: any) => !/Flavor$/.test(v.name));
        return { manifest: m };
      }),
      kubeconfigSecret,
      // Machines older than any restart (no controllers run in this namespace).
      inNs(machine('p2-cp-old', 'p2', { 'cluster.x-k8s.io/control-plane': '' })),
      inNs(machine('p1-md-0-old', 'p1', { 'cluster.x-k8s.io/deployment-name': 'p1-md-0' })),
      {
        apiVersion: CAPI,
        kind: 'Machine',
        metadata: {
          name: 'p1-cp-old',
          namespace: ns,
          labels: { 'cluster.x-k8s.io/cluster-name': 'p1', 'cluster.x-k8s.io/control-plane': '' },
        },
        spec: {
          clusterName: 'p1',
          version: 'v1.34.2',
          bootstrap: { dataSecretName: 'none' },
          infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'OpenStackMachine', name: 'p1-cp-old' },
        },
      },
    ]);
    // p2 is protected from deletion.
    await mc.client.request(
      'PATCH',
      `/apis/${CAPI}/namespaces/${ns}/clusters/p2`,
      { metadata: { annotations: { 'capi-openstack.dev/protected': 'true' } } },
      'application/merge-patch+json',
    );
    await mc.apply([
      ...plainClusterObjects({ name: 'up1', namespace: simNs, version: 'v1.33.5', controlPlaneReplicas: 1, workerReplicas: 1 }),
      ...plainClusterObjects({ name: 'up2', namespace: simNs, version: 'v1.33.5', controlPlaneReplicas: 1, workerReplicas: 1 }),
      ...plainClusterObjects({ name: 'rm1', namespace: simNs, controlPlaneReplicas: 1, workerReplicas: 2 }),
      ...plainClusterObjects({ name: 'hb1', namespace: simNs, controlPlaneReplicas: 1, workerReplicas: 2 }),
    ]);
    simulator = await startSimulator({ kubeconfig: mc.kubeconfig('admin'), timeScale: 300, namespaces: [simNs], log: () => {} });

    const kubeconfigPath = mc.kubeconfigFile();
    permissions.authorizeConditional.mockImplementation(async (requests: any[]) =>
      requests.map(r => ({ result: denied.has(r.permission.name) ? AuthorizeResult.DENY : AuthorizeResult.ALLOW })) as any,
    );
    backend = await startCapiBackend(
      {
        managementClusters: [
          { name: 'local', kubeconfig: { path: kubeconfigPath }, namespaces: [ns, simNs, 'magnum-system'] },
        ],
        flavors: ['m1.small', 'm1.medium', 'm1.large', 'm1.xlarge'],
        kubernetesVersions: [
          { version: 'v1.33.5', image: 'ubuntu-2404-kube-v1.33.5' },
          { version: 'v1.34.2', image: 'ubuntu-2404-kube-v1.34.2' },
          { version: 'v1.35.0', image: 'ubuntu-2404-kube-v1.35.0' },
        ],
        actions: { maxPoolReplicas: 10, upgradeResyncSeconds: 1 },
      },
      permissions.factory,
      auditor,
      // The default mock user is a catalog user (operations that wait for a window need one).
      catalogServiceMock.factory({
        entities: [{ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'mock', namespace: 'default' }, spec: {} }],
      }),
    );
    await waitUntil('the clusters in the cache', async () => {
      const res = await request(backend.server).get(`/api/capi-openstack/clusters?namespace=${ns}&namespace=${simNs}&namespace=magnum-system`);
      const synced = res.body.managementClusters?.every((m: any) => m.state === 'synced');
      return (synced && res.body.totalCount === 9 + magnumFleet.filter(o => o.manifest.kind === 'Cluster').length) || undefined;
    });
  }, 180_000);

  afterAll(async () => {
    await simulator?.stop();
    await backend?.stop();
  }, 60_000);

  beforeEach(() => {
    denied.clear();
    audit.length = 0;
  });

  const kcpObject = (name: string) => ({ apiVersion: KCP, kind: 'KubeadmControlPlane', name });
  const poolObject = (name: string) => ({ apiVersion: CAPI, kind: 'MachineDeployment', name });
  const clusterObject = (name: string) => ({ apiVersion: CAPI, kind: 'Cluster', name });
  const TIMESTAMP = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);

  interface Case {
    action: string;
    method?: 'post' | 'delete';
    path: string;
    cluster: string;
    /** The object the action writes (whose resourceVersion the caller sends). */
    object: { apiVersion: string; kind: string; name: string };
    body: Record<string, unknown>;
    permission: string;
    /** Fields expected to change, with their new values. */
    fields: Record<string, unknown>;
    bad: { body: Record<string, unknown>; status: number; message: RegExp };
    /** Reads more state after the happy path (e.g. a created template), compared with `verified`. */
    verify?: (after: any) => Promise<unknown>;
    verified?: unknown;
  }

  const cases: Case[] = [
    {
      action: 'scale-control-plane', path: 'control-plane/scale',
      cluster: 'p1', object: kcpObject('p1-control-plane'),
      body: { replicas: 5 }, permission: 'capi-openstack.cluster.scale',
      fields: { 'spec.replicas': 5 },
      bad: { body: { replicas: 4 }, status: 422, message: /replicas must be odd.*etcd/ },
    },
    {
      action: 'scale-pool', path: 'pools/p1-md-0/scale',
      cluster: 'p1', object: poolObject('p1-md-0'),
      body: { replicas: 4 }, permission: 'capi-openstack.cluster.scale',
      fields: { 'spec.replicas': 4 },
      bad: { body: { replicas: 11 }, status: 422, message: /replicas must be a whole number from 0 to 10/ },
    },
    {
      action: 'scale-pool (ClusterClass)', path: 'pools/md-0/scale',
      cluster: 'k1', object: clusterObject('k1'),
      body: { replicas: 3 }, permission: 'capi-openstack.cluster.scale',
      fields: { 'spec.topology.workers.machineDeployments': [{ class: 'default-worker', name: 'md-0', replicas: 3 }] },
      bad: { body: { replicas: 'three' }, status: 400, message: /replicas must be a number/ },
    },
    {
      action: 'scale-control-plane (ClusterClass)', path: 'control-plane/scale',
      cluster: 'k1', object: clusterObject('k1'),
      body: { replicas: 1 }, permission: 'capi-openstack.cluster.scale',
      fields: { 'spec.topology.controlPlane.replicas': 1 },
      bad: { body: { replicas: 0 }, status: 422, message: /replicas must be an odd number ≥ 1/ },
    },
    {
      action: 'set-autoscaler', path: 'pools/p2-md-0/autoscaler',
      cluster: 'p2', object: poolObject('p2-md-0'),
      body: { bounds: { min: 1, max: 6 } }, permission: 'capi-openstack.cluster.update',
      fields: {
        'metadata.annotations': expect.objectContaining({
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '6',
        }),
      },
      bad: { body: { bounds: { min: 4, max: 2 } }, status: 422, message: /bounds.min \(4\) must not be greater than bounds.max/ },
    },
    {
      action: 'set-control-plane-flavor', path: 'control-plane/flavor',
      cluster: 'p2', object: kcpObject('p2-control-plane'),
      body: { flavor: 'm1.xlarge' }, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.machineTemplate.spec.infrastructureRef.name': expect.stringMatching(/^p2-control-plane-[0-9a-f]{8}$/) },
      bad: { body: { flavor: 'gpu.huge' }, status: 422, message: /flavor "gpu.huge" is not allowed/ },
      async verify(after) {
        const t = await get(INFRA, 'OpenStackMachineTemplate', after.spec.machineTemplate.spec.infrastructureRef.name);
        const old = await get(INFRA, 'OpenStackMachineTemplate', 'p2-control-plane');
        return {
          flavor: t.spec.template.spec.flavor,
          image: t.spec.template.spec.image,
          owner: `${t.metadata.ownerReferences[0].kind}/${t.metadata.ownerReferences[0].name}`,
          oldFlavor: old.spec.template.spec.flavor,
        };
      },
      verified: { flavor: 'm1.xlarge', image: { filter: { name: 'ubuntu-2404-kube-v1.34.2' } }, owner: 'Cluster/p2', oldFlavor: 'm1.large' },
    },
    {
      action: 'set-pool-flavor (ClusterClass)', path: 'pools/md-0/flavor',
      cluster: 'k1', object: clusterObject('k1'),
      body: { flavor: 'm1.large' }, permission: 'capi-openstack.cluster.update',
      fields: {
        'spec.topology.workers.machineDeployments': [
          { class: 'default-worker', name: 'md-0', replicas: 3, variables: { overrides: [{ name: 'workerFlavor', value: 'm1.large' }] } },
        ],
      },
      bad: { body: { flavor: 42 }, status: 400, message: /flavor must be a string/ },
    },
    {
      action: 'set-autoscaler (ClusterClass)', path: 'pools/md-0/autoscaler',
      cluster: 'k1', object: clusterObject('k1'),
      body: { bounds: { min: 1, max: 5 } }, permission: 'capi-openstack.cluster.update',
      fields: {
        'spec.topology.workers.machineDeployments': [
          {
            class: 'default-worker',
            name: 'md-0',
            variables: { overrides: [{ name: 'workerFlavor', value: 'm1.large' }] },
            metadata: {
              annotations: {
                'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
                'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
              },
            },
          },
        ],
      },
      bad: { body: { bounds: { min: 1 } }, status: 400, message: /max must be a number/ },
    },
    {
      action: 'set-control-plane-flavor (ClusterClass)', path: 'control-plane/flavor',
      cluster: 'k1', object: clusterObject('k1'),
      body: { flavor: 'm1.xlarge' }, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.topology.variables': expect.arrayContaining([{ name: 'controlPlaneFlavor', value: 'm1.xlarge' }]) },
      bad: { body: { flavor: 'm1 xlarge' }, status: 422, message: /flavor must be a Nova flavor name without spaces/ },
    },
    {
      action: 'set-certificate-rotation (ClusterClass)', path: 'control-plane/certificate-rotation',
      cluster: 'k1', object: clusterObject('k1'),
      body: { certificatesExpiryDays: 30 }, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.topology.variables': expect.arrayContaining([{ name: 'certificatesExpiryDays', value: 30 }]) },
      bad: { body: { certificatesExpiryDays: '30' }, status: 400, message: /certificatesExpiryDays must be a number/ },
    },
    {
      action: 'set-pool-flavor', path: 'pools/p2-md-0/flavor',
      cluster: 'p2', object: poolObject('p2-md-0'),
      body: { flavor: 'm1.small' }, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.template.spec.infrastructureRef.name': expect.stringMatching(/^p2-md-0-[0-9a-f]{8}$/) },
      bad: { body: { flavor: 'm1.huge' }, status: 422, message: /flavor "m1.huge" is not allowed \(capiOpenstack.flavors/ },
    },
    {
      action: 'restart-pool', path: 'pools/p1-md-0/restart',
      cluster: 'p1', object: poolObject('p1-md-0'),
      body: {}, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.rollout': { after: TIMESTAMP } },
      bad: { body: { now: true }, status: 400, message: /unknown field now/ },
    },
    {
      action: 'restart-control-plane', path: 'control-plane/restart',
      cluster: 'p1', object: kcpObject('p1-control-plane'),
      body: {}, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.rollout': { after: TIMESTAMP } },
      bad: { body: { replicas: 3 }, status: 400, message: /unknown field replicas/ },
    },
    {
      action: 'set-certificate-rotation', path: 'control-plane/certificate-rotation',
      cluster: 'p2', object: kcpObject('p2-control-plane'),
      body: { certificatesExpiryDays: 21 }, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.rollout': { before: { certificatesExpiryDays: 21 } } },
      bad: { body: { certificatesExpiryDays: 3 }, status: 422, message: /certificatesExpiryDays must be a whole number ≥ 7/ },
    },
    {
      action: 'rotate-certificates', path: 'control-plane/rotate-certificates',
      cluster: 'p2', object: kcpObject('p2-control-plane'),
      body: {}, permission: 'capi-openstack.cluster.update',
      fields: { 'spec.rollout.after': TIMESTAMP },
      bad: { body: { days: 3 }, status: 400, message: /unknown field days/ },
    },
    {
      action: 'upgrade', path: 'upgrade',
      cluster: 'p2', object: kcpObject('p2-control-plane'),
      body: { version: 'v1.35.0' }, permission: 'capi-openstack.cluster.upgrade',
      fields: {
        'spec.version': 'v1.35.0',
        'spec.machineTemplate.spec.infrastructureRef.name': expect.stringMatching(/^p2-control-plane-[0-9a-f]{8}$/),
      },
      bad: { body: { version: 'latest' }, status: 422, message: /version must look like v1.34.2/ },
      async verify(after) {
        const t = await get(INFRA, 'OpenStackMachineTemplate', after.spec.machineTemplate.spec.infrastructureRef.name);
        const cluster = await get(CAPI, 'Cluster', 'p2');
        return { image: t.spec.template.spec.image, flavor: t.spec.template.spec.flavor, target: cluster.metadata.annotations[UPGRADE_ANNOTATION] };
      },
      verified: { image: { filter: { name: 'ubuntu-2404-kube-v1.35.0' } }, flavor: 'm1.xlarge', target: 'v1.35.0' },
    },
    {
      action: 'upgrade (ClusterClass)', path: 'upgrade',
      cluster: 'k1', object: clusterObject('k1'),
      body: { version: 'v1.34.2' }, permission: 'capi-openstack.cluster.upgrade',
      fields: { 'spec.topology.version': 'v1.34.2' },
      bad: { body: { version: 'v1.36.0' }, status: 422, message: /v1.36.0 is not an allowed upgrade target for v1.34.2 \(one minor step at a time/ },
    },
    {
      action: 'pause', path: 'pause',
      cluster: 'p2', object: clusterObject('p2'),
      body: {}, permission: 'capi-openstack.cluster.pause',
      fields: { 'spec.paused': true },
      bad: { body: { paused: true }, status: 400, message: /unknown field paused/ },
    },
    {
      action: 'resume', path: 'resume',
      cluster: 'p2', object: clusterObject('p2'),
      body: {}, permission: 'capi-openstack.cluster.pause',
      fields: { 'spec.paused': false },
      bad: { body: [] as any, status: 400, message: /body must be a JSON object/ },
    },
  ];

  const send = (c: Case, body: unknown, query = '') => {
    const url = `${api(c.cluster, c.path)}${query}`;
    return (c.method === 'delete' ? request(backend.server).delete(url) : request(backend.server).post(url)).send(body as any);
  };

  it.each(cases.map(c => [c.action, c] as const))('%s: 403, dry run, 409, happy path, repeat, bad input, audit', async (_name, c) => {
    const before = await get(c.object.apiVersion, c.object.kind, c.object.name);
    const rv = before.metadata.resourceVersion;

    // Denied: 403 and no write.
    denied.add(c.permission);
    const forbidden = await send(c, { ...c.body, resourceVersion: rv });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain(c.permission);
    denied.clear();
    expect((await get(c.object.apiVersion, c.object.kind, c.object.name)).metadata.resourceVersion).toBe(rv);

    // Dry run: validated by the API server, nothing changed.
    const dry = await send(c, { ...c.body, resourceVersion: rv }, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, changed: true });
    expect(dry.body.changes.length).toBeGreaterThan(0);
    expect((await get(c.object.apiVersion, c.object.kind, c.object.name)).metadata.resourceVersion).toBe(rv);

    // Stale resourceVersion: 409, nothing changed.
    const stale = await send(c, { ...c.body, resourceVersion: '1' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed since you loaded it/);
    expect((await get(c.object.apiVersion, c.object.kind, c.object.name)).metadata.resourceVersion).toBe(rv);

    // Happy path: exactly the expected fields change.
    const ok = await send(c, { ...c.body, resourceVersion: rv });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ changed: true, dryRun: false, target: { kind: c.object.kind, name: c.object.name } });
    const after = await get(c.object.apiVersion, c.object.kind, c.object.name);
    expect(ok.body.target.resourceVersion).toBe(after.metadata.resourceVersion);
    for (const [field, value] of Object.entries(c.fields)) expect(getPath(after, field)).toEqual(value);
    const rest = stable(after);
    for (const field of Object.keys(c.fields)) setPath(rest, field, getPath(before, field));
    expect(rest).toEqual(stable(before));
    expect(await c.verify?.(after)).toEqual(c.verified);

    // Repeat (whatever resourceVersion): success, nothing changed.
    const again = await send(c, { ...c.body, resourceVersion: '1' });
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    expect((await get(c.object.apiVersion, c.object.kind, c.object.name)).metadata.resourceVersion).toBe(after.metadata.resourceVersion);

    // Bad input: named field, nothing changed.
    const bad = await send(c, c.bad.body);
    expect(bad.status).toBe(c.bad.status);
    expect(bad.body.error.message).toMatch(c.bad.message);
    expect((await get(c.object.apiVersion, c.object.kind, c.object.name)).metadata.resourceVersion).toBe(after.metadata.resourceVersion);

    // Exactly one audit event per request, with its outcome.
    expect(audit.map(a => [a.status, a.end?.outcome])).toEqual([
      ['failed', 'denied'],
      ['succeeded', 'dry-run'],
      ['failed', 'failed'],
      ['succeeded', 'changed'],
      ['succeeded', 'unchanged'],
      ['failed', 'failed'],
    ]);
    for (const a of audit) {
      expect(a).toMatchObject({ eventId: 'cluster-action', severityLevel: 'medium', hasRequest: true });
      expect(a.meta).toMatchObject({ action: c.action.split(' ')[0], cluster: { managementCluster: 'local', namespace: ns, name: c.cluster } });
    }
    expect(audit[3].end.changes.length).toBeGreaterThan(0);
  });

  it('two concurrent scale requests with the same resourceVersion: one wins, the other gets 409', async () => {
    const kcp = await get(KCP, 'KubeadmControlPlane', 'p1-control-plane');
    const rv = kcp.metadata.resourceVersion;
    const target = kcp.spec.replicas === 1 ? [3, 7] : [1, 7];
    const answers = await Promise.all(
      target.map(replicas => request(backend.server).post(api('p1', 'control-plane/scale')).send({ replicas, resourceVersion: rv })),
    );
    expect(answers.map(a => a.status).sort()).toEqual([200, 409]);
    const winner = target[answers.findIndex(a => a.status === 200)];
    expect((await get(KCP, 'KubeadmControlPlane', 'p1-control-plane')).spec.replicas).toBe(winner);
    expect(answers.find(a => a.status === 409)!.body.error.message).toMatch(/changed since you loaded it/);
  });

  it('refuses pool scaling under autoscaler bounds, pointing to the bounds; clearing them fixes the size', async () => {
    const res = await request(backend.server).post(api('p2', 'pools/p2-md-0/scale')).send({ replicas: 3 });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/autoscaler.*min 1, max 6/);
    const cleared = await request(backend.server).post(api('p2', 'pools/p2-md-0/autoscaler')).send({ bounds: null });
    expect(cleared.status).toBe(200);
    const md = await get(CAPI, 'MachineDeployment', 'p2-md-0');
    expect(md.metadata.annotations?.['cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size']).toBeUndefined();
    expect(md.spec.replicas).toBe(2);
  });

  it('answers 404 for unknown clusters and pools, 400 for names that are not DNS-1123', async () => {
    const unknown = await request(backend.server).post(api('nope', 'control-plane/scale')).send({ replicas: 3 });
    expect(unknown.status).toBe(404);
    const pool = await request(backend.server).post(api('p1', 'pools/nope/scale')).send({ replicas: 3 });
    expect(pool.status).toBe(404);
    expect(pool.body.error.message).toMatch(/pool "nope" not found/);
    const badName = await request(backend.server).post(api('p1', 'pools/Bad_Name/scale')).send({ replicas: 3 });
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(/pool "Bad_Name" must be a DNS-1123 name/);
    const badDry = await request(backend.server).post(`${api('p1', 'control-plane/scale')}?dryRun=maybe`).send({ replicas: 3 });
    expect(badDry.status).toBe(400);
    const notJson = await request(backend.server)
      .post(api('p1', 'control-plane/scale'))
      .set('Content-Type', 'application/json')
      .send('{"replicas": 3');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe('the request body is not valid JSON');
    expect(audit).toHaveLength(5);
    expect(audit.every(a => a.status === 'failed')).toBe(true);
  });

  it('refuses a ClusterClass without the flavor variable with 422 naming it', async () => {
    const res = await request(backend.server).post(api('k2', 'control-plane/flavor')).send({ flavor: 'm1.small' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/ClusterClass bare has no variable "controlPlaneFlavor"/);
    const days = await request(backend.server).post(api('k2', 'control-plane/certificate-rotation')).send({ certificatesExpiryDays: 30 });
    expect(days.status).toBe(422);
    expect(days.body.error.message).toMatch(/no variable "certificatesExpiryDays"/);
  });

  it('refuses writes to Magnum clusters', async () => {
    const res = await request(backend.server)
      .post(api(magnumCluster.metadata.name, 'pause', 'magnum-system'))
      .send({});
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/managed through OpenStack Magnum/);
    const after = await get(CAPI, 'Cluster', magnumCluster.metadata.name, 'magnum-system');
    expect(after.spec.paused).not.toBe(true);
    expect(audit).toHaveLength(1);
  });

  it('delete: repeats the name, respects the protection annotation, audited at high severity', async () => {
    const wrong = await request(backend.server).delete(api('p1')).send({ confirmName: 'p2' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/confirmName must repeat the cluster's name "p1"/);
    const protectedOne = await request(backend.server).delete(api('p2')).send({ confirmName: 'p2' });
    expect(protectedOne.status).toBe(422);
    expect(protectedOne.body.error.message).toMatch(/capi-openstack.dev\/protected/);
    denied.add('capi-openstack.cluster.delete');
    expect((await request(backend.server).delete(api('p1')).send({ confirmName: 'p1' })).status).toBe(403);
    denied.clear();
    const cluster = await get(CAPI, 'Cluster', 'p1');
    expect((await request(backend.server).delete(api('p1')).send({ confirmName: 'p1', resourceVersion: '1' })).status).toBe(409);
    const dry = await request(backend.server).delete(`${api('p1')}?dryRun=true`).send({ confirmName: 'p1' });
    expect(dry.body).toMatchObject({ dryRun: true, changed: true });
    expect(await get(CAPI, 'Cluster', 'p1')).toBeTruthy();
    const ok = await request(backend.server).delete(api('p1')).send({ confirmName: 'p1', resourceVersion: cluster.metadata.resourceVersion });
    expect([ok.status, ok.body.error?.message]).toEqual([200, undefined]);
    expect(ok.body.changes).toEqual([{ kind: 'Cluster', name: 'p1', field: '(deleted)' }]);
    const gone = await get(CAPI, 'Cluster', 'p1');
    expect(gone === undefined || !!gone.metadata.deletionTimestamp).toBe(true);
    expect(await get(CAPI, 'Cluster', 'p2')).toBeTruthy();
    expect(audit.map(a => [a.severityLevel, a.status])).toEqual([
      ['high', 'failed'],
      ['high', 'failed'],
      ['high', 'failed'],
      ['high', 'failed'],
      ['high', 'succeeded'],
      ['high', 'succeeded'],
    ]);
  });

  it('kubeconfig: only with its permission, audited without the secret, never cached', async () => {
    denied.add('capi-openstack.cluster.kubeconfig');
    const forbidden = await request(backend.server).get(api('p2', 'kubeconfig'));
    expect(forbidden.status).toBe(403);
    denied.clear();
    // p2 has no Secret yet.
    const missing = await request(backend.server).get(api('p2', 'kubeconfig'));
    expect(missing.status).toBe(404);
    await mc.client.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'p2-kubeconfig', namespace: ns },
      data: { value: Buffer.from('token: SECRET-TOKEN-456\n').toString('base64') },
    } as any);
    const res = await request(backend.server).get(api('p2', 'kubeconfig'));
    expect(res.status).toBe(200);
    expect(res.body.kubeconfig).toBe('token: SECRET-TOKEN-456\n');
    expect(res.headers['cache-control']).toBe('no-store');
    const download = await request(backend.server).get(`${api('p2', 'kubeconfig')}?download=true`);
    expect(download.headers['content-disposition']).toBe('attachment; filename="p2.kubeconfig"');
    expect(download.text).toBe('token: SECRET-TOKEN-456\n');
    expect(audit.map(a => [a.eventId, a.severityLevel, a.status])).toEqual([
      ['kubeconfig-read', 'high', 'failed'],
      ['kubeconfig-read', 'high', 'failed'],
      ['kubeconfig-read', 'high', 'succeeded'],
      ['kubeconfig-read', 'high', 'succeeded'],
    ]);
    expect(JSON.stringify(audit)).not.toContain('SECRET-TOKEN');
    expect(JSON.stringify(missing.body)).not.toContain('SECRET-TOKEN');
  });

  it('replaces a machine: dry run, permission, one audit event, repeat; its MachineSet makes a new one (simulated controllers)', async () => {
    const machinesOf = async () =>
      (await mc.client.list<any>(CAPI, 'Machine', simNs, 'cluster.x-k8s.io/cluster-name=rm1')).filter(m => !m.metadata.deletionTimestamp);
    const running = (ms: any[]) => ms.filter(m => m.status?.phase === 'Running');
    const isWorker = (m: any) => m.metadata.labels?.['cluster.x-k8s.io/control-plane'] === undefined;
    const before = await waitUntil('rm1 machines running', async () => {
      const ms = await machinesOf();
      return (running(ms).length === 3 && ms) || undefined;
    }, 90_000);
    const worker = before.find(isWorker)!.metadata.name;
    const cp = before.find(m => !isWorker(m))!.metadata.name;
    const replace = (name: string, query = '', cluster = 'rm1') =>
      request(backend.server).post(api(cluster, `machines/${name}/replace${query}`, simNs)).send({});

    const dry = await replace(worker, '?dryRun=true');
    expect([dry.status, dry.body.changed, dry.body.changes]).toEqual([200, true, [{ kind: 'Machine', name: worker, field: '(deleted)' }]]);
    expect(dry.body.message).toMatch(/^Dry run \(nothing changed\): replacing Machine/);
    expect((await machinesOf()).map(m => m.metadata.name)).toContain(worker);

    denied.add('capi-openstack.cluster.machine.replace');
    const forbidden = await replace(worker);
    expect(forbidden.status).toBe(403);
    denied.clear();
    expect((await machinesOf()).map(m => m.metadata.name)).toContain(worker);

    audit.length = 0;
    const done = await replace(worker);
    expect([done.status, done.body.changed]).toEqual([200, true]);
    expect(done.body.message).toContain(`Replacing Machine ${worker}`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      eventId: 'cluster-action',
      status: 'succeeded',
      meta: { action: 'replace-machine' },
      end: { parameters: { machine: worker }, outcome: 'changed' },
    });
    // Repeating it while the machine is deleted changes nothing; once it is gone, 404.
    const again = await replace(worker);
    const repeated = again.status === 200 ? [200, again.body.changed] : [again.status, again.body.error?.message];
    expect([[200, false], [404, `Machine ${worker} not found in Cluster rm1`]]).toContainEqual(repeated);

    const after = await waitUntil('a new worker machine running', async () => {
      const ms = running(await machinesOf()).filter(isWorker);
      return (ms.length === 2 && !ms.some(m => m.metadata.name === worker) && ms) || undefined;
    }, 90_000);
    expect(after.map(m => m.metadata.name)).not.toContain(worker);

    const only = await replace(cp);
    expect([only.status, only.body.error.message]).toEqual([
      422,
      `machine: ${cp} is the only control plane machine: deleting it would take down etcd and the API server; scale the control plane to 3 first`,
    ]);
    expect((await replace('no-such-machine')).status).toBe(404);
    expect((await replace('Not_A_Name')).status).toBe(400);
    // A machine of another cluster is not found through this one.
    const up1Machine = (await mc.client.list<any>(CAPI, 'Machine', simNs, 'cluster.x-k8s.io/cluster-name=up1'))[0].metadata.name;
    expect((await replace(up1Machine)).status).toBe(404);
  }, 240_000);

  it('hibernates a cluster (workers to 0, the record kept) and wakes it back (simulated controllers)', async () => {
    const workersOf = async () =>
      (await mc.client.list<any>(CAPI, 'Machine', simNs, 'cluster.x-k8s.io/cluster-name=hb1')).filter(
        m => m.metadata.labels?.['cluster.x-k8s.io/control-plane'] === undefined && !m.metadata.deletionTimestamp,
      );
    await waitUntil('hb1 workers running', async () => (await workersOf()).filter(m => m.status?.phase === 'Running').length === 2, 90_000);
    /** Posts with the Cluster's current resourceVersion; the simulator writes status, so retry on 409 as a user would. */
    const post = async (path: string, query = '') => {
      let res: request.Response | undefined;
      for (let attempt = 0; attempt < 5; attempt++) {
        const cluster = await get(CAPI, 'Cluster', 'hb1', simNs);
        res = await request(backend.server).post(api('hb1', `${path}${query}`, simNs)).send({ resourceVersion: cluster.metadata.resourceVersion });
        if (res.status !== 409) break;
      }
      return res!;
    };

    const dry = await post('hibernate', '?dryRun=true');
    expect([dry.status, dry.body.changes.map((c: any) => `${c.kind} ${c.field} ${c.to ?? ''}`.trim())]).toEqual([
      200,
      [expect.stringMatching(/^Cluster metadata.annotations\[capi-openstack.dev\/hibernated\] \{"at":/), 'MachineDeployment spec.replicas 0'],
    ]);
    expect((await get(CAPI, 'MachineDeployment', 'hb1-md-0', simNs)).spec.replicas).toBe(2);

    audit.length = 0;
    const slept = await post('hibernate');
    expect([slept.status, slept.body.message]).toEqual([
      200,
      'Hibernated Cluster hb1: 1 worker pool scaled to 0 (2 machines removed); the control plane keeps running. Wake restores them.',
    ]);
    expect(audit.filter(a => a.meta.action === 'hibernate').map(a => a.end.outcome)).toEqual(['changed']);
    expect((await get(CAPI, 'MachineDeployment', 'hb1-md-0', simNs)).spec.replicas).toBe(0);
    const record = JSON.parse((await get(CAPI, 'Cluster', 'hb1', simNs)).metadata.annotations['capi-openstack.dev/hibernated']);
    expect(record.pools).toEqual([{ name: 'hb1-md-0', replicas: 2 }]);
    await waitUntil('hb1 workers gone', async () => (await workersOf()).length === 0, 90_000);
    const asleep = await waitUntil('the backend to show hb1 hibernated and settled', async () => {
      const res = await request(backend.server).get(api('hb1', '', simNs));
      return res.body.summary?.hibernated && res.body.health.verdict === 'Healthy' && res.body;
    }, 60_000);
    expect(asleep.health.reasons.map((r: any) => r.reason)).toEqual(['Hibernated']);
    expect((await post('hibernate')).body.changed).toBe(false);

    const woke = await post('wake');
    expect([woke.status, woke.body.message]).toEqual([200, 'Woke Cluster hb1: pool hb1-md-0 back to 2.']);
    expect((await get(CAPI, 'Cluster', 'hb1', simNs)).metadata.annotations?.['capi-openstack.dev/hibernated']).toBeUndefined();
    await waitUntil('hb1 workers back', async () => (await workersOf()).filter(m => m.status?.phase === 'Running').length === 2, 90_000);
    expect((await post('wake')).body.changed).toBe(false);

    // The schedule: 422 naming the field, then set, shown with its next change, and removed.
    const schedule = async (value: unknown) => {
      const cluster = await get(CAPI, 'Cluster', 'hb1', simNs);
      return request(backend.server)
        .post(api('hb1', 'hibernation-schedule', simNs))
        .send({ schedule: value, resourceVersion: cluster.metadata.resourceVersion });
    };
    const office = { hibernate: '0 20 * * 1-5', wake: '0 7 * * 1-5', timeZone: 'Europe/Zurich' };
    const bad = await schedule({ ...office, hibernate: '0 25 * * *' });
    expect([bad.status, bad.body.error.message]).toEqual([
      422,
      'schedule.hibernate "0 25 * * *" is not a valid cron expression: Field value (25) is out of range',
    ]);
    expect((await schedule({ ...office, timeZone: 7 })).status).toBe(400);
    const set = await schedule(office);
    expect([set.status, set.body.changed]).toEqual([200, true]);
    const shown = await waitUntil('the summary to carry the schedule', async () => {
      const res = await request(backend.server).get(api('hb1', '', simNs));
      return res.body.summary?.hibernationSchedule?.next && res.body.summary.hibernationSchedule;
    });
    expect(shown).toMatchObject({ ...office, next: { action: expect.stringMatching(/^(hibernate|wake)$/), at: TIMESTAMP } });
    expect((await schedule(null)).body.changed).toBe(true);

    denied.add('capi-openstack.cluster.hibernate');
    expect((await post('hibernate')).status).toBe(403);
    expect((await schedule(office)).status).toBe(403);
    expect((await get(CAPI, 'Cluster', 'hb1', simNs)).metadata.annotations?.['capi-openstack.dev/hibernated']).toBeUndefined();
  }, 240_000);

  it('edits health checks: a plain MachineHealthCheck and the topology check of a ClusterClass control plane', async () => {
    await mc.apply([
      {
        apiVersion: CAPI,
        kind: 'MachineHealthCheck',
        metadata: { name: 'p2-md-0-mhc', namespace: ns, labels: { 'cluster.x-k8s.io/cluster-name': 'p2' } },
        spec: {
          clusterName: 'p2',
          selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': 'p2-md-0' } },
          checks: { nodeStartupTimeoutSeconds: 600, unhealthyNodeConditions: [{ type: 'Ready', status: 'Unknown', timeoutSeconds: 300 }] },
          remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
        },
      } as any,
    ]);
    const settings = {
      nodeStartupTimeoutSeconds: 900,
      unhealthyNodeConditions: [
        { type: 'Ready', status: 'False', timeoutSeconds: 600 },
        { type: 'Ready', status: 'Unknown', timeoutSeconds: 600 },
      ],
      maxUnhealthy: '',
      unhealthyRange: '[1-2]',
    };
    const mhc = () => get(CAPI, 'MachineHealthCheck', 'p2-md-0-mhc');
    const node = await waitUntil('the tree to show the health check with its target', async () => {
      const res = await request(backend.server).get(api('p2'));
      return res.body.tree?.machineHealthChecks?.find((h: any) => h.name === 'p2-md-0-mhc');
    });
    expect(node).toMatchObject({ target: 'p2-md-0-mhc', resourceVersion: (await mhc()).metadata.resourceVersion, maxUnhealthy: '40%' });
    const post = (target: string, body: unknown, query = '') =>
      request(backend.server).post(api('p2', `health-checks/${target}${query}`)).send(body as object);

    const missing = await post('p2-md-0-mhc', { ...settings, unhealthyNodeConditions: undefined });
    expect([missing.status, missing.body.error.message]).toEqual([400, 'unhealthyNodeConditions must be a list']);
    const bad = await post('p2-md-0-mhc', { ...settings, maxUnhealthy: '40%' });
    expect([bad.status, bad.body.error.message]).toEqual([422, 'maxUnhealthy and unhealthyRange: set one of them, not both']);
    expect((await post('nope', settings)).status).toBe(404);
    expect((await post('p2-md-0-mhc', settings, '?dryRun=true')).body.changed).toBe(true);
    expect((await mhc()).spec.checks.nodeStartupTimeoutSeconds).toBe(600);
    const stale = await post('p2-md-0-mhc', { ...settings, resourceVersion: '1' });
    expect(stale.status).toBe(409);

    audit.length = 0;
    const done = await post('p2-md-0-mhc', { ...settings, resourceVersion: (await mhc()).metadata.resourceVersion });
    expect([done.status, done.body.message]).toEqual([
      200,
      'MachineHealthCheck p2-md-0-mhc: Ready=False for 600s, Ready=Unknown for 600s; node startup 900s; remediation while [1-2] unhealthy.',
    ]);
    const written = await mhc();
    expect(written.spec.checks).toEqual({ nodeStartupTimeoutSeconds: 900, unhealthyNodeConditions: settings.unhealthyNodeConditions });
    expect(written.spec.remediation.triggerIf).toEqual({ unhealthyInRange: '[1-2]' });
    expect(audit.map(a => [a.meta.action, a.end?.outcome, a.end?.parameters?.healthCheck])).toEqual([['set-health-check', 'changed', 'p2-md-0-mhc']]);
    expect((await post('p2-md-0-mhc', settings)).body.changed).toBe(false);
    denied.add('capi-openstack.cluster.update');
    expect((await post('p2-md-0-mhc', { ...settings, unhealthyRange: '[1-3]' })).status).toBe(403);
    denied.delete('capi-openstack.cluster.update');
    expect((await mhc()).spec.remediation.triggerIf).toEqual({ unhealthyInRange: '[1-2]' });

    const cp = await request(backend.server).post(api('w1', 'health-checks/control-plane')).send({ ...settings, unhealthyRange: '', maxUnhealthy: '1' });
    expect([cp.status, cp.body.changed]).toEqual([200, true]);
    expect((await get(CAPI, 'Cluster', 'w1')).spec.topology.controlPlane.healthCheck).toEqual({
      checks: { nodeStartupTimeoutSeconds: 900, unhealthyNodeConditions: settings.unhealthyNodeConditions },
      remediation: { triggerIf: { unhealthyLessThanOrEqualTo: 1 } },
    });
  });

  it('schedules an upgrade into the maintenance window: checked now, kept pending, cancellable with its permission', async () => {
    const post = async (path: string, body: unknown, query = '') => {
      const cluster = await get(CAPI, 'Cluster', 'w1');
      return request(backend.server).post(api('w1', `${path}${query}`)).send({ ...(body as object), resourceVersion: cluster.metadata.resourceVersion });
    };
    const window = { days: ['sat', 'sun'], start: '02:00', end: '05:00', timeZone: 'Europe/Zurich' };
    const upgrade = { version: 'v1.34.2', when: 'window' };
    const none = await post('upgrade', upgrade);
    expect([none.status, none.body.error.message]).toEqual([422, 'when: Cluster w1 has no maintenance window; set one first, or run the change now']);
    expect((await post('pools/md-0/scale', { replicas: 3, when: 'window' })).body.error.message).toBe(
      'when: scale-pool cannot wait for a maintenance window (only upgrade, restart and flavor changes)',
    );
    const badTime = await post('maintenance-window', { window: { ...window, start: '2am' } });
    expect([badTime.status, badTime.body.error.message]).toEqual([422, 'window.start "2am" must be a time of day HH:MM']);
    expect((await post('maintenance-window', { window: { ...window, days: 'sat' } })).status).toBe(400);
    const set = await post('maintenance-window', { window });
    expect([set.status, set.body.changed]).toEqual([200, true]);

    // A user the catalog does not know: its permission could not be checked again at run time.
    const stranger = await request(backend.server)
      .post(api('w1', 'upgrade'))
      .set('authorization', mockCredentials.user.header('user:default/stranger'))
      .send(upgrade);
    expect([stranger.status, stranger.body.error.message]).toEqual([
      422,
      'when: user:default/stranger is not in the catalog, so the permission of a change that waits cannot be checked again when it runs; run it now',
    ]);

    audit.length = 0;
    const dry = await post('upgrade', upgrade, '?dryRun=true');
    expect([dry.status, dry.body.changed, dry.body.changes.map((c: any) => c.field)]).toEqual([
      200,
      true,
      ['metadata.annotations[capi-openstack.dev/pending-operations]'],
    ]);
    expect((await get(CAPI, 'Cluster', 'w1')).metadata.annotations['capi-openstack.dev/pending-operations']).toBeUndefined();
    const scheduled = await post('upgrade', upgrade);
    expect([scheduled.status, scheduled.body.message]).toEqual([
      200,
      expect.stringMatching(/^The upgrade to v1.34.2 of w1 waits for its maintenance window sat, sun 02:00–05:00 \(Europe\/Zurich\), next from \S+Z \(operation [a-z0-9]{8}\)\.$/),
    ]);
    const k1 = await get(CAPI, 'Cluster', 'w1');
    expect(k1.spec.topology.version).toBe('v1.33.5');
    expect(audit.filter(a => a.meta.action === 'upgrade').map(a => [a.end?.outcome, a.end?.parameters])).toEqual([
      ['dry-run', { version: 'v1.34.2', when: 'window' }],
      ['changed', { version: 'v1.34.2', when: 'window' }],
    ]);
    const pending = await waitUntil('the summary to show the pending upgrade', async () => {
      const res = await request(backend.server).get(api('w1'));
      return res.body.summary?.maintenance?.pending?.length === 1 && res.body.summary.maintenance;
    });
    expect(pending).toMatchObject({
      window,
      nextStart: TIMESTAMP,
      pending: [{ action: 'upgrade', fields: { version: 'v1.34.2' }, requestedBy: 'user:default/mock', requestedAt: TIMESTAMP }],
    });
    expect(JSON.stringify(pending)).not.toContain('decisions');
    const id = pending.pending[0].id;

    expect((await post('upgrade', upgrade)).body).toMatchObject({ changed: false, message: expect.stringMatching(/already waits/) });
    const other = await post('upgrade', { version: 'v1.33.5', when: 'window' });
    expect(other.body.changed).toBe(false); // already at v1.33.5: nothing to wait for
    const removeWindow = await post('maintenance-window', { window: null });
    expect([removeWindow.status, removeWindow.body.error.message]).toEqual([
      409,
      'Cluster w1 has 1 operation waiting for its maintenance window (upgrade to v1.34.2): cancel it first',
    ]);

    // Cancelling takes the permission of the operation's action.
    denied.add('capi-openstack.cluster.upgrade');
    const refused = await request(backend.server).delete(api('w1', `pending-operations/${id}`));
    expect(refused.status).toBe(403);
    denied.delete('capi-openstack.cluster.upgrade');
    expect((await request(backend.server).delete(api('w1', 'pending-operations/nope'))).status).toBe(404);
    expect((await request(backend.server).delete(api('w1', 'pending-operations/NOT_AN_ID'))).status).toBe(400);
    audit.length = 0;
    const cancelled = await request(backend.server).delete(api('w1', `pending-operations/${id}`));
    expect([cancelled.status, cancelled.body.message, cancelled.body.cancelled.id]).toEqual([
      200,
      `Cancelled the upgrade to v1.34.2 of w1 (operation ${id}).`,
      id,
    ]);
    expect(audit.map(a => [a.meta.action, a.end?.outcome, a.end?.cancelledAction])).toEqual([['cancel-pending-operation', 'changed', 'upgrade']]);
    expect((await get(CAPI, 'Cluster', 'w1')).metadata.annotations['capi-openstack.dev/pending-operations']).toBeUndefined();
    await waitUntil('the cache to see the cancel', async () => {
      const res = await request(backend.server).get(api('w1'));
      return res.body.summary?.maintenance?.pending?.length === 0 || undefined;
    });
    expect((await post('maintenance-window', { window: null })).body.changed).toBe(true);
  });

  it('upgrades a plain cluster: control plane first, then the pools, to every machine (simulated controllers)', async () => {
    const ready = () =>
      waitUntil(
        'up1 and up2 machines running',
        async () => {
          const machines = await mc.client.list<any>(CAPI, 'Machine', simNs);
          const ours = machines.filter(m => ['up1', 'up2'].includes(m.spec.clusterName));
          return ours.filter(m => m.status?.phase === 'Running').length === 4 || undefined;
        },
        90_000,
      );
    await ready();
    const upgrades = await request(backend.server).get(api('up1', 'upgrades', simNs));
    expect(upgrades.body).toMatchObject({
      current: 'v1.33.5',
      targets: [{ version: 'v1.34.2', image: 'ubuntu-2404-kube-v1.34.2', source: 'config' }],
    });
    const wrong = await request(backend.server).post(api('up1', 'upgrade', simNs)).send({ version: 'v1.35.0' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/one minor step at a time/);

    // The simulated controllers keep writing status: retry with a fresh resourceVersion on 409, as a user would.
    let res: request.Response | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const kcp = await get(KCP, 'KubeadmControlPlane', 'up1-control-plane', simNs);
      res = await request(backend.server)
        .post(api('up1', 'upgrade', simNs))
        .send({ version: 'v1.34.2', resourceVersion: kcp.metadata.resourceVersion });
      if (res.status !== 409) break;
    }
    expect([res!.status, res!.body.error?.message]).toEqual([200, undefined]);
    expect(res!.body.changes.map((c: any) => `${c.kind} ${c.field}`)).toEqual([
      `Cluster metadata.annotations[${UPGRADE_ANNOTATION}]`,
      'OpenStackMachineTemplate (created)',
      'KubeadmControlPlane spec.version',
      'KubeadmControlPlane spec.machineTemplate.spec.infrastructureRef.name',
    ]);
    const cp = await get(KCP, 'KubeadmControlPlane', 'up1-control-plane', simNs);
    expect(cp.spec.version).toBe('v1.34.2');
    const template = await get(INFRA, 'OpenStackMachineTemplate', cp.spec.machineTemplate.spec.infrastructureRef.name, simNs);
    expect(template.spec.template.spec.image).toEqual({ filter: { name: 'ubuntu-2404-kube-v1.34.2' } });
    expect(template.spec.template.spec.flavor).toBe('m1.large');

    // up2: as if a backend had crashed right after its first write; this one carries on.
    await mc.client.request(
      'PATCH',
      `/apis/${CAPI}/namespaces/${simNs}/clusters/up2`,
      { metadata: { annotations: { [UPGRADE_ANNOTATION]: 'v1.34.2' } } },
      'application/merge-patch+json',
    );

    const seen = { orderViolations: 0, phases: new Set<string>() };
    const finished = async (name: string) => {
      const pool = await get(CAPI, 'MachineDeployment', `${name}-md-0`, simNs);
      const machines = await mc.client.list<any>(CAPI, 'Machine', simNs, `cluster.x-k8s.io/cluster-name=${name}`);
      const live = machines.filter(m => !m.metadata.deletionTimestamp);
      const cluster = await get(CAPI, 'Cluster', name, simNs);
      // The pool moves only once the control plane runs the new version.
      if (pool.spec.template.spec.version === 'v1.34.2') {
        const cpMachines = live.filter(m => m.metadata.labels?.['cluster.x-k8s.io/control-plane'] !== undefined);
        seen.orderViolations += cpMachines.filter(m => m.spec.version !== 'v1.34.2').length;
      }
      const progress = await request(backend.server).get(api(name, 'upgrades', simNs));
      if (progress.body.inProgress) seen.phases.add(progress.body.inProgress.phase);
      return (
        live.length === 2 &&
        live.every(m => m.spec.version === 'v1.34.2' && m.status?.phase === 'Running') &&
        !cluster.metadata.annotations?.[UPGRADE_ANNOTATION]
      );
    };
    await Promise.all(
      ['up1', 'up2'].map(name => waitUntil(`${name}: every machine at v1.34.2, orchestration finished`, () => finished(name), 120_000)),
    );
    for (const name of ['up1', 'up2']) {
      const md = await get(CAPI, 'MachineDeployment', `${name}-md-0`, simNs);
      expect(md.spec.template.spec.version).toBe('v1.34.2');
      const mdTemplate = await get(INFRA, 'OpenStackMachineTemplate', md.spec.template.spec.infrastructureRef.name, simNs);
      expect(mdTemplate.spec.template.spec.image).toEqual({ filter: { name: 'ubuntu-2404-kube-v1.34.2' } });
    }
    expect(seen.orderViolations).toBe(0);
    // Progress was visible through the read API while it ran.
    expect([...seen.phases].some(p => p === 'control-plane' || p === 'workers')).toBe(true);
  }, 240_000);
});

describe('lifecycle actions: kubeconfig switched off', () => {
  it('answers 404 whatever the permissions', async () => {
    const backend = await startCapiBackend({ kubeconfig: { enabled: false } });
    try {
      const res = await request(backend.server).get('/api/capi-openstack/clusters/local/ns/c1/kubeconfig');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/turned off.*capiOpenstack.kubeconfig.enabled/);
    } finally {
      await backend.stop();
    }
  });
});

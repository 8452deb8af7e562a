/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// examples/rbac/management-cluster-rbac.yaml against a real API server (RBAC
// authorization, ServiceAccount tokens): the backend runs with a token of the
// manifest's ServiceAccount (TokenRequest API) and its reads, lifecycle
// actions, kubeconfig download and create work; a read-only binding syncs the
// cache and refuses the writes; requests outside the roles are refused.

import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeHttp, KubeObject, plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import yaml from 'js-yaml';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startCapiBackend } from '../__testUtils__/startCapiBackend';
import { WATCHED_KINDS } from './kinds';

const MANIFEST = path.resolve(__dirname, '../../../../examples/rbac/management-cluster-rbac.yaml');
const CAPI = 'cluster.x-k8s.io/v1beta2';
const KCP = 'controlplane.cluster.x-k8s.io/v1beta2';
const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta1';
const SA = 'capi-openstack-backend';

const waitUntil = <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000) =>
  waitFor(what, probe, { timeoutMs, intervalMs: 150 });

jest.setTimeout(60_000);

describe('management cluster RBAC manifest (real API server)', () => {
  // Declared before setupManagementCluster's hooks, so it runs while the API server is still up.
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  }, 60_000);
  const mc = setupManagementCluster('capi-v1.14');
  const suffix = Math.random().toString(36).slice(2, 7);
  const rename = (name: string) => `${name}-${suffix}`;
  let ns: string;
  let saNs: string;
  let backend: Awaited<ReturnType<typeof startCapiBackend>>;
  const tokens: Record<'full' | 'readonly' | 'none', string> = { full: '', readonly: '', none: '' };
  const clientOf = (token: string) => new KubeHttp(mc.url, token, mc.caPem);

  /** The manifest with its ServiceAccount in `saNs` and its cluster-scoped names made unique. */
  function manifestObjects(): KubeObject[] {
    const docs = yaml.loadAll(fs.readFileSync(MANIFEST, 'utf8')) as any[];
    return docs
      .filter(d => d && d.kind !== 'Namespace')
      .map(d => {
        if (d.kind === 'ServiceAccount') return { ...d, metadata: { ...d.metadata, namespace: saNs } };
        const o = { ...d, metadata: { ...d.metadata, name: rename(d.metadata.name) } };
        if (d.kind === 'ClusterRoleBinding') {
          o.roleRef = { ...d.roleRef, name: rename(d.roleRef.name) };
          o.subjects = d.subjects.map((s: any) => ({ ...s, namespace: saNs }));
        }
        return o;
      });
  }

  async function tokenOf(serviceAccount: string): Promise<string> {
    const res = await mc.client.request<any>(
      'POST',
      `/api/v1/namespaces/${saNs}/serviceaccounts/${serviceAccount}/token`,
      { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
    );
    return res.status.token;
  }

  /** Whether the API server allows `token` this request (SelfSubjectAccessReview). */
  async function allowed(
    token: string,
    attrs: { group: string; resource: string; verb: string; namespace?: string },
  ): Promise<boolean> {
    const client = clientOf(token);
    try {
      const review = await client.request<any>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attrs },
      });
      return review.status.allowed === true;
    } finally {
      client.close();
    }
  }

  const api = (mcName: string, cluster: string, p = '') =>
    `/api/capi-openstack/clusters/${mcName}/${ns}/${cluster}${p ? `/${p}` : ''}`;
  const get = (apiVersion: string, kind: string, name: string) => mc.client.get<any>(apiVersion, kind, ns, name);
  const managementCluster = async (name: string) =>
    (await request(backend.server).get('/api/capi-openstack/management-clusters')).body.items.find((m: any) => m.name === name);

  beforeAll(async () => {
    const clusterScoped: KubeObject[] = [];
    cleanups.push(async () => {
      await backend?.stop();
      for (const o of clusterScoped) await mc.client.delete(o.apiVersion, o.kind, undefined, o.metadata.name);
    });
    ns = await mc.createNamespace('rbac');
    saNs = await mc.createNamespace('rbac-sa');
    const objects = manifestObjects();
    for (const o of objects) {
      await mc.client.create(o);
      if (!o.metadata.namespace) clusterScoped.push(o);
    }
    // The read-only portal: the read binding only. And an account without any.
    for (const extra of ['readonly', 'none']) {
      await mc.client.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `${SA}-${extra}`, namespace: saNs } });
    }
    const readonly: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: rename(`${SA}-readonly`) },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: rename(`${SA}-read`) },
      subjects: [{ kind: 'ServiceAccount', name: `${SA}-readonly`, namespace: saNs }],
    } as KubeObject;
    await mc.client.create(readonly);
    clusterScoped.push(readonly);
    [tokens.full, tokens.readonly, tokens.none] = await Promise.all([
      tokenOf(SA),
      tokenOf(`${SA}-readonly`),
      tokenOf(`${SA}-none`),
    ]);
    // The authorizer sees new bindings through its informers, a moment later.
    await waitUntil('the bindings to take effect', async () =>
      (await allowed(tokens.full, { group: 'cluster.x-k8s.io', resource: 'clusters', verb: 'patch', namespace: ns })) &&
      allowed(tokens.readonly, { group: 'cluster.x-k8s.io', resource: 'clusters', verb: 'watch' }),
    );

    // An identity Secret without the label, admitted by an OpenStackClusterIdentity.
    const label = `rbac-test-${suffix}`;
    await mc.client.patch('v1', 'Namespace', undefined, ns, { metadata: { labels: { [label]: 'yes' } } });
    const identity = {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
      kind: 'OpenStackClusterIdentity',
      metadata: { name: rename('rbac-identity') },
      spec: { secretRef: { name: 'rbac-cloud', namespace: ns }, namespaceSelector: { matchLabels: { [label]: 'yes' } } },
    } as KubeObject;
    await mc.client.create(identity);
    clusterScoped.push(identity);
    await mc.apply([
      ...plainClusterObjects({ name: 'p1', namespace: ns, controlPlaneReplicas: 1, workerReplicas: 1 }),
      ...plainClusterObjects({ name: 'p2', namespace: ns, controlPlaneReplicas: 1 }),
      ...plainClusterObjects({ name: 'p3', namespace: ns }),
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'p1-kubeconfig', namespace: ns },
        data: { value: Buffer.from('kubeconfig of p1\n').toString('base64') },
      } as KubeObject,
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'rbac-cloud', namespace: ns },
        data: { 'clouds.yaml': Buffer.from('clouds: {}\n').toString('base64') },
      } as KubeObject,
    ]);

    const caData = Buffer.from(mc.caPem).toString('base64');
    const source = (token: string) => ({ url: mc.url, serviceAccountToken: token, caData });
    backend = await startCapiBackend(
      {
        managementClusters: [
          // Writes stay in this suite's namespace: the upgrade reconciler acts on what its cache holds.
          { name: 'full', ...source(tokens.full), namespaces: [ns] },
          // Cluster-wide LIST + WATCH of every kind; it cannot write anything.
          { name: 'readonly', ...source(tokens.readonly) },
          { name: 'none', ...source(tokens.none), namespaces: [ns] },
        ],
        flavors: ['m1.small', 'm1.medium', 'm1.large', 'm1.xlarge'],
        kubernetesVersions: [
          { version: 'v1.34.2', image: 'ubuntu-2404-kube-v1.34.2' },
          { version: 'v1.35.0', image: 'ubuntu-2404-kube-v1.35.0' },
        ],
      },
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    );
    await waitUntil('both caches synced with the clusters', async () => {
      const res = await request(backend.server).get(`/api/capi-openstack/clusters?namespace=${ns}`);
      const byName = new Map<string, any>((res.body.managementClusters ?? []).map((m: any) => [m.name, m]));
      return (
        byName.get('full')?.state === 'synced' &&
        byName.get('readonly')?.state === 'synced' &&
        res.body.items.filter((c: any) => c.namespace === ns).length === 6
      );
    });
  }, 180_000);

  it('syncs every watched kind with the read role, cluster-wide; without a binding nothing syncs', async () => {
    const kinds = WATCHED_KINDS.map(k => k.kind).sort();
    for (const name of ['full', 'readonly']) {
      const m = await managementCluster(name);
      expect([name, m.state, Object.keys(m.apiVersions).sort()]).toEqual([name, 'synced', kinds]);
    }
    const none = await waitUntil('the unbound account to fail', async () => {
      const m = await managementCluster('none');
      return m.state === 'error' ? m : undefined;
    });
    expect(none.message).toMatch(/403|forbidden/i);
    const detail = await request(backend.server).get(api('readonly', 'p1'));
    expect(detail.status).toBe(200);
    expect(detail.body.summary.name).toBe('p1');
  });

  it('refuses every write with the read-only binding and changes nothing', async () => {
    const kcp = await get(KCP, 'KubeadmControlPlane', 'p2-control-plane');
    const scale = await request(backend.server).post(api('readonly', 'p2', 'control-plane/scale')).send({ replicas: 3 });
    expect(scale.status).toBe(502);
    expect(scale.body.error.message).toMatch(/may not change KubeadmControlPlane p2-control-plane/);
    const pause = await request(backend.server).post(api('readonly', 'p2', 'pause')).send({});
    expect(pause.status).toBe(502);
    const kubeconfig = await request(backend.server).get(api('readonly', 'p1', 'kubeconfig'));
    expect(kubeconfig.status).toBe(502);
    expect(JSON.stringify(kubeconfig.body)).not.toContain('kubeconfig of p1');
    const after = await get(KCP, 'KubeadmControlPlane', 'p2-control-plane');
    expect(after.metadata.resourceVersion).toBe(kcp.metadata.resourceVersion);
    expect((await get(CAPI, 'Cluster', 'p2')).spec.paused).not.toBe(true);
  });

  it('runs lifecycle actions with the write role: patches, a created template, the upgrade annotation, delete', async () => {
    const md = await get(CAPI, 'MachineDeployment', 'p1-md-0');
    const scaled = await request(backend.server)
      .post(api('full', 'p1', 'pools/p1-md-0/scale'))
      .send({ replicas: 3, resourceVersion: md.metadata.resourceVersion });
    expect([scaled.status, scaled.body.error?.message]).toEqual([200, undefined]);
    expect((await get(CAPI, 'MachineDeployment', 'p1-md-0')).spec.replicas).toBe(3);

    const paused = await request(backend.server).post(api('full', 'p1', 'pause')).send({});
    expect([paused.status, paused.body.error?.message]).toEqual([200, undefined]);
    expect((await get(CAPI, 'Cluster', 'p1')).spec.paused).toBe(true);

    // Upgrade: a new OpenStackMachineTemplate (POST), the control plane and the Cluster's annotation (PATCH).
    const upgraded = await request(backend.server).post(api('full', 'p2', 'upgrade')).send({ version: 'v1.35.0' });
    expect([upgraded.status, upgraded.body.error?.message]).toEqual([200, undefined]);
    const kcp = await get(KCP, 'KubeadmControlPlane', 'p2-control-plane');
    expect(kcp.spec.version).toBe('v1.35.0');
    const template = await get(INFRA, 'OpenStackMachineTemplate', kcp.spec.machineTemplate.spec.infrastructureRef.name);
    expect(template.spec.template.spec.image).toEqual({ filter: { name: 'ubuntu-2404-kube-v1.35.0' } });
    expect((await get(CAPI, 'Cluster', 'p2')).metadata.annotations['capi-openstack.dev/upgrade-to']).toBe('v1.35.0');

    const deleted = await request(backend.server).delete(api('full', 'p3')).send({ confirmName: 'p3' });
    expect([deleted.status, deleted.body.error?.message]).toEqual([200, undefined]);
    const gone = await get(CAPI, 'Cluster', 'p3');
    expect(gone === undefined || !!gone.metadata.deletionTimestamp).toBe(true);
  });

  it('reads the kubeconfig Secret with the secrets role', async () => {
    const res = await request(backend.server).get(api('full', 'p1', 'kubeconfig'));
    expect([res.status, res.body.kubeconfig]).toEqual([200, 'kubeconfig of p1\n']);
  });

  it('creates a cluster with server-side apply (patch + create of six kinds), the identity checked through an OpenStackClusterIdentity', async () => {
    const body = {
      managementCluster: 'full',
      namespace: ns,
      name: 'new1',
      kubernetesVersion: 'v1.34.2',
      mode: 'manifests',
      controlPlane: { replicas: 1, flavor: 'm1.large' },
      workerPools: [{ name: 'md-0', replicas: 1, flavor: 'm1.medium' }],
      image: 'ubuntu-2404-kube-v1.34.2',
      identity: { secretName: 'rbac-cloud', cloudName: 'openstack' },
      owner: 'group:default/platform',
    };
    const res = await request(backend.server).post('/api/capi-openstack/clusters').send(body);
    expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
    expect(res.body.objects.map((o: any) => o.kind).sort()).toEqual([
      'Cluster',
      'KubeadmConfigTemplate',
      'KubeadmControlPlane',
      'MachineDeployment',
      'OpenStackCluster',
      'OpenStackMachineTemplate',
      'OpenStackMachineTemplate',
    ]);
    expect(await get(CAPI, 'Cluster', 'new1')).toBeTruthy();
    // The identity Secret, the namespace's labels and the identities were read: an unadmitted Secret is refused.
    const refused = await request(backend.server)
      .post('/api/capi-openstack/clusters')
      .send({ ...body, name: 'new2', identity: { secretName: 'p1-kubeconfig', cloudName: 'openstack' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/^identity.secretName: Secret p1-kubeconfig cannot be used/);
  });

  it('grants nothing beyond what the backend does', async () => {
    const outside = [
      // Secrets: by name only, never listed, watched or written.
      { group: '', resource: 'secrets', verb: 'list' },
      { group: '', resource: 'secrets', verb: 'watch' },
      { group: '', resource: 'secrets', verb: 'create' },
      { group: '', resource: 'secrets', verb: 'patch' },
      { group: '', resource: 'configmaps', verb: 'get' },
      { group: '', resource: 'pods', verb: 'list' },
      { group: '', resource: 'namespaces', verb: 'list' },
      { group: '', resource: 'namespaces', verb: 'patch' },
      // Merge patches and server-side apply only: no PUT.
      { group: 'cluster.x-k8s.io', resource: 'clusters', verb: 'update' },
      { group: 'cluster.x-k8s.io', resource: 'clusters', verb: 'deletecollection' },
      { group: 'cluster.x-k8s.io', resource: 'machinedeployments', verb: 'delete' },
      { group: 'cluster.x-k8s.io', resource: 'machines', verb: 'delete' },
      { group: 'cluster.x-k8s.io', resource: 'machines', verb: 'patch' },
      { group: 'cluster.x-k8s.io', resource: 'machinesets', verb: 'patch' },
      { group: 'cluster.x-k8s.io', resource: 'clusterclasses', verb: 'patch' },
      { group: 'cluster.x-k8s.io', resource: 'clusters/status', verb: 'patch' },
      { group: 'controlplane.cluster.x-k8s.io', resource: 'kubeadmcontrolplanes', verb: 'delete' },
      { group: 'infrastructure.cluster.x-k8s.io', resource: 'openstackclusters', verb: 'delete' },
      { group: 'infrastructure.cluster.x-k8s.io', resource: 'openstackmachines', verb: 'delete' },
      { group: 'infrastructure.cluster.x-k8s.io', resource: 'openstackclusteridentities', verb: 'create' },
      { group: 'bootstrap.cluster.x-k8s.io', resource: 'kubeadmconfigs', verb: 'get' },
      { group: 'addons.cluster.x-k8s.io', resource: 'clusterresourcesets', verb: 'list' },
      { group: 'events.k8s.io', resource: 'events', verb: 'create' },
      { group: '', resource: 'events', verb: 'list' },
      { group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings', verb: 'create' },
    ];
    const answers = await Promise.all(outside.map(a => allowed(tokens.full, { ...a, namespace: ns })));
    expect(outside.filter((_, i) => answers[i])).toEqual([]);
    // The read-only binding reads but neither writes nor reads Secrets.
    const readonly = [
      { group: 'cluster.x-k8s.io', resource: 'clusters', verb: 'list', allowed: true },
      { group: 'events.k8s.io', resource: 'events', verb: 'watch', allowed: true },
      { group: 'cluster.x-k8s.io', resource: 'clusters', verb: 'patch', allowed: false },
      { group: 'infrastructure.cluster.x-k8s.io', resource: 'openstackmachinetemplates', verb: 'create', allowed: false },
      { group: '', resource: 'secrets', verb: 'get', allowed: false },
    ];
    const ro = await Promise.all(readonly.map(({ allowed: _, ...a }) => allowed(tokens.readonly, { ...a, namespace: ns })));
    expect(ro).toEqual(readonly.map(a => a.allowed));
    // And the API server enforces it: a Secret write with the backend's token is 403.
    const client = clientOf(tokens.full);
    try {
      const error = await client
        .create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'not-allowed', namespace: ns } } as KubeObject)
        .catch(e => e);
      expect(error.statusCode).toBe(403);
    } finally {
      client.close();
    }
  });
});

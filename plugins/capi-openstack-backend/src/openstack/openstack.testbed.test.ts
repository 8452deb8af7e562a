/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The OpenStack client, the read endpoints and the preflight against real
// OpenStack services (the testbed: Keystone, Nova, Glance, Neutron, Octavia,
// Cinder from Debian packages) and a real API server. Each run gets its own
// project, user and application credential so that lowering a quota here
// cannot disturb other suites sharing the testbed.

import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import {
  authenticate,
  request as os,
  Session,
  setupOpenStackTestbed,
  sshPublicKey,
  TestbedHandle,
} from '@internal/openstack-testbed';
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { capiOpenstackPlugin } from '../plugin';
import { parseCloudsYaml } from './cloudsYaml';
import { EgressPolicy } from './egress';
import { clearOpenStackSessions, OpenStackClient } from './OpenStackClient';
import { readCloudLists } from './resources';

// First run on a machine may install and start the testbed (minutes).
jest.setTimeout(20 * 60_000);

interface Project {
  id: string;
  name: string;
  username: string;
  password: string;
  appCred: { id: string; secret: string };
  keyPair: string;
}

/** A project of our own with a member user, an application credential and a key pair. */
async function createProject(authUrl: string, admin: Session, quotas: { cores: number; instances: number }): Promise<Project> {
  const ks = `${authUrl}/v3`;
  const suffix = crypto.randomBytes(3).toString('hex');
  const name = `preflight-${suffix}`;
  const password = crypto.randomBytes(12).toString('hex');
  const token = admin.token;
  const project = (await os('POST', `${ks}/projects`, { token, body: { project: { name, domain_id: 'default' } } })).body.project;
  const user = (
    await os('POST', `${ks}/users`, {
      token,
      body: { user: { name, password, domain_id: 'default', default_project_id: project.id } },
    })
  ).body.user;
  for (const role of ['member', 'reader', 'load-balancer_member']) {
    const found = (await os('GET', `${ks}/roles?name=${role}`, { token })).body.roles[0];
    if (found) await os('PUT', `${ks}/projects/${project.id}/users/${user.id}/roles/${found.id}`, { token });
  }
  await os('PUT', `${admin.endpoint('compute')}/os-quota-sets/${project.id}`, {
    token,
    body: { quota_set: { cores: quotas.cores, instances: quotas.instances, ram: 262144 } },
  });
  const session = await authenticate(authUrl, { kind: 'password', username: name, password, projectName: name });
  const ac = (
    await os('POST', `${ks}/users/${user.id}/application_credentials`, {
      token: session.token,
      body: { application_credential: { name: `capi-${suffix}` } },
    })
  ).body.application_credential;
  const keyPair = `key-${suffix}`;
  await os('POST', `${session.endpoint('compute')}/os-keypairs`, {
    token: session.token,
    body: { keypair: { name: keyPair, public_key: sshPublicKey(keyPair) } },
  });
  return { id: project.id, name, username: name, password, appCred: { id: ac.id, secret: ac.secret }, keyPair };
}

/** An HTTP proxy in front of the real Keystone that counts what reaches it. */
async function countingProxy(authUrl: string) {
  const target = new URL(authUrl);
  const counts = { requests: 0, logins: 0 };
  const server = http.createServer((req, res) => {
    counts.requests++;
    if (req.method === 'POST' && req.url?.endsWith('/auth/tokens')) counts.logins++;
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return { url, counts, close: () => new Promise(r => server.close(r)) };
}

/** The allow-list prefixes of the testbed: Keystone and the origin of every catalog endpoint. */
function testbedPrefixes(info: TestbedHandle['info']): string[] {
  return [...new Set([info.authUrl, ...Object.values(info.endpoints)].map(u => `${new URL(u).origin}/`))];
}

function cloudsYaml(authUrl: string, p: Project, overrides: { secret?: string; password?: string; authUrl?: string } = {}) {
  const url = `${overrides.authUrl ?? authUrl}/v3`;
  return [
    'clouds:',
    '  openstack:',
    '    auth_type: v3applicationcredential',
    '    auth:',
    `      auth_url: ${url}`,
    `      application_credential_id: ${p.appCred.id}`,
    `      application_credential_secret: ${overrides.secret ?? p.appCred.secret}`,
    '    region_name: RegionOne',
    '    interface: public',
    '  with-password:',
    '    auth:',
    `      auth_url: ${url}`,
    `      username: ${p.username}`,
    `      password: ${overrides.password ?? p.password}`,
    `      project_name: ${p.name}`,
    '      user_domain_name: Default',
    '      project_domain_name: Default',
    '    region_name: RegionOne',
    '',
  ].join('\n');
}

describe('OpenStack lookups and preflight (real OpenStack testbed, real API server)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let testbed: TestbedHandle;
  let admin: Session;
  let project: Project;
  let ns: string;
  let centralNs: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  /** A port that accepts connections and never answers (Keystone hanging). */
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  const permissions = mockServices.permissions.mock();
  /** The backend's root config, observable: tests change the allow-list through it. */
  let rootConfig: ReturnType<typeof mockServices.rootConfig>;
  let configData: any;
  let allowed: string[];
  /** Sets keys of capiOpenstack.openstack of the running backend (the others as configured). */
  const setOpenStackConfig = (keys: object) =>
    rootConfig.update({ data: { ...configData, capiOpenstack: { ...configData.capiOpenstack, openstack: { ...configData.capiOpenstack.openstack, ...keys } } } });
  /** Sets capiOpenstack.openstack.allowedAuthUrls of the running backend. */
  const setAllowed = (urls: string[]) => setOpenStackConfig({ allowedAuthUrls: urls });
  let kubeVersion: { image: string; version: string };
  let fromVersion: string;

  const api = (cluster: string, p = '') => `/api/capi-openstack/clusters/local/${ns}/${cluster}${p ? `/${p}` : ''}`;

  async function putSecret(name: string, yaml: string) {
    const body = {
      apiVersion: 'v1',
      kind: 'Secret',
      // Marked as an identity Secret: the create form and create only use marked ones.
      metadata: { name, namespace: ns, labels: { 'capi-openstack.dev/identity': 'true' } },
      data: { 'clouds.yaml': Buffer.from(yaml).toString('base64') },
    };
    await mc.client.request('PATCH', `/api/v1/namespaces/${ns}/secrets/${name}?fieldManager=test&force=true`, body, 'application/apply-patch+yaml');
  }

  async function setCores(cores: number) {
    await os('PUT', `${admin.endpoint('compute')}/os-quota-sets/${project.id}`, {
      token: admin.token,
      body: { quota_set: { cores } },
    });
  }

  beforeAll(async () => {
    testbed = await setupOpenStackTestbed();
    const { authUrl } = testbed.info;
    admin = await authenticate(authUrl, {
      kind: 'password',
      username: testbed.info.admin.username,
      password: testbed.info.admin.password,
      projectName: testbed.info.admin.projectName,
    });
    project = await createProject(authUrl, admin, { cores: 64, instances: 20 });

    // An upgrade target with an image in Glance, and the version before it.
    const image = testbed.info.resources.images.find(i => i.kubeVersion)!;
    kubeVersion = { version: image.kubeVersion!, image: image.name };
    const [maj, min] = kubeVersion.version.slice(1).split('.').map(Number);
    fromVersion = `v${maj}.${min - 1}.0`;

    silent = net.createServer(s => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>(r => silent.listen(0, '127.0.0.1', r));
    const silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    // A port nothing listens on.
    const closed = net.createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
    const closedUrl = `http://127.0.0.1:${(closed.address() as net.AddressInfo).port}`;
    await new Promise(r => closed.close(r));

    ns = await mc.createNamespace('openstack');
    const flavors = testbed.info.resources.flavors.map(f => f.name);
    const cluster = (name: string) =>
      plainClusterObjects({
        name,
        namespace: ns,
        version: fromVersion,
        controlPlaneReplicas: 1,
        workerReplicas: 2,
        controlPlaneFlavor: 'm1.large',
        workerFlavor: 'm1.medium',
        sshKeyName: project.keyPair,
      });
    await mc.apply(
      ['good', 'hanging', 'refused', 'wrong', 'central', 'outside', 'proxied'].flatMap(name => cluster(name)),
    );
    // 'central' uses a cluster-scoped OpenStackClusterIdentity naming a Secret in another namespace.
    centralNs = await mc.createNamespace('openstack-central');
    await mc.client.request(
      'PATCH',
      `/apis/infrastructure.cluster.x-k8s.io/v1beta1/namespaces/${ns}/openstackclusters/central`,
      { spec: { identityRef: { type: 'ClusterIdentity', name: `central-${ns}`, cloudName: 'openstack' } } },
      'application/merge-patch+json',
    );
    await mc.client.create({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
      kind: 'OpenStackClusterIdentity',
      metadata: { name: `central-${ns}` },
      spec: {
        secretRef: { name: 'platform-cloud', namespace: centralNs },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } },
      },
    } as any);
    await mc.client.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'platform-cloud', namespace: centralNs },
      stringData: { 'clouds.yaml': cloudsYaml(authUrl, project) },
    } as any);
    await putSecret('good-cloud-config', cloudsYaml(authUrl, project));
    await putSecret('hanging-cloud-config', cloudsYaml(authUrl, project, { authUrl: silentUrl }));
    await putSecret('refused-cloud-config', cloudsYaml(authUrl, project, { authUrl: closedUrl }));
    await putSecret('wrong-cloud-config', cloudsYaml(authUrl, project, { secret: 'wrong-secret-4242', password: 'wrong-password-4242' }));

    const kubeconfigPath = mc.kubeconfigFile();
    permissions.authorizeConditional.mockImplementation(async (reqs: any[]) => reqs.map(() => ({ result: AuthorizeResult.ALLOW })) as any);
    permissions.authorize.mockImplementation(async (reqs: any[]) => reqs.map(() => ({ result: AuthorizeResult.ALLOW })) as any);
    allowed = [...testbedPrefixes(testbed.info), `${silentUrl}/`, `${closedUrl}/`];
    configData = {
      capiOpenstack: {
        managementClusters: [{ name: 'local', kubeconfig: { path: kubeconfigPath }, namespaces: [ns] }],
        flavors,
        kubernetesVersions: [
          { version: kubeVersion.version, image: kubeVersion.image },
          { version: `v${maj}.${min}.99`, image: `missing-image-v${maj}.${min}.99` },
        ],
        // Quota changes below must be seen at once.
        openstack: {
          timeoutSeconds: 30,
          cacheSeconds: 0,
          allowedAuthUrls: allowed,
          fallback: { keyPairs: ['configured-key'] },
          horizon: [{ authUrl: testbed.info.authUrl, url: 'https://horizon.testbed.example/' }],
        },
      },
    };
    rootConfig = mockServices.rootConfig({ data: configData });
    backend = await startTestBackend({
      features: [
        capiOpenstackPlugin,
        permissions.factory,
        createServiceFactory({ service: coreServices.rootConfig, deps: {}, factory: () => rootConfig }),
      ],
    });
    await waitFor(
      'the clusters to be synced',
      async () => {
        const res = await request(backend.server).get(`/api/capi-openstack/clusters?namespace=${ns}`);
        if (res.body.managementClusters?.[0]?.state === 'synced' && res.body.totalCount === 7) return true;
        throw new Error(JSON.stringify(res.body).slice(0, 300));
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await backend?.stop();
    for (const s of sockets) s.destroy();
    await new Promise(r => silent?.close(r));
    if (project && admin) {
      await os('DELETE', `${testbed.info.authUrl}/v3/projects/${project.id}`, { token: admin.token }).catch(() => {});
    }
    await testbed?.stop();
  });

  it('authenticates with a password and with an application credential, scoped to the project', async () => {
    clearOpenStackSessions();
    const yaml = cloudsYaml(testbed.info.authUrl, project);
    const egress = new EgressPolicy(testbedPrefixes(testbed.info));
    const byPassword = new OpenStackClient(parseCloudsYaml(yaml, 'with-password'), { timeoutMs: 60_000, egress });
    const byAppCred = new OpenStackClient(parseCloudsYaml(yaml, 'openstack'), { timeoutMs: 60_000, egress });
    expect(await byPassword.projectId()).toBe(project.id);
    expect(await byAppCred.projectId()).toBe(project.id);
    const lists = await readCloudLists(byPassword);
    expect(lists.flavors.map(f => f.name).sort()).toEqual(testbed.info.resources.flavors.map(f => f.name).sort());
    // The token is reused: a second read asks Keystone for nothing new.
    const first = await byAppCred.session();
    expect((await byAppCred.session()).token).toBe(first.token);
  });

  it('lists flavors, images, networks, key pairs, availability zones and quotas of a cluster\'s cloud', async () => {
    const res = await request(backend.server).get(api('good', 'openstack'));
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.message).toBeUndefined();
    expect(body).toMatchObject({ available: true, source: 'cloud', identity: { secretName: 'good-cloud-config', cloudName: 'openstack' } });
    expect(body.cloud.projectId).toBe(project.id);
    const large = body.flavors.find((f: any) => f.name === 'm1.large');
    expect(large).toMatchObject({ vcpus: 4, ram: 8192 });
    expect(body.images.find((i: any) => i.name === kubeVersion.image)?.kubernetesVersion).toBe(kubeVersion.version);
    const external = body.networks.filter((n: any) => n.external).map((n: any) => n.name);
    expect(external).toContain(testbed.info.resources.externalNetwork.name);
    expect(body.keyPairs.map((k: any) => k.name)).toEqual([project.keyPair]);
    expect(body.availabilityZones.filter((z: any) => z.available).map((z: any) => z.name).sort()).toEqual(
      [...testbed.info.resources.availabilityZones].sort(),
    );
    const quota = (service: string, resource: string) =>
      body.quotas.find((q: any) => q.service === service && q.resource === resource);
    expect(quota('compute', 'cores')).toMatchObject({ limit: 64, inUse: 0 });
    expect(quota('compute', 'instances')).toMatchObject({ limit: 20 });
    expect(quota('network', 'floatingip').limit).toBeGreaterThan(0);
    expect(quota('network', 'port').limit).toBeGreaterThan(0);
    expect(quota('load-balancer', 'loadbalancer')).toMatchObject({ inUse: 0 });
    expect(quota('volume', 'volumes').limit).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain(project.appCred.secret);
  });

  it('fails the preflight of a scale-up beyond the cores quota, naming the quota; force writes anyway', async () => {
    // md-0: 2 × m1.medium (2 vCPUs); scaling to 6 needs 8 more cores.
    await setCores(6);
    try {
      const dry = await request(backend.server).post(`${api('good', 'pools/good-md-0/scale')}?dryRun=true`).send({ replicas: 6 });
      expect(dry.status).toBe(200);
      expect(dry.body.preflight.status).toBe('fail');
      const cores = dry.body.preflight.checks.find((c: any) => c.id === 'quota:compute:cores');
      expect(cores.status).toBe('fail');
      expect(cores.message).toMatch(/^Nova cores: the change needs 8 more, but only 6 of 6 are left/);
      expect(dry.body.preflight.needs).toMatchObject({ instances: 4, cores: 8, ram: 4 * 4096 });

      const refused = await request(backend.server).post(api('good', 'pools/good-md-0/scale')).send({ replicas: 6 });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/Nova cores: the change needs 8 more/);
      expect(refused.body.error.message).toMatch(/force: true/);
      const md = await mc.client.get<any>('cluster.x-k8s.io/v1beta2', 'MachineDeployment', ns, 'good-md-0');
      expect(md.spec.replicas).toBe(2);

      const forced = await request(backend.server).post(api('good', 'pools/good-md-0/scale')).send({ replicas: 6, force: true });
      expect(forced.status).toBe(200);
      expect(forced.body.preflight).toMatchObject({ status: 'fail', forced: true });
      const after = await mc.client.get<any>('cluster.x-k8s.io/v1beta2', 'MachineDeployment', ns, 'good-md-0');
      expect(after.spec.replicas).toBe(6);
    } finally {
      await setCores(64);
    }
    // With the quota back, a further scale-up passes.
    const ok = await request(backend.server).post(`${api('good', 'pools/good-md-0/scale')}?dryRun=true`).send({ replicas: 7 });
    expect(ok.body.preflight.status).toBe('pass');
    expect(ok.body.preflight.checks.find((c: any) => c.id === 'quota:compute:cores').message).toMatch(/needs 2 more/);
  });

  it('checks the new flavor of a flavor change and the rolling peak against the quota', async () => {
    const smaller = await request(backend.server)
      .post(`${api('good', 'control-plane/flavor')}?dryRun=true`)
      .send({ flavor: testbed.info.resources.flavors[0].name });
    expect(smaller.status).toBe(200);
    expect(smaller.body.preflight.status).toBe('pass');
    // One replica moving from m1.large (4) to m1.xlarge (8): one surge machine of 8 vCPUs.
    const bigger = await request(backend.server).post(`${api('good', 'control-plane/flavor')}?dryRun=true`).send({ flavor: 'm1.xlarge' });
    expect(bigger.body.preflight.needs).toMatchObject({ instances: 1, cores: 8 });
    expect(bigger.body.preflight.checks.find((c: any) => c.id === 'flavor:m1.xlarge').status).toBe('pass');
  });

  it('only warns when autoscaler bounds could outgrow the quota, and writes them', async () => {
    // md-0 runs 6 × m1.medium (2 vCPUs); a maximum of 40 could need 68 more cores of 64.
    const bounds = { min: 1, max: 40 };
    const dry = await request(backend.server).post(`${api('good', 'pools/good-md-0/autoscaler')}?dryRun=true`).send({ bounds });
    expect(dry.status).toBe(200);
    expect(dry.body.preflight.status).toBe('warn');
    expect(dry.body.preflight.checks.find((c: any) => c.id === 'quota:compute:cores').message).toBe(
      'Nova cores: the change needs 68 more, but only 64 of 64 are left (0 in use). The autoscaler will stop below its maximum of 40 when the quota runs out.',
    );
    const written = await request(backend.server).post(api('good', 'pools/good-md-0/autoscaler')).send({ bounds });
    expect(written.status).toBe(200);
    expect(written.body.preflight.status).toBe('warn');
    // Back to a fixed size: nothing to check.
    const cleared = await request(backend.server).post(api('good', 'pools/good-md-0/autoscaler')).send({ bounds: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.preflight).toBeUndefined();
  });

  it('fails the upgrade preflight when Glance has no image for the target version', async () => {
    const [maj, min] = kubeVersion.version.slice(1).split('.').map(Number);
    const target = `v${maj}.${min}.99`;
    const res = await request(backend.server).post(`${api('good', 'upgrade')}?dryRun=true`).send({ version: target });
    expect(res.status).toBe(200);
    const image = res.body.preflight.checks.find((c: any) => c.id === 'image');
    expect(image.status).toBe('fail');
    expect(image.message).toContain(`missing-image-${target}`);
    expect(image.message).toContain(target);
    const refused = await request(backend.server).post(api('good', 'upgrade')).send({ version: target });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(`No active image named missing-image-${target}`);

    const good = await request(backend.server).post(`${api('good', 'upgrade')}?dryRun=true`).send({ version: kubeVersion.version });
    expect(good.body.preflight.checks.find((c: any) => c.id === 'image')).toMatchObject({
      status: 'pass',
      message: `Image ${kubeVersion.image} for Kubernetes ${kubeVersion.version} is available.`,
    });
  });

  it('reads the credentials of an OpenStackClusterIdentity, only for namespaces its selector admits', async () => {
    const res = await request(backend.server).get(api('central', 'openstack'));
    expect(res.body.message).toBeUndefined();
    expect(res.body).toMatchObject({
      available: true,
      identity: { secretName: `central-${ns}`, cloudName: 'openstack', type: 'ClusterIdentity' },
      cloud: { projectId: project.id, horizonUrl: 'https://horizon.testbed.example' },
    });
    await mc.client.request(
      'PATCH',
      `/apis/infrastructure.cluster.x-k8s.io/v1alpha1/openstackclusteridentities/central-${ns}`,
      { spec: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'someone-else' } } } },
      'application/merge-patch+json',
    );
    const refused = await request(backend.server).get(api('central', 'openstack'));
    expect(refused.body.available).toBe(false);
    expect(refused.body.message).toBe(
      `the OpenStackClusterIdentity central-${ns} may not be used from namespace ${ns} (its namespaceSelector); showing the configured lists`,
    );
  });

  it('serves the create form\'s lookup only for namespaces the backend watches', async () => {
    const ok = await request(backend.server).get(`/api/capi-openstack/openstack/local/${ns}/resources?secret=good-cloud-config&cloud=openstack`);
    expect(ok.status).toBe(200);
    expect(ok.body.available).toBe(true);
    const outside = await request(backend.server).get(
      `/api/capi-openstack/openstack/local/${centralNs}/resources?secret=platform-cloud&cloud=openstack`,
    );
    expect(outside.status).toBe(404);
    const bad = await request(backend.server).get(`/api/capi-openstack/openstack/local/${ns}/resources?secret=Not_A_Name`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^secret must be the name of the identity Secret/);
  });

  it('answers a hanging Keystone with a clear message within the timeout, and a closed port at once', async () => {
    // A 1 s timeout for this request only: the others keep 30 s (the testbed's
    // services answer slowly on a loaded 2-core machine). The message names
    // the configured timeout, so it is what ended the request: no hang.
    setOpenStackConfig({ timeoutSeconds: 1 });
    let hanging: request.Response;
    try {
      hanging = await request(backend.server).get(api('hanging', 'openstack'));
    } finally {
      setOpenStackConfig({});
    }
    expect(hanging.status).toBe(200);
    expect(hanging.body).toMatchObject({ available: false, source: 'config' });
    expect(hanging.body.message).toMatch(/^Keystone could not be reached \(http:\/\/127\.0\.0\.1:\d+\/v3\/auth\/tokens: no answer within 1 s\)/);
    // The configured fallback lists are there for the pickers.
    expect(hanging.body.keyPairs).toEqual([{ name: 'configured-key' }]);
    expect(hanging.body.flavors.map((f: any) => f.name)).toContain('m1.large');

    const refused = await request(backend.server).get(api('refused', 'openstack'));
    expect(refused.body.message).toMatch(/connection refused/);

    // The preflight says it could not check, and does not block.
    const dry = await request(backend.server).post(`${api('refused', 'pools/refused-md-0/scale')}?dryRun=true`).send({ replicas: 3 });
    expect(dry.body.preflight.status).toBe('warn');
    expect(dry.body.preflight.checks[0]).toMatchObject({ id: 'cloud', status: 'warn' });
  });

  it('logs in once for concurrent callers of one credential, also when the login fails', async () => {
    const proxy = await countingProxy(testbed.info.authUrl);
    const egress = new EgressPolicy([...testbedPrefixes(testbed.info), `${proxy.url}/`]);
    try {
      clearOpenStackSessions();
      const good = parseCloudsYaml(cloudsYaml(testbed.info.authUrl, project, { authUrl: proxy.url }), 'with-password');
      const clients = Array.from({ length: 5 }, () => new OpenStackClient(good, { timeoutMs: 60_000, egress }));
      const tokens = await Promise.all(clients.map(c => c.session().then(s => s.token)));
      expect(new Set(tokens).size).toBe(1);
      expect(proxy.counts.logins).toBe(1);

      // A token at its expiry (a clock of `now` that says so) is not reused: a new login.
      const { expiresAt } = await clients[0].session();
      const later = new OpenStackClient(good, { timeoutMs: 60_000, egress, now: () => expiresAt });
      const renewed = await later.session();
      expect(proxy.counts.logins).toBe(2);
      expect(renewed.token).not.toBe(tokens[0]);

      proxy.counts.logins = 0;
      const bad = parseCloudsYaml(
        cloudsYaml(testbed.info.authUrl, project, { authUrl: proxy.url, password: 'wrong-password-4242' }),
        'with-password',
      );
      const failing = Array.from({ length: 5 }, () => new OpenStackClient(bad, { timeoutMs: 60_000, egress }));
      const errors = await Promise.all(failing.map(c => c.session().catch(e => e)));
      expect(errors.map(e => e.status)).toEqual([401, 401, 401, 401, 401]);
      // One failed login for all of them (no retry storm towards an account lockout).
      expect(proxy.counts.logins).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('refuses a Secret whose auth_url is not allowed, before any request reaches it', async () => {
    const proxy = await countingProxy(testbed.info.authUrl);
    try {
      await putSecret('outside-cloud-config', cloudsYaml(testbed.info.authUrl, project, { authUrl: proxy.url }));
      const res = await request(backend.server).get(api('outside', 'openstack'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ available: false, source: 'config' });
      expect(res.body.message).toBe(
        'the auth_url of cloud "openstack" is not in capiOpenstack.openstack.allowedAuthUrls; showing the configured lists',
      );
      // Neither the URL nor the secret of the Secret is reflected.
      expect(JSON.stringify(res.body)).not.toContain(new URL(proxy.url).port);
      expect(JSON.stringify(res.body)).not.toContain(project.appCred.secret);
      expect(res.body.keyPairs).toEqual([{ name: 'configured-key' }]);

      expect(proxy.counts.requests).toBe(0);

      // A direct client refuses as well, also with a token of that credential cached by an allowed run.
      clearOpenStackSessions();
      const creds = parseCloudsYaml(cloudsYaml(testbed.info.authUrl, project, { authUrl: proxy.url }), 'openstack');
      const allowedHere = new EgressPolicy([`${proxy.url}/`]);
      await new OpenStackClient(creds, { timeoutMs: 60_000, egress: allowedHere }).session();
      expect(proxy.counts.requests).toBe(1);
      const refused = await new OpenStackClient(creds, { timeoutMs: 60_000, egress: new EgressPolicy(testbedPrefixes(testbed.info)) })
        .session()
        .catch(e => e);
      expect(refused.status).toBe(403);
      expect(refused.message).toMatch(/is not in capiOpenstack\.openstack\.allowedAuthUrls$/);
      // Only that one allowed login ever reached the proxy.
      expect(proxy.counts.requests).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('treats a service whose catalog endpoint is on another host as unavailable, without calling it', async () => {
    clearOpenStackSessions();
    const octavia = `${new URL(testbed.info.endpoints['load-balancer']).origin}/`;
    const nova = `${new URL(testbed.info.endpoints.compute).origin}/`;
    const withoutOctavia = new EgressPolicy(testbedPrefixes(testbed.info).filter(p => p !== octavia));
    const creds = parseCloudsYaml(cloudsYaml(testbed.info.authUrl, project), 'openstack');
    const lists = await readCloudLists(new OpenStackClient(creds, { timeoutMs: 60_000, egress: withoutOctavia }));
    expect(lists.notes).toEqual([
      'Octavia (load-balancer): endpoint of Octavia is not on an allowed host (capiOpenstack.openstack.allowedAuthUrls)',
    ]);
    expect(lists.quotas.filter(q => q.service === 'load-balancer')).toEqual([]);
    expect(lists.flavors.length).toBeGreaterThan(0);

    // Nova is required: without its host the lookup fails, naming it.
    const withoutNova = new EgressPolicy(testbedPrefixes(testbed.info).filter(p => p !== nova));
    const error = await readCloudLists(new OpenStackClient(creds, { timeoutMs: 60_000, egress: withoutNova })).catch(e => e);
    expect(error.message).toBe('endpoint of Nova is not on an allowed host (capiOpenstack.openstack.allowedAuthUrls)');
  });

  it('answers a refused call with the status and a reason of ours, never the service\'s text', async () => {
    const creds = parseCloudsYaml(cloudsYaml(testbed.info.authUrl, project), 'openstack');
    const client = new OpenStackClient(creds, { timeoutMs: 60_000, egress: new EgressPolicy(testbedPrefixes(testbed.info)) });
    const missing = await client.get('compute', '/servers/no-such-server').catch(e => e);
    expect(missing.status).toBe(404);
    expect(missing.message).toBe('Nova answered 404 (not found) for /servers/no-such-server');
    // A member may not list hypervisors: Nova's policy text stays out.
    const forbidden = await client.get('compute', '/os-hypervisors').catch(e => e);
    expect(forbidden.status).toBe(403);
    expect(forbidden.message).toBe('Nova answered 403 (forbidden) for /os-hypervisors');
  });

  it('makes no OpenStack call at all while the allow-list is empty (followed when the config changes)', async () => {
    const proxy = await countingProxy(testbed.info.authUrl);
    try {
      await putSecret('proxied-cloud-config', cloudsYaml(testbed.info.authUrl, project, { authUrl: proxy.url }));
      const lookup = () => request(backend.server).get(api('proxied', 'openstack'));
      // Allowed: the lookup goes through the proxy.
      setAllowed([...allowed, `${proxy.url}/`]);
      clearOpenStackSessions();
      const ok = await lookup();
      expect(ok.body.message).toBeUndefined();
      expect(ok.body.available).toBe(true);
      expect(proxy.counts.requests).toBeGreaterThan(0);

      const before = proxy.counts.requests;
      setAllowed([]);
      const off = await lookup();
      expect(off.body).toMatchObject({ available: false, source: 'config' });
      expect(off.body.message).toBe(
        'no OpenStack call is made while capiOpenstack.openstack.allowedAuthUrls is empty; showing the configured lists',
      );
      // The preflight only warns, as for a cloud that cannot be reached.
      const dry = await request(backend.server).post(`${api('good', 'pools/good-md-0/scale')}?dryRun=true`).send({ replicas: 20 });
      expect(dry.status).toBe(200);
      expect(dry.body.preflight.status).toBe('warn');
      expect(dry.body.preflight.checks[0]).toMatchObject({ id: 'cloud', status: 'warn' });
      expect(dry.body.preflight.checks[0].message).toBe(
        'OpenStack could not be checked (no OpenStack call is made while capiOpenstack.openstack.allowedAuthUrls is empty): quota and resources were not verified.',
      );
      expect(proxy.counts.requests).toBe(before);
    } finally {
      setAllowed(allowed);
      await proxy.close();
    }
  });

  it('answers wrong credentials with a readable 401 message that does not echo the secret', async () => {
    const res = await request(backend.server).get(api('wrong', 'openstack'));
    expect(res.status).toBe(200);
    expect(res.body.available).toBe(false);
    expect(res.body.message).toMatch(
      /^Keystone at http:\/\/127\.0\.0\.1:\d+\/v3 refused the application credential of cloud "openstack" \(401 Unauthorized\)/,
    );
    expect(JSON.stringify(res.body)).not.toContain('wrong-secret-4242');

    clearOpenStackSessions();
    const yaml = cloudsYaml(testbed.info.authUrl, project, { password: 'wrong-password-4242' });
    const egress = new EgressPolicy(testbedPrefixes(testbed.info));
    const client = new OpenStackClient(parseCloudsYaml(yaml, 'with-password'), { timeoutMs: 60_000, egress });
    const error = await client.session().catch(e => e);
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/refused the password of cloud "with-password" \(401 Unauthorized\)/);
    expect(error.message).not.toContain('wrong-password-4242');
  });

  it('shows the preflight in a create dry run (the scaffolder\'s dry run)', async () => {
    const body = {
      managementCluster: 'local',
      namespace: ns,
      name: 'new-one',
      kubernetesVersion: kubeVersion.version,
      mode: 'manifests',
      controlPlane: { replicas: 3, flavor: 'm1.large' },
      workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
      image: kubeVersion.image,
      externalNetwork: testbed.info.resources.externalNetwork.name,
      sshKeyName: project.keyPair,
      identity: { secretName: 'good-cloud-config', cloudName: 'openstack' },
      availabilityZones: [testbed.info.resources.availabilityZones[0]],
      owner: 'group:default/platform',
    };
    const ok = await request(backend.server).post('/api/capi-openstack/clusters?dryRun=true').send(body);
    expect(ok.status).toBe(200);
    expect(ok.body.preflight.checks.filter((c: any) => c.status !== 'pass')).toEqual([]);
    expect(ok.body.preflight.status).toBe('pass');
    expect(ok.body.preflight.needs).toMatchObject({ instances: 5, cores: 3 * 4 + 2 * 2, floatingIps: 1, loadBalancers: 1 });
    const ids = ok.body.preflight.checks.map((c: any) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['flavor:m1.large', 'flavor:m1.medium', 'image', 'keyPair', 'externalNetwork', 'quota:compute:cores']),
    );

    const bad = await request(backend.server)
      .post('/api/capi-openstack/clusters?dryRun=true')
      .send({ ...body, sshKeyName: 'nobodys-key', availabilityZones: ['az-nowhere'] });
    expect(bad.body.preflight.status).toBe('fail');
    expect(bad.body.preflight.checks.find((c: any) => c.id === 'keyPair').message).toMatch(/^Key pair nobodys-key does not exist/);
    expect(bad.body.preflight.checks.find((c: any) => c.id === 'availabilityZone:az-nowhere').status).toBe('fail');
    const refused = await request(backend.server).post('/api/capi-openstack/clusters').send({ ...body, sshKeyName: 'nobodys-key' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Key pair nobodys-key does not exist/);
    // Refused before anything was applied.
    expect(await mc.client.get<any>('cluster.x-k8s.io/v1beta2', 'Cluster', ns, 'new-one')).toBeUndefined();
  });
});

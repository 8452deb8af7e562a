/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The tenancy matrix: every route of the capi-openstack backend, called by a
// member of the owning team, a member of another team, a platform admin, a
// service principal and an unauthenticated caller, with the example
// multi-tenant policy (tenancyPolicy.ts), against a real API server and the real OpenStack testbed (behind
// counting proxies). For each call it checks the status, that the answer
// names no other tenant's cluster, namespace, Secret or project, and that a
// refused call wrote nothing to the API server and made no OpenStack call.
// The figures are printed and recorded in docs/security.md.

import { coreServices, createServiceFactory, PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import capiOpenstackPlugin from '@capi-openstack/backstage-plugin-capi-openstack-backend';
import { buildDemoFleet } from '@internal/management-cluster';
import { relocate, setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import {
  KUBERNETES_VERSIONS,
  renderCloudsYaml,
  setupOpenStackTestbed,
  TestbedHandle,
} from '@internal/openstack-testbed';
import http from 'node:http';
import { CountingCloud, startCountingCloud } from './__testUtils__/countingCloud';
import { TenancyPermissionPolicy } from './tenancyPolicy';

const MC = 'local';
const B = '/api/capi-openstack';

type CallerName = 'member' | 'other' | 'admin' | 'service' | 'unauthenticated';
const USERS: Record<string, string[]> = {
  'user:default/pay-member': ['group:default/team-payments'],
  'user:default/pay-member2': ['group:default/team-payments'],
  'user:default/data-member': ['group:default/team-data'],
  'user:default/root': ['group:default/platform'],
};
const HEADERS: Record<CallerName, Record<string, string>> = {
  member: { authorization: mockCredentials.user.header('user:default/pay-member') },
  other: { authorization: mockCredentials.user.header('user:default/data-member') },
  admin: { authorization: mockCredentials.user.header('user:default/root') },
  service: { authorization: mockCredentials.service.header() },
  // startTestBackend's mock auth treats a request without a token as a default
  // user; an invalid token is what an unauthenticated caller sends.
  unauthenticated: { authorization: mockCredentials.user.invalidHeader() },
};
const CALLERS = Object.keys(HEADERS) as CallerName[];

interface Call {
  route: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /** Whether the call writes (or would, without dryRun). */
  writes: boolean;
  /** Whether the call may reach OpenStack. */
  cloud: boolean;
  expect: Record<CallerName, number>;
}

interface Figures {
  calls: number;
  routes: Set<string>;
  leaks: string[];
  refusedWithWrites: string[];
  refusedWithCloudCalls: string[];
}

/** The caller's user info, as the permission backend hands it to the policy. */
const infoOf = (ref: string) => ({ userEntityRef: ref, ownershipEntityRefs: [ref, ...(USERS[ref] ?? [])] });

/**
 * The permissions service of the backend under test: it evaluates the policy
 * as the permission backend does and, as Backstage's permission client does,
 * allows service principals. (The permission backend itself refuses mock user
 * tokens for resource permissions without a resourceRef: mock tokens carry
 * no plugin actor, so it cannot sit behind startTestBackend's mock auth.)
 */
function policyPermissions(policy: TenancyPermissionPolicy) {
  const decide = async (permission: any, credentials: any) => {
    const principal = credentials?.principal;
    if (principal?.type === 'service') return { result: AuthorizeResult.ALLOW };
    if (principal?.type !== 'user') return { result: AuthorizeResult.DENY };
    const decision = await policy.handle({ permission }, { identity: undefined as any, info: infoOf(principal.userEntityRef), token: '', credentials } as any);
    return decision;
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: (): PermissionsService => ({
      async authorizeConditional(queries, options: any) {
        return Promise.all(queries.map(q => decide(q.permission, options?.credentials))) as any;
      },
      async authorize(queries, options: any) {
        return Promise.all(
          queries.map(async q => {
            const d: any = await decide(q.permission, options?.credentials);
            // Conditional decisions are applied by the plugin itself (authorizeConditional).
            return { result: d.result === AuthorizeResult.ALLOW ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
          }),
        );
      },
    }),
  });
}

describe('tenancy matrix (example policy, real API server and OpenStack testbed)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  const suffix = Math.random().toString(36).slice(2, 7);
  const ns = { pay: `team-payments-${suffix}`, data: `team-data-${suffix}`, plat: `team-platform-${suffix}` };
  const rename = (n: string) => (n.startsWith('team-') ? `${n}-${suffix}` : n);
  const tenancy = {
    platformGroups: ['group:default/platform'],
    teams: [
      { group: 'group:default/team-payments', namespaces: [ns.pay] },
      { group: 'group:default/team-data', namespaces: [ns.data] },
      { group: 'group:default/team-platform', namespaces: [ns.plat] },
    ],
  };
  let testbed: TestbedHandle;
  let cloud: CountingCloud;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let base: string;
  /** A worker Machine of payments-prod, for the machine routes. */
  let payWorker: string;
  /** What a health check edit of payments-prod targets. */
  let payHealthCheck: string;
  const clustersOf: Record<string, string[]> = {};
  const figures: Figures = { calls: 0, routes: new Set(), leaks: [], refusedWithWrites: [], refusedWithCloudCalls: [] };

  const fleet = relocate(
    buildDemoFleet({ now: new Date() }).filter(o => {
      const n = o.manifest.kind === 'Namespace' ? o.manifest.metadata.name : o.manifest.metadata.namespace;
      return !!n && n.startsWith('team-');
    }),
    rename,
  );

  beforeAll(async () => {
    testbed = await setupOpenStackTestbed();
    cloud = await startCountingCloud(testbed.info.authUrl, Object.values(testbed.info.endpoints));
    await mc.apply(fleet);
    for (const o of fleet) {
      if (o.manifest.kind !== 'Cluster') continue;
      (clustersOf[o.manifest.metadata.namespace!] ??= []).push(o.manifest.metadata.name);
    }
    // payments-prod's identity is a real cloud (the testbed, through the proxies).
    await mc.apply([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'payments-prod-cloud-config', namespace: ns.pay, labels: { 'capi-openstack.dev/identity': 'true' } },
        type: 'Opaque',
        data: { 'clouds.yaml': Buffer.from(renderCloudsYaml(cloud.authUrl, testbed.info.demo, 'openstack')).toString('base64') },
      } as any,
    ]);
    backend = await startTestBackend({
      features: [
        capiOpenstackPlugin,
        policyPermissions(new TenancyPermissionPolicy(tenancy)),
        mockServices.userInfo.mock({
          async getUserInfo(credentials: any) {
            return infoOf(credentials.principal.userEntityRef);
          },
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true, tenancy },
            capiOpenstack: {
              managementClusters: [
                { name: MC, title: 'Local', kubeconfig: { path: mc.kubeconfigFile() }, namespaces: Object.values(ns) },
              ],
              kubernetesVersions: KUBERNETES_VERSIONS.map(v => ({ version: v, image: `ubuntu-2404-kube-${v}` })),
              openstack: { allowedAuthUrls: cloud.allowedPrefixes, cacheSeconds: 0, timeoutSeconds: 30 },
            },
          },
        }),
      ],
    });
    base = `http://localhost:${backend.server.port()}`;
    // Wait until the backend has evaluated the fleet.
    await waitFor(
      'the backend to list the fleet',
      async () => {
        const res = await fetch(`${base}${B}/clusters?limit=500`, { headers: HEADERS.admin });
        const text = await res.text();
        if (!res.ok) throw new Error(`${res.status} ${text.slice(0, 500)}`);
        return JSON.parse(text).items.some((c: any) => c.name === 'payments-prod' && c.namespace === ns.pay);
      },
      { timeoutMs: 60_000 },
    );
    const detail = await (await fetch(`${base}${B}/clusters/${MC}/${ns.pay}/payments-prod`, { headers: HEADERS.admin })).json();
    payWorker = detail.tree.machines.find((m: any) => m.role === 'worker').name;
    payHealthCheck = detail.tree.machineHealthChecks[0].target;
  }, 20 * 60_000);

  afterAll(async () => {
    await backend?.stop();
    await cloud?.close();
    await testbed?.stop();
    // eslint-disable-next-line no-console
    console.log(
      `tenancy matrix: ${figures.routes.size} routes × ${CALLERS.length} callers = ${figures.calls} calls; ` +
        `leaks found: ${figures.leaks.length}; refused calls that wrote: ${figures.refusedWithWrites.length}; ` +
        `refused calls that reached OpenStack: ${figures.refusedWithCloudCalls.length}`,
    );
  });

  /** Everything the API server holds in the team namespaces, as kind/name → resourceVersion. */
  async function stored(): Promise<string> {
    const kinds: Array<[string, string]> = [
      ['cluster.x-k8s.io/v1beta2', 'Cluster'],
      ['controlplane.cluster.x-k8s.io/v1beta2', 'KubeadmControlPlane'],
      ['cluster.x-k8s.io/v1beta2', 'MachineDeployment'],
      ['cluster.x-k8s.io/v1beta2', 'MachineHealthCheck'],
      ['infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackMachineTemplate'],
      ['infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackCluster'],
      ['v1', 'Secret'],
    ];
    const out: string[] = [];
    for (const n of Object.values(ns)) {
      for (const [apiVersion, kind] of kinds) {
        for (const o of await mc.client.list(apiVersion, kind, n)) {
          out.push(`${n}/${kind}/${o.metadata.name}@${o.metadata.resourceVersion}`);
        }
      }
    }
    return out.sort().join('\n');
  }

  /** What a caller must never read: the names of the namespaces and clusters of other teams. */
  function forbiddenFor(caller: CallerName): string[] {
    if (caller === 'admin' || caller === 'service') return [];
    const own: Partial<Record<CallerName, string[]>> = { member: [ns.pay], other: [ns.data] };
    const names: string[] = [];
    for (const n of Object.values(ns)) {
      if (own[caller]?.includes(n)) continue;
      names.push(n, ...(clustersOf[n] ?? []).map(c => c), ...(clustersOf[n] ?? []).map(c => `${c}-cloud-config`));
    }
    if (caller !== 'member') names.push(testbed.info.demo.projectId, new URL(cloud.authUrl).port);
    return names;
  }

  function leaksIn(text: string, caller: CallerName, asked: string): string[] {
    return forbiddenFor(caller).filter(name => {
      if (asked.includes(name)) return false; // what the caller named itself
      const re = new RegExp(`(?<![a-z0-9-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9-])`);
      return re.test(text);
    });
  }

  async function call(c: Call, caller: CallerName) {
    const before = c.writes ? await stored() : '';
    const cloudBefore = cloud.requests();
    const res = await fetch(`${base}${B}${c.path}`, {
      method: c.method,
      headers: { ...HEADERS[caller], ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: c.body !== undefined ? JSON.stringify(c.body) : undefined,
    });
    const text = await res.text();
    figures.calls++;
    figures.routes.add(c.route);
    const label = `${c.route} as ${caller}`;
    const leaks = leaksIn(text, caller, c.path + JSON.stringify(c.body ?? ''));
    if (leaks.length) figures.leaks.push(`${label}: ${leaks.join(', ')}`);
    const refused = res.status >= 400;
    if (refused && c.writes && (await stored()) !== before) figures.refusedWithWrites.push(label);
    if (refused && cloud.requests() !== cloudBefore) figures.refusedWithCloudCalls.push(label);
    return { status: res.status, text, leaks };
  }

  const pay = () => `/clusters/${MC}/${ns.pay}/payments-prod`;
  const readAll = (ok: number, own: number): Record<CallerName, number> => ({
    member: own,
    other: 404,
    admin: ok,
    service: ok,
    unauthenticated: 401,
  });
  const userOnly = (own: number, other = 404): Record<CallerName, number> => ({
    member: own,
    other,
    admin: own,
    service: 403,
    unauthenticated: 401,
  });

  /** A create request for cluster `name` in the payments namespace. */
  const newCluster = (name: string, extra: Record<string, unknown> = {}) => ({
    managementCluster: MC, namespace: ns.pay, name,
    kubernetesVersion: 'v1.34.2', image: 'ubuntu-2404-kube-v1.34.2', mode: 'manifests',
    controlPlane: { replicas: 1, flavor: 'm1.large' },
    workerPools: [{ name: 'md-0', replicas: 1, flavor: 'm1.medium' }],
    identity: { secretName: 'payments-prod-cloud-config', cloudName: 'openstack' },
    ...extra,
  });
  function calls(): Call[] {
    const action = (route: string, method: 'POST' | 'DELETE', sub: string, body: unknown): Call[] => [
      { route: `${route} (dry run)`, method, path: `${pay()}${sub}?dryRun=true`, body, writes: true, cloud: true, expect: userOnly(200) },
    ];
    const refusedWrite = (route: string, method: 'POST' | 'DELETE', sub: string, body: unknown): Call => ({
      route,
      method,
      path: `${pay()}${sub}`,
      body,
      writes: true,
      cloud: true,
      // Only refused callers: the member's and the admin's real writes are covered elsewhere.
      expect: { member: -1, other: 404, admin: -1, service: 403, unauthenticated: 401 },
    });
    /** A call to a create endpoint (a write). */
    const createCall = (route: string, path: string, body: unknown, reachesCloud: boolean, expected: Call['expect']): Call => ({
      route,
      method: 'POST',
      path,
      body,
      writes: true,
      cloud: reachesCloud,
      expect: expected,
    });
    const actions: Array<[string, 'POST' | 'DELETE', string, unknown]> = [
      ['scale control plane', 'POST', '/control-plane/scale', { replicas: 5 }],
      ['scale pool', 'POST', '/pools/payments-prod-md-0/scale', { replicas: 5 }],
      ['autoscaler bounds', 'POST', '/pools/payments-prod-md-0/autoscaler', { bounds: { min: 1, max: 6 } }],
      ['upgrade', 'POST', '/upgrade', { version: 'v1.35.0' }],
      ['control plane flavor', 'POST', '/control-plane/flavor', { flavor: 'm1.xlarge' }],
      ['pool flavor', 'POST', '/pools/payments-prod-md-0/flavor', { flavor: 'm1.xlarge' }],
      ['restart control plane', 'POST', '/control-plane/restart', {}],
      ['restart pool', 'POST', '/pools/payments-prod-md-0/restart', {}],
      ['rotate certificates', 'POST', '/control-plane/rotate-certificates', {}],
      ['certificate rotation', 'POST', '/control-plane/certificate-rotation', { certificatesExpiryDays: 30 }],
      ['pause', 'POST', '/pause', {}],
      ['resume', 'POST', '/resume', {}],
      ['replace machine', 'POST', `/machines/${payWorker}/replace`, {}],
      ['hibernate', 'POST', '/hibernate', {}],
      ['wake', 'POST', '/wake', {}],
      ['hibernation schedule', 'POST', '/hibernation-schedule', { schedule: { hibernate: '0 20 * * 1-5', wake: '0 7 * * 1-5', timeZone: 'Europe/Zurich' } }],
      [
        'health check',
        'POST',
        `/health-checks/${payHealthCheck}`,
        { nodeStartupTimeoutSeconds: 900, unhealthyNodeConditions: [{ type: 'Ready', status: 'False', timeoutSeconds: 600 }], maxUnhealthy: '2', unhealthyRange: '' },
      ],
      ['maintenance window', 'POST', '/maintenance-window', { window: { days: ['sat'], start: '02:00', end: '05:00', timeZone: 'Europe/Zurich' } }],
      ['delete', 'DELETE', '', { confirmName: 'payments-prod' }],
    ];
    return [
      { route: 'GET /clusters', method: 'GET', path: '/clusters?limit=500', writes: false, cloud: false, expect: { ...readAll(200, 200), other: 200 } },
      { route: 'GET /clusters/:mc/:ns/:name', method: 'GET', path: pay(), writes: false, cloud: false, expect: readAll(200, 200) },
      { route: 'GET …/events', method: 'GET', path: `${pay()}/events`, writes: false, cloud: false, expect: readAll(200, 200) },
      { route: 'GET …/upgrades', method: 'GET', path: `${pay()}/upgrades`, writes: false, cloud: false, expect: readAll(200, 200) },
      { route: 'GET …/openstack', method: 'GET', path: `${pay()}/openstack`, writes: false, cloud: true, expect: readAll(200, 200) },
      { route: 'GET /management-clusters', method: 'GET', path: '/management-clusters', writes: false, cloud: false, expect: { ...readAll(200, 200), other: 200 } },
      { route: 'GET …/kubeconfig', method: 'GET', path: `${pay()}/kubeconfig`, writes: false, cloud: false, expect: userOnly(200) },
      // An unknown machine: answered before any cloud call, for everyone (the real console: capo.testbed.test.ts).
      {
        route: 'POST …/machines/:machine/console',
        method: 'POST',
        path: `${pay()}/machines/${payWorker}-gone/console`,
        body: {},
        writes: false,
        cloud: true,
        expect: userOnly(404),
      },
      // payments-prod has no maintenance window: 422 after the permission check, nothing written.
      {
        route: 'POST …/upgrade (when=window)',
        method: 'POST',
        path: `${pay()}/upgrade`,
        body: { version: 'v1.35.0', when: 'window' },
        writes: true,
        cloud: true,
        expect: userOnly(422),
      },
      {
        route: 'DELETE …/pending-operations/:operation',
        method: 'DELETE',
        path: `${pay()}/pending-operations/nothing-waits`,
        writes: true,
        cloud: true,
        expect: userOnly(404),
      },
      ...actions.flatMap(([r, m, sub, body]) => action(`${m} ${r}`, m, sub, body)),
      ...actions.map(([r, m, sub, body]) => refusedWrite(`${m} ${r}`, m, sub, body)),
      createCall('POST /clusters (dry run)', '/clusters?dryRun=true', newCluster(`new-${suffix}`), true, { member: 200, other: 403, admin: 200, service: 403, unauthenticated: 401 }),
      createCall('POST /clusters/render', '/clusters/render', newCluster(`new-${suffix}`, { owner: 'group:default/team-payments' }), false, { member: 200, other: 403, admin: 200, service: 403, unauthenticated: 401 }),
      createCall('POST /clusters (another team as owner)', '/clusters', newCluster(`stolen-${suffix}`, { owner: 'group:default/team-data' }), true, { member: 403, other: 403, admin: -1, service: 403, unauthenticated: 401 }),
      createCall('POST /clusters (over an existing cluster)', '/clusters', newCluster('payments-prod', { owner: 'group:default/team-payments' }), true, { member: 409, other: 403, admin: 409, service: 403, unauthenticated: 401 }),
      { route: 'GET /create-options', method: 'GET', path: '/create-options', writes: false, cloud: false, expect: { member: 200, other: 200, admin: 200, service: 403, unauthenticated: 401 } },
      {
        route: 'GET /openstack/:mc/:ns/resources',
        method: 'GET',
        path: `/openstack/${MC}/${ns.pay}/resources?secret=payments-prod-cloud-config&cloud=openstack`,
        writes: false,
        cloud: true,
        expect: { member: 200, other: 403, admin: 200, service: 403, unauthenticated: 401 },
      },
    ];
  }

  it.each(CALLERS)('every route answers %s as the policy says, without leaks, writes or cloud calls when refused', async caller => {
    const wrong: string[] = [];
    for (const c of calls()) {
      const want = c.expect[caller];
      if (want === -1) continue;
      const got = await call(c, caller);
      if (got.status !== want) wrong.push(`${c.route}: ${got.status} (want ${want}) ${got.text.slice(0, 200)}`);
      // An allowed lookup reaches the cloud (not the fallback lists).
      if (got.status === 200 && c.route.startsWith('GET') && c.cloud && !got.text.includes('"available":true')) {
        wrong.push(`${c.route}: answered without the cloud: ${got.text.slice(0, 300)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(figures.leaks).toEqual([]);
    expect(figures.refusedWithWrites).toEqual([]);
    expect(figures.refusedWithCloudCalls).toEqual([]);
  }, 300_000);

  it('lists only the own team’s clusters and management clusters with their own counts', async () => {
    const get = async (caller: CallerName, p: string) =>
      (await (await fetch(`${base}${B}${p}`, { headers: HEADERS[caller] })).json()) as any;
    const mine = await get('member', '/clusters?limit=500');
    expect(new Set(mine.items.map((c: any) => c.namespace))).toEqual(new Set([ns.pay]));
    expect(mine.totalCount).toBe(clustersOf[ns.pay].length);
    const [local] = mine.managementClusters;
    expect(local).toMatchObject({ name: MC, clusters: clustersOf[ns.pay].length, apiRequests: 0 });
    const all = await get('admin', '/clusters?limit=500');
    expect(all.totalCount).toBeGreaterThan(mine.totalCount);
    expect(all.managementClusters[0].apiRequests).toBeGreaterThan(0);
    const options = await get('member', '/create-options');
    expect(options.namespaces).toEqual([{ managementCluster: MC, namespace: ns.pay }]);
    expect(options.defaultOwner).toBe('group:default/team-payments');
  });

  const send = async (user: string, method: string, p: string, body?: unknown) => {
    const res = await fetch(`${base}${B}${p}`, {
      method,
      headers: { authorization: mockCredentials.user.header(user), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
  };

  it('creates only: a retry by the creator changes nothing, anyone else gets 409 naming no owner', async () => {
    const name = `own-${suffix}`;
    const created = await send('user:default/pay-member', 'POST', '/clusters', newCluster(name));
    expect(created.status).toBe(201);
    const cluster = await mc.client.get('cluster.x-k8s.io/v1beta2', 'Cluster', ns.pay, name);
    expect(cluster!.metadata.annotations).toMatchObject({
      'capi-openstack.dev/owner': 'group:default/team-payments',
      'capi-openstack.dev/requested-by': 'user:default/pay-member',
    });
    const before = await stored();
    const retry = await send('user:default/pay-member', 'POST', '/clusters', newCluster(name));
    expect(retry).toMatchObject({ status: 200, body: { changed: false } });
    // A team mate with the same create permission and owner cannot re-apply it.
    for (const dryRun of ['?dryRun=true', '']) {
      const other = await send('user:default/pay-member2', 'POST', `/clusters${dryRun}`, newCluster(name, { workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }] }));
      expect(other.status).toBe(409);
      expect(other.body.error.message).toBe(`Cluster ${ns.pay}/${name} already exists: choose another name`);
      expect(other.text).not.toContain('group:default');
      expect(other.text).not.toContain('manifests');
    }
    // The creator changing it is refused too: changes go through the lifecycle actions.
    const changed = await send('user:default/pay-member', 'POST', '/clusters?dryRun=true', newCluster(name, { controlPlane: { replicas: 3, flavor: 'm1.large' } }));
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toMatch(/already exists with other settings/);
    expect(await stored()).toBe(before);
  });

  it('uses only identity Secrets marked for the namespace, with one message for missing and refused', async () => {
    const yaml = renderCloudsYaml(cloud.authUrl, testbed.info.demo, 'openstack');
    const secret = (name: string, labels?: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace: ns.pay, ...(labels ? { labels } : {}) },
      type: 'Opaque',
      data: { 'clouds.yaml': Buffer.from(yaml).toString('base64') },
    });
    await mc.apply([secret(`unmarked-${suffix}`) as any, secret(`via-identity-${suffix}`) as any]);
    const lookup = (name: string) =>
      send('user:default/pay-member', 'GET', `/openstack/${MC}/${ns.pay}/resources?secret=${name}&cloud=openstack`);
    const cloudCalls = cloud.requests();
    const missing = await lookup(`missing-${suffix}`);
    const unmarked = await lookup(`unmarked-${suffix}`);
    expect(missing.status).toBe(404);
    expect(unmarked.status).toBe(404);
    expect(unmarked.body.error.message.replace(`unmarked-${suffix}`, 'X')).toBe(
      missing.body.error.message.replace(`missing-${suffix}`, 'X'),
    );
    expect(cloud.requests()).toBe(cloudCalls);
    const create = await send('user:default/pay-member', 'POST', '/clusters?dryRun=true', newCluster(`unmarked-${suffix}`, { identity: { secretName: `unmarked-${suffix}`, cloudName: 'openstack' } }));
    expect(create.status).toBe(422);
    expect(create.body.error.message).toMatch(/^identity\.secretName: Secret unmarked-\w+ cannot be used as an identity in namespace/);
    expect(cloud.requests()).toBe(cloudCalls);

    // An OpenStackClusterIdentity naming the Secret admits the namespaces its selector matches.
    await mc.client.apply(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.pay, labels: { tenant: `pay-${suffix}` } } },
      { fieldManager: 'tenancy-matrix' },
    );
    const identity = (selector: string) => ({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
      kind: 'OpenStackClusterIdentity',
      metadata: { name: `matrix-${suffix}` },
      spec: { secretRef: { name: `via-identity-${suffix}`, namespace: ns.pay }, namespaceSelector: { matchLabels: { tenant: selector } } },
    });
    await mc.client.apply(identity(`someone-else-${suffix}`) as any, { fieldManager: 'tenancy-matrix' });
    expect((await lookup(`via-identity-${suffix}`)).status).toBe(404);
    await mc.client.apply(identity(`pay-${suffix}`) as any, { fieldManager: 'tenancy-matrix' });
    const admitted = await lookup(`via-identity-${suffix}`);
    expect(admitted.status).toBe(200);
    expect(admitted.body.available).toBe(true);
    await mc.client.delete('infrastructure.cluster.x-k8s.io/v1alpha1', 'OpenStackClusterIdentity', undefined, `matrix-${suffix}`);
  });

  it('applies the namespace allow-list to create', async () => {
    const outside = await mc.createNamespace('outside');
    const res = await send('user:default/root', 'POST', '/clusters?dryRun=true', { ...newCluster(`x-${suffix}`), namespace: outside });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(
      `namespace: ${outside} is not served by this backend in management cluster ${MC} (capiOpenstack.managementClusters[].namespaces)`,
    );
  });

  it('streams to each caller only what it may read (every caller)', async () => {
    const events = Object.fromEntries(CALLERS.map(c => [c, [] as string[]])) as Record<CallerName, string[]>;
    const statuses: Partial<Record<CallerName, number>> = {};
    const open = (caller: CallerName) =>
      new Promise<http.ClientRequest>((resolve, reject) => {
        const req = http.get(`${base}${B}/stream`, { headers: HEADERS[caller] }, res => {
          statuses[caller] = res.statusCode;
          res.setEncoding('utf8');
          res.on('data', chunk => events[caller].push(chunk));
          resolve(req);
        });
        req.on('error', reject);
      });
    const streams: http.ClientRequest[] = [];
    for (const caller of CALLERS) streams.push(await open(caller));
    try {
      expect(statuses).toEqual({ member: 200, other: 200, admin: 200, service: 200, unauthenticated: 401 });
      const until = (caller: CallerName, text: string) =>
        waitFor(`the ${caller}'s stream to show ${text}`, () => events[caller].join('').includes(text), {
          timeoutMs: 30_000,
          intervalMs: 50,
        });
      for (const caller of ['member', 'other', 'admin', 'service'] as const) await until(caller, 'event: snapshot');
      // Changes of both teams' clusters, in an order that lets each stream prove what it did not get.
      const label = async (namespace: string, name: string) =>
        mc.client.apply(
          { apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster', metadata: { name, namespace, labels: { touched: suffix } } },
          { fieldManager: 'tenancy-matrix' },
        );
      await label(ns.data, 'data-etl');
      await until('admin', 'data-etl');
      await label(ns.pay, 'payments-staging');
      await until('member', 'payments-staging');
      await label(ns.data, 'data-lake');
      await until('other', 'data-lake');
      await until('service', 'data-lake');
      for (const caller of CALLERS) {
        figures.calls++;
        const leaks = leaksIn(events[caller].join(''), caller, '');
        if (leaks.length) figures.leaks.push(`GET /stream as ${caller}: ${leaks.join(', ')}`);
      }
      figures.routes.add('GET /stream');
      expect(events.member.join('')).not.toContain('data-etl');
      expect(events.other.join('')).not.toContain('payments-staging');
      expect(events.unauthenticated.join('')).not.toContain('event:');
      expect(figures.leaks).toEqual([]);
    } finally {
      streams.forEach(s => s.destroy());
    }
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The backend against the real Cluster API v1.14 controllers, the real CAPO
// v0.14.7 and real OpenStack services (the testbed: Keystone, Nova with the
// fake driver, Neutron ML2 linuxbridge with its agents, Glance). Two plain
// clusters (CAPO's cluster-template.yaml, no API load balancer), each in a
// Keystone project of its own, so a lowered quota here cannot touch other
// suites sharing the testbed: one whose control plane server boots, one
// refused by Nova's instance quota. See docs/real-controllers-capo.md.

import { plainClusterObjects } from '@internal/management-cluster';
import {
  authenticate,
  AVAILABILITY_ZONES,
  renderCloudsYaml,
  request as os,
  Session,
  sshPublicKey,
  TestbedHandle,
  TestbedInfo,
} from '@internal/openstack-testbed';
import crypto from 'node:crypto';
import request from 'supertest';
import {
  CAPI,
  INFRA,
  OSS,
  reasonsMatchConditions,
  setupRealControllersBackend,
  waitUntil,
} from '../__testUtils__/realControllersBackend';

// A suite run alone starts its own testbed (and, the first time on a machine, installs it).
jest.setTimeout(20 * 60_000);

interface Project {
  id: string;
  name: string;
  cloudsYaml: string;
  session: Session;
}

/** A project of our own with a member user, its application credential and the key pair the template names. */
async function createProject(info: TestbedInfo, admin: Session, prefix: string): Promise<Project> {
  const ks = `${info.authUrl}/v3`;
  const token = admin.token;
  const name = `${prefix}-${crypto.randomBytes(3).toString('hex')}`;
  const password = crypto.randomBytes(12).toString('hex');
  const project = (await os('POST', `${ks}/projects`, { token, body: { project: { name, domain_id: 'default' } } })).body.project;
  const user = (
    await os('POST', `${ks}/users`, { token, body: { user: { name, password, domain_id: 'default', default_project_id: project.id } } })
  ).body.user;
  for (const role of ['member', 'reader']) {
    const found = (await os('GET', `${ks}/roles?name=${role}`, { token })).body.roles[0];
    await os('PUT', `${ks}/projects/${project.id}/users/${user.id}/roles/${found.id}`, { token });
  }
  const session = await authenticate(info.authUrl, { kind: 'password', username: name, password, projectName: name });
  // Keystone sometimes answers 400 "Could not find role assignment" right after the grant
  // (docs/openstack-testbed.md); the grant is there, so it is asked again until it sees it.
  const ac = await waitUntil('Keystone to create the application credential', () =>
    os('POST', `${ks}/users/${user.id}/application_credentials`, {
      token: session.token,
      body: { application_credential: { name: `capo-${name}` } },
    }).then(
      res => res.body.application_credential,
      e => {
        if (e.status === 400 && /role assignment/.test(e.body)) return undefined;
        throw e;
      },
    ),
  );
  await os('POST', `${session.endpoint('compute')}/os-keypairs`, {
    token: session.token,
    body: { keypair: { name: 'capi-demo', public_key: sshPublicKey(name) } },
  });
  const cloudsYaml = renderCloudsYaml(info.authUrl, { applicationCredential: ac }, 'openstack');
  return { id: project.id, name, cloudsYaml, session };
}

describe('the backend with the real CAPI controllers, the real CAPO and the OpenStack testbed', () => {
  // Stopped in this suite's afterAll, after the clean-up that still needs it.
  const testbed = {} as { info: TestbedInfo };
  let testbedHandle: TestbedHandle | undefined;
  const env = setupRealControllersBackend('capo', { capo: true, openstackTestbed: true });
  const api = (name: string) => `/api/capi-openstack/clusters/local/${env.ns}/${name}`;
  const get = (apiVersion: string, kind: string, name: string) => env.mc.client.get<any>(apiVersion, kind, env.ns, name);
  const byCluster = (apiVersion: string, kind: string, name: string) =>
    env.mc.client.list<any>(apiVersion, kind, env.ns, `cluster.x-k8s.io/cluster-name=${name}`);
  let admin: Session;
  let booted: Project;
  let refused: Project;

  /** CAPO's cluster-template.yaml: 1 control plane, 1 worker, m1.small in az1, no API load balancer (a floating IP instead). */
  const clusterObjects = (name: string, p: Project) =>
    plainClusterObjects({
      name,
      namespace: env.ns,
      controlPlaneReplicas: 1,
      workerReplicas: 1,
      controlPlaneFlavor: 'm1.small',
      workerFlavor: 'm1.small',
      failureDomain: 'az1',
    }).map(({ manifest }) => {
      const m = manifest as any;
      if (m.kind === 'Secret') m.data = { 'clouds.yaml': Buffer.from(p.cloudsYaml).toString('base64') };
      if (m.kind === 'OpenStackCluster') {
        m.spec.externalNetwork = { id: testbed.info.resources.externalNetwork.id };
        m.spec.apiServerLoadBalancer = { enabled: false };
      }
      return m;
    });

  beforeAll(async () => {
    testbedHandle = env.testbed!;
    testbed.info = testbedHandle.info;
    const info = testbed.info;
    admin = await authenticate(info.authUrl, { kind: 'password', ...info.admin });
    booted = await createProject(info, admin, 'capo-boot');
    refused = await createProject(info, admin, 'capo-quota');
    // Nova refuses every server of this project (as the trial did: instances = 0).
    await os('PUT', `${admin.endpoint('compute')}/os-quota-sets/${refused.id}`, {
      token: admin.token,
      body: { quota_set: { instances: 0 } },
    });
    await env.mc.apply([...clusterObjects('booted', booted), ...clusterObjects('refused', refused)]);
  }, 20 * 60_000);

  afterAll(async () => {
    try {
      await cleanUp();
    } finally {
      await testbedHandle?.stop();
    }
  });

  async function cleanUp() {
    if (!admin || !refused) return;
    // Back to Nova's defaults; a refused cluster's API floating IP outlives it in v0.14.7 (see the doc's "Leak").
    await os('DELETE', `${admin.endpoint('compute')}/os-quota-sets/${refused.id}`, { token: admin.token }).catch(() => undefined);
    const network = admin.endpoint('network');
    for (const p of [booted, refused]) {
      const fips = (await os('GET', `${network}/v2.0/floatingips?project_id=${p.id}`, { token: admin.token })).body.floatingips;
      for (const f of fips) await os('DELETE', `${network}/v2.0/floatingips/${f.id}`, { token: admin.token }).catch(() => undefined);
    }
  }

  const neutron = (p: Project, path: string) => os('GET', `${p.session.endpoint('network')}/v2.0/${path}`, { token: p.session.token });
  const nova = (p: Project, path: string) => os('GET', `${p.session.endpoint('compute')}/${path}`, { token: p.session.token });

  const controlPlaneServer = async (name: string) => {
    const [machine] = await byCluster(CAPI, 'Machine', name).then(ms =>
      ms.filter(m => m.metadata.labels?.['cluster.x-k8s.io/control-plane'] !== undefined),
    );
    return machine && { machine, server: await get(OSS, 'OpenStackServer', machine.spec.infrastructureRef.name) };
  };

  it('shows the network, subnet, router and the control plane server CAPO made, with the ids Neutron and Nova know', async () => {
    const osc = await waitUntil(
      'CAPO to report the OpenStackCluster ready',
      async () => {
        const o = await get(INFRA, 'OpenStackCluster', 'booted');
        return o?.status?.ready === true && o;
      },
      180_000,
    );
    for (const type of ['NetworkReady', 'RouterReady', 'SecurityGroupsReady']) {
      expect(osc.status.conditions.find((c: any) => c.type === type)).toMatchObject({ status: 'True' });
    }
    const { machine, server } = await waitUntil(
      "the control plane Machine's server ACTIVE",
      async () => {
        const cp = await controlPlaneServer('booted');
        return cp?.server?.status?.instanceState === 'ACTIVE' && cp;
      },
      180_000,
    );

    // What CAPO wrote is what Neutron and Nova answer.
    const net = (await neutron(booted, `networks/${osc.status.network.id}`)).body.network;
    expect([net.name, net.project_id]).toEqual([osc.status.network.name, booted.id]);
    const [subnetStatus] = osc.status.network.subnets;
    const subnet = (await neutron(booted, `subnets/${subnetStatus.id}`)).body.subnet;
    expect([subnet.network_id, subnet.cidr, subnet.name]).toEqual([net.id, '10.6.0.0/24', subnetStatus.name]);
    const router = (await neutron(booted, `routers/${osc.status.router.id}`)).body.router;
    expect([router.name, router.external_gateway_info.network_id]).toEqual([
      osc.status.router.name,
      testbed.info.resources.externalNetwork.id,
    ]);
    for (const sg of [osc.status.controlPlaneSecurityGroup, osc.status.workerSecurityGroup]) {
      const found = (await neutron(booted, `security-groups/${sg.id}`)).body.security_group;
      expect([found.name, found.project_id]).toEqual([sg.name, booted.id]);
    }
    const novaServer = (await nova(booted, `servers/${server.status.instanceID}`)).body.server;
    // KCP spreads the control plane over the failure domains CAPO found (nova, az1–az3).
    // Nova's default zone `nova` (CAPO lists it too) lets the scheduler pick a host in any zone.
    const wanted: string = machine.spec.failureDomain;
    const zone = novaServer['OS-EXT-AZ:availability_zone'];
    const zones = wanted === 'nova' ? Object.keys(AVAILABILITY_ZONES) : [wanted];
    expect([novaServer.status, novaServer.name, zones.includes(zone)]).toEqual(['ACTIVE', server.metadata.name, true]);
    // Its port is bound by the linuxbridge mechanism driver on the fake compute host.
    // (binding attributes are for admins only; each zone has one fake host).
    const [port] = (await os('GET', `${admin.endpoint('network')}/v2.0/ports?device_id=${novaServer.id}`, { token: admin.token })).body.ports;
    expect([port['binding:vif_type'], port['binding:host_id']]).toEqual(['bridge', AVAILABILITY_ZONES[zone]]);

    // The backend's tree holds them by the same ids, and its verdict's reasons are the real conditions.
    const detail = await waitUntil('the backend to show the server and the live conditions', async () => {
      const d = await reasonsMatchConditions(env, 'booted');
      return d?.tree?.machines?.some((m: any) => m.server?.state === 'ACTIVE') && d;
    });
    const infra = detail.tree.infrastructure;
    expect(infra).toMatchObject({
      kind: 'OpenStackCluster',
      ready: true,
      network: { id: net.id, name: net.name },
      subnets: [{ id: subnet.id, name: subnet.name, cidr: '10.6.0.0/24' }],
      router: { id: router.id, name: router.name },
      externalNetwork: { id: testbed.info.resources.externalNetwork.id },
    });
    expect(detail.tree.machines.find((m: any) => m.name === machine.metadata.name)).toMatchObject({
      role: 'control-plane',
      server: { source: 'OpenStackServer', instanceId: novaServer.id, state: 'ACTIVE', flavor: { name: 'm1.small', resolvedId: novaServer.flavor.id } },
    });
    // The fake driver boots no operating system: the control plane never initialises.
    const cluster = await get(CAPI, 'Cluster', 'booted');
    expect(cluster.status.conditions.find((c: any) => c.type === 'ControlPlaneInitialized')).toMatchObject({
      status: 'False',
      reason: 'NotInitialized',
    });
    expect(detail.health.verdict).toBe('Progressing');
    expect(detail.health.reasons.length).toBeGreaterThan(0);
    expect(detail.health.reasons.filter((r: any) => r.severity === 'error')).toEqual([]);
  });

  it("names the OpenStackServer's InstanceCreateFailed with Nova's quota message: Failed at once, with the fix guide's numbers", async () => {
    const { server } = await waitUntil(
      'CAPO to report the refused server',
      async () => {
        const cp = await controlPlaneServer('refused');
        const c = cp?.server?.status?.conditions?.find((x: any) => x.type === 'InstanceReady');
        return c?.reason === 'InstanceCreateFailed' && cp;
      },
      180_000,
    );
    const condition = server.status.conditions.find((x: any) => x.type === 'InstanceReady');
    expect(condition.message).toContain('Quota exceeded for instances: Requested 1, but already used 0 of 0 instances');
    const detail = await waitUntil('the backend to give the refusal', async () => {
      const d = await reasonsMatchConditions(env, 'refused');
      return d?.health?.reasons?.some((r: any) => r.object.kind === 'OpenStackServer') && d;
    });
    const reason = detail.health.reasons.find((r: any) => r.object.kind === 'OpenStackServer');
    expect(reason).toMatchObject({
      object: { kind: 'OpenStackServer', name: server.metadata.name },
      reason: 'InstanceCreateFailed',
      message: condition.message,
      // A quota refusal does not go away by itself (CAPO does not retry it): Failed at once.
      severity: 'error',
      fix: {
        cause: 'quotaExceeded',
        needsAction: true,
        quota: { resource: 'instances', requested: 1, used: 0, limit: 0, missing: 1 },
      },
    });
    expect(reason.fix.actions.map((a: any) => a.kind)).toEqual(['scale', 'flavor', 'replace-machine']);
    expect(detail.health.verdict).toBe('Failed');
    const tree = detail.tree.machines.find((m: any) => m.role === 'control-plane').server;
    expect([tree.instanceId, tree.failureMessage]).toEqual([undefined, condition.message]);
  });

  it("opens the console of a machine's server through Nova (os-remote-consoles), never cached", async () => {
    const detail = (await request(env.backend.server).get(api('booted'))).body;
    const machine = detail.tree.machines.find((m: any) => m.server?.state === 'ACTIVE');
    const res = await request(env.backend.server).post(`${api('booted')}/machines/${machine.name}/console`).send({});
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    expect(res.body).toMatchObject({ protocol: 'vnc', type: 'novnc', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:6080\/vnc_auto\.html\?.*token/) });
    expect(res.headers['cache-control']).toBe('no-store');
    // Each call gets a new one-time token.
    const again = await request(env.backend.server).post(`${api('booted')}/machines/${machine.name}/console`).send({});
    expect(again.body.url).not.toBe(res.body.url);
    // The worker has no server (it waits for the control plane, which the fake driver never boots), and an unknown machine.
    const worker = detail.tree.machines.find((m: any) => m.role === 'worker');
    const none = await request(env.backend.server).post(`${api('booted')}/machines/${worker.name}/console`).send({});
    expect([none.status, none.body.error?.message]).toEqual([422, `machine: ${worker.name} has no OpenStack server yet`]);
    expect((await request(env.backend.server).post(`${api('booted')}/machines/nope/console`).send({})).status).toBe(404);
  });

  it('deletes through the backend: Deleting meanwhile, then the Cluster, its network, router and servers are gone', async () => {
    const osc = await get(INFRA, 'OpenStackCluster', 'booted');
    const { server } = (await controlPlaneServer('booted'))!;
    for (const name of ['booted', 'refused']) {
      const cluster = await get(CAPI, 'Cluster', name);
      const res = await request(env.backend.server)
        .delete(api(name))
        .send({ confirmName: name, resourceVersion: cluster.metadata.resourceVersion });
      expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    }
    const deleting = await waitUntil('the backend to report Deleting', async () => {
      const res = await request(env.backend.server).get(api('booted'));
      return res.body.health?.verdict === 'Deleting' && res.body;
    });
    expect(deleting.health.verdict).toBe('Deleting');

    await waitUntil('both Clusters gone', async () => !(await get(CAPI, 'Cluster', 'booted')) && !(await get(CAPI, 'Cluster', 'refused')), 180_000);
    expect((await request(env.backend.server).get(api('booted'))).status).toBe(404);
    const gone = async (p: Promise<unknown>) => p.then(() => 200, (e: any) => e.status ?? e.statusCode);
    expect(await gone(neutron(booted, `networks/${osc.status.network.id}`))).toBe(404);
    expect(await gone(neutron(booted, `routers/${osc.status.router.id}`))).toBe(404);
    expect(await gone(neutron(booted, `security-groups/${osc.status.controlPlaneSecurityGroup.id}`))).toBe(404);
    expect(await gone(nova(booted, `servers/${server.status.instanceID}`))).toBe(404);
    for (const p of [booted, refused]) {
      expect((await nova(p, 'servers')).body.servers).toEqual([]);
      expect((await neutron(p, `networks?project_id=${p.id}`)).body.networks).toEqual([]);
      expect((await neutron(p, `routers?project_id=${p.id}`)).body.routers).toEqual([]);
    }
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  authenticate,
  OpenStackHttpError,
  request,
  Session,
} from './openstackHttp';
import { AVAILABILITY_ZONES, DEMO_QUOTAS, EXTERNAL_NETWORK, FLAVORS, IMAGES, KEY_PAIRS } from './seedResources';
import { useOpenStackTestbed } from './testing';

// First run on a machine: apt-get install (minutes) and the schema template.
jest.setTimeout(20 * 60_000);

describe('OpenStack testbed (real Debian OpenStack services)', () => {
  const testbed = useOpenStackTestbed();
  let appCred: Session;

  beforeAll(async () => {
    const { id, secret } = testbed.info.demo.applicationCredential;
    appCred = await authenticate(testbed.info.authUrl, {
      kind: 'application_credential',
      id,
      secret,
    });
  });

  it('authenticates with a password and lists the flavors as admin', async () => {
    const { admin, authUrl } = testbed.info;
    const session = await authenticate(authUrl, {
      kind: 'password',
      username: admin.username,
      password: admin.password,
      projectName: admin.projectName,
    });
    expect(session.catalog.map(s => s.type).sort()).toEqual([
      'compute',
      'identity',
      'image',
      'load-balancer',
      'network',
      'placement',
      'volumev3',
    ]);
    const flavors = await request(
      'GET',
      `${session.endpoint('compute')}/flavors/detail`,
      { token: session.token },
    );
    expect(
      flavors.body.flavors.map((f: any) => [f.name, f.vcpus, f.ram]).sort(),
    ).toEqual(FLAVORS.map(f => [f.name, f.vcpus, f.ram]).sort());
  });

  it('rejects a wrong password and a wrong application credential secret', async () => {
    const { authUrl, demo } = testbed.info;
    const wrongPassword = authenticate(authUrl, {
      kind: 'password',
      username: demo.username,
      password: 'nope',
      projectName: demo.projectName,
    });
    await expect(wrongPassword).rejects.toMatchObject({ status: 401 });
    const wrongSecret = authenticate(authUrl, {
      kind: 'application_credential',
      id: demo.applicationCredential.id,
      secret: 'nope',
    });
    await expect(wrongSecret).rejects.toBeInstanceOf(OpenStackHttpError);
    await expect(wrongSecret).rejects.toMatchObject({ status: 401 });
  });

  it('scopes an application credential token to the demo project', async () => {
    expect(appCred.projectId).toBe(testbed.info.demo.projectId);
    expect(appCred.userId).toBe(testbed.info.demo.userId);
  });

  it('lists flavors, images with Kubernetes versions, networks and key pairs with the application credential', async () => {
    const get = async (url: string) =>
      (await request('GET', url, { token: appCred.token })).body;
    const flavors = await get(`${appCred.endpoint('compute')}/flavors`);
    expect(flavors.flavors.map((f: any) => f.name).sort()).toEqual(
      FLAVORS.map(f => f.name).sort(),
    );

    const images = await get(
      `${appCred.endpoint('image')}/v2/images?status=active`,
    );
    expect(
      images.images.map((i: any) => [i.name, i.kube_version ?? null]).sort(),
    ).toEqual(IMAGES.map(i => [i.name, i.kube_version ?? null]).sort());
    // Glance kept the id the demo's Magnum cluster names its image by.
    const magnumImage = IMAGES.find(i => i.id)!;
    expect(
      images.images.find((i: any) => i.name === magnumImage.name)?.id,
    ).toBe(magnumImage.id);

    const networks = await get(`${appCred.endpoint('network')}/v2.0/networks`);
    const byName = Object.fromEntries(
      networks.networks.map((n: any) => [n.name, n]),
    );
    expect(byName[EXTERNAL_NETWORK]['router:external']).toBe(true);
    expect(byName['capi-demo-net'].project_id).toBe(
      testbed.info.demo.projectId,
    );
    expect(byName['capi-demo-net']['router:external']).toBe(false);

    const keypairs = await get(`${appCred.endpoint('compute')}/os-keypairs`);
    expect(keypairs.keypairs.map((k: any) => k.keypair.name).sort()).toEqual(
      [...KEY_PAIRS].sort(),
    );
  });

  it('lists the availability zones of the fake compute hosts', async () => {
    const zones = await request(
      'GET',
      `${appCred.endpoint('compute')}/os-availability-zone`,
      { token: appCred.token },
    );
    expect(
      zones.body.availabilityZoneInfo
        .filter((z: any) => z.zoneState.available)
        .map((z: any) => z.zoneName)
        .sort(),
    ).toEqual(Object.keys(AVAILABILITY_ZONES).sort());
  });

  it('reports the seeded quotas with their usage', async () => {
    const { projectId } = testbed.info.demo;
    const compute = await request(
      'GET',
      `${appCred.endpoint('compute')}/os-quota-sets/${projectId}/detail`,
      {
        token: appCred.token,
      },
    );
    expect(compute.body.quota_set.cores).toEqual({
      limit: DEMO_QUOTAS.compute.cores,
      in_use: 0,
      reserved: 0,
    });
    expect(compute.body.quota_set.instances.limit).toBe(
      DEMO_QUOTAS.compute.instances,
    );
    expect(compute.body.quota_set.ram.limit).toBe(DEMO_QUOTAS.compute.ram);

    const network = await request(
      'GET',
      `${appCred.endpoint('network')}/v2.0/quotas/${projectId}/details.json`,
      {
        token: appCred.token,
      },
    );
    // The tenant network and subnet exist, so they count.
    expect(network.body.quota.network).toMatchObject({
      limit: DEMO_QUOTAS.network.network,
      used: 1,
    });
    expect(network.body.quota.subnet).toMatchObject({
      limit: DEMO_QUOTAS.network.subnet,
      used: 1,
    });
  });

  it('sets the load balancer and volume quotas of the demo project', async () => {
    const { projectId } = testbed.info.demo;
    const lb = await request(
      'GET',
      `${appCred.endpoint('load-balancer')}/v2/lbaas/quotas/${projectId}`,
      { token: appCred.token },
    );
    expect(lb.body.quota.load_balancer).toBe(
      DEMO_QUOTAS.loadBalancer.load_balancer,
    );
    const volume = await request(
      'GET',
      `${appCred.endpoint('volumev3')}/os-quota-sets/${projectId}?usage=true`,
      { token: appCred.token },
    );
    expect(volume.body.quota_set.volumes).toMatchObject({
      limit: DEMO_QUOTAS.volume.volumes,
      in_use: 0,
    });
  });

  it('publishes loopback endpoints only, none on the demo fallback port 5000', () => {
    for (const url of Object.values(testbed.info.endpoints)) {
      const { hostname, port } = new URL(url);
      expect([url, hostname]).toEqual([url, '127.0.0.1']);
      expect(port).not.toBe('5000');
    }
  });
});

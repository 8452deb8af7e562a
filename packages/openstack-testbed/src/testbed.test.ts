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
import { DEMO_QUOTAS, FLAVORS, IMAGES } from './seedResources';
import { setupOpenStackTestbed, TestbedHandle } from './testing';

// First run on a machine: apt-get install (minutes) and the schema template.
jest.setTimeout(20 * 60_000);

describe('OpenStack testbed (real Debian OpenStack services)', () => {
  let testbed: TestbedHandle;
  let appCred: Session;

  beforeAll(async () => {
    testbed = await setupOpenStackTestbed();
    const { id, secret } = testbed.info.demo.applicationCredential;
    appCred = await authenticate(testbed.info.authUrl, {
      kind: 'application_credential',
      id,
      secret,
    });
  });

  afterAll(async () => {
    await testbed?.stop();
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
    const kubeVersions = images.images
      .filter((i: any) => i.kube_version)
      .map((i: any) => i.kube_version)
      .sort();
    expect(kubeVersions).toEqual(
      IMAGES.flatMap(i => ('kube_version' in i ? [i.kube_version] : [])).sort(),
    );

    const networks = await get(`${appCred.endpoint('network')}/v2.0/networks`);
    const byName = Object.fromEntries(
      networks.networks.map((n: any) => [n.name, n]),
    );
    expect(byName.public['router:external']).toBe(true);
    expect(byName['capi-demo-net'].project_id).toBe(
      testbed.info.demo.projectId,
    );
    expect(byName['capi-demo-net']['router:external']).toBe(false);

    const keypairs = await get(`${appCred.endpoint('compute')}/os-keypairs`);
    expect(keypairs.keypairs.map((k: any) => k.keypair.name)).toEqual([
      'capi-demo-key',
    ]);
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
    ).toEqual(['az-1', 'az-2']);
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
});

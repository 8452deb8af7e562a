/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What the pickers and quota checks read: flavors, images with Kubernetes
// versions, an external and a tenant network, a key pair, availability
// zones and quotas.

import crypto from 'node:crypto';
import { request, Session } from './openstackHttp';

export const FLAVORS = [
  { name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
  { name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40 },
  { name: 'm1.large', vcpus: 4, ram: 8192, disk: 80 },
  { name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 160 },
] as const;

export const IMAGES = [
  {
    name: 'ubuntu-2204-kube-v1.30.8',
    kube_version: 'v1.30.8',
    os_distro: 'ubuntu',
    os_version: '22.04',
  },
  {
    name: 'ubuntu-2204-kube-v1.31.4',
    kube_version: 'v1.31.4',
    os_distro: 'ubuntu',
    os_version: '22.04',
  },
  {
    name: 'ubuntu-2404-kube-v1.32.1',
    kube_version: 'v1.32.1',
    os_distro: 'ubuntu',
    os_version: '24.04',
  },
  { name: 'cirros-0.6.2', os_distro: 'cirros', os_version: '0.6.2' },
] as const;

export const DEMO_QUOTAS = {
  compute: { instances: 20, cores: 64, ram: 131072, key_pairs: 10 },
  network: {
    network: 10,
    subnet: 20,
    port: 100,
    router: 5,
    floatingip: 10,
    security_group: 20,
  },
  volume: { volumes: 20, gigabytes: 1000, snapshots: 20 },
} as const;

export interface SeededResources {
  flavors: Array<{ id: string; name: string }>;
  images: Array<{ id: string; name: string; kubeVersion?: string }>;
  externalNetwork: { id: string; name: string; subnetId: string };
  tenantNetwork: { id: string; name: string; subnetId: string };
  routerId?: string;
  keyPair: { name: string; fingerprint: string };
}

/** An OpenSSH ed25519 public key line (Nova 2.92+ no longer generates keys). */
export function sshPublicKey(comment: string): string {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const str = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

export async function seedFlavors(
  admin: Session,
): Promise<SeededResources['flavors']> {
  const nova = admin.endpoint('compute');
  const out = [];
  for (const f of FLAVORS) {
    const res = await request('POST', `${nova}/flavors`, {
      token: admin.token,
      body: { flavor: { ...f, 'os-flavor-access:is_public': true } },
    });
    out.push({ id: res.body.flavor.id, name: f.name });
  }
  return out;
}

/** Public images with a few bytes of data each, so they become active. */
export async function seedImages(
  admin: Session,
): Promise<SeededResources['images']> {
  const glance = admin.endpoint('image');
  const out = [];
  for (const img of IMAGES) {
    const res = await request('POST', `${glance}/v2/images`, {
      token: admin.token,
      body: {
        ...img,
        disk_format: 'qcow2',
        container_format: 'bare',
        visibility: 'public',
      },
    });
    await request('PUT', `${glance}/v2/images/${res.body.id}/file`, {
      token: admin.token,
      raw: Buffer.from(`testbed image ${img.name}\n`),
    });
    out.push({
      id: res.body.id,
      name: img.name,
      kubeVersion: 'kube_version' in img ? img.kube_version : undefined,
    });
  }
  return out;
}

export async function seedNetworks(
  admin: Session,
  demoProjectId: string,
): Promise<
  Pick<SeededResources, 'externalNetwork' | 'tenantNetwork' | 'routerId'>
> {
  const neutron = `${admin.endpoint('network')}/v2.0`;
  const post = async (kind: string, body: object) =>
    (
      await request('POST', `${neutron}/${kind}s`, {
        token: admin.token,
        body: { [kind]: body },
      })
    ).body[kind];

  const ext = await post('network', {
    name: 'public',
    'router:external': true,
    'provider:network_type': 'flat',
    'provider:physical_network': 'public',
  });
  const extSubnet = await post('subnet', {
    network_id: ext.id,
    name: 'public-subnet',
    ip_version: 4,
    cidr: '172.24.4.0/24',
    gateway_ip: '172.24.4.1',
    enable_dhcp: false,
  });
  const net = await post('network', {
    name: 'capi-demo-net',
    project_id: demoProjectId,
  });
  const subnet = await post('subnet', {
    network_id: net.id,
    project_id: demoProjectId,
    name: 'capi-demo-subnet',
    ip_version: 4,
    cidr: '10.6.0.0/24',
    dns_nameservers: ['10.6.0.2'],
  });
  const router = await post('router', {
    name: 'capi-demo-router',
    project_id: demoProjectId,
    external_gateway_info: { network_id: ext.id },
  });
  await request('PUT', `${neutron}/routers/${router.id}/add_router_interface`, {
    token: admin.token,
    body: { subnet_id: subnet.id },
  });
  return {
    externalNetwork: { id: ext.id, name: ext.name, subnetId: extSubnet.id },
    tenantNetwork: { id: net.id, name: net.name, subnetId: subnet.id },
    routerId: router.id,
  };
}

/** A key pair of the demo user (key pairs belong to users, not projects). */
export async function seedKeyPair(
  demo: Session,
): Promise<SeededResources['keyPair']> {
  const res = await request('POST', `${demo.endpoint('compute')}/os-keypairs`, {
    token: demo.token,
    body: {
      keypair: {
        name: 'capi-demo-key',
        public_key: sshPublicKey('capi-demo@testbed'),
      },
    },
  });
  return {
    name: res.body.keypair.name,
    fingerprint: res.body.keypair.fingerprint,
  };
}

export async function seedQuotas(
  admin: Session,
  projectId: string,
  withVolume: boolean,
): Promise<void> {
  await request(
    'PUT',
    `${admin.endpoint('compute')}/os-quota-sets/${projectId}`,
    {
      token: admin.token,
      body: { quota_set: DEMO_QUOTAS.compute },
    },
  );
  await request(
    'PUT',
    `${admin.endpoint('network')}/v2.0/quotas/${projectId}`,
    {
      token: admin.token,
      body: { quota: DEMO_QUOTAS.network },
    },
  );
  if (withVolume) {
    await request(
      'PUT',
      `${admin.endpoint('volumev3')}/os-quota-sets/${projectId}`,
      {
        token: admin.token,
        body: { quota_set: DEMO_QUOTAS.volume },
      },
    );
  }
}

/** One host aggregate per availability zone, each with its compute host. */
export async function seedAvailabilityZones(
  admin: Session,
  zones: Record<string, string>,
): Promise<void> {
  const nova = admin.endpoint('compute');
  for (const [zone, host] of Object.entries(zones)) {
    const agg = await request('POST', `${nova}/os-aggregates`, {
      token: admin.token,
      body: { aggregate: { name: zone, availability_zone: zone } },
    });
    await request(
      'POST',
      `${nova}/os-aggregates/${agg.body.aggregate.id}/action`,
      {
        token: admin.token,
        body: { add_host: { host } },
      },
    );
  }
}

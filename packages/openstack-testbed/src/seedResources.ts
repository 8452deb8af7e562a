/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What the pickers and quota checks read: flavors, images with Kubernetes
// versions, an external and a tenant network, a key pair, availability
// zones and quotas.

import crypto from 'node:crypto';
import { request, Session } from './openstackHttp';

// The demo fleet of the local management cluster (packages/management-cluster
// src/seed) names these flavors, images, key pairs, networks and zones in its
// OpenStackCluster and OpenStackMachineTemplate specs; `npm start -- --openstack`
// points its identity Secrets here, so they must exist (demoAlignment.test.ts).

export const FLAVORS = [
  { name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
  { name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40 },
  { name: 'm1.large', vcpus: 4, ram: 8192, disk: 80 },
  { name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 160 },
  { name: 'c2.xlarge', vcpus: 8, ram: 16384, disk: 80 },
  { name: 'c2.2xlarge', vcpus: 16, ram: 32768, disk: 160 },
] as const;

/** Kubernetes versions with an `ubuntu-2404-kube-<version>` image (those `npm start` configures). */
export const KUBERNETES_VERSIONS = ['v1.33.5', 'v1.34.2', 'v1.35.0'] as const;

export interface SeedImage {
  name: string;
  /** Glance accepts an id on create: the Magnum demo cluster names its image by id. */
  id?: string;
  kube_version?: string;
  os_distro: string;
  os_version: string;
}

export const IMAGES: readonly SeedImage[] = [
  ...KUBERNETES_VERSIONS.map(v => ({
    name: `ubuntu-2404-kube-${v}`,
    kube_version: v,
    os_distro: 'ubuntu',
    os_version: '24.04',
  })),
  {
    // The Magnum cluster's imageUUID (uuidFor('image', name) in the demo seed).
    name: 'ubuntu-2204-kube-v1.33.5',
    id: 'be69cb9e-a35b-4ad5-a07c-52f066a74c6f',
    kube_version: 'v1.33.5',
    os_distro: 'ubuntu',
    os_version: '22.04',
  },
  // The bastion image of the demo: no Kubernetes version.
  { name: 'ubuntu-24.04', os_distro: 'ubuntu', os_version: '24.04' },
];

/** Key pairs of the demo user (the Magnum cluster uses `magnum`). */
export const KEY_PAIRS = ['capi-demo', 'magnum'] as const;

/** The external network of the demo's OpenStackClusters (`externalNetwork.filter.name`). */
export const EXTERNAL_NETWORK = 'public';

/**
 * Availability zone -> fake nova-compute host. `nova` is Nova's default zone:
 * its host joins no aggregate (the demo's clusters without zones use it).
 */
export const AVAILABILITY_ZONES: Readonly<Record<string, string>> = {
  nova: 'compute-nova',
  az1: 'compute-az1',
  az2: 'compute-az2',
  az3: 'compute-az3',
};
export const DEFAULT_AVAILABILITY_ZONE = 'nova';

/**
 * Quotas of the demo project. The demo's simulated servers use nothing in
 * the cloud, so these are headroom for what a person does in the demo
 * (create a cluster, scale a pool by a few nodes, upgrade with a surge
 * machine); scaling a pool to 30+ large nodes exceeds them.
 */
export const DEMO_QUOTAS = {
  compute: { instances: 50, cores: 200, ram: 409600, key_pairs: 10 },
  network: {
    network: 20,
    subnet: 40,
    port: 500,
    router: 10,
    floatingip: 20,
    security_group: 60,
    security_group_rule: 600,
  },
  volume: { volumes: 40, gigabytes: 2000, snapshots: 20 },
  loadBalancer: {
    load_balancer: 10,
    listener: 40,
    pool: 40,
    member: 500,
    health_monitor: 40,
  },
} as const;

export interface SeededResources {
  flavors: Array<{ id: string; name: string }>;
  images: Array<{ id: string; name: string; kubeVersion?: string }>;
  externalNetwork: { id: string; name: string; subnetId: string };
  tenantNetwork: { id: string; name: string; subnetId: string };
  routerId?: string;
  /** The first of keyPairs (`capi-demo`). */
  keyPair: { name: string; fingerprint: string };
  keyPairs: Array<{ name: string; fingerprint: string }>;
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
  for (const { id, ...img } of IMAGES) {
    const res = await request('POST', `${glance}/v2/images`, {
      token: admin.token,
      body: {
        ...(id ? { id } : {}),
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
      kubeVersion: img.kube_version,
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
    name: EXTERNAL_NETWORK,
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

/** The key pairs of the demo user (key pairs belong to users, not projects). */
export async function seedKeyPairs(
  demo: Session,
): Promise<SeededResources['keyPairs']> {
  const out = [];
  for (const name of KEY_PAIRS) {
    const res = await request(
      'POST',
      `${demo.endpoint('compute')}/os-keypairs`,
      {
        token: demo.token,
        body: {
          keypair: { name, public_key: sshPublicKey(`${name}@testbed`) },
        },
      },
    );
    out.push({
      name: res.body.keypair.name,
      fingerprint: res.body.keypair.fingerprint,
    });
  }
  return out;
}

export async function seedQuotas(
  admin: Session,
  projectId: string,
  services: { volume: boolean; loadBalancer: boolean },
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
  if (services.volume) {
    await request(
      'PUT',
      `${admin.endpoint('volumev3')}/os-quota-sets/${projectId}`,
      {
        token: admin.token,
        body: { quota_set: DEMO_QUOTAS.volume },
      },
    );
  }
  if (services.loadBalancer) {
    await request(
      'PUT',
      `${admin.endpoint('load-balancer')}/v2/lbaas/quotas/${projectId}`,
      {
        token: admin.token,
        body: { quota: DEMO_QUOTAS.loadBalancer },
      },
    );
  }
}

/**
 * One host aggregate per availability zone, each with its compute host. The
 * host of Nova's default zone (`nova`) joins none: that is what puts it there.
 */
export async function seedAvailabilityZones(
  admin: Session,
  zones: Record<string, string>,
): Promise<void> {
  const nova = admin.endpoint('compute');
  for (const [zone, host] of Object.entries(zones)) {
    if (zone === DEFAULT_AVAILABILITY_ZONE) continue;
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

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The lists the pickers and the preflight read, mapped from the OpenStack
// APIs' answers to the plugin's contract (mappers are pure, tested alone).

import {
  imageKubernetesVersion,
  OpenStackAvailabilityZone,
  OpenStackFlavor,
  OpenStackImage,
  OpenStackKeyPair,
  OpenStackNetwork,
  OpenStackQuota,
  OpenStackResourcesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { OpenStackClient } from './OpenStackClient';
import { OpenStackError } from '../errors';

export function mapFlavors(body: any): OpenStackFlavor[] {
  return (body?.flavors ?? [])
    .map((f: any) => ({ id: String(f.id), name: String(f.name), vcpus: Number(f.vcpus), ram: Number(f.ram), disk: Number(f.disk) }))
    .sort((a: OpenStackFlavor, b: OpenStackFlavor) => (a.vcpus ?? 0) - (b.vcpus ?? 0) || (a.ram ?? 0) - (b.ram ?? 0) || a.name.localeCompare(b.name));
}

/** Glance v2 puts custom properties at the top level of an image. */
export function mapImages(body: any): OpenStackImage[] {
  return (body?.images ?? [])
    .filter((i: any) => i.status === 'active')
    .map((i: any) => {
      const kubernetesVersion = imageKubernetesVersion({ name: String(i.name ?? ''), properties: i });
      return {
        id: String(i.id),
        name: String(i.name ?? i.id),
        tags: Array.isArray(i.tags) ? i.tags.map(String) : [],
        ...(kubernetesVersion ? { kubernetesVersion } : {}),
        ...(i.os_distro ? { osDistro: String(i.os_distro) } : {}),
        ...(i.os_version ? { osVersion: String(i.os_version) } : {}),
      };
    })
    .sort((a: OpenStackImage, b: OpenStackImage) => a.name.localeCompare(b.name));
}

export function mapNetworks(body: any): OpenStackNetwork[] {
  return (body?.networks ?? [])
    .map((n: any) => ({ id: String(n.id), name: String(n.name ?? ''), external: n['router:external'] === true }))
    .sort((a: OpenStackNetwork, b: OpenStackNetwork) => Number(b.external) - Number(a.external) || a.name.localeCompare(b.name));
}

export function mapKeyPairs(body: any): OpenStackKeyPair[] {
  return (body?.keypairs ?? [])
    .map((k: any) => k.keypair ?? k)
    .map((k: any) => ({ name: String(k.name), ...(k.fingerprint ? { fingerprint: String(k.fingerprint) } : {}) }))
    .sort((a: OpenStackKeyPair, b: OpenStackKeyPair) => a.name.localeCompare(b.name));
}

export function mapAvailabilityZones(body: any): OpenStackAvailabilityZone[] {
  return (body?.availabilityZoneInfo ?? [])
    .filter((z: any) => z.zoneName && z.zoneName !== 'internal')
    .map((z: any) => ({ name: String(z.zoneName), available: z.zoneState?.available === true }))
    .sort((a: OpenStackAvailabilityZone, b: OpenStackAvailabilityZone) => a.name.localeCompare(b.name));
}

const NOVA_QUOTAS = ['instances', 'cores', 'ram', 'key_pairs', 'server_groups'];
const NEUTRON_QUOTAS = ['floatingip', 'port', 'security_group', 'security_group_rule', 'network', 'subnet', 'router'];
const CINDER_QUOTAS = ['volumes', 'gigabytes'];

/** Quota details of one service: `{ limit, <used>, reserved }` per resource. */
function mapQuotaDetails(
  service: OpenStackQuota['service'],
  resources: string[],
  details: any,
  usedKey: 'in_use' | 'used',
): OpenStackQuota[] {
  return resources
    .filter(r => details?.[r] && typeof details[r] === 'object')
    .map(r => ({
      service,
      resource: r,
      limit: Number(details[r].limit),
      inUse: Number(details[r][usedKey] ?? 0),
      reserved: Number(details[r].reserved ?? 0),
    }));
}

/** Nova `os-quota-sets/{id}/detail`. */
export const mapNovaQuotas = (body: any) => mapQuotaDetails('compute', NOVA_QUOTAS, body?.quota_set, 'in_use');
/** Neutron `quotas/{id}/details` (usage is `used`). */
export const mapNeutronQuotas = (body: any) => mapQuotaDetails('network', NEUTRON_QUOTAS, body?.quota, 'used');
/** Cinder `os-quota-sets/{id}?usage=true`. */
export const mapCinderQuotas = (body: any) => mapQuotaDetails('volume', CINDER_QUOTAS, body?.quota_set, 'in_use');

/** Octavia reports the limit only; usage is the project's load balancers (deleted ones excluded). */
export function mapOctaviaQuota(quotaBody: any, loadBalancersBody: any): OpenStackQuota[] {
  const q = quotaBody?.quota ?? {};
  const limit = q.load_balancer ?? q.loadbalancer;
  if (limit === undefined || limit === null) return [];
  const inUse = (loadBalancersBody?.loadbalancers ?? []).filter((lb: any) => lb.provisioning_status !== 'DELETED').length;
  return [{ service: 'load-balancer', resource: 'loadbalancer', limit: Number(limit), inUse }];
}

export type CloudLists = Pick<
  OpenStackResourcesResponse,
  'flavors' | 'images' | 'networks' | 'keyPairs' | 'availabilityZones' | 'quotas'
> & {
  projectId?: string;
  /** Optional services that could not be read (e.g. Octavia not deployed), with why. */
  notes: string[];
};

const MAX_IMAGE_PAGES = 20;

/** Glance pages its answer (`next`): follow it, so that a large catalog is not cut off. */
async function listImages(client: OpenStackClient): Promise<{ images: any[] } | undefined> {
  const images: any[] = [];
  let path: string | undefined = '/images?status=active&limit=500';
  for (let page = 0; path && page < MAX_IMAGE_PAGES; page++) {
    const body: any = await client.get('image', path);
    if (body === undefined) return undefined;
    images.push(...(body.images ?? []));
    // `next` is absolute (`/v2/images?marker=…`); the endpoint already ends in /v2.
    path = typeof body.next === 'string' ? body.next.replace(/^\/v2(?=\/)/, '') : undefined;
  }
  return { images };
}

/** Reads every list (in parallel); optional services (Octavia, Cinder) may be missing. */
export async function readCloudLists(client: OpenStackClient): Promise<CloudLists> {
  const projectId = await client.projectId();
  const notes: string[] = [];
  const optional = async <T>(what: string, read: () => Promise<T | undefined>, empty: T): Promise<T> => {
    try {
      const v = await read();
      if (v === undefined) notes.push(`${what}: not in the service catalog`);
      return v ?? empty;
    } catch (e) {
      // An optional service that is down or slow costs its lists, not the others.
      notes.push(`${what}: ${(e as Error).message}`);
      return empty;
    }
  };
  const required = async <T>(what: string, read: () => Promise<T | undefined>): Promise<T> => {
    const v = await read();
    if (v === undefined) throw new OpenStackError(`${what} is not in the service catalog of this cloud`, 404);
    return v;
  };
  const [flavors, images, networks, keyPairs, zones, nova, neutron, octavia, cinder] = await Promise.all([
    required('Nova (compute)', () => client.get('compute', '/flavors/detail')),
    required('Glance (image)', () => listImages(client)),
    required('Neutron (network)', () => client.get('network', '/networks')),
    required('Nova (compute)', () => client.get('compute', '/os-keypairs')),
    optional('availability zones', () => client.get('compute', '/os-availability-zone'), {}),
    optional('Nova quotas', () => client.get('compute', '/os-quota-sets/{project_id}/detail'), {}),
    optional('Neutron quotas', () => client.get('network', '/quotas/{project_id}/details'), {}),
    optional(
      'Octavia (load-balancer)',
      async () => {
        const [q, lbs] = await Promise.all([
          client.get('load-balancer', '/lbaas/quotas/{project_id}'),
          client.get('load-balancer', '/lbaas/loadbalancers?project_id={project_id}'),
        ]);
        return q === undefined ? undefined : mapOctaviaQuota(q, lbs);
      },
      [] as OpenStackQuota[],
    ),
    optional('Cinder (volume)', () => client.get('volume', '/os-quota-sets/{project_id}?usage=true'), {}),
  ]);
  return {
    flavors: mapFlavors(flavors),
    images: mapImages(images),
    networks: mapNetworks(networks),
    keyPairs: mapKeyPairs(keyPairs),
    availabilityZones: mapAvailabilityZones(zones),
    quotas: [...mapNovaQuotas(nova), ...mapNeutronQuotas(neutron), ...octavia, ...mapCinderQuotas(cinder)],
    projectId,
    notes,
  };
}

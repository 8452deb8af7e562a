/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The contract of the OpenStack read endpoints and of preflight checks,
// shared by the backend (which talks to the clouds with the credentials of
// each cluster's identity Secret), the frontend dialogs and the scaffolder.
//
// `GET /openstack/:managementCluster/:namespace/resources?secret=&cloud=`
//   (create form: the identity the new cluster will use; needs the create
//   permission) and `GET /clusters/:mc/:ns/:name/openstack` (the identity of an
//   existing cluster; needs read) answer `OpenStackResourcesResponse`. When the
//   cloud cannot be reached the answer is still 200 with `available: false`,
//   a `message`, and the configured fallback lists, so pickers keep working.
//
// Preflight: every lifecycle write that adds or changes servers (scale,
// autoscaler bounds (as advice: warnings only), flavor, upgrade) and the
// create endpoint check the change against the
// project's quota headroom and the cloud's flavors, images, networks, key
// pairs and availability zones. The result is in `ActionResult.preflight` /
// `CreateClusterResponse.preflight` (dry runs show it). A `fail` is answered
// 422 with the failing checks unless the request carries `force: true`.

/** A Nova flavor. @public */
export interface OpenStackFlavor {
  id: string;
  name: string;
  /** Absent in configured fallback lists (only names are configured). */
  vcpus?: number;
  /** MiB. */
  ram?: number;
  /** GiB (root disk). */
  disk?: number;
}

/** A Glance image (active ones only). @public */
export interface OpenStackImage {
  id: string;
  name: string;
  tags: string[];
  /** The Kubernetes version the image is built for (`kube_version` property, else from the name). */
  kubernetesVersion?: string;
  osDistro?: string;
  osVersion?: string;
}

/** A Neutron network. @public */
export interface OpenStackNetwork {
  id: string;
  name: string;
  /** `router:external`: floating IPs come from external networks. */
  external: boolean;
}

/** A Nova key pair of the credential's user. @public */
export interface OpenStackKeyPair {
  name: string;
  fingerprint?: string;
}

/** A Nova availability zone. @public */
export interface OpenStackAvailabilityZone {
  name: string;
  available: boolean;
}

/** Which OpenStack service a quota belongs to. @public */
export type OpenStackQuotaService = 'compute' | 'network' | 'load-balancer' | 'volume';

/** One quota of the project: limit and usage. @public */
export interface OpenStackQuota {
  service: OpenStackQuotaService;
  /** e.g. `cores`, `ram`, `instances`, `floatingip`, `port`, `security_group`, `loadbalancer`, `volumes`, `gigabytes`. */
  resource: string;
  /** -1: unlimited. */
  limit: number;
  inUse: number;
  /** Reserved by requests in flight (Nova, Neutron, Cinder report it). */
  reserved?: number;
}

/** Where the lists came from. @public */
export type OpenStackSource = 'cloud' | 'config';

/** `GET .../openstack` and `GET /openstack/:mc/:ns/resources`. @public */
export interface OpenStackResourcesResponse {
  /** True when the lists come from the cloud; false: fallback lists from the configuration. */
  available: boolean;
  source: OpenStackSource;
  /** Why the cloud could not be reached (never contains a secret). */
  message?: string;
  /** `secretName` names the OpenStackClusterIdentity when `type` is `ClusterIdentity`. */
  identity: { secretName: string; cloudName: string; type?: 'Secret' | 'ClusterIdentity' };
  /** Keystone URL, region and project of the credential (when known). */
  /** The cloud answering; `horizonUrl` from `capiOpenstack.openstack.horizon` (server links). */
  cloud?: { authUrl: string; region?: string; projectId?: string; horizonUrl?: string };
  flavors: OpenStackFlavor[];
  images: OpenStackImage[];
  networks: OpenStackNetwork[];
  keyPairs: OpenStackKeyPair[];
  availabilityZones: OpenStackAvailabilityZone[];
  /** Empty when the cloud could not be reached. */
  quotas: OpenStackQuota[];
  /** ISO time the lists were read from the cloud (they are cached briefly). */
  fetchedAt?: string;
}

/** Outcome of one preflight check, and of a whole preflight (the worst check). @public */
export type PreflightStatus = 'pass' | 'warn' | 'fail';

/** One preflight check. @public */
export interface PreflightCheck {
  /** Stable id, e.g. `quota:compute:cores`, `flavor`, `image`, `keyPair`, `availabilityZone:az-1`. */
  id: string;
  status: PreflightStatus;
  /** One sentence a person understands, e.g. "Nova cores: the change needs 8, 4 of 64 are left." */
  message: string;
}

/** What a change needs from the cloud, summed up. @public */
export interface PreflightNeeds {
  /** Additional servers at the peak of the change. */
  instances: number;
  /** Additional vCPUs and RAM (MiB) at the peak of the change. */
  cores: number;
  ram: number;
  floatingIps: number;
  ports: number;
  securityGroups: number;
  loadBalancers: number;
  volumes: number;
}

/** Result of a preflight. @public */
export interface PreflightResult {
  status: PreflightStatus;
  /** One sentence summing up the checks. */
  summary: string;
  checks: PreflightCheck[];
  /** What the change needs beyond what the project uses now. */
  needs?: PreflightNeeds;
  /** True when the caller sent `force: true` and the write went ahead despite a `fail`. */
  forced?: boolean;
}

/** Path of the OpenStack read endpoints. @public */
export const openstackPaths = {
  /** Relative to `/clusters/:mc/:ns/:name`. */
  cluster: 'openstack',
  /** `openstack/:mc/:ns/resources?secret=&cloud=`. */
  namespace: (managementCluster: string, namespace: string) =>
    `openstack/${encodeURIComponent(managementCluster)}/${encodeURIComponent(namespace)}/resources`,
} as const;

/** The worst of several statuses. @public */
export function worstPreflightStatus(statuses: PreflightStatus[]): PreflightStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('warn')) return 'warn';
  return 'pass';
}

/**
 * The Kubernetes version an image is built for: its `kube_version` property,
 * else a `v1.2.3` in its name. @public
 */
export function imageKubernetesVersion(image: {
  name: string;
  properties?: Record<string, unknown>;
}): string | undefined {
  const prop = image.properties?.kube_version ?? image.properties?.kubernetes_version;
  if (typeof prop === 'string' && prop) return prop.startsWith('v') ? prop : `v${prop}`;
  // Only names that say they are Kubernetes images (cirros-0.6.2 is not v0.6.2).
  if (!/kube|k8s/i.test(image.name)) return undefined;
  const m = /v?(\d+\.\d+\.\d+)/.exec(image.name);
  return m ? `v${m[1]}` : undefined;
}

/** `POST .../machines/:machine/console`: a browser console of the machine's server (Nova remote console). @public */
export interface ServerConsoleResponse {
  /** One-time console URL (noVNC); opened in a new tab, never stored. */
  url: string;
  protocol: string;
  type: string;
}

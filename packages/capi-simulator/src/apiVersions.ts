/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Which version of each kind to read and write, found by discovery. A local
// API server has no conversion webhooks: it returns stored objects unchanged
// under any served version, so the simulator must use the storage version
// (CAPI v1beta2 on the v1.14 CRDs, v1beta1 on v1.10; CAPO v1beta1 and
// OpenStackServer v1alpha1). With CRD read access the storage version is
// taken from the CRD; otherwise the group's preferred version that serves
// the kind (what a real management cluster converts to and from).

import { KIND_GROUPS } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeClient, KubeError } from './kube';

export { KIND_GROUPS };

export type Kind = keyof typeof KIND_GROUPS;
export const KINDS = Object.keys(KIND_GROUPS) as Kind[];

/** The CAPI API generation: changes refs, rollout fields, status layout. */
export type CapiGeneration = 'v1beta1' | 'v1beta2';

export interface KindInfo {
  kind: Kind;
  group: string;
  version: string;
  apiVersion: string;
  plural: string;
}

export interface ApiVersions {
  /** The generation of the core CAPI kinds (Cluster's version). */
  capi: CapiGeneration;
  kinds: Record<Kind, KindInfo>;
}

interface GroupDiscovery {
  versions: Array<{ version: string }>;
  preferredVersion?: { version: string };
}

/** Discovers the version to use for every kind the simulator handles. */
export async function discoverApiVersions(
  client: KubeClient,
): Promise<ApiVersions> {
  const groups = [...new Set(Object.values(KIND_GROUPS))];
  const servedBy = new Map<string, Map<string, string>>(); // group/kind -> version -> plural
  const preferred = new Map<string, string>();
  for (const group of groups) {
    const g = await client.request<GroupDiscovery>('GET', `/apis/${group}`);
    if (g.preferredVersion) preferred.set(group, g.preferredVersion.version);
    for (const { version } of g.versions) {
      const list = await client.request<{
        resources: Array<{ name: string; kind: string }>;
      }>('GET', `/apis/${group}/${version}`);
      for (const r of list.resources) {
        if (r.name.includes('/')) continue;
        const key = `${group}/${r.kind}`;
        if (!servedBy.has(key)) servedBy.set(key, new Map());
        servedBy.get(key)!.set(version, r.name);
      }
    }
  }

  const kinds = {} as Record<Kind, KindInfo>;
  for (const kind of KINDS) {
    const group = KIND_GROUPS[kind];
    const versions = servedBy.get(`${group}/${kind}`);
    if (!versions || versions.size === 0) {
      throw new Error(
        `${kind} (${group}) is not served: are the CAPI and CAPO CRDs installed?`,
      );
    }
    const plural = [...versions.values()][0];
    let version: string | undefined;
    try {
      const crd = await client.request<any>(
        'GET',
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${plural}.${group}`,
      );
      version = crd.spec.versions.find((v: any) => v.storage)?.name;
    } catch (e) {
      if (!(e instanceof KubeError) || ![403, 404].includes(e.statusCode))
        throw e;
    }
    if (!version || !versions.has(version)) {
      const p = preferred.get(group);
      version = p && versions.has(p) ? p : [...versions.keys()][0];
    }
    kinds[kind] = {
      kind,
      group,
      version,
      apiVersion: `${group}/${version}`,
      plural: versions.get(version)!,
    };
  }
  const capi = kinds.Cluster.version;
  if (capi !== 'v1beta1' && capi !== 'v1beta2') {
    throw new Error(
      `unsupported Cluster API version ${kinds.Cluster.apiVersion}`,
    );
  }
  if (kinds.OpenStackMachine.version !== 'v1beta1') {
    throw new Error(
      `unsupported CAPO version ${kinds.OpenStackMachine.apiVersion} (the simulator speaks CAPO v1beta1)`,
    );
  }
  return { capi, kinds };
}

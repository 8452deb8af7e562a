/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { KubeClient } from './createKubeClient';
import { ResolvedKind, WATCHED_KINDS, WatchedKind } from './kinds';

/**
 * Finds, per watched kind, the API version the server prefers: the group's
 * preferred version when it serves the kind, else the first served version
 * that does (OpenStackServer is v1alpha1 while its group prefers v1beta1).
 * Nothing is hard-coded, so CAPI v1beta2 and v1beta1 servers both work.
 */
export async function discoverKinds(client: KubeClient): Promise<{
  kinds: ResolvedKind[];
  missing: WatchedKind[];
}> {
  const groups = await client.request<{ groups: any[] }>('GET', '/apis');
  const byName = new Map(groups.groups.map(g => [g.name, g]));
  const resourceLists = new Map<string, any[]>();
  const resourcesOf = async (groupVersion: string) => {
    let list = resourceLists.get(groupVersion);
    if (!list) {
      list = (await client.request<{ resources: any[] }>('GET', `/apis/${groupVersion}`)).resources;
      resourceLists.set(groupVersion, list);
    }
    return list;
  };
  const kinds: ResolvedKind[] = [];
  const missing: WatchedKind[] = [];
  for (const want of WATCHED_KINDS) {
    const group = byName.get(want.group);
    let found: ResolvedKind | undefined;
    if (group) {
      const versions: string[] = [
        group.preferredVersion.groupVersion,
        ...group.versions.map((v: any) => v.groupVersion).filter((gv: string) => gv !== group.preferredVersion.groupVersion),
      ];
      for (const gv of versions) {
        const resource = (await resourcesOf(gv)).find(r => r.kind === want.kind && !r.name.includes('/'));
        if (resource) {
          found = { kind: want.kind, apiVersion: gv, plural: resource.name };
          break;
        }
      }
    }
    if (found) kinds.push(found);
    else missing.push(want.kind);
  }
  return { kinds, missing };
}

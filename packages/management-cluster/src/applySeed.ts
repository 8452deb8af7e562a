/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import crypto from 'node:crypto';
import { KubeHttp, KubeObject, Logger, OwnerReference } from '@internal/test-support';
import type { SeedObject, SeedOwner } from './seed';

export const SEED_FIELD_MANAGER = 'capi-openstack-seed';
/** Seed objects marked so are deleted right after creation (a finalizer keeps them). */
export const SEED_DELETE_ANNOTATION = 'capi-openstack.dev/seed-delete';
/** Hash of what the seed last applied to an object: unchanged objects are skipped. */
export const SEED_HASH_ANNOTATION = 'capi-openstack.dev/seed-hash';

/** The ownerReference of a seed object to its (created) owner. */
export function ownerReference(owner: SeedOwner, uid: string): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.name,
    uid,
    ...(owner.controller ? { controller: true, blockOwnerDeletion: true } : {}),
  };
}

export interface SeedResult {
  applied: number;
  /** Objects whose resourceVersion changed (0 on a repeated run). */
  changed: number;
}

/**
 * Applies seed objects in order with server-side apply (spec, then status
 * through the status subresource). Owner references are resolved to the
 * owners' uids as they are created. Running it twice changes nothing.
 */
export async function applySeed(
  client: KubeHttp,
  objects: SeedObject[],
  log?: Logger,
): Promise<SeedResult> {
  const uids = new Map<string, string>();
  const key = (apiVersion: string, kind: string, ns: string | undefined, name: string) =>
    `${apiVersion.split('/')[0]}/${kind}/${ns ?? ''}/${name}`;
  let changed = 0;
  for (const seed of objects) {
    const manifest: KubeObject = structuredClone(seed.manifest) as KubeObject;
    const ns = manifest.metadata.namespace;
    if (seed.owner) {
      const uid = uids.get(key(seed.owner.apiVersion, seed.owner.kind, ns, seed.owner.name));
      if (!uid) {
        throw new Error(
          `seed order: owner ${seed.owner.kind}/${seed.owner.name} of ${manifest.kind}/${manifest.metadata.name} is not created yet`,
        );
      }
      manifest.metadata.ownerReferences = [ownerReference(seed.owner, uid)];
    }
    const hash = crypto
      .createHash('sha256')
      .update(JSON.stringify([manifest, seed.status ?? null]))
      .digest('hex')
      .slice(0, 16);
    manifest.metadata.annotations = {
      ...manifest.metadata.annotations,
      [SEED_HASH_ANNOTATION]: hash,
    };
    const before = await client.get(manifest.apiVersion, manifest.kind, ns, manifest.metadata.name);
    if (
      before?.metadata.deletionTimestamp ||
      before?.metadata.annotations?.[SEED_HASH_ANNOTATION] === hash
    ) {
      // Unchanged since the last seed, or a seeded Deleting snapshot: leave it.
      uids.set(key(manifest.apiVersion, manifest.kind, ns, manifest.metadata.name), before.metadata.uid!);
      continue;
    }
    let current = await client.apply(manifest, { fieldManager: SEED_FIELD_MANAGER });
    if (seed.status) {
      current = await client.apply(
        {
          apiVersion: manifest.apiVersion,
          kind: manifest.kind,
          metadata: { name: manifest.metadata.name, namespace: ns },
          status: seed.status,
        },
        { fieldManager: SEED_FIELD_MANAGER, subresource: 'status' },
      );
    }
    if (manifest.metadata.annotations?.[SEED_DELETE_ANNOTATION] === 'true') {
      await client.delete(manifest.apiVersion, manifest.kind, ns, manifest.metadata.name);
    }
    if (before?.metadata.resourceVersion !== current.metadata.resourceVersion) changed++;
    uids.set(key(manifest.apiVersion, manifest.kind, ns, manifest.metadata.name), current.metadata.uid!);
  }
  log?.(`seeded ${objects.length} objects (${changed} changed)`);
  return { applied: objects.length, changed };
}

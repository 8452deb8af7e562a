/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Writes the objects of a new cluster with server-side apply under the
// plugin's field manager. The whole set is first applied with dryRun=All,
// so the API server validates every object (CRD schemas, CEL rules) before
// anything is stored. Create only creates: objects of the same name are
// never adopted, except by the caller whose request created them (a retry,
// or the rest of an interrupted create).

import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CREATED_BY_ANNOTATION,
  CREATED_BY_VALUE,
  CreatedObject,
  FIELD_MANAGER,
  REQUESTED_BY_ANNOTATION,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { identitySecretRefusal, identitySecretUsable } from '../openstack/identitySecret';
import { KubeClient } from '../kube/createKubeClient';
import { stableJson } from '../model/stableJson';
import { collectionPath, Manifest } from './renderManifests';
import { KubeRequestError, UnprocessableError, UpstreamError } from '../errors';

export interface ApplyResult {
  objects: CreatedObject[];
  /** As the API server answered them (dry run: what would be stored). */
  applied: Manifest[];
  changed: boolean;
}

const enc = encodeURIComponent;

function objectPath(m: Manifest) {
  return `${collectionPath(m)}/${enc(m.metadata.name)}`;
}

async function getOrUndefined(client: KubeClient, path: string): Promise<any | undefined> {
  try {
    return await client.request('GET', path);
  } catch (e) {
    if (e instanceof KubeRequestError && e.statusCode === 404) return undefined;
    throw toHttpError(e);
  }
}

/** Kubernetes errors as the plugin's HTTP errors, with the API server's message (it names the field). */
function toHttpError(e: unknown, what?: string): Error {
  if (!(e instanceof KubeRequestError)) return e as Error;
  const message = `${what ? `${what}: ` : ''}${e.status?.message ?? e.message}`;
  if (e.statusCode === 422 || e.statusCode === 400) return new UnprocessableError(message);
  if (e.statusCode === 409) return new ConflictError(message);
  if (e.statusCode === 404) return new NotFoundError(message);
  if (e.statusCode === 403) return new UpstreamError(`the backend's credentials may not do this in the management cluster: ${message}`);
  return new UpstreamError(message);
}

/**
 * Checks what must exist (namespace, a usable identity Secret) and that no
 * object of the same name belongs to anyone else: objects this plugin
 * created for the same caller are a retry (or the rest of an interrupted
 * create), anything else is a 409 that names no owner. Answers the existing
 * objects.
 */
export async function checkTargets(
  client: KubeClient,
  manifests: Manifest[],
  expect: { namespace: string; secretName: string; requestedBy: string },
): Promise<Map<Manifest, any>> {
  if (!(await getOrUndefined(client, `/api/v1/namespaces/${enc(expect.namespace)}`))) {
    throw new UnprocessableError(`namespace: namespace ${expect.namespace} does not exist in the management cluster`);
  }
  if (!(await identitySecretUsable(client, expect.namespace, expect.secretName))) {
    throw new UnprocessableError(`identity.secretName: ${identitySecretRefusal(expect.secretName, expect.namespace)}`);
  }
  const existing = new Map<Manifest, any>();
  // The Cluster first: a taken name is answered for the Cluster, whatever else exists.
  const inOrder = [...manifests.filter(m => m.kind === 'Cluster'), ...manifests.filter(m => m.kind !== 'Cluster')];
  for (const m of inOrder) {
    const current = await getOrUndefined(client, objectPath(m));
    if (!current) continue;
    const annotations = current.metadata?.annotations ?? {};
    const what = `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`;
    if (annotations[CREATED_BY_ANNOTATION] !== CREATED_BY_VALUE) {
      throw new ConflictError(`${what} already exists and was not created by Backstage: refusing to take it over`);
    }
    if (annotations[REQUESTED_BY_ANNOTATION] !== expect.requestedBy) {
      throw new ConflictError(`${what} already exists: choose another name`);
    }
    existing.set(m, current);
  }
  return existing;
}

/** Whether applying changed nothing of what the plugin sets (spec, labels, annotations). */
export function sameObject(applied: any, current: any): boolean {
  const pick = (o: any) =>
    stableJson({ spec: o?.spec, labels: o?.metadata?.labels ?? {}, annotations: o?.metadata?.annotations ?? {} });
  return pick(applied) === pick(current);
}

async function applyOne(client: KubeClient, m: Manifest, dryRun: boolean): Promise<any> {
  const query = `?fieldManager=${enc(FIELD_MANAGER)}${dryRun ? '&dryRun=All' : ''}`;
  try {
    return await client.request('PATCH', objectPath(m) + query, {
      body: m,
      contentType: 'application/apply-patch+yaml',
    });
  } catch (e) {
    throw toHttpError(e, `${m.kind} ${m.metadata.name}`);
  }
}

/**
 * Applies the manifests (after a complete dry run). With `dryRun` only the
 * dry run happens and its answers are returned.
 */
export async function applyManifests(
  client: KubeClient,
  manifests: Manifest[],
  existing: Map<Manifest, any>,
  dryRun: boolean,
): Promise<ApplyResult> {
  const validated: Manifest[] = [];
  for (const m of manifests) validated.push(await applyOne(client, m, true));
  const cluster = manifests.find(m => m.kind === 'Cluster');
  if (cluster && existing.has(cluster)) {
    // The caller's own cluster exists: only an identical retry is answered (200, nothing changes).
    const identical = manifests.every((m, i) => existing.has(m) && sameObject(validated[i], existing.get(m)));
    if (!identical) {
      throw new ConflictError(
        `Cluster ${cluster.metadata.namespace}/${cluster.metadata.name} already exists with other settings: change it with the lifecycle actions`,
      );
    }
    return {
      applied: manifests,
      objects: manifests.map(m => ({ apiVersion: m.apiVersion, kind: m.kind, name: m.metadata.name, changed: false })),
      changed: false,
    };
  }
  if (dryRun) {
    return {
      applied: validated,
      objects: manifests.map(m => ({ apiVersion: m.apiVersion, kind: m.kind, name: m.metadata.name })),
      changed: false,
    };
  }
  const applied: Manifest[] = [];
  const objects: CreatedObject[] = [];
  for (const m of manifests) {
    const result = await applyOne(client, m, false);
    applied.push(result);
    const before = existing.get(m)?.metadata?.resourceVersion;
    objects.push({
      apiVersion: m.apiVersion,
      kind: m.kind,
      name: m.metadata.name,
      changed: before !== result?.metadata?.resourceVersion,
    });
  }
  return { applied, objects, changed: objects.some(o => o.changed) };
}

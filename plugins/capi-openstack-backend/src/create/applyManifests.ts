/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Writes the objects of a new cluster with server-side apply under the
// plugin's field manager. The whole set is first applied with dryRun=All,
// so the API server validates every object (CRD schemas, CEL rules) before
// anything is stored; a retry applies the same content and changes nothing.
// Objects of the same name that this plugin did not create for the same
// owner are never adopted.

import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CREATED_BY_ANNOTATION,
  CREATED_BY_VALUE,
  CreatedObject,
  FIELD_MANAGER,
  OWNER_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CreateRequestError, ManagementClusterError } from './errors';
import { KubeClient, KubeRequestError } from '../kube/createKubeClient';
import { collectionPath, Manifest } from './renderManifests';

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
  if (e.statusCode === 422 || e.statusCode === 400) return new CreateRequestError(message);
  if (e.statusCode === 409) return new ConflictError(message);
  if (e.statusCode === 404) return new NotFoundError(message);
  if (e.statusCode === 403) return new ManagementClusterError(`the backend's credentials may not do this in the management cluster: ${message}`);
  return new ManagementClusterError(message);
}

/**
 * Checks what must exist (namespace, identity Secret) and that no object of
 * the same name belongs to someone else. Answers the existing objects.
 */
export async function checkTargets(
  client: KubeClient,
  manifests: Manifest[],
  expect: { namespace: string; secretName: string; owner: string },
): Promise<Map<Manifest, any>> {
  if (!(await getOrUndefined(client, `/api/v1/namespaces/${enc(expect.namespace)}`))) {
    throw new CreateRequestError(`namespace: namespace ${expect.namespace} does not exist in the management cluster`);
  }
  // Only existence matters; the Secret's content is dropped unread.
  const secret = await getOrUndefined(client, `/api/v1/namespaces/${enc(expect.namespace)}/secrets/${enc(expect.secretName)}`);
  if (!secret) {
    throw new CreateRequestError(
      `identity.secretName: Secret ${expect.secretName} does not exist in namespace ${expect.namespace} (it must hold clouds.yaml)`,
    );
  }
  const existing = new Map<Manifest, any>();
  for (const m of manifests) {
    const current = await getOrUndefined(client, objectPath(m));
    if (!current) continue;
    const annotations = current.metadata?.annotations ?? {};
    const ours = annotations[CREATED_BY_ANNOTATION] === CREATED_BY_VALUE;
    if (!ours) {
      throw new ConflictError(
        `${m.kind} ${m.metadata.namespace}/${m.metadata.name} already exists and was not created by Backstage: refusing to take it over`,
      );
    }
    if (m.kind === 'Cluster' && annotations[OWNER_LABEL] !== expect.owner) {
      throw new ConflictError(
        `Cluster ${m.metadata.namespace}/${m.metadata.name} already exists and belongs to ${annotations[OWNER_LABEL] ?? 'another owner'}, not ${expect.owner}`,
      );
    }
    existing.set(m, current);
  }
  return existing;
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

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { ManagementClusterCache } from '../cache/ManagementClusterCache';
import { KubeObject } from '../model';
import { getObject, resourcePath, writeObject } from './kubeRequests';
import { mapKubeError } from './kubeErrors';
import { CreateWrite, PatchWrite, Write } from '../plans/types';
import { removeUnreferenced, restoreMissing } from './templateCleanup';
import { KubeRequestError } from '../errors';

/**
 * Executes writes in order. Templates named after their content are
 * reused when they exist. When a write fails, the writes before it that
 * say how (`undo`) are taken back, and the templates this request created
 * are removed unless something references them by then: a failed action
 * leaves nothing behind, and nothing another request relies on is lost.
 * The caller gets the original error.
 */
export async function executeWrites(
  cache: ManagementClusterCache,
  ns: string,
  writes: Write[],
  dryRun: boolean,
  logger: LoggerService,
): Promise<KubeObject[]> {
  const query = `?fieldValidation=Strict${dryRun ? '&dryRun=All' : ''}`;
  const created: KubeObject[] = [];
  const reused: CreateWrite[] = [];
  const done: Array<{ write: PatchWrite; result: KubeObject }> = [];
  const results: KubeObject[] = [];
  try {
    for (const w of writes) {
      if (w.op === 'create') {
        const { object, isNew } = await createOrReuse(cache, ns, w, query);
        results.push(object);
        if (isNew && !dryRun) created.push(object);
        if (!isNew) reused.push(w);
      } else if (w.op === 'patch') {
        const body = w.resourceVersion
          ? { ...w.patch, metadata: { ...(w.patch.metadata as object), resourceVersion: w.resourceVersion } }
          : w.patch;
        const result = await writeObject(
          cache, 'PATCH', resourcePath(cache, w.kind, ns, w.name) + query, body, w.kind, w.name, 'application/merge-patch+json',
        );
        results.push(result);
        if (w.undo && !dryRun) done.push({ write: w, result });
      } else {
        const body = {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          propagationPolicy: 'Background',
          preconditions: { resourceVersion: w.resourceVersion },
          // With a body the server reads DeleteOptions from it, not from the query.
          ...(dryRun ? { dryRun: ['All'] } : {}),
        };
        results.push(await writeObject(cache, 'DELETE', resourcePath(cache, w.kind, ns, w.name), body, w.kind, w.name));
      }
    }
  } catch (e) {
    // A dry run stored nothing to take back.
    for (const d of done.reverse()) await undo(cache, ns, d.write, d.result, logger);
    await removeUnreferenced(cache, ns, created, logger);
    throw e;
  }
  // A request that failed meanwhile may have removed a template this one reused.
  if (!dryRun) await restoreMissing(cache, ns, reused.map(w => w.object), logger);
  return results;
}

/** Creates a content-named template, or reuses the one with that name (also one created a moment ago). */
async function createOrReuse(
  cache: ManagementClusterCache,
  ns: string,
  w: CreateWrite,
  query: string,
): Promise<{ object: KubeObject; isNew: boolean }> {
  const name = w.object.metadata.name;
  const reuse = (existing: KubeObject) => {
    if (!isSubset(w.object.spec, existing.spec)) {
      throw new ConflictError(`${w.kind} ${name} already exists with a different spec`);
    }
    return { object: existing, isNew: false };
  };
  const existing = await getObject(cache, w.kind, ns, name);
  if (existing) return reuse(existing);
  const body = { ...w.object, apiVersion: cache.apiVersionOf(w.kind)!.apiVersion };
  try {
    return { object: await cache.client.request<KubeObject>('POST', resourcePath(cache, w.kind, ns) + query, { body }), isNew: true };
  } catch (e) {
    const raced = e instanceof KubeRequestError && e.statusCode === 409 ? await getObject(cache, w.kind, ns, name) : undefined;
    if (raced) return reuse(raced);
    throw mapKubeError(e, w.kind, name);
  }
}

/**
 * Takes a patch back, conditional on the resourceVersion it returned. If
 * the object changed since, it is re-read and undone only while it still
 * carries what this write set (`whileAnnotations`); otherwise it is left
 * alone and logged.
 */
async function undo(cache: ManagementClusterCache, ns: string, w: PatchWrite, result: KubeObject, logger: LoggerService) {
  const u = w.undo!;
  const what = `${w.kind} ${ns}/${w.name}`;
  try {
    if (u.unless) {
      const other = await getObject(cache, u.unless.kind, ns, u.unless.name);
      if (other && fieldOf(other, u.unless.field) === u.unless.value) {
        logger.info(`kept the change of ${what}: ${u.unless.kind} ${u.unless.name} already has ${u.unless.field} ${u.unless.value}`);
        return;
      }
    }
    let resourceVersion = result.metadata.resourceVersion;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await cache.client.request('PATCH', resourcePath(cache, w.kind, ns, w.name), {
          body: { ...u.patch, metadata: { ...(u.patch.metadata as object), resourceVersion } },
          contentType: 'application/merge-patch+json',
        });
        return;
      } catch (e) {
        if (!(e instanceof KubeRequestError && e.statusCode === 409)) throw e;
        const current = await getObject(cache, w.kind, ns, w.name);
        const annotations = current?.metadata.annotations ?? {};
        if (!current || Object.entries(u.whileAnnotations).some(([k, v]) => annotations[k] !== v)) {
          logger.warn(`did not undo the change of ${what} after a failed action: someone else changed it since`);
          return;
        }
        resourceVersion = current.metadata.resourceVersion;
      }
    }
    throw new Error('it kept changing');
  } catch (e) {
    logger.warn(`could not undo the change of ${what} after a failed action: ${(e as Error).message}`);
  }
}

/** The value at a dotted path (`spec.replicas`), undefined when any part is missing. */
function fieldOf(obj: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<any>((o, k) => o?.[k], obj);
}

/** Whether every field of `want` has the same value in `have` (the server may add defaults). */
function isSubset(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && want.length === have.length && want.every((w, i) => isSubset(w, have[i]));
  }
  if (want && typeof want === 'object') {
    return !!have && typeof have === 'object' && Object.entries(want).every(([k, v]) => isSubset(v, (have as any)[k]));
  }
  return want === have;
}

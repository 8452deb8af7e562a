/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ServiceUnavailableError } from '@backstage/errors';
import { ManagementClusterCache } from '../cache/ManagementClusterCache';
import { WatchedKind } from '../kube/kinds';
import { KubeObject } from '../model';
import { mapKubeError } from './kubeErrors';
import { KubeRequestError } from '../errors';

/** The requests of the actions to a management cluster's API server, with errors as readable messages. */

/** REST path of `kind` in `namespace` (of one object when `name` is given), at the version the cache resolved. */
export function resourcePath(cache: ManagementClusterCache, kind: WatchedKind, namespace: string, name?: string) {
  const resolved = cache.apiVersionOf(kind);
  if (!resolved) throw new ServiceUnavailableError(`management cluster ${cache.name} is not synced yet (${kind})`);
  const base = `/apis/${resolved.apiVersion}/namespaces/${encodeURIComponent(namespace)}/${resolved.plural}`;
  return name ? `${base}/${encodeURIComponent(name)}` : base;
}

/** One object, or undefined when it does not exist (404). */
export async function getObject(cache: ManagementClusterCache, kind: WatchedKind, namespace: string, name: string) {
  try {
    return await cache.client.request<KubeObject>('GET', resourcePath(cache, kind, namespace, name));
  } catch (e) {
    if (e instanceof KubeRequestError && e.statusCode === 404) return undefined;
    throw mapKubeError(e, kind, name);
  }
}

/** A write (POST, PATCH, DELETE) answering the object the server returns. */
export async function writeObject(
  cache: ManagementClusterCache,
  method: string,
  path: string,
  body: unknown,
  kind: string,
  name: string,
  contentType?: string,
): Promise<KubeObject> {
  try {
    return await cache.client.request<KubeObject>(method, path, { body, contentType });
  } catch (e) {
    throw mapKubeError(e, kind, name);
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { ManagementClusterCache } from '../cache/ManagementClusterCache';
import { KubeObject } from '../model';
import { resourcePath, getObject } from './kubeRequests';
import { kcpTemplateName, mdTemplateName } from '../model/shapes';
import { KubeRequestError } from '../errors';

/**
 * Clean-up after a failed action: the content-named OpenStackMachineTemplates
 * it created are removed unless in use, and templates in use that a failed
 * request removed are created again.
 */

/** Names of the OpenStackMachineTemplates the namespace's control planes, pools and machine sets point at. */
async function templateReferences(cache: ManagementClusterCache, ns: string): Promise<Set<string>> {
  const kinds = (['KubeadmControlPlane', 'MachineDeployment', 'MachineSet'] as const).filter(k => cache.apiVersionOf(k));
  const lists = await Promise.all(
    kinds.map(k => cache.client.request<{ items?: KubeObject[] }>('GET', resourcePath(cache, k, ns))),
  );
  const names = lists.flatMap((l, i) =>
    (l.items ?? []).map(o => (kinds[i] === 'KubeadmControlPlane' ? kcpTemplateName(o) : mdTemplateName(o))),
  );
  return new Set(names.filter((n): n is string => !!n));
}

/**
 * Deletes templates this request created that nothing references, each
 * conditional on its uid and resourceVersion as created. A request that
 * reused one meanwhile may point at it only after the check: references
 * are checked again after the deletes, and a template referenced by then
 * is created again (same name, same spec).
 */
export async function removeUnreferenced(
  cache: ManagementClusterCache,
  ns: string,
  created: KubeObject[],
  logger: LoggerService,
) {
  if (!created.length) return;
  const warn = (what: string, e: unknown) =>
    logger.warn(`after a failed action, could not ${what}: ${(e as Error).message}`);
  let referenced: Set<string>;
  try {
    referenced = await templateReferences(cache, ns);
  } catch (e) {
    warn(`check what references ${created.map(t => t.metadata.name).join(', ')} (kept)`, e);
    return;
  }
  const deleted: KubeObject[] = [];
  for (const t of created) {
    const { name, uid, resourceVersion } = t.metadata;
    if (referenced.has(name)) {
      logger.info(`kept OpenStackMachineTemplate ${ns}/${name} after a failed action: it is in use`);
      continue;
    }
    try {
      await cache.client.request('DELETE', resourcePath(cache, 'OpenStackMachineTemplate', ns, name), {
        body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid, resourceVersion } },
      });
      deleted.push(t);
    } catch (e) {
      // 409: changed or replaced since; 404: gone already.
      if (!(e instanceof KubeRequestError && (e.statusCode === 409 || e.statusCode === 404))) {
        warn(`remove OpenStackMachineTemplate ${name}`, e);
      }
    }
  }
  if (!deleted.length) return;
  try {
    const now = await templateReferences(cache, ns);
    await restoreMissing(cache, ns, deleted.filter(t => now.has(t.metadata.name)), logger);
  } catch (e) {
    warn('check the references again', e);
  }
}

/** Creates again templates that were removed although something points at them. */
export async function restoreMissing(
  cache: ManagementClusterCache,
  ns: string,
  templates: KubeObject[],
  logger: LoggerService,
) {
  for (const t of templates) {
    const name = t.metadata.name;
    try {
      if (await getObject(cache, 'OpenStackMachineTemplate', ns, name)) continue;
      const { labels, annotations, ownerReferences } = t.metadata as any;
      await cache.client.request('POST', resourcePath(cache, 'OpenStackMachineTemplate', ns), {
        body: {
          apiVersion: cache.apiVersionOf('OpenStackMachineTemplate')!.apiVersion,
          kind: 'OpenStackMachineTemplate',
          metadata: { name, namespace: ns, labels, annotations, ownerReferences },
          spec: t.spec,
        },
      });
      logger.warn(`created OpenStackMachineTemplate ${ns}/${name} again: a failed request had removed it while it came into use`);
    } catch (e) {
      if (e instanceof KubeRequestError && e.statusCode === 409) continue;
      logger.warn(`OpenStackMachineTemplate ${ns}/${name} is in use but missing, and could not be created again: ${(e as Error).message}`);
    }
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ManagementClusterCache } from '../cache/ManagementClusterCache';
import { ClusterService } from '../clusters/ClusterService';
import { getObject, resourcePath } from './kubeRequests';
import { UPGRADE_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { LiveObjects, PlanContext } from '../plans/types';
import { planUpgradeStep, UPGRADE_FAILED_ANNOTATION, upgradeProgress } from '../plans/upgrade';
import { executeWrites } from './writeExecution';
import { KubeRequestError } from '../errors';

/** What the upgrade reconciliation uses of the ActionService. */
export interface UpgradeReconciliationDeps {
  clusters: ClusterService;
  logger: LoggerService;
  context(): PlanContext;
  /** The current objects of a cluster, from the API server. */
  load(ref: ClusterRef): Promise<LiveObjects>;
}

/**
 * One pass of the plain-cluster upgrade orchestration over the cache:
 * clusters carrying UPGRADE_ANNOTATION get their next step. Conflicts
 * (another replica, a stale cache) and outages are left to the next pass;
 * a step the management cluster refuses (422: admission, validation) stops
 * the orchestration with UPGRADE_FAILED_ANNOTATION instead of retrying it
 * forever.
 */
export async function reconcileUpgrades(deps: UpgradeReconciliationDeps, only?: readonly ClusterRef[]): Promise<number> {
  let steps = 0;
  for (const cfg of deps.clusters.managementClusters().map(m => m.name)) {
    const cache = deps.clusters.cache(cfg);
    if (!cache) continue;
    // `only`: the clusters whose objects just changed; else every cluster.
    const keys = only?.filter(r => r.managementCluster === cfg).map(r => `${r.namespace}/${r.name}`);
    for (const key of keys ?? cache.clusterNames()) {
      const [ns, name] = key.split('/');
      const cached = cache.get('Cluster', ns, name);
      const target = cached?.metadata.annotations?.[UPGRADE_ANNOTATION];
      if (!target || stoppedInCache(cache, key)) continue;
      let message = 'loading';
      try {
        // The cache strips specs (templates above all): plan from the API server's objects.
        const live = await deps.load({ managementCluster: cfg, namespace: ns, name });
        const step = planUpgradeStep(live, deps.context());
        message = step.message;
        if (!step.writes.length) continue;
        await executeWrites(cache, ns, step.writes, false, deps.logger);
        steps++;
        deps.logger.info(`upgrade of ${cfg}/${key} to ${target}: ${step.message}`);
      } catch (e) {
        const status = (e as any).statusCode ?? (e instanceof ConflictError ? 409 : undefined);
        if (status === 422) {
          await stopUpgrade(cache, ns, name, target, `${message}: ${(e as Error).message}`, deps.logger);
        } else if (status !== 409) {
          deps.logger.warn(`upgrade of ${cfg}/${key}: ${(e as Error).message}`);
        }
      }
    }
  }
  return steps;
}

/** A stopped upgrade waits for a retry, unless it is complete anyway (then the step removes the annotations). */
function stoppedInCache(cache: ManagementClusterCache, key: string): boolean {
  const objs = cache.objectsOf(key);
  if (!objs?.cluster.metadata.annotations?.[UPGRADE_FAILED_ANNOTATION]) return false;
  const progress = upgradeProgress({ ...objs, machineTemplates: [] });
  return progress?.phase !== 'done';
}

/**
 * Records why the upgrade to `target` stopped, on the Cluster as re-read
 * (only while it still asks for `target`), so that `GET .../upgrades`
 * shows it and the reconciler leaves it alone until a retry.
 */
async function stopUpgrade(
  cache: ManagementClusterCache,
  ns: string,
  name: string,
  target: string,
  reason: string,
  logger: LoggerService,
) {
  const short = reason.length > 300 ? `${reason.slice(0, 297)}...` : reason;
  const what = `upgrade of ${cache.name}/${ns}/${name} to ${target}`;
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const cluster = await getObject(cache, 'Cluster', ns, name);
      if (cluster?.metadata.annotations?.[UPGRADE_ANNOTATION] !== target) return;
      try {
        await cache.client.request('PATCH', resourcePath(cache, 'Cluster', ns, name), {
          body: { metadata: { resourceVersion: cluster.metadata.resourceVersion, annotations: { [UPGRADE_FAILED_ANNOTATION]: short } } },
          contentType: 'application/merge-patch+json',
        });
        logger.warn(`${what} stopped: ${short}`);
        return;
      } catch (e) {
        if (!(e instanceof KubeRequestError && e.statusCode === 409)) throw e;
      }
    }
    throw new Error('the Cluster kept changing');
  } catch (e) {
    logger.warn(`${what} failed (${short}) and could not be marked as stopped: ${(e as Error).message}`);
  }
}

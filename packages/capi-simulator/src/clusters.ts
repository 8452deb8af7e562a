/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// One reconcile of one Cluster and everything it owns, in the order the
// real controllers converge: topology, infrastructure, control plane
// endpoint, control plane, workers, health checks, orphans, then the
// Cluster's own status. Level-triggered: each pass looks at what exists and
// takes the next step; it returns when it wants to look again.

import {
  CLUSTER_FINALIZER,
  FROZEN_LABEL,
  FROZEN_VALUE,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope, Runtime } from './context';
import { reconcileControlPlane } from './controlPlane';
import {
  garbageCollect,
  reconcileClusterDeletion,
  reconcileMachineDeletion,
} from './deletion';
import { reconcileInfrastructure } from './infrastructure';
import { Kind } from './apiVersions';
import { machineView, reconcileMachine } from './machines';
import { reconcileMachineDeployments } from './machineDeployments';
import { controllerOf, isDeleting, labels } from './shapes';
import {
  MachineView,
  writeClusterStatus,
  writeHealthCheckStatus,
  writePausedOnly,
} from './status';
import { reconcileTopology } from './topology';

export function isFrozen(cluster: {
  metadata: { labels?: Record<string, string> };
}): boolean {
  return cluster.metadata.labels?.[FROZEN_LABEL] === FROZEN_VALUE;
}

/** Copies the OpenStackCluster's endpoint to the Cluster (Cluster controller). */
async function reconcileEndpoint(scope: ClusterScope) {
  const osc = scope.openStackCluster();
  const endpoint = osc?.spec?.controlPlaneEndpoint;
  if (!endpoint?.host || !scope.infrastructureReady()) return;
  const current = scope.cluster.spec?.controlPlaneEndpoint;
  if (current?.host === endpoint.host && current?.port === endpoint.port)
    return;
  const updated = await scope.rt.writer.patch('Cluster', scope.cluster, {
    spec: {
      controlPlaneEndpoint: {
        host: endpoint.host,
        port: endpoint.port ?? 6443,
      },
    },
  });
  if (updated) scope.cluster = updated;
}

/** Worker Machines without a MachineSet (created by hand). */
async function reconcileOtherMachines(
  scope: ClusterScope,
): Promise<MachineView[]> {
  const views: MachineView[] = [];
  for (const m of scope.workerMachines()) {
    const owner = controllerOf(m)?.kind;
    if (owner === 'MachineSet') continue;
    if (isDeleting(m)) await reconcileMachineDeletion(scope, m);
    else if (!scope.paused)
      await reconcileMachine(scope, m, { ok: true, reasons: [] });
    const current = scope.get('Machine', m.metadata.name);
    if (current)
      views.push(machineView(scope, current, { ok: true, reasons: [] }));
  }
  return views;
}

async function reconcileHealthChecks(scope: ClusterScope) {
  for (const mhc of scope.healthChecks()) {
    if (isDeleting(mhc)) continue;
    const match: Record<string, string> = mhc.spec?.selector?.matchLabels ?? {};
    const targets = scope
      .machines()
      .filter(m => Object.entries(match).every(([k, v]) => labels(m)[k] === v))
      .map(m => machineView(scope, m, { ok: true, reasons: [] }));
    await writeHealthCheckStatus(scope, mhc, targets);
  }
}

/** Sets Paused on the Cluster and what it owns and does nothing else. */
async function reconcilePaused(scope: ClusterScope) {
  const targets: Array<[Kind, ReturnType<ClusterScope['get']>]> = [
    ['Cluster', scope.cluster],
    ['KubeadmControlPlane', scope.kcp()],
    ...scope
      .machineDeployments()
      .map(o => ['MachineDeployment', o] as [Kind, typeof o]),
    ...scope.machineSets().map(o => ['MachineSet', o] as [Kind, typeof o]),
    ...scope.machines().map(o => ['Machine', o] as [Kind, typeof o]),
  ];
  for (const [kind, obj] of targets)
    if (obj) await writePausedOnly(scope, kind, obj, true);
}

/** Reconciles one Cluster; returns the delay before the next pass (undefined: wait for a change). */
export async function reconcileCluster(
  rt: Runtime,
  key: string,
): Promise<number | undefined> {
  const [ns, name] = key.split('/');
  let cluster = rt.cache.get('Cluster', ns, name);
  if (!cluster || isFrozen(cluster)) return undefined;
  const scope = new ClusterScope(rt, cluster);

  let deletingReason: { reason: string; message: string } | undefined;
  if (scope.deleting) {
    deletingReason = await reconcileClusterDeletion(scope);
    if (!rt.cache.get('Cluster', ns, name)) {
      rt.clock.forget(cluster.metadata.uid!);
      return undefined;
    }
    scope.requeue(rt.clock.scaled(1));
  } else {
    if (!cluster.metadata.finalizers?.includes(CLUSTER_FINALIZER)) {
      cluster = await rt.writer.addFinalizer(
        'Cluster',
        cluster,
        CLUSTER_FINALIZER,
      );
      if (!cluster) return undefined;
      scope.cluster = cluster;
    }
    if (scope.paused) {
      await reconcilePaused(scope);
      return undefined;
    }
    await reconcileTopology(scope);
    scope.refresh();
  }

  await reconcileInfrastructure(scope);
  if (!scope.deleting) await reconcileEndpoint(scope);
  const controlPlane = await reconcileControlPlane(scope);
  const { deployments, others } = await reconcileMachineDeployments(scope);
  const otherWorkers = [...others, ...(await reconcileOtherMachines(scope))];
  await reconcileHealthChecks(scope);
  await garbageCollect(scope);

  scope.refresh();
  if (!rt.cache.get('Cluster', ns, name)) return undefined;
  const osc = scope.openStackCluster();
  await writeClusterStatus(scope, {
    infrastructureReady: scope.infrastructureReady(),
    initialized:
      scope.controlPlaneInitialized() ||
      !!scope.cluster.status?.initialization?.controlPlaneInitialized,
    controlPlane,
    deployments,
    otherWorkers,
    failureDomains: Object.keys(osc?.status?.failureDomains ?? {}),
    deletingReason,
  });
  return scope.requeueMs;
}

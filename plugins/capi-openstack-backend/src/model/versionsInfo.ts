/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  TopologyInfo,
  VersionCount,
  VersionsInfo,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { conditionGeneration } from './conditions';
import { isControlPlaneMachine } from './links';
import { ClusterObjects, KubeObject, num, str } from './objects';
import { compact } from './treeFields';

/** `status.versions` of a Cluster scope, KCP or MachineDeployment; undefined when not reported. */
export function versionsOf(raw: unknown): VersionCount[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw
    .filter(v => typeof v?.version === 'string')
    .map(v =>
      compact({ version: v.version as string, replicas: num(v.replicas) }),
    );
}

/** Counts Machines per `spec.version` (fallback when CAPI does not report `versions`). */
export function countVersions(machines: KubeObject[]): VersionCount[] {
  const counts = new Map<string, number>();
  for (const m of machines) {
    const v = str(m.spec?.version);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([version, replicas]) => ({ version, replicas }));
}

/** Desired and observed Kubernetes versions of the cluster, and the upgrade plan CAPI reports. */
export function versionsInfo(
  objs: ClusterObjects,
  topology: TopologyInfo | undefined,
): VersionsInfo {
  const cluster = objs.cluster;
  const s = cluster.status ?? {};
  const base = conditionGeneration(cluster) === 'v1beta2' ? s : s.v1beta2 ?? {};
  const cpMachines = objs.machines.filter(isControlPlaneMachine);
  const workerMachines = objs.machines.filter(m => !isControlPlaneMachine(m));
  // Cluster status (CAPI ≥ v1.14) → KCP/MD status.versions → counted from the Machines.
  const cp =
    versionsOf(base.controlPlane?.versions) ??
    versionsOf(objs.controlPlane?.status?.versions) ??
    countVersions(cpMachines);
  let workers = versionsOf(base.workers?.versions);
  if (!workers) {
    const perMd = objs.machineDeployments.map(md =>
      versionsOf(md.status?.versions),
    );
    if (objs.machineDeployments.length > 0 && perMd.every(Boolean)) {
      const sum = new Map<string, number | undefined>();
      for (const v of perMd.flat() as VersionCount[]) {
        const prev = sum.has(v.version) ? sum.get(v.version) : 0;
        sum.set(
          v.version,
          prev === undefined || v.replicas === undefined
            ? undefined
            : prev + v.replicas,
        );
      }
      workers = [...sum.entries()].map(([version, replicas]) =>
        compact({ version, replicas }),
      );
    } else {
      workers = countVersions(workerMachines);
    }
  }
  const plan = (raw: unknown) => {
    if (!Array.isArray(raw)) return undefined;
    const v = raw.map(x => str(x?.version)).filter((x): x is string => !!x);
    return v.length ? v : undefined;
  };
  const cpPlan = plan(base.controlPlane?.upgradePlan);
  const workerPlan = plan(base.workers?.upgradePlan);
  return compact({
    desired: topology?.version ?? str(objs.controlPlane?.spec?.version),
    observed: [
      ...cp.map(v => ({ ...v, scope: 'controlPlane' as const })),
      ...workers.map(v => ({ ...v, scope: 'workers' as const })),
    ],
    upgradePlan:
      cpPlan || workerPlan
        ? compact({ controlPlane: cpPlan, workers: workerPlan })
        : undefined,
  });
}

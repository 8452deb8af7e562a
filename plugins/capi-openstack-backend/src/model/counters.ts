/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { ReplicaCounters } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { conditionGeneration } from './conditions';
import { ClusterObjects, KubeObject, num } from './objects';

/** Drops undefined fields so that the DTO stays minimal. */
function compact(c: ReplicaCounters): ReplicaCounters {
  const out: ReplicaCounters = {};
  for (const [k, v] of Object.entries(c)) {
    if (v !== undefined) (out as any)[k] = v;
  }
  return out;
}

/**
 * Counters of a KubeadmControlPlane, MachineDeployment or MachineSet.
 * v1beta2: `status.{replicas,readyReplicas,availableReplicas,upToDateReplicas}`.
 * v1beta1: `status.v1beta2.*` when CAPI provides it (v1.9, v1.10), else the
 * old fields (`updatedReplicas` stands for `upToDateReplicas`).
 */
export function replicaCountersOf(
  obj: KubeObject | undefined,
): ReplicaCounters {
  if (!obj) return {};
  const s = obj.status ?? {};
  const desired = num(obj.spec?.replicas);
  if (conditionGeneration(obj) === 'v1beta2') {
    return compact({
      desired,
      replicas: num(s.replicas),
      ready: num(s.readyReplicas),
      available: num(s.availableReplicas),
      upToDate: num(s.upToDateReplicas),
    });
  }
  const v2 = s.v1beta2 ?? {};
  return compact({
    desired,
    replicas: num(s.replicas),
    ready: num(v2.readyReplicas) ?? num(s.readyReplicas),
    available: num(v2.availableReplicas) ?? num(s.availableReplicas),
    upToDate: num(v2.upToDateReplicas) ?? num(s.updatedReplicas),
  });
}

function fromClusterStatus(raw: any): ReplicaCounters | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  return compact({
    desired: num(raw.desiredReplicas),
    replicas: num(raw.replicas),
    ready: num(raw.readyReplicas),
    available: num(raw.availableReplicas),
    upToDate: num(raw.upToDateReplicas),
  });
}

/** Field-wise sum; a field is undefined as soon as one item lacks it. An empty list sums to 0. */
export function sumCounters(items: ReplicaCounters[]): ReplicaCounters {
  const keys: (keyof ReplicaCounters)[] = [
    'desired',
    'replicas',
    'ready',
    'available',
    'upToDate',
  ];
  const out: ReplicaCounters = {};
  for (const k of keys) {
    let total: number | undefined = 0;
    for (const it of items) {
      const v = it[k];
      if (v === undefined) {
        total = undefined;
        break;
      }
      total += v;
    }
    if (total !== undefined) out[k] = total;
  }
  return out;
}

/** Cluster-level counters and where they came from. */
export interface ClusterCounters {
  controlPlane: ReplicaCounters;
  workers: ReplicaCounters;
  /** `cluster`: Cluster `status.controlPlane/workers` (or `status.v1beta2.*`); `aggregated`: summed from KCP and MachineDeployments. */
  source: 'cluster' | 'aggregated';
}

/**
 * Cluster-level counters: Cluster `status.controlPlane` / `status.workers`
 * (v1beta2) or `status.v1beta2.controlPlane` / `.workers` (v1beta1 from
 * CAPI v1.9+); older clusters get them summed from the KCP and the MDs.
 */
export function clusterCounters(objs: ClusterObjects): ClusterCounters {
  const s = objs.cluster.status ?? {};
  const base = conditionGeneration(objs.cluster) === 'v1beta2' ? s : s.v1beta2;
  const cp = fromClusterStatus(base?.controlPlane);
  const workers = fromClusterStatus(base?.workers);
  if (cp || workers) {
    return {
      controlPlane: cp ?? replicaCountersOf(objs.controlPlane),
      workers:
        workers ?? sumCounters(objs.machineDeployments.map(replicaCountersOf)),
      source: 'cluster',
    };
  }
  return {
    controlPlane: replicaCountersOf(objs.controlPlane),
    workers: sumCounters(objs.machineDeployments.map(replicaCountersOf)),
    source: 'aggregated',
  };
}

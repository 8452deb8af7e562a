/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Status arithmetic shared by the CAPI objects that own Machines: readiness,
// replica counters, versions, availability, and the v1beta2 conditions every
// Machine owner carries. Counters and conditions are derived from the Machines.

import { condition, polar } from './conditions';
import type { ClusterModel, MachineModel, PoolModel } from './model';
import type { Condition } from './types';

export type Times = { since: string; recent: string };

export const PAUSED_MESSAGE = 'Cluster spec.paused is set to true';

export function pausedCondition(m: ClusterModel, t: Times): Condition {
  return polar('Paused', !m.paused, ['NotPaused', 'Paused'], t, PAUSED_MESSAGE);
}

export function providerID(machine: MachineModel): string {
  return `openstack://RegionOne/${machine.serverId}`;
}

export function hasServer(machine: MachineModel): boolean {
  return machine.state !== 'CreateFailed';
}

export function isReady(machine: MachineModel): boolean {
  return machine.state === 'Running' && !machine.deleting;
}

export interface Counters {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  upToDateReplicas: number;
}

export function counters(machines: MachineModel[]): Counters {
  const ready = machines.filter(isReady).length;
  return {
    replicas: machines.length,
    readyReplicas: ready,
    availableReplicas: ready,
    upToDateReplicas: machines.filter(x => x.upToDate).length,
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

export function versions(machines: MachineModel[]) {
  const byVersion = new Map<string, number>();
  for (const x of machines)
    byVersion.set(x.version, (byVersion.get(x.version) ?? 0) + 1);
  const list = [...byVersion.entries()]
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([version, replicas]) => ({ version, replicas }));
  return list.length ? list : undefined;
}

/** Desired size of a pool: spec.replicas, or what the autoscaler made it. */
export function poolDesired(pool: PoolModel): number {
  return pool.replicas ?? pool.machines.length;
}

/** Whether a pool has its desired replicas available, and CAPI's message on it. */
export function poolAvailability(pool: PoolModel): {
  available: boolean;
  message: string;
} {
  const desired = poolDesired(pool);
  const available = counters(pool.machines).availableReplicas;
  return {
    available: available >= desired,
    message: `${available} available replicas, at least ${desired} required (spec.strategy.rollout.maxUnavailable is 0, spec.replicas is ${desired})`,
  };
}

export function controlPlaneAvailable(m: ClusterModel): boolean {
  const quorum = Math.floor(m.cpMachines.length / 2) + 1;
  return (
    m.cpInitialized &&
    !m.kcp.deleting &&
    counters(m.cpMachines).availableReplicas >= quorum
  );
}

export function bullets(items: string[]): string {
  return items.map(i => `* ${i}`).join('\n');
}

export function machineIssues(
  machines: MachineModel[],
  what: 'ready' | 'upToDate',
): string {
  const bad = machines.filter(x =>
    what === 'ready' ? !isReady(x) : !x.upToDate,
  );
  if (!bad.length) return '';
  const names = bad.map(x => x.name).join(', ');
  if (what === 'upToDate') {
    return bullets([
      `Machine${bad.length > 1 ? 's' : ''} ${names}: ${
        bad[0].notUpToDateMessage?.replace(/^\* /, '') ?? 'Not up-to-date'
      }`,
    ]);
  }
  let reason = 'InfrastructureReady: OpenStackMachine is not ready';
  if (bad[0].deleting) reason = 'Machine deletion in progress';
  else if (bad[0].state === 'Joining') {
    reason = 'NodeHealthy: Waiting for a Node with spec.providerID to exist';
  }
  return bullets([`Machine${bad.length > 1 ? 's' : ''} ${names}: ${reason}`]);
}

/** Conditions every v1beta2 object with machines carries. */
export function machineSetLike(
  m: ClusterModel,
  machines: MachineModel[],
  desired: number,
  t: Times,
): Condition[] {
  const c = counters(machines);
  const notUpToDate = c.replicas - c.upToDateReplicas;
  return [
    machines.length
      ? polar(
          'MachinesReady',
          machines.every(isReady),
          ['Ready', 'NotReady'],
          t,
          machineIssues(machines, 'ready'),
        )
      : condition('MachinesReady', 'True', 'NoReplicas', t.since),
    machines.length
      ? polar(
          'MachinesUpToDate',
          notUpToDate === 0,
          ['UpToDate', 'NotUpToDate'],
          t,
          machineIssues(machines, 'upToDate'),
        )
      : condition('MachinesUpToDate', 'True', 'NoReplicas', t.since),
    polar(
      'ScalingUp',
      c.replicas >= desired,
      ['NotScalingUp', 'ScalingUp'],
      t,
      `Scaling up from ${c.replicas} to ${desired} replicas`,
    ),
    polar(
      'ScalingDown',
      c.replicas <= desired,
      ['NotScalingDown', 'ScalingDown'],
      t,
      `Scaling down from ${c.replicas} to ${desired} replicas`,
    ),
    condition('Remediating', 'False', 'NotRemediating', t.since),
    pausedCondition(m, t),
  ];
}

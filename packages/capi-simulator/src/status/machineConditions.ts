/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Conditions that summarize a set of Machines (MachinesReady,
// MachinesUpToDate, ScalingUp/Down, RollingOut, Resized) and the Paused and
// Deleting conditions every owner carries.

import { bullets, cond, Cond, nested } from '../conditions';
import { KObj } from '../kube';
import { isDeleting } from '../shapes';
import { MachineView } from './machineView';

export const PAUSED_MESSAGE = 'Cluster spec.paused is set to true';

function machineNames(views: MachineView[]): string {
  return `Machine${views.length > 1 ? 's' : ''} ${views
    .map(v => v.name)
    .join(', ')}`;
}

/** A summary of the Machines' `good` flag: the first bad one's `detail` when not all are. */
function machinesSummary(
  type: string,
  views: MachineView[],
  good: (v: MachineView) => boolean,
  [goodReason, badReason]: [string, string],
  detail: (v: MachineView) => string,
): Cond {
  if (!views.length) return cond(type, 'True', 'NoReplicas');
  const bad = views.filter(v => !good(v));
  if (!bad.length) return cond(type, 'True', goodReason);
  return cond(
    type,
    'False',
    badReason,
    bullets([`${machineNames(bad)}:\n${nested(detail(bad[0]))}`]),
  );
}

export function machinesReady(views: MachineView[]): Cond {
  return machinesSummary(
    'MachinesReady',
    views,
    v => v.ready,
    ['Ready', 'NotReady'],
    v => v.notReadyMessage,
  );
}

export function machinesUpToDate(views: MachineView[]): Cond {
  return machinesSummary(
    'MachinesUpToDate',
    views,
    v => v.upToDate,
    ['UpToDate', 'NotUpToDate'],
    v => bullets(v.notUpToDate),
  );
}

/**
 * ScalingUp while fewer Machines than desired are provisioned (a Machine
 * whose server Nova refused keeps it True, as in snapshot S5); ScalingDown
 * while more Machines than desired exist.
 */
export function scaling(
  views: MachineView[],
  desired: number,
): { up: Cond; down: Cond; upMessage: string; downMessage: string } {
  const provisioned = views.filter(v => !v.deleting && v.provisioned).length;
  const total = views.length;
  const upMessage = `Scaling up from ${provisioned} to ${desired} replicas`;
  const downMessage = `Scaling down from ${total} to ${desired} replicas`;
  return {
    up:
      provisioned < desired
        ? cond('ScalingUp', 'True', 'ScalingUp', upMessage)
        : cond('ScalingUp', 'False', 'NotScalingUp'),
    down:
      total > desired
        ? cond('ScalingDown', 'True', 'ScalingDown', downMessage)
        : cond('ScalingDown', 'False', 'NotScalingDown'),
    upMessage,
    downMessage,
  };
}

export function rollingOut(views: MachineView[]): Cond {
  const bad = views.filter(v => !v.upToDate);
  if (!bad.length) return cond('RollingOut', 'False', 'NotRollingOut');
  const reasons = [...new Set(bad.flatMap(v => v.notUpToDate))];
  return cond(
    'RollingOut',
    'True',
    'RollingOut',
    `Rolling out ${bad.length} not up-to-date replicas\n${bullets(reasons)}`,
  );
}

export function pausedCond(paused: boolean): Cond {
  return paused
    ? cond('Paused', 'True', 'Paused', PAUSED_MESSAGE)
    : cond('Paused', 'False', 'NotPaused');
}

export function deletingCond(
  obj: KObj,
  reason = 'Deleting',
  message = '',
): Cond {
  return isDeleting(obj)
    ? cond('Deleting', 'True', reason, message)
    : cond('Deleting', 'False', 'NotDeleting');
}

export function resized(s: {
  up: Cond;
  down: Cond;
  upMessage: string;
  downMessage: string;
}): Cond {
  if (s.up.status === 'True')
    return cond('Resized', 'False', 'ScalingUp', s.upMessage);
  if (s.down.status === 'True')
    return cond('Resized', 'False', 'ScalingDown', s.downMessage);
  return cond('Resized', 'True', 'Resized');
}

export function availableCond(available: { ok: boolean; message: string }) {
  return available.ok
    ? cond('Available', 'True', 'Available')
    : cond('Available', 'False', 'NotAvailable', available.message);
}

/**
 * The conditions summarizing an owner's Machines, MachinesReady to Paused in
 * CAPI's order; RollingOut only for owners that roll out (not a MachineSet).
 */
export function replicaConditions(
  obj: KObj,
  views: MachineView[],
  s: { up: Cond; down: Cond },
  o: { paused: boolean; rollsOut: boolean; deleting: [string, string] },
): Cond[] {
  return [
    machinesReady(views),
    machinesUpToDate(views),
    ...(o.rollsOut ? [rollingOut(views)] : []),
    s.up,
    s.down,
    cond('Remediating', 'False', 'NotRemediating'),
    deletingCond(obj, ...o.deleting),
    pausedCond(o.paused),
  ];
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  ReplicaCounters,
  VerdictReason,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { getCondition, isFalse, isTrue } from './conditions';
import { replicaCountersOf } from './counters';
import { condReason, condReasonOr, MISSING_CONDITION, reason, VerdictStep } from './verdictReasons';

function countersLabel(scope: 'controlPlane' | 'workers') {
  return scope === 'controlPlane' ? 'Control plane' : 'Workers';
}

/** Step 7 counter rule: ready == available == upToDate == desired (an empty scope passes). */
function countersMatch(
  c: ReplicaCounters,
  availableFallsBackToReady: boolean,
): boolean {
  const desired = c.desired ?? c.replicas;
  if (desired === undefined) return true;
  const orZero = (v: number | undefined) =>
    v === undefined && desired === 0 ? 0 : v;
  const available =
    c.available ?? (availableFallsBackToReady ? c.ready : undefined);
  return (
    orZero(c.ready) === desired &&
    orZero(available) === desired &&
    orZero(c.upToDate) === desired
  );
}

/** Step 6: problems of the cluster; their `since` feeds the 30-minute rule. */
export const problems: VerdictStep = (objs, view) => {
  const out: VerdictReason[] = [];
  const cluster = objs.cluster;
  const available = view.cond('Available');
  if (!isTrue(available)) {
    out.push(condReasonOr(cluster, available, 'warning', MISSING_CONDITION.Available));
  }
  if (view.mode === 'v1beta2') {
    for (const t of ['ControlPlaneMachinesReady', 'WorkerMachinesReady']) {
      const c = view.cond(t);
      if (isFalse(c)) out.push(condReason(cluster, c!, 'warning'));
    }
  } else {
    for (const t of ['ControlPlaneReady', 'InfrastructureReady']) {
      const c = getCondition(cluster, t, 'v1beta1');
      if (isFalse(c)) out.push(condReason(cluster, c!, 'warning'));
    }
    // v1beta1 Ready does not cover workers; MachineDeployment Available does.
    for (const md of objs.machineDeployments) {
      const c = getCondition(md, 'Available');
      if (isFalse(c)) out.push(condReason(md, c!, 'warning'));
    }
  }
  // upToDate < replicas: on the Cluster counters when CAPI reports them, else per object.
  const notUpToDate = new Set<'controlPlane' | 'workers'>();
  const flag = (c: ReplicaCounters) =>
    c.upToDate !== undefined &&
    c.replicas !== undefined &&
    c.upToDate < c.replicas;
  if (view.counters.source === 'cluster') {
    for (const scope of ['controlPlane', 'workers'] as const) {
      const c = view.counters[scope];
      if (!flag(c)) continue;
      notUpToDate.add(scope);
      const cond = view.cond(
        scope === 'controlPlane'
          ? 'ControlPlaneMachinesUpToDate'
          : 'WorkerMachinesUpToDate',
      );
      out.push(
        reason(cluster, 'warning', {
          conditionType: isFalse(cond) ? cond!.type : undefined,
          reason: 'NotUpToDate',
          message: `${countersLabel(scope)}: ${c.upToDate} of ${
            c.replicas
          } replicas up to date`,
          since: isFalse(cond) ? cond!.lastTransitionTime : undefined,
        }),
      );
    }
  } else {
    const kcp = objs.controlPlane;
    const items = [
      ...(kcp ? [{ o: kcp, scope: 'controlPlane' as const }] : []),
      ...objs.machineDeployments.map(o => ({ o, scope: 'workers' as const })),
    ];
    for (const { o, scope } of items) {
      const c = replicaCountersOf(o);
      if (!flag(c)) continue;
      notUpToDate.add(scope);
      const cond = getCondition(o, 'MachinesUpToDate', 'v1beta2');
      out.push(
        reason(o, 'warning', {
          reason: 'NotUpToDate',
          message: `${c.upToDate} of ${c.replicas} replicas up to date`,
          since: isFalse(cond) ? cond!.lastTransitionTime : undefined,
        }),
      );
    }
  }
  // Step 7's counter rule, as a problem so that a mismatch is never "Healthy".
  for (const scope of ['controlPlane', 'workers'] as const) {
    if (notUpToDate.has(scope)) continue;
    const c = view.counters[scope];
    // v1beta1 KCP has no availableReplicas: ready stands in for it.
    if (!countersMatch(c, view.counters.source === 'aggregated')) {
      const show = (v: number | undefined) =>
        v === undefined ? '?' : String(v);
      // The real Cluster controller leaves the counters out until a pool has reported.
      const unreported = [c.ready, c.available, c.upToDate].every(v => v === undefined);
      out.push(
        reason(cluster, 'warning', {
          reason: 'ReplicasNotReady',
          message: unreported
            ? `${countersLabel(scope)}: ${show(c.desired ?? c.replicas)} desired, none reported yet`
            : `${countersLabel(scope)}: ${show(c.ready)} ready, ${show(
                c.available,
              )} available, ${show(c.upToDate)} up to date of ${show(
                c.desired ?? c.replicas,
              )} desired`,
        }),
      );
    }
  }
  return out;
};

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { getCondition, isFalse, isTrue } from './conditions';
import { replicaCountersOf } from './counters';
import { condReason, condReasonOr, MISSING_CONDITION, reason, VerdictStep } from './verdictReasons';
import { TOPOLOGY_FAILED_REASONS } from './verdictThresholds';

/** Step 6: what makes the cluster busy (reasons with severity info). */
export const busySignals: VerdictStep = (objs, view) => {
  const out: VerdictReason[] = [];
  const cluster = objs.cluster;
  for (const t of ['RollingOut', 'ScalingUp', 'ScalingDown']) {
    const c = view.cond(t);
    if (isTrue(c)) out.push(condReason(cluster, c!, 'info'));
  }
  const topo = view.cond('TopologyReconciled');
  if (isFalse(topo) && !TOPOLOGY_FAILED_REASONS.includes(topo!.reason ?? '')) {
    out.push(condReason(cluster, topo!, 'info'));
  }
  const init = view.cond('ControlPlaneInitialized');
  const initialized = init
    ? isTrue(init)
    : cluster.status?.initialization?.controlPlaneInitialized === true;
  if (!initialized) out.push(condReasonOr(cluster, init, 'info', MISSING_CONDITION.ControlPlaneInitialized));
  // A machine waiting for its node to drain (v1beta2 Deleting=True DrainingNode,
  // v1beta1 DrainingSucceeded=False): a PodDisruptionBudget can hold it for ever.
  for (const m of objs.machines.filter(o => o.metadata.deletionTimestamp)) {
    const deleting = getCondition(m, 'Deleting', 'v1beta2');
    const draining = getCondition(m, 'DrainingSucceeded', 'v1beta1');
    if (isTrue(deleting) && deleting!.reason === 'DrainingNode') out.push(condReason(m, deleting!, 'info'));
    else if (isFalse(draining)) out.push(condReason(m, draining!, 'info'));
  }
  if (view.mode === 'v1beta1') {
    // Old CAPI has no RollingOut/Scaling* conditions: derive them from the counters.
    for (const o of [
      ...(objs.controlPlane ? [objs.controlPlane] : []),
      ...objs.machineDeployments,
    ]) {
      const c = replicaCountersOf(o);
      if (
        c.desired !== undefined &&
        c.replicas !== undefined &&
        c.desired !== c.replicas
      ) {
        out.push(
          reason(o, 'info', {
            reason: c.desired > c.replicas ? 'ScalingUp' : 'ScalingDown',
            message: `Scaling from ${c.replicas} to ${c.desired} replicas`,
          }),
        );
      } else if (
        c.upToDate !== undefined &&
        c.replicas !== undefined &&
        c.upToDate < c.replicas
      ) {
        out.push(
          reason(o, 'info', {
            reason: 'RollingOut',
            message: `${c.upToDate} of ${c.replicas} replicas up to date`,
          }),
        );
      } else if (
        o.status?.phase === 'ScalingUp' ||
        o.status?.phase === 'ScalingDown'
      ) {
        out.push(reason(o, 'info', { reason: o.status.phase }));
      }
    }
  }
  return out;
};

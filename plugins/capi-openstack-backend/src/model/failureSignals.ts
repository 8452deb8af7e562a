/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterView } from './clusterView';
import {
  Condition,
  conditionAgeMs,
  getCondition,
  isFalse,
  legacyFailure,
} from './conditions';
import { isPermanent } from './fixGuide';
import { isBastionServer } from './links';
import { ClusterObjects, KubeObject } from './objects';
import { condReason, reason } from './verdictReasons';
import {
  FAILED_AFTER_MS,
  INSTANCE_FAILED_REASONS,
  TOPOLOGY_FAILED_REASONS,
} from './verdictThresholds';

/**
 * Step 4 signals: `failed` have lasted ≥ 15 min, or have a cause that does not
 * go away by itself (quota, missing image or flavor, refused credentials, a
 * server in ERROR: see fixGuide.ts), or are legacy terminal failures;
 * `pending` are the others.
 */
export function failureSignals(
  objs: ClusterObjects,
  view: ClusterView,
  now: Date,
) {
  const failed: VerdictReason[] = [];
  const pending: VerdictReason[] = [];
  const check = (
    obj: KubeObject | undefined,
    c: Condition | undefined,
    match: boolean,
  ) => {
    if (!obj || !c || !match) return;
    const age = conditionAgeMs(c, now);
    const r = condReason(obj, c, 'error');
    if ((age !== undefined && age >= FAILED_AFTER_MS) || isPermanent(r, objs))
      failed.push(r);
    else pending.push({ ...r, severity: 'warning' });
  };
  const clusterName = objs.cluster.metadata.name;
  // Bastion problems never change the verdict.
  const servers = objs.openStackServers.filter(
    s => !isBastionServer(s, clusterName, objs.openStackCluster),
  );
  const osc = objs.openStackCluster;
  for (const o of [
    ...(osc ? [osc] : []),
    ...objs.openStackMachines,
    ...servers,
  ]) {
    const c = getCondition(o, 'OpenStackAuthenticationSucceeded');
    check(o, c, isFalse(c));
  }
  for (const o of [...objs.openStackMachines, ...servers]) {
    const c = getCondition(o, 'InstanceReady');
    check(
      o,
      c,
      isFalse(c) && INSTANCE_FAILED_REASONS.includes(c?.reason ?? ''),
    );
  }
  const topo = view.cond('TopologyReconciled');
  check(
    objs.cluster,
    topo,
    isFalse(topo) && TOPOLOGY_FAILED_REASONS.includes(topo?.reason ?? ''),
  );
  for (const mhc of objs.machineHealthChecks) {
    const c = getCondition(mhc, 'RemediationAllowed');
    check(mhc, c, isFalse(c));
  }
  // Legacy terminal failures (v1beta1 failureReason, v1beta2 status.deprecated.v1beta1).
  const legacy = [
    objs.cluster,
    ...(objs.controlPlane ? [objs.controlPlane] : []),
    ...(osc ? [osc] : []),
    ...objs.machineDeployments,
    ...objs.machineSets,
    ...objs.machines,
    ...objs.openStackMachines,
  ];
  for (const o of legacy) {
    const f = legacyFailure(o);
    if (f) {
      failed.push(
        reason(o, 'error', {
          reason: f.reason ?? 'Failed',
          message: f.message,
        }),
      );
    }
  }
  return { failed, pending };
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// MachineHealthCheck status: targets, healthy count and remediations
// allowed under its unhealthy limit.

import { cond } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { write } from './layout';
import { pausedCond } from './machineConditions';
import { MachineView } from './machineView';

export async function writeHealthCheckStatus(
  scope: ClusterScope,
  mhc: KObj,
  targets: MachineView[],
) {
  const healthy = targets.filter(t => t.ready).length;
  const expected = targets.length;
  const limit = String(
    mhc.spec?.remediation?.triggerIf?.unhealthyLessThanOrEqualTo ??
      mhc.spec?.maxUnhealthy ??
      '100%',
  );
  const maxUnhealthy = limit.endsWith('%')
    ? Math.floor((Number(limit.slice(0, -1)) / 100) * expected)
    : Number(limit);
  const allowed = Math.max(0, maxUnhealthy - (expected - healthy));
  const conditions = [
    cond('RemediationAllowed', 'True', 'RemediationAllowed'),
    pausedCond(scope.paused),
  ];
  const fields = {
    expectedMachines: expected,
    currentHealthy: healthy,
    remediationsAllowed: allowed,
    targets: targets.map(t => t.name).sort(),
  };
  await write(
    scope,
    'MachineHealthCheck',
    mhc,
    { fields, conditions },
    { fields, legacy: [['RemediationAllowed', 'RemediationAllowed']] },
  );
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// MachineSet status: replica counters and the conditions summarizing its
// Machines.

import { cond } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { selectorString, write } from './layout';
import {
  deletingCond,
  machinesReady,
  machinesUpToDate,
  pausedCond,
  resized,
  scaling,
} from './machineConditions';
import { counters, MachineView, versionCounts } from './machineView';

export async function writeMachineSetStatus(
  scope: ClusterScope,
  ms: KObj,
  views: MachineView[],
) {
  const desired = ms.spec?.replicas ?? 0;
  const c = counters(views);
  const s = scaling(views, desired);
  const conditions = [
    machinesReady(views),
    machinesUpToDate(views),
    s.up,
    s.down,
    cond('Remediating', 'False', 'NotRemediating'),
    deletingCond(ms, 'Deleting', `Deleting ${views.length} Machines`),
    pausedCond(scope.paused),
  ];
  const selector = selectorString(ms.spec?.selector?.matchLabels);
  await write(
    scope,
    'MachineSet',
    ms,
    {
      fields: {
        ...c,
        ...(selector ? { selector } : {}),
        ...(views.length ? { versions: versionCounts(views) } : {}),
      },
      conditions,
    },
    {
      fields: {
        replicas: c.replicas,
        fullyLabeledReplicas: c.replicas,
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        ...(selector ? { selector } : {}),
      },
      v1beta2Fields: {
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        upToDateReplicas: c.upToDateReplicas,
      },
      legacy: [
        ['Ready', 'MachinesReady'],
        ['MachinesCreated', cond('MachinesCreated', 'True', 'Created')],
        ['MachinesReady', 'MachinesReady'],
        ['Resized', resized(s)],
      ],
    },
  );
}

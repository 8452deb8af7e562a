/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// MachineSet status: replica counters and the conditions summarizing its
// Machines.

import { cond } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { selectorString, write } from './layout';
import { replicaConditions, resized, scaling } from './machineConditions';
import {
  counters,
  MachineView,
  replicaFields,
  v1beta2Counters,
} from './machineView';

export async function writeMachineSetStatus(
  scope: ClusterScope,
  ms: KObj,
  views: MachineView[],
) {
  const desired = ms.spec?.replicas ?? 0;
  const c = counters(views);
  const s = scaling(views, desired);
  const conditions = replicaConditions(ms, views, s, {
    paused: scope.paused,
    rollsOut: false,
    deleting: ['Deleting', `Deleting ${views.length} Machines`],
  });
  const selector = selectorString(ms.spec?.selector?.matchLabels);
  await write(
    scope,
    'MachineSet',
    ms,
    { fields: replicaFields(c, views, selector), conditions },
    {
      fields: {
        replicas: c.replicas,
        fullyLabeledReplicas: c.replicas,
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        ...(selector ? { selector } : {}),
      },
      v1beta2Fields: v1beta2Counters(c),
      legacy: [
        ['Ready', 'MachinesReady'],
        ['MachinesCreated', cond('MachinesCreated', 'True', 'Created')],
        ['MachinesReady', 'MachinesReady'],
        ['Resized', resized(s)],
      ],
    },
  );
}

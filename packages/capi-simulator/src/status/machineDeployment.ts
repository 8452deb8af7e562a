/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// MachineDeployment status: desired replicas, availability against
// maxUnavailable, counters, phase and conditions.

import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { mdRollingUpdate } from '../shapes';
import { selectorString, write } from './layout';
import { availableCond, replicaConditions, scaling } from './machineConditions';
import {
  counters,
  MachineView,
  replicaFields,
  v1beta2Counters,
} from './machineView';

export function machineDeploymentDesired(
  md: KObj,
  views: MachineView[],
): number {
  return md.spec?.replicas ?? views.filter(v => !v.deleting).length;
}

export function machineDeploymentAvailable(
  md: KObj,
  views: MachineView[],
): { ok: boolean; message: string } {
  const desired = machineDeploymentDesired(md, views);
  const { maxUnavailable } = mdRollingUpdate(md);
  const available = views.filter(v => v.available).length;
  const min = Math.max(0, desired - maxUnavailable);
  return {
    ok: available >= min,
    message: `${available} available replicas, at least ${min} required (spec.strategy.rollout.maxUnavailable is ${maxUnavailable}, spec.replicas is ${desired})`,
  };
}

export async function writeMachineDeploymentStatus(
  scope: ClusterScope,
  md: KObj,
  views: MachineView[],
) {
  const desired = machineDeploymentDesired(md, views);
  const c = counters(views);
  const s = scaling(views, desired);
  const available = machineDeploymentAvailable(md, views);
  let phase = 'Running';
  if (c.replicas < desired) phase = 'ScalingUp';
  else if (c.replicas > desired) phase = 'ScalingDown';
  const conditions = [
    availableCond(available),
    ...replicaConditions(md, views, s, {
      paused: scope.paused,
      rollsOut: true,
      deleting: ['Deleting', 'Deleting MachineSets'],
    }),
  ];
  const selector = selectorString(md.spec?.selector?.matchLabels);
  await write(
    scope,
    'MachineDeployment',
    md,
    { fields: { ...replicaFields(c, views, selector), phase }, conditions },
    {
      fields: {
        replicas: c.replicas,
        updatedReplicas: c.upToDateReplicas,
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        unavailableReplicas: Math.max(0, c.replicas - c.availableReplicas),
        phase,
        ...(selector ? { selector } : {}),
      },
      v1beta2Fields: v1beta2Counters(c),
      legacy: [
        ['Ready', 'Available'],
        ['Available', 'Available'],
        ['MachineSetReady', 'MachinesReady'],
      ],
    },
  );
}

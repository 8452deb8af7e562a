/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Replace one machine: delete the Machine, and its owner (a MachineSet, or
// the KubeadmControlPlane) creates a new one with a new OpenStack server.
// What a platform engineer does for a server in ERROR, a quota refusal once
// the quota is back, or a node that went bad. Refused where the deletion
// would hurt: etcd quorum, a pool's last healthy machine, a running rollout.

import { NotFoundError } from '@backstage/errors';
import { getCondition, isFalse, isTrue } from '../model/conditions';
import { deploymentNameOf, isClusterPaused, isControlPlaneMachine, machineSetNameOf } from '../model/links';
import { KubeObject, ownerOf } from '../model/objects';
import { UnprocessableError } from '../errors';
import { primaryOf } from './writes';
import { LiveObjects, Plan } from './types';

const live = (m: KubeObject) => !m.metadata.deletionTimestamp;

/** A machine counts as healthy unless a health signal says otherwise. */
function healthy(m: KubeObject): boolean {
  if (['Failed', 'Deleting', 'Deleted'].includes(m.status?.phase)) return false;
  const signals = ['Ready', 'NodeHealthy', 'HealthCheckSucceeded', 'EtcdMemberHealthy'].map(t => getCondition(m, t));
  return !signals.some(isFalse) && (isTrue(getCondition(m, 'Ready')) || m.status?.phase === 'Running');
}

function refuseControlPlane(objs: LiveObjects, target: KubeObject) {
  const name = target.metadata.name;
  const members = objs.machines.filter(isControlPlaneMachine);
  const leaving = members.filter(m => m !== target && !live(m));
  if (leaving.length > 0) {
    throw new UnprocessableError(
      `machine: control plane machine ${leaving[0].metadata.name} is being deleted; replace ${name} once the control plane has settled`,
    );
  }
  const kcp = objs.controlPlane;
  if (isTrue(getCondition(kcp, 'RollingOut')) || isTrue(getCondition(kcp, 'ScalingDown'))) {
    throw new UnprocessableError(`machine: the control plane is rolling out; replace ${name} when it has finished`);
  }
  // KCP removes the etcd member before the machine: the others must keep quorum.
  const others = members.filter(m => m !== target);
  const healthyOthers = others.filter(m => !isFalse(getCondition(m, 'EtcdMemberHealthy')) && healthy(m)).length;
  if (others.length === 0 || healthyOthers <= others.length / 2) {
    throw new UnprocessableError(
      others.length === 0
        ? `machine: ${name} is the only control plane machine: deleting it would take down etcd and the API server; scale the control plane to 3 first`
        : `machine: replacing ${name} would break etcd quorum: only ${healthyOthers} of the other ${others.length} control plane machines are healthy`,
    );
  }
}

function refusePoolMachine(objs: LiveObjects, target: KubeObject) {
  const name = target.metadata.name;
  const mdName = deploymentNameOf(target);
  const setName = machineSetNameOf(target);
  const siblings = objs.machines.filter(
    m => m !== target && !isControlPlaneMachine(m) && (mdName ? deploymentNameOf(m) === mdName : machineSetNameOf(m) === setName),
  );
  const md = objs.machineDeployments.find(o => o.metadata.name === mdName);
  const pool = mdName ?? setName;
  if (siblings.some(m => !live(m)) || isTrue(getCondition(md, 'RollingOut'))) {
    throw new UnprocessableError(`machine: pool ${pool} is rolling out; replace ${name} when it has finished`);
  }
  if (healthy(target) && !siblings.some(healthy)) {
    throw new UnprocessableError(
      `machine: ${name} is the last healthy machine of pool ${pool}: scale the pool up first, then replace it`,
    );
  }
}

export function planReplaceMachine(objs: LiveObjects, machineName: string): Plan {
  const cluster = objs.cluster;
  const target = objs.machines.find(m => m.metadata.name === machineName);
  if (!target) throw new NotFoundError(`Machine ${machineName} not found in Cluster ${cluster.metadata.name}`);
  const primary = { ...primaryOf(target), kind: 'Machine' };
  if (!live(target)) {
    return {
      action: 'replace-machine',
      primary,
      writes: [],
      changes: [],
      message: `Machine ${machineName} is already being deleted (since ${target.metadata.deletionTimestamp}); its owner creates the new one.`,
    };
  }
  if (isClusterPaused(cluster)) {
    throw new UnprocessableError(
      `Cluster ${cluster.metadata.name} is paused: nothing would create the new machine; resume the cluster first`,
    );
  }
  const cp = isControlPlaneMachine(target);
  if (!cp && !ownerOf(target, 'MachineSet')) {
    throw new UnprocessableError(
      `machine: ${machineName} belongs to no MachineSet or control plane: nothing would create a new one`,
    );
  }
  if (cp) refuseControlPlane(objs, target);
  else refusePoolMachine(objs, target);
  const owner = cp ? 'the control plane' : `MachineSet ${machineSetNameOf(target)}`;
  return {
    action: 'replace-machine',
    primary,
    writes: [{ op: 'delete', kind: 'Machine', name: machineName, resourceVersion: target.metadata.resourceVersion! }],
    changes: [{ kind: 'Machine', name: machineName, field: '(deleted)' }],
    message: `Replacing Machine ${machineName}: it is drained and deleted with its OpenStack server, and ${owner} creates a new one.`,
  };
}

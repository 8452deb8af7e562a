/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Deletion in the order of the real controllers. The local API server has
// no garbage collector, so children are deleted explicitly:
// - Cluster: workers (MachineDeployments, MachineSets, Machines, health
//   checks) -> KubeadmControlPlane and its Machines -> OpenStackCluster
//   (load balancer, router, network, security groups, bastion) -> what the
//   Cluster owns (topology templates) -> finalizer `cluster.cluster.x-k8s.io`.
// - Machine: drain the node -> OpenStackMachine (-> OpenStackServer) ->
//   KubeadmConfig and its bootstrap Secret -> finalizer.
// - Objects whose owner is gone are deleted (what the garbage collector does).

import { Kind, KINDS } from './apiVersions';
import { bullets, Cond, cond, Condition, finalize } from './conditions';
import {
  CLUSTER_FINALIZER,
  CLUSTER_NAME_LABEL,
  KCP_FINALIZER,
  MACHINE_FINALIZER,
  MD_FINALIZER,
  MS_FINALIZER,
  OPENSTACK_CLUSTER_FINALIZER,
  OPENSTACK_MACHINE_FINALIZER,
  OPENSTACK_SERVER_FINALIZER,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from './context';
import { CONTROLLERS } from './events';
import { KObj } from './kube';
import {
  bootstrapConfigRef,
  controllerOf,
  infrastructureRef,
  isDeleting,
  isOwnedBy,
  labels,
} from './shapes';
import { isoTime } from './clock';

/** Replaces some v1beta2 conditions (and top-level status fields) of an object, keeping the rest. */
async function patchConditions(
  scope: ClusterScope,
  kind: Kind,
  obj: KObj,
  conds: Cond[],
  fields: Record<string, unknown> = {},
) {
  const status = obj.status ?? {};
  const list: Condition[] =
    (scope.gen === 'v1beta2'
      ? status.conditions
      : status.v1beta2?.conditions) ?? [];
  const replaced = new Set(conds.map(c => c.type));
  const conditions = [
    ...list.filter(c => !replaced.has(c.type)),
    ...finalize(conds, list, obj.metadata.generation),
  ];
  await scope.rt.writer.applyStatus(
    kind,
    obj,
    scope.gen === 'v1beta2'
      ? { ...status, ...fields, conditions }
      : { ...status, ...fields, v1beta2: { ...status.v1beta2, conditions } },
  );
}

// --- servers and OpenStackMachines --------------------------------------------

export async function reconcileServerDeletion(
  scope: ClusterScope,
  server: KObj,
): Promise<void> {
  const { clock, writer } = scope.rt;
  const hadInstance = !!server.status?.instanceID;
  if (hadInstance) {
    const remaining = clock.remaining(server.metadata.uid!, 'serverDelete');
    if (remaining > 0) {
      scope.requeue(remaining);
      return;
    }
  }
  const released = await writer.removeFinalizer(
    'OpenStackServer',
    server,
    OPENSTACK_SERVER_FINALIZER,
  );
  if (released) {
    scope.event({
      regarding: server,
      controller: CONTROLLERS.openStackServer,
      reason: 'SuccessfulDeleteServer',
      action: 'Delete',
      note: hadInstance
        ? `Deleted server ${server.metadata.name} with id ${server.status.instanceID}`
        : `Deleted server ${server.metadata.name}`,
    });
  }
}

export async function reconcileOpenStackMachineDeletion(
  scope: ClusterScope,
  osm: KObj,
): Promise<void> {
  const { writer } = scope.rt;
  const server = scope.get('OpenStackServer', osm.metadata.name);
  if (server) {
    if (!isDeleting(server)) await writer.remove('OpenStackServer', server);
    const current = scope.get('OpenStackServer', osm.metadata.name);
    if (current) await reconcileServerDeletion(scope, current);
    if (scope.get('OpenStackServer', osm.metadata.name)) return;
  }
  await writer.removeFinalizer(
    'OpenStackMachine',
    osm,
    OPENSTACK_MACHINE_FINALIZER,
  );
}

// --- Machines ------------------------------------------------------------------

export async function reconcileMachineDeletion(
  scope: ClusterScope,
  machine: KObj,
): Promise<void> {
  const { clock, writer } = scope.rt;
  const uid = machine.metadata.uid!;
  const deletingCond = (reason: string, message: string) => [
    cond('Deleting', 'True', reason, message),
    cond(
      'Ready',
      'False',
      'NotReady',
      '* Deleting: Machine deletion in progress',
    ),
    cond(
      'Available',
      'False',
      'NotReady',
      '* Deleting: Machine deletion in progress',
    ),
  ];

  // 1. Drain the Node.
  if (machine.status?.nodeRef) {
    clock.start(uid, 'drain');
    const remaining = clock.remaining(uid, 'drain');
    if (remaining > 0) {
      const started = clock.startedAt(uid, 'drain') ?? Date.now();
      await patchConditions(
        scope,
        'Machine',
        machine,
        deletingCond(
          'DrainingNode',
          `Drain not completed yet (started at ${isoTime(started)})`,
        ),
        {
          phase: 'Deleting',
          deletion: { nodeDrainStartTime: isoTime(started) },
        },
      );
      scope.requeue(remaining);
      return;
    }
  }

  // 2. Infrastructure.
  const osm = scope.get(
    'OpenStackMachine',
    infrastructureRef(machine.spec)?.name,
  );
  if (osm && isOwnedByOrUnowned(osm, machine)) {
    if (!isDeleting(osm)) await writer.remove('OpenStackMachine', osm);
    const current = scope.get('OpenStackMachine', osm.metadata.name);
    if (current) await reconcileOpenStackMachineDeletion(scope, current);
    if (scope.get('OpenStackMachine', osm.metadata.name)) {
      await patchConditions(
        scope,
        'Machine',
        machine,
        deletingCond(
          'WaitingForInfrastructureDeletion',
          'Waiting for OpenStackMachine to be deleted',
        ),
        { phase: 'Deleting' },
      );
      return;
    }
  }

  // 3. Bootstrap config and its data Secret.
  const kc = scope.get('KubeadmConfig', bootstrapConfigRef(machine.spec)?.name);
  if (kc && isOwnedByOrUnowned(kc, machine)) {
    await writer.remove('KubeadmConfig', kc);
    await writer.deleteSecret(scope.ns, kc.metadata.name);
  }

  // 4. The Node is gone with its server: release the Machine.
  const done = await writer.removeFinalizer(
    'Machine',
    machine,
    MACHINE_FINALIZER,
  );
  if (done) clock.forget(uid);
}

function isOwnedByOrUnowned(child: KObj, owner: KObj): boolean {
  return !child.metadata.ownerReferences?.length || isOwnedBy(child, owner);
}

export async function reconcileMachineSetDeletion(
  scope: ClusterScope,
  ms: KObj,
  machines: KObj[],
): Promise<void> {
  for (const m of machines)
    if (!isDeleting(m)) await scope.rt.writer.remove('Machine', m);
  if (machines.length === 0)
    await scope.rt.writer.removeFinalizer('MachineSet', ms, MS_FINALIZER);
}

export async function reconcileMachineDeploymentDeletion(
  scope: ClusterScope,
  md: KObj,
  sets: KObj[],
): Promise<void> {
  for (const s of sets)
    if (!isDeleting(s)) await scope.rt.writer.remove('MachineSet', s);
  if (sets.length === 0)
    await scope.rt.writer.removeFinalizer(
      'MachineDeployment',
      md,
      MD_FINALIZER,
    );
}

export async function reconcileControlPlaneDeletion(
  scope: ClusterScope,
  kcp: KObj,
  machines: KObj[],
): Promise<void> {
  for (const m of machines)
    if (!isDeleting(m)) await scope.rt.writer.remove('Machine', m);
  if (machines.length) return;
  await scope.rt.writer.deleteSecret(scope.ns, `${scope.name}-kubeconfig`);
  scope.rt.secrets.delete(`${scope.ns}/${scope.name}-kubeconfig`);
  await scope.rt.writer.removeFinalizer(
    'KubeadmControlPlane',
    kcp,
    KCP_FINALIZER,
  );
}

export async function reconcileOpenStackClusterDeletion(
  scope: ClusterScope,
  osc: KObj,
): Promise<void> {
  const { clock, writer } = scope.rt;
  const bastion = scope.get('OpenStackServer', `${scope.name}-bastion`);
  if (bastion && isOwnedBy(bastion, osc)) {
    if (!isDeleting(bastion)) await writer.remove('OpenStackServer', bastion);
    const current = scope.get('OpenStackServer', bastion.metadata.name);
    if (current) await reconcileServerDeletion(scope, current);
    if (scope.get('OpenStackServer', bastion.metadata.name)) return;
  }
  const remaining = clock.remaining(
    osc.metadata.uid!,
    'clusterInfrastructureDelete',
  );
  if (remaining > 0) {
    scope.requeue(remaining);
    return;
  }
  const done = await writer.removeFinalizer(
    'OpenStackCluster',
    osc,
    OPENSTACK_CLUSTER_FINALIZER,
  );
  if (done) {
    for (const what of [
      'LoadBalancer',
      'Router',
      'Network',
      'SecurityGroups',
    ]) {
      scope.event({
        regarding: osc,
        controller: CONTROLLERS.openStackCluster,
        reason: `SuccessfulDelete${what}`,
        action: 'Delete',
        note: `Deleted ${what
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()} of cluster ${scope.ns}/${scope.name}`,
      });
    }
    clock.forget(osc.metadata.uid!);
  }
}

// --- Cluster -------------------------------------------------------------------

/** Kinds the topology (or a user) attaches to a Cluster with an owner reference. */
const CLUSTER_OWNED_KINDS: Kind[] = [
  'MachineHealthCheck',
  'OpenStackMachineTemplate',
  'KubeadmConfigTemplate',
  'KubeadmControlPlaneTemplate',
  'OpenStackClusterTemplate',
];

/**
 * Issues the deletes of the next step of a Cluster's deletion and removes
 * its finalizer at the end. Returns the Deleting condition's reason and message.
 */
export async function reconcileClusterDeletion(
  scope: ClusterScope,
): Promise<{ reason: string; message: string } | undefined> {
  const { writer } = scope.rt;
  const mds = scope.machineDeployments();
  const sets = scope.machineSets();
  const workers = scope.workerMachines();
  const checks = scope.healthChecks();
  if (mds.length || sets.length || workers.length || checks.length) {
    for (const md of mds) await writer.remove('MachineDeployment', md);
    for (const mhc of checks) await writer.remove('MachineHealthCheck', mhc);
    for (const s of sets)
      if (controllerOf(s)?.kind !== 'MachineDeployment')
        await writer.remove('MachineSet', s);
    for (const m of workers)
      if (controllerOf(m)?.kind !== 'MachineSet')
        await writer.remove('Machine', m);
    const items: string[] = [];
    if (mds.length)
      items.push(
        `MachineDeployments: ${mds.map(o => o.metadata.name).join(', ')}`,
      );
    if (workers.length)
      items.push(
        `Worker Machines: ${workers.map(o => o.metadata.name).join(', ')}`,
      );
    if (checks.length)
      items.push(
        `MachineHealthChecks: ${checks.map(o => o.metadata.name).join(', ')}`,
      );
    return { reason: 'WaitingForWorkersDeletion', message: bullets(items) };
  }
  const kcp = scope.kcp();
  const cpMachines = scope.controlPlaneMachines();
  if (kcp || cpMachines.length) {
    if (kcp) await writer.remove('KubeadmControlPlane', kcp);
    for (const m of cpMachines)
      if (controllerOf(m)?.kind !== 'KubeadmControlPlane')
        await writer.remove('Machine', m);
    return {
      reason: 'WaitingForControlPlaneDeletion',
      message: 'Waiting for KubeadmControlPlane to be deleted',
    };
  }
  const osc = scope.openStackCluster();
  if (osc) {
    await writer.remove('OpenStackCluster', osc);
    return {
      reason: 'WaitingForInfrastructureDeletion',
      message: 'Waiting for OpenStackCluster to be deleted',
    };
  }
  // What the garbage collector would delete after the Cluster.
  for (const kind of CLUSTER_OWNED_KINDS) {
    for (const o of scope.list(kind))
      if (isOwnedBy(o, scope.cluster)) await writer.remove(kind, o);
  }
  await writer.deleteSecret(scope.ns, `${scope.name}-kubeconfig`);
  scope.rt.secrets.delete(`${scope.ns}/${scope.name}-kubeconfig`);
  const done = await writer.removeFinalizer(
    'Cluster',
    scope.cluster,
    CLUSTER_FINALIZER,
  );
  if (done) {
    scope.event({
      regarding: scope.cluster,
      controller: CONTROLLERS.cluster,
      reason: 'Deleted',
      action: 'Delete',
      note: `Cluster ${scope.ns}/${scope.name} has been deleted`,
    });
  }
  return undefined;
}

// --- garbage collection --------------------------------------------------------

const COLLECTED_KINDS: Kind[] = [
  'MachineSet',
  'Machine',
  'KubeadmConfig',
  'OpenStackMachine',
  'OpenStackServer',
];

function belongsTo(scope: ClusterScope, o: KObj): boolean {
  return (
    labels(o)[CLUSTER_NAME_LABEL] === scope.name ||
    o.spec?.clusterName === scope.name
  );
}

/** Deletes (and finishes deleting) objects of the Cluster whose owners are gone. */
export async function garbageCollect(scope: ClusterScope): Promise<void> {
  const { cache, writer } = scope.rt;
  for (const kind of COLLECTED_KINDS) {
    for (const o of scope.list(kind)) {
      if (!belongsTo(scope, o)) continue;
      // Only owners of kinds the simulator watches can be known to be gone.
      const owners = (o.metadata.ownerReferences ?? []).filter(r =>
        (KINDS as string[]).includes(r.kind),
      );
      if (!owners.length || owners.some(r => cache.hasUid(r.uid))) continue;
      if (!isDeleting(o)) {
        await writer.remove(kind, o);
        if (kind === 'KubeadmConfig')
          await writer.deleteSecret(scope.ns, o.metadata.name);
      }
      const current = scope.get(kind, o.metadata.name);
      if (!current || !isDeleting(current)) continue;
      if (kind === 'Machine') await reconcileMachineDeletion(scope, current);
      else if (kind === 'OpenStackMachine')
        await reconcileOpenStackMachineDeletion(scope, current);
      else if (kind === 'OpenStackServer')
        await reconcileServerDeletion(scope, current);
      else if (kind === 'MachineSet') {
        await reconcileMachineSetDeletion(
          scope,
          current,
          scope.machines().filter(m => isOwnedBy(m, current)),
        );
      }
    }
  }
}

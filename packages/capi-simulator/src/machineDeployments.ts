/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The MachineDeployment and MachineSet controllers: one MachineSet per
// template revision, scaled by the rolling update strategy; each MachineSet
// creates and deletes Machines (with their KubeadmConfig and
// OpenStackMachine cloned from the templates) to match its replicas.

import {
  BOOTSTRAP_GROUP,
  CLUSTER_NAME_LABEL,
  DELETE_MACHINE_ANNOTATION,
  DEPLOYMENT_NAME_LABEL,
  INFRA_GROUP,
  MD_FINALIZER,
  MD_REVISION_ANNOTATION,
  mdRolloutAfter,
  MS_FINALIZER,
  SET_NAME_LABEL,
  TEMPLATE_HASH_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from './context';
import { adopt } from './controlPlane';
import {
  reconcileMachineDeletion,
  reconcileMachineSetDeletion,
  reconcileMachineDeploymentDeletion,
} from './deletion';
import { CONTROLLERS } from './events';
import { KObj } from './kube';
import {
  createMachine,
  ensureMachineChildren,
  MachineBlueprint,
  machineView,
  reconcileMachine,
} from './machines';
import {
  machineSetHashInput,
  machineSetOutdatedReasons,
  planMachineSets,
} from './rollout';
import {
  annotations,
  bootstrapConfigRef,
  controllerOf,
  createdAt,
  infrastructureRef,
  isDeleting,
  isOwnedBy,
  labels,
  mdRollingUpdate,
  ownerRef,
  randomSuffix,
  templateHash,
} from './shapes';
import {
  MachineView,
  writeMachineDeploymentStatus,
  writeMachineSetStatus,
} from './status';

export interface DeploymentResult {
  obj: KObj;
  views: MachineView[];
}

function setsOf(scope: ClusterScope, md: KObj): KObj[] {
  return scope.machineSets().filter(ms => isOwnedBy(ms, md));
}

function machinesOf(scope: ClusterScope, ms: KObj): KObj[] {
  return scope.workerMachines().filter(m => isOwnedBy(m, ms));
}

function blueprint(
  scope: ClusterScope,
  ms: KObj,
  md: KObj | undefined,
): MachineBlueprint | undefined {
  const spec = ms.spec?.template?.spec ?? {};
  const bootstrapRef = bootstrapConfigRef(spec);
  const infraRef = infrastructureRef(spec);
  const bootstrapTemplate = scope.get(
    'KubeadmConfigTemplate',
    bootstrapRef?.name,
  );
  const infraTemplate = scope.get('OpenStackMachineTemplate', infraRef?.name);
  if (!bootstrapTemplate || !infraTemplate) return undefined;
  const { bootstrap, infrastructureRef: _infra, ...rest } = spec;
  const templateLabels = ms.spec?.template?.metadata?.labels ?? {};
  return {
    owner: ms,
    controller: CONTROLLERS.machineSet,
    labels: {
      ...templateLabels,
      [CLUSTER_NAME_LABEL]: scope.name,
      [SET_NAME_LABEL]: ms.metadata.name,
      ...(md ? { [DEPLOYMENT_NAME_LABEL]: md.metadata.name } : {}),
    },
    annotations: ms.spec?.template?.metadata?.annotations,
    spec: rest,
    bootstrap: {
      spec: bootstrapTemplate.spec?.template?.spec ?? {},
      template: {
        name: bootstrapTemplate.metadata.name,
        kind: 'KubeadmConfigTemplate',
        group: BOOTSTRAP_GROUP,
      },
    },
    infrastructure: {
      spec: infraTemplate.spec?.template?.spec ?? {},
      template: {
        name: infraTemplate.metadata.name,
        kind: 'OpenStackMachineTemplate',
        group: INFRA_GROUP,
      },
    },
  };
}

/** Machines to delete first: marked, then not ready, then the newest. */
function deletionOrder(machines: KObj[]): KObj[] {
  const rank = (m: KObj) => {
    if (DELETE_MACHINE_ANNOTATION in annotations(m)) return 0;
    return m.status?.nodeRef ? 2 : 1;
  };
  return [...machines].sort(
    (a, b) => rank(a) - rank(b) || createdAt(b) - createdAt(a),
  );
}

/** One MachineSet: Machines progress, and their number follows spec.replicas. */
async function reconcileMachineSet(
  scope: ClusterScope,
  ms: KObj,
  md: KObj | undefined,
  outdated: string[],
): Promise<MachineView[]> {
  const { writer } = scope.rt;
  const upToDate = { ok: outdated.length === 0, reasons: outdated };
  let current: KObj | undefined = ms;
  if (
    !isDeleting(current) &&
    !current.metadata.finalizers?.includes(MS_FINALIZER)
  ) {
    current = await writer.addFinalizer('MachineSet', current, MS_FINALIZER);
    if (!current) return [];
  }
  const bp = blueprint(scope, current, md);
  for (const m of machinesOf(scope, current)) {
    if (isDeleting(m)) {
      await reconcileMachineDeletion(scope, m);
      continue;
    }
    if (scope.paused) continue;
    if (bp) await ensureMachineChildren(scope, m, bp);
    const fresh = scope.get('Machine', m.metadata.name);
    if (fresh) await reconcileMachine(scope, fresh, upToDate);
  }
  if (isDeleting(current)) {
    await reconcileMachineSetDeletion(
      scope,
      current,
      machinesOf(scope, current),
    );
  } else if (!scope.paused && !scope.deleting) {
    const alive = machinesOf(scope, current).filter(m => !isDeleting(m));
    const desired: number = current.spec?.replicas ?? 0;
    if (alive.length < desired && bp) {
      for (let i = alive.length; i < desired; i++) {
        await createMachine(
          scope,
          `${current.metadata.name}-${randomSuffix()}`,
          bp,
        );
      }
      scope.requeue(10);
    } else if (alive.length > desired) {
      for (const m of deletionOrder(alive).slice(0, alive.length - desired)) {
        await writer.remove('Machine', m);
        scope.event({
          regarding: current,
          controller: CONTROLLERS.machineSet,
          reason: 'SuccessfulDelete',
          action: 'Delete',
          note: `Deleted Machine "${m.metadata.name}"`,
        });
      }
      scope.requeue(10);
    }
  }
  current = scope.get('MachineSet', current.metadata.name) ?? current;
  const views = machinesOf(scope, current).map(m =>
    machineView(scope, m, upToDate),
  );
  await writeMachineSetStatus(scope, current, views);
  return views;
}

async function createMachineSet(
  scope: ClusterScope,
  md: KObj,
  replicas: number,
  revision: number,
): Promise<KObj> {
  const now = scope.rt.clock.now();
  const hash = templateHash(machineSetHashInput(md, now));
  const name = `${md.metadata.name}-${randomSuffix()}`;
  const templateLabels = {
    ...md.spec?.template?.metadata?.labels,
    [CLUSTER_NAME_LABEL]: scope.name,
    [DEPLOYMENT_NAME_LABEL]: md.metadata.name,
    [TEMPLATE_HASH_LABEL]: hash,
  };
  const topologyLabels = Object.fromEntries(
    Object.entries(labels(md)).filter(([k]) =>
      k.startsWith('topology.cluster.x-k8s.io/'),
    ),
  );
  const ms = await scope.rt.writer.apply('MachineSet', {
    metadata: {
      name,
      namespace: scope.ns,
      labels: { ...templateLabels, ...topologyLabels },
      annotations: { [MD_REVISION_ANNOTATION]: String(revision) },
      ownerReferences: [ownerRef(md)],
      finalizers: [MS_FINALIZER],
    },
    spec: {
      clusterName: scope.name,
      replicas,
      selector: {
        matchLabels: {
          [CLUSTER_NAME_LABEL]: scope.name,
          [DEPLOYMENT_NAME_LABEL]: md.metadata.name,
          [TEMPLATE_HASH_LABEL]: hash,
        },
      },
      template: {
        metadata: {
          labels: templateLabels,
          ...(md.spec?.template?.metadata?.annotations
            ? { annotations: md.spec.template.metadata.annotations }
            : {}),
        },
        spec: md.spec?.template?.spec,
      },
    },
  });
  scope.event({
    regarding: md,
    controller: CONTROLLERS.machineDeployment,
    reason: 'SuccessfulCreate',
    action: 'Create',
    note: `Created MachineSet "${name}"`,
  });
  return ms;
}

async function reconcileMachineDeployment(
  scope: ClusterScope,
  input: KObj,
): Promise<DeploymentResult | undefined> {
  const { writer, clock } = scope.rt;
  let md: KObj | undefined = input;
  if (!isDeleting(md)) {
    md = await adopt(scope, 'MachineDeployment', md, MD_FINALIZER, false);
    if (!md) return undefined;
  }
  const now = clock.now();
  const after = mdRolloutAfter(md);
  if (after && Date.parse(after) > now) scope.requeue(Date.parse(after) - now);

  if (!isDeleting(md) && !scope.paused && !scope.deleting) {
    let sets = setsOf(scope, md).filter(s => !isDeleting(s));
    let current = sets.find(
      s => machineSetOutdatedReasons(md!, s, now).length === 0,
    );
    const alive = (s: KObj) => machinesOf(scope, s).filter(m => !isDeleting(m));
    if (!current) {
      const hasMachines = sets.some(
        s => (s.spec?.replicas ?? 0) > 0 || alive(s).length > 0,
      );
      const revision =
        Math.max(
          0,
          ...sets.map(
            s => Number(annotations(s)[MD_REVISION_ANNOTATION] ?? 0) || 0,
          ),
        ) + 1;
      current = await createMachineSet(
        scope,
        md,
        hasMachines ? 0 : md.spec?.replicas ?? 1,
        revision,
      );
      sets = [...sets, current];
    }
    const desired: number =
      md.spec?.replicas ??
      sets.reduce((n, s) => n + (s.spec?.replicas ?? 0), 0);
    const plan = planMachineSets(
      desired,
      mdRollingUpdate(md),
      sets.map(s => {
        const machines = alive(s);
        return {
          name: s.metadata.name,
          replicas: s.spec?.replicas ?? 0,
          machines: machines.length,
          available: machines.filter(m => !!m.status?.nodeRef).length,
          current: s.metadata.uid === current!.metadata.uid,
          created: createdAt(s),
        };
      }),
    );
    for (const [name, replicas] of plan) {
      const ms = scope.get('MachineSet', name);
      if (ms) await writer.patch('MachineSet', ms, { spec: { replicas } });
    }
    // Old sets that are scaled to zero and empty go away.
    for (const s of setsOf(scope, md)) {
      if (s.metadata.uid === current.metadata.uid || isDeleting(s)) continue;
      if ((s.spec?.replicas ?? 0) === 0 && machinesOf(scope, s).length === 0) {
        await writer.remove('MachineSet', s);
        scope.event({
          regarding: md,
          controller: CONTROLLERS.machineDeployment,
          reason: 'SuccessfulDelete',
          action: 'Delete',
          note: `Deleted MachineSet "${s.metadata.name}"`,
        });
      }
    }
  }

  const views: MachineView[] = [];
  for (const ms of setsOf(scope, md)) {
    views.push(
      ...(await reconcileMachineSet(
        scope,
        ms,
        md,
        machineSetOutdatedReasons(md, ms, now),
      )),
    );
  }
  md = scope.get('MachineDeployment', md.metadata.name) ?? md;
  if (isDeleting(md))
    await reconcileMachineDeploymentDeletion(scope, md, setsOf(scope, md));
  const latest = scope.get('MachineDeployment', md.metadata.name);
  if (latest) await writeMachineDeploymentStatus(scope, latest, views);
  return { obj: latest ?? md, views };
}

export async function reconcileMachineDeployments(
  scope: ClusterScope,
): Promise<{ deployments: DeploymentResult[]; others: MachineView[] }> {
  const deployments: DeploymentResult[] = [];
  for (const md of scope.machineDeployments()) {
    const r = await reconcileMachineDeployment(scope, md);
    if (r) deployments.push(r);
  }
  // MachineSets without a MachineDeployment (created by hand).
  const others: MachineView[] = [];
  for (const ms of scope.machineSets()) {
    const owner = controllerOf(ms);
    if (owner?.kind === 'MachineDeployment') continue;
    others.push(...(await reconcileMachineSet(scope, ms, undefined, [])));
  }
  return { deployments, others };
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Creating a Machine from its owner's blueprint, with the KubeadmConfig and
// OpenStackMachine cloned for it.

import {
  CLONED_FROM_GROUPKIND_ANNOTATION as CLONED_FROM_GROUPKIND,
  CLONED_FROM_NAME_ANNOTATION as CLONED_FROM_NAME,
  CLUSTER_NAME_LABEL,
  MACHINE_FINALIZER,
  OPENSTACK_MACHINE_FINALIZER,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { Controller } from '../events';
import { KObj } from '../kube';
import {
  bootstrapConfigRef,
  infrastructureRef,
  isDeleting,
  labels,
  ownerRef,
  writeRef,
} from '../shapes';

/** What an owner (KubeadmControlPlane, MachineSet) says a new Machine is made of. */
export interface MachineBlueprint {
  owner: KObj;
  controller: Controller;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** Machine spec without the bootstrap and infrastructure references. */
  spec: Record<string, any>;
  bootstrap: { spec: any; template?: TemplateName };
  infrastructure: { spec: any; template: TemplateName };
}

export interface TemplateName {
  name: string;
  kind: string;
  group: string;
}

function clonedFrom(t: TemplateName | undefined): Record<string, string> {
  return t
    ? {
        [CLONED_FROM_NAME]: t.name,
        [CLONED_FROM_GROUPKIND]: `${t.kind}.${t.group}`,
      }
    : {};
}

/** Creates a Machine with its KubeadmConfig and OpenStackMachine. */
export async function createMachine(
  scope: ClusterScope,
  name: string,
  bp: MachineBlueprint,
): Promise<void> {
  const { writer, versions } = scope.rt;
  const machine = await writer.apply('Machine', {
    metadata: {
      name,
      namespace: scope.ns,
      labels: { ...bp.labels, [CLUSTER_NAME_LABEL]: scope.name },
      ...(bp.annotations && Object.keys(bp.annotations).length
        ? { annotations: bp.annotations }
        : {}),
      ownerReferences: [ownerRef(bp.owner)],
      finalizers: [MACHINE_FINALIZER],
    },
    spec: {
      ...bp.spec,
      clusterName: scope.name,
      bootstrap: {
        configRef: writeRef(
          scope.gen,
          versions.kinds.KubeadmConfig,
          name,
          scope.ns,
        ),
      },
      infrastructureRef: writeRef(
        scope.gen,
        versions.kinds.OpenStackMachine,
        name,
        scope.ns,
      ),
    },
  });
  await ensureMachineChildren(scope, machine, bp);
  scope.event({
    regarding: bp.owner,
    controller: bp.controller,
    reason: 'SuccessfulCreate',
    action: 'Create',
    note: `Created Machine "${name}"`,
  });
}

/** (Re-)creates a Machine's missing KubeadmConfig or OpenStackMachine. */
export async function ensureMachineChildren(
  scope: ClusterScope,
  machine: KObj,
  bp: MachineBlueprint,
): Promise<void> {
  if (isDeleting(machine)) return;
  const { writer } = scope.rt;
  const name = machine.metadata.name;
  const childLabels = { ...labels(machine) };
  if (!scope.get('KubeadmConfig', bootstrapConfigRef(machine.spec)?.name)) {
    const kc = await writer.apply('KubeadmConfig', {
      metadata: {
        name,
        namespace: scope.ns,
        labels: childLabels,
        ...(bp.bootstrap.template
          ? { annotations: clonedFrom(bp.bootstrap.template) }
          : {}),
        ownerReferences: [ownerRef(machine)],
      },
      spec: bp.bootstrap.spec,
    });
    scope.rt.clock.start(kc.metadata.uid!, 'bootstrapData');
  }
  if (!scope.get('OpenStackMachine', infrastructureRef(machine.spec)?.name)) {
    await writer.apply('OpenStackMachine', {
      metadata: {
        name,
        namespace: scope.ns,
        labels: childLabels,
        annotations: clonedFrom(bp.infrastructure.template),
        ownerReferences: [ownerRef(machine)],
        finalizers: [OPENSTACK_MACHINE_FINALIZER],
      },
      spec: bp.infrastructure.spec,
    });
  }
}

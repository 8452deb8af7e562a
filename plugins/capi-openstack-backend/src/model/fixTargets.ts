/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  AUTOSCALER_MAX_ANNOTATION,
  AUTOSCALER_MIN_ANNOTATION,
  TOPOLOGY_DEPLOYMENT_LABEL,
  type FixAction,
  type ObjectRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { deploymentNameOf, isControlPlaneMachine, openStackMachineOf } from './links';
import { annotationOf, ClusterObjects, KubeObject, labelOf, ownerOf, str } from './objects';
import { flavorOf, imageOf } from './openStackSpec';

/** What a reason's object belongs to: the machine, its node group, its flavor and image. */
export interface FixTarget {
  machine?: KubeObject;
  /** The node group, as the action routes address it. */
  group?: { controlPlane: true } | { pool: string; autoscaled: boolean };
  flavor?: string;
  image?: string;
  server?: KubeObject;
}

/** The pool name the action routes take: the topology name for ClusterClass clusters. */
export function poolNameOf(md: KubeObject): string {
  return labelOf(md, TOPOLOGY_DEPLOYMENT_LABEL) ?? md.metadata.name;
}

function machineOf(ref: ObjectRef, objs: ClusterObjects): KubeObject | undefined {
  const byName = (list: KubeObject[]) => list.find(o => o.metadata.name === ref.name);
  if (ref.kind === 'Machine') return byName(objs.machines);
  let osmName: string | undefined;
  if (ref.kind === 'OpenStackMachine') osmName = ref.name;
  if (ref.kind === 'OpenStackServer') {
    const server = byName(objs.openStackServers);
    osmName = (server && ownerOf(server, 'OpenStackMachine')?.name) ?? ref.name;
  }
  if (!osmName) return undefined;
  const osm = objs.openStackMachines.find(o => o.metadata.name === osmName);
  const owner = osm && ownerOf(osm, 'Machine')?.name;
  return objs.machines.find(
    m => m.metadata.name === owner || str(m.spec?.infrastructureRef?.name) === osmName,
  );
}

function poolGroup(md: KubeObject): FixTarget['group'] {
  const autoscaled =
    annotationOf(md, AUTOSCALER_MIN_ANNOTATION) !== undefined ||
    annotationOf(md, AUTOSCALER_MAX_ANNOTATION) !== undefined;
  return { pool: poolNameOf(md), autoscaled };
}

/** Resolves a reason's object to its machine and node group. */
export function fixTargetOf(ref: ObjectRef, objs: ClusterObjects): FixTarget {
  if (ref.kind === 'MachineDeployment') {
    const md = objs.machineDeployments.find(o => o.metadata.name === ref.name);
    return md ? { group: poolGroup(md) } : {};
  }
  if (ref.kind === objs.controlPlane?.kind && ref.name === objs.controlPlane.metadata.name) {
    return { group: { controlPlane: true } };
  }
  const machine = machineOf(ref, objs);
  if (!machine) return {};
  const osm = openStackMachineOf(machine, objs.openStackMachines);
  const server = objs.openStackServers.find(s => s.metadata.name === osm?.metadata.name);
  const target: FixTarget = {
    machine,
    server,
    flavor: flavorOf(osm?.spec ?? server?.spec)?.name,
    image: imageOf(osm?.spec ?? server?.spec)?.name,
  };
  if (isControlPlaneMachine(machine)) {
    target.group = { controlPlane: true };
  } else {
    const mdName = deploymentNameOf(machine, objs.machineSets);
    const md = objs.machineDeployments.find(o => o.metadata.name === mdName);
    if (md) target.group = poolGroup(md);
  }
  return target;
}

/** "pool md-0" / "the control plane" / "its node group". */
export function groupLabel(t: FixTarget): string {
  if (!t.group) return 'its node group';
  return 'pool' in t.group ? `pool ${t.group.pool}` : 'the control plane';
}

/** The scale (or, for an autoscaled pool, autoscaler bounds) button of the target's node group. */
export function scaleAction(t: FixTarget): FixAction | undefined {
  const g = t.group;
  if (!g) return undefined;
  if ('controlPlane' in g) return { kind: 'scale', label: 'Scale the control plane', controlPlane: true };
  if (g.autoscaled) return { kind: 'autoscaler', label: `Change the autoscaler bounds of pool ${g.pool}`, pool: g.pool };
  return { kind: 'scale', label: `Scale pool ${g.pool}`, pool: g.pool };
}

export function flavorAction(t: FixTarget): FixAction | undefined {
  const g = t.group;
  if (!g) return undefined;
  return 'controlPlane' in g
    ? { kind: 'flavor', label: 'Change the control plane flavor', controlPlane: true }
    : { kind: 'flavor', label: `Change the flavor of pool ${g.pool}`, pool: g.pool };
}

export function replaceAction(machine: KubeObject | undefined): FixAction | undefined {
  if (!machine) return undefined;
  const name = machine.metadata.name;
  return { kind: 'replace-machine', label: `Replace machine ${name}`, machine: name };
}

/** The defined actions, in order. */
export function actions(...list: Array<FixAction | undefined>): FixAction[] | undefined {
  const defined = list.filter((a): a is FixAction => a !== undefined);
  return defined.length ? defined : undefined;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  ControlPlaneNode,
  MachineNode,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { conditionGeneration, summarizeConditions } from './conditions';
import { replicaCountersOf } from './counters';
import { isControlPlaneMachine, openStackMachineOf } from './links';
import { ClusterObjects, KubeObject, refName, str } from './objects';
import { flavorOf, imageOf, templateSpec } from './openStackSpec';
import { compact, deleting, rolloutOf } from './treeFields';
import { countVersions, versionsOf } from './versionsInfo';

/**
 * The control plane node (KubeadmControlPlane) of the tree; undefined
 * without one. `machineNodes` supply the certificate expiries.
 */
export function controlPlaneNodeOf(
  objs: ClusterObjects,
  machineNodes: MachineNode[],
): ControlPlaneNode | undefined {
  const kcp = objs.controlPlane;
  const templates = objs.openStackMachineTemplates ?? [];
  const osmOf = (m: KubeObject) =>
    openStackMachineOf(m, objs.openStackMachines);
  const cpMachines = objs.machines.filter(isControlPlaneMachine);
  let controlPlane: ControlPlaneNode | undefined;
  if (kcp) {
    const tplName =
      refName(kcp.spec?.machineTemplate?.spec?.infrastructureRef) ??
      refName(kcp.spec?.machineTemplate?.infrastructureRef);
    const tpl = templateSpec(tplName, templates);
    const firstOsm = cpMachines.map(osmOf).find(Boolean);
    const kcpVersions = versionsOf(kcp.status?.versions);
    controlPlane = compact({
      name: kcp.metadata.name,
      kind: kcp.kind,
      apiVersion: kcp.apiVersion,
      resourceVersion: kcp.metadata.resourceVersion,
      version: str(kcp.spec?.version),
      counters: replicaCountersOf(kcp),
      versions: kcpVersions ?? countVersions(cpMachines),
      initialized:
        conditionGeneration(kcp) === 'v1beta2'
          ? kcp.status?.initialization?.controlPlaneInitialized
          : kcp.status?.initialized,
      infrastructureTemplate: tplName,
      flavor: tpl ? flavorOf(tpl) : flavorOf(firstOsm?.spec),
      image: tpl ? imageOf(tpl) : imageOf(firstOsm?.spec),
      certificates: machineNodes
        .filter(m => m.role === 'control-plane')
        .map(m =>
          compact({ machine: m.name, expiry: m.certificatesExpiryDate }),
        ),
      conditions: summarizeConditions(kcp),
      rollout: rolloutOf(kcp),
      deleting: deleting(kcp),
    } as ControlPlaneNode);
    if (typeof controlPlane.initialized !== 'boolean')
      delete controlPlane.initialized;
  }
  return controlPlane;
}

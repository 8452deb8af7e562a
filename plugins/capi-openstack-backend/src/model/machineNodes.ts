/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  CONTROL_PLANE_NAME_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type {
  MachineNode,
  ServerInfo,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  getCondition,
  isFalse,
  legacyFailure,
  summarizeConditions,
} from './conditions';
import {
  certificatesExpiryOf,
  deploymentNameOf,
  isControlPlaneMachine,
  machineSetNameOf,
  openStackMachineOf,
  openStackServerOf,
} from './links';
import {
  ClusterObjects,
  KubeObject,
  isoTime,
  labelOf,
  refName,
  str,
} from './objects';
import { addressesOf, flavorOf, imageOf, provisioned } from './openStackSpec';
import { compact, deleting } from './treeFields';

/** The OpenStack server behind a Machine, from its OpenStackServer (preferred) or OpenStackMachine. */
function serverInfo(
  machine: KubeObject,
  osm: KubeObject | undefined,
  oss: KubeObject | undefined,
): ServerInfo | undefined {
  if (!osm && !oss) return undefined;
  const src = oss ?? osm!;
  const notReady = (o: KubeObject | undefined) => {
    const c = getCondition(o, 'InstanceReady') ?? getCondition(o, 'Ready');
    return isFalse(c) ? c?.message ?? c?.reason : undefined;
  };
  const ossAddresses = addressesOf(oss?.status?.addresses);
  return compact({
    source: oss ? 'OpenStackServer' : 'OpenStackMachine',
    name: src.metadata.name,
    instanceId: str(oss?.status?.instanceID) ?? str(osm?.status?.instanceID),
    state: str(oss?.status?.instanceState) ?? str(osm?.status?.instanceState),
    flavor: flavorOf(src.spec, src.status) ?? flavorOf(osm?.spec, osm?.status),
    image: imageOf(src.spec, src.status) ?? imageOf(osm?.spec, osm?.status),
    availabilityZone:
      str(oss?.spec?.availabilityZone) ??
      str(machine.spec?.failureDomain) ??
      str(machine.status?.failureDomain),
    addresses: ossAddresses.length
      ? ossAddresses
      : addressesOf(osm?.status?.addresses),
    ready: provisioned(oss) ?? provisioned(osm),
    failureMessage:
      notReady(oss) ?? legacyFailure(osm)?.message ?? notReady(osm),
    conditions: summarizeConditions(src),
  } as ServerInfo);
}

/** The Machine nodes of the tree: control plane first, then workers by pool, each by name. */
export function machineNodesOf(objs: ClusterObjects): MachineNode[] {
  const kcp = objs.controlPlane;
  const kubeadmConfigs = objs.kubeadmConfigs ?? [];
  const osmOf = (m: KubeObject) =>
    openStackMachineOf(m, objs.openStackMachines);
  const machineNodes: MachineNode[] = objs.machines.map(m => {
    const cp = isControlPlaneMachine(m);
    const osm = osmOf(m);
    const oss = openStackServerOf(
      osm,
      objs.openStackServers,
      refName(m.spec?.infrastructureRef) ?? m.metadata.name,
    );
    const infraName = refName(m.spec?.infrastructureRef);
    return compact({
      name: m.metadata.name,
      role: cp ? 'control-plane' : 'worker',
      pool: cp
        ? labelOf(m, CONTROL_PLANE_NAME_LABEL) ?? kcp?.metadata.name
        : deploymentNameOf(m, objs.machineSets),
      machineSet: cp ? undefined : machineSetNameOf(m),
      phase: str(m.status?.phase),
      version: str(m.spec?.version),
      providerID: str(m.spec?.providerID),
      nodeName: str(m.status?.nodeRef?.name),
      failureDomain: str(m.spec?.failureDomain) ?? str(m.status?.failureDomain),
      certificatesExpiryDate: isoTime(certificatesExpiryOf(m, kubeadmConfigs)),
      conditions: summarizeConditions(m),
      infrastructureRef: infraName
        ? {
            kind: String(m.spec.infrastructureRef.kind ?? 'OpenStackMachine'),
            name: infraName,
          }
        : undefined,
      server: serverInfo(m, osm, oss),
      createdAt: isoTime(m.metadata.creationTimestamp),
      deleting: deleting(m),
    } as MachineNode);
  });
  // Control plane first, then workers by pool, each by name.
  machineNodes.sort(
    (a, b) =>
      Number(b.role === 'control-plane') - Number(a.role === 'control-plane') ||
      (a.pool ?? '').localeCompare(b.pool ?? '') ||
      a.name.localeCompare(b.name),
  );
  return machineNodes;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The summary view of a Machine that the owners' status summaries use.

import {
  findCondition,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { LegacyCondition } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { createdAt, infrastructureRef, isDeleting } from '../shapes';
import { MachineView } from '../status';
import { isControlPlane } from './lookups';

function legacyReady(obj: KObj | undefined): LegacyCondition | undefined {
  return findCondition<LegacyCondition>(obj?.status?.conditions, 'Ready');
}

/** The summary view of a Machine from its current objects (up-to-date set by its owner). */
export function machineView(
  scope: ClusterScope,
  machine: KObj,
  upToDate: { ok: boolean; reasons: string[] },
): MachineView {
  const osm = scope.get(
    'OpenStackMachine',
    infrastructureRef(machine.spec)?.name,
  );
  const deleting = isDeleting(machine);
  const provisioned = !!osm?.status?.ready;
  const hasNode = !!machine.status?.nodeRef;
  const ready = hasNode && !deleting;
  let notReadyMessage = '';
  if (deleting) notReadyMessage = '* Deleting: Machine deletion in progress';
  else if (!machine.spec?.bootstrap?.dataSecretName)
    notReadyMessage =
      '* BootstrapConfigReady: KubeadmConfig status.initialization.dataSecretCreated is false';
  else if (!provisioned) {
    const r = legacyReady(osm);
    notReadyMessage = `* InfrastructureReady: ${
      r?.message ??
      'OpenStackMachine status.initialization.provisioned is false'
    }`;
  } else if (!hasNode)
    notReadyMessage = `* NodeHealthy: Waiting for a Node with spec.providerID ${
      machine.spec?.providerID ?? ''
    } to exist`;
  return {
    obj: machine,
    name: machine.metadata.name,
    role: isControlPlane(machine) ? 'control-plane' : 'worker',
    deleting,
    version: machine.spec?.version ?? '',
    provisioned,
    ready,
    available: ready,
    upToDate: upToDate.ok,
    notUpToDate: upToDate.reasons,
    notReadyMessage,
    created: createdAt(machine),
  };
}

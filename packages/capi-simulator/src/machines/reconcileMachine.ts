/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The Machine controller: bootstrap data, infrastructure, providerID, then
// the node boots and joins; writes the Machine's phase and conditions.

import { isoTime, Stage } from '../clock';
import { cond, Cond, LegacyCondition } from '../conditions';
import {
  findCondition,
  MACHINE_FINALIZER,
  uuidFor,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { CONTROLLERS } from '../events';
import { KObj } from '../kube';
import { bootstrapConfigRef, infrastructureRef, isDeleting } from '../shapes';
import { remoteProbeFailedSince, writeMachineStatus } from '../status';
import { isInitConfig, reconcileKubeadmConfig } from './bootstrap';
import { certificatesExpiry, isControlPlane } from './lookups';
import { reconcileOpenStackMachine } from './openStackMachine';

const CONTROL_PLANE_COMPONENTS = [
  'APIServerPodHealthy',
  'ControllerManagerPodHealthy',
  'SchedulerPodHealthy',
  'EtcdPodHealthy',
  'EtcdMemberHealthy',
];

function nodeInfo(machine: KObj, serverId: string) {
  return {
    architecture: 'amd64',
    bootID: uuidFor('boot', machine.metadata.uid ?? machine.metadata.name),
    containerRuntimeVersion: 'containerd://2.1.4',
    kernelVersion: '6.8.0-79-generic',
    kubeProxyVersion: machine.spec?.version ?? '',
    kubeletVersion: machine.spec?.version ?? '',
    machineID: uuidFor(
      'machine-id',
      machine.metadata.uid ?? machine.metadata.name,
    ).replace(/-/g, ''),
    operatingSystem: 'linux',
    osImage: 'Ubuntu 24.04.3 LTS',
    systemUUID: serverId,
  };
}

/** Progresses a (not deleting) Machine one step and writes its status. */
export async function reconcileMachine(
  scope: ClusterScope,
  input: KObj,
  upToDate: { ok: boolean; reasons: string[] },
): Promise<void> {
  const { writer, clock } = scope.rt;
  let machine: KObj | undefined = input;
  if (!machine.metadata.finalizers?.includes(MACHINE_FINALIZER)) {
    machine = await writer.addFinalizer('Machine', machine, MACHINE_FINALIZER);
    if (!machine) return;
  }
  const controlPlane = isControlPlane(machine);
  const kc = scope.get('KubeadmConfig', bootstrapConfigRef(machine.spec)?.name);
  let osm = scope.get(
    'OpenStackMachine',
    infrastructureRef(machine.spec)?.name,
  );

  let dataSecretName: string | undefined = kc?.status?.dataSecretName;
  if (kc && !dataSecretName && !scope.paused)
    dataSecretName = await reconcileKubeadmConfig(scope, machine, kc);
  if (
    dataSecretName &&
    machine.spec?.bootstrap?.dataSecretName !== dataSecretName
  ) {
    machine = await writer.patch('Machine', machine, {
      spec: { bootstrap: { dataSecretName } },
    });
    if (!machine) return;
  }
  const bootstrapReady = !!machine.spec?.bootstrap?.dataSecretName;

  if (osm && !isDeleting(osm))
    osm = await reconcileOpenStackMachine(
      scope,
      machine,
      osm,
      machine.spec?.bootstrap?.dataSecretName,
    );
  const infraReady = !!osm?.status?.ready;
  if (
    infraReady &&
    osm?.spec?.providerID &&
    machine.spec?.providerID !== osm.spec.providerID
  ) {
    machine = await writer.patch('Machine', machine, {
      spec: { providerID: osm.spec.providerID },
    });
    if (!machine) return;
  }

  // The node boots and joins.
  let hasNode = !!machine.status?.nodeRef;
  let joinedNow = false;
  if (infraReady && !hasNode && !scope.apiUnreachable) {
    let stage: Stage = 'workerJoin';
    if (controlPlane)
      stage = kc && isInitConfig(kc) ? 'kubeadmInit' : 'controlPlaneJoin';
    const remaining = clock.remaining(machine.metadata.uid!, stage);
    if (remaining > 0) scope.requeue(remaining);
    else {
      hasNode = true;
      joinedNow = true;
    }
  }

  const unreachable = remoteProbeFailedSince(scope) !== undefined;
  const previous = machine.status ?? {};
  let phase = 'Pending';
  if (hasNode) phase = 'Running';
  else if (infraReady) phase = 'Provisioned';
  else if (bootstrapReady) phase = 'Provisioning';
  const lastUpdated =
    previous.phase === phase && previous.lastUpdated
      ? previous.lastUpdated
      : isoTime(Date.now());

  const osmReady = findCondition<LegacyCondition>(
    osm?.status?.conditions,
    'Ready',
  );
  const waitingForNode = machine.spec?.providerID
    ? `Waiting for a Node with spec.providerID ${machine.spec.providerID} to exist`
    : 'Waiting for OpenStackMachine to report spec.providerID';
  const kcReady = findCondition<LegacyCondition>(
    kc?.status?.conditions,
    'DataSecretAvailable',
  );
  const bootstrapCond = bootstrapReady
    ? cond('BootstrapConfigReady', 'True', 'Ready')
    : cond(
        'BootstrapConfigReady',
        'False',
        'NotReady',
        kcReady?.message ??
          'KubeadmConfig status.initialization.dataSecretCreated is false',
      );
  const infraCond = infraReady
    ? cond('InfrastructureReady', 'True', 'Ready')
    : cond(
        'InfrastructureReady',
        'False',
        osmReady?.reason ?? 'NotReady',
        osmReady?.message ??
          'OpenStackMachine status.initialization.provisioned is false',
      );
  const nodeCond = (type: string): Cond => {
    if (hasNode && unreachable)
      return cond(
        type,
        'Unknown',
        'ConnectionDown',
        'Remote connection not established',
      );
    if (hasNode) return cond(type, 'True', type);
    return cond(type, 'Unknown', 'NodeDoesNotExist', waitingForNode);
  };
  let readyMessage = '';
  if (!bootstrapReady)
    readyMessage = `* BootstrapConfigReady: ${bootstrapCond.message}`;
  else if (!infraReady)
    readyMessage = `* InfrastructureReady: ${infraCond.message}`;
  else if (!hasNode) readyMessage = `* NodeHealthy: ${waitingForNode}`;
  const ready = hasNode;
  const conditions: Cond[] = [
    ready
      ? cond('Available', 'True', 'Available')
      : cond('Available', 'False', 'NotReady', readyMessage),
    ready
      ? cond('Ready', 'True', 'Ready')
      : cond('Ready', 'False', 'NotReady', readyMessage),
    upToDate.ok
      ? cond('UpToDate', 'True', 'UpToDate')
      : cond(
          'UpToDate',
          'False',
          'NotUpToDate',
          upToDate.reasons.map(r => `* ${r}`).join('\n'),
        ),
    bootstrapCond,
    infraCond,
    nodeCond('NodeReady'),
    nodeCond('NodeHealthy'),
    cond('Updating', 'False', 'NotUpdating'),
    cond('Deleting', 'False', 'NotDeleting'),
    scope.paused
      ? cond('Paused', 'True', 'Paused', 'Cluster spec.paused is set to true')
      : cond('Paused', 'False', 'NotPaused'),
  ];
  if (controlPlane && hasNode) {
    for (const type of CONTROL_PLANE_COMPONENTS) {
      conditions.push(
        unreachable
          ? cond(
              type,
              'Unknown',
              'ConnectionDown',
              'Remote connection not established',
            )
          : cond(
              type,
              'True',
              type === 'EtcdMemberHealthy' ? 'Healthy' : 'Running',
            ),
      );
    }
  }
  const serverId: string = osm?.status?.instanceID ?? '';
  await writeMachineStatus(scope, machine, {
    phase,
    bootstrapReady,
    infrastructureReady: infraReady,
    ...(infraReady ? { addresses: osm?.status?.addresses } : {}),
    ...(hasNode
      ? {
          nodeRef: machine.metadata.name,
          nodeInfo: nodeInfo(machine, serverId),
        }
      : {}),
    failureDomain: machine.spec?.failureDomain,
    ...(controlPlane && infraReady
      ? { certificatesExpiryDate: certificatesExpiry(scope, machine) }
      : {}),
    lastUpdated,
    conditions,
  });
  if (joinedNow) {
    scope.event({
      regarding: machine,
      controller: CONTROLLERS.machine,
      reason: 'SuccessfulSetNodeRef',
      action: 'Update',
      note: `Node ${machine.metadata.name} joined the cluster`,
    });
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// One Machine (v1beta2) and its KubeadmConfig, control plane or worker.

import type { Clock } from './clock';
import { condition, polar } from './conditions';
import { machineConfigSpec } from './kubeadm';
import {
  BOOTSTRAP_GROUP,
  INFRA_GROUP,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { BOOTSTRAP_V, CAPI_V, CONTROLPLANE_V } from './labels';
import {
  hasServer,
  isReady,
  pausedCondition,
  providerID,
  type Times,
} from './machineStatus';
import { clonedFrom, conditionTimes, objectMeta, ref } from './meta';
import { type ClusterModel, type MachineModel, nodeIds } from './model';
import { owner } from './owner';
import type { Condition, SeedObject } from './types';

function machinePhase(x: MachineModel): string {
  if (x.deleting) return 'Deleting';
  if (x.state === 'Running') return 'Running';
  return hasServer(x) ? 'Provisioned' : 'Provisioning';
}

const CONTROL_PLANE_COMPONENTS = [
  'APIServerPodHealthy',
  'ControllerManagerPodHealthy',
  'SchedulerPodHealthy',
  'EtcdPodHealthy',
] as const;

export function renderMachine(
  m: ClusterModel,
  x: MachineModel,
  clock: Clock,
): SeedObject {
  const created = x.createdAt;
  const t: Times = {
    since: clock.after(created, x.role === 'worker' ? 4 : 6),
    recent: clock.recent(),
  };
  const cp = x.role === 'control-plane';
  const server = hasServer(x);
  const node = x.state === 'Running';
  const ready = isReady(x);
  const waitingForNode = server
    ? `Waiting for a Node with spec.providerID ${providerID(x)} to exist`
    : 'Waiting for OpenStackMachine to report spec.providerID';
  let readyMessage = `* NodeHealthy: ${waitingForNode}`;
  if (x.deleting) {
    readyMessage =
      '* Deleting: Machine deletion in progress, stage: DrainingNode';
  } else if (!server) {
    readyMessage = '* InfrastructureReady: OpenStackMachine is not ready';
  }
  const conditions: Condition[] = [
    polar('Available', ready, ['Available', 'NotReady'], t, readyMessage),
    polar('Ready', ready, ['Ready', 'NotReady'], t, readyMessage),
    polar(
      'UpToDate',
      x.upToDate,
      ['UpToDate', 'NotUpToDate'],
      t,
      x.notUpToDateMessage ?? '',
    ),
    condition('BootstrapConfigReady', 'True', 'Ready', clock.after(created, 1)),
    polar(
      'InfrastructureReady',
      server,
      ['Ready', 'NotReady'],
      t,
      'OpenStackMachine status.initialization.provisioned is false',
    ),
    node
      ? condition('NodeReady', 'True', 'NodeReady', t.since)
      : condition(
          'NodeReady',
          'Unknown',
          'NodeDoesNotExist',
          t.recent,
          waitingForNode,
        ),
    node
      ? condition('NodeHealthy', 'True', 'NodeHealthy', t.since)
      : condition(
          'NodeHealthy',
          'Unknown',
          'NodeDoesNotExist',
          t.recent,
          waitingForNode,
        ),
    condition('Updating', 'False', 'NotUpdating', t.since),
    x.deleting
      ? condition(
          'Deleting',
          'True',
          'DrainingNode',
          t.recent,
          `Drain not completed yet (started at ${t.recent}):\n* Pods with deletionTimestamp that still exist: kube-system/coredns-7c65d6cfc9-x2k4p`,
        )
      : condition('Deleting', 'False', 'NotDeleting', t.since),
    pausedCondition(m, t),
  ];
  if (cp && node) {
    for (const type of CONTROL_PLANE_COMPONENTS)
      conditions.push(condition(type, 'True', 'Running', t.since));
    conditions.push(condition('EtcdMemberHealthy', 'True', 'Healthy', t.since));
  }
  if (!cp && node) {
    conditions.push(
      condition(
        'HealthCheckSucceeded',
        'True',
        'HealthCheckSucceeded',
        t.since,
      ),
    );
  }
  const ids = nodeIds(x);
  const jammy = m.spec.imageName.includes('2204');
  const ownerRef = cp
    ? owner(CONTROLPLANE_V, 'KubeadmControlPlane', m.names.controlPlane)
    : owner(CAPI_V, 'MachineSet', x.pool!.msName);
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'Machine',
      metadata: objectMeta(m, x.name, { labels: x.labels }),
      spec: {
        clusterName: m.name,
        bootstrap: {
          configRef: ref(BOOTSTRAP_GROUP, 'KubeadmConfig', x.name),
          dataSecretName: x.name,
        },
        infrastructureRef: ref(INFRA_GROUP, 'OpenStackMachine', x.name),
        version: x.version,
        ...(server ? { providerID: providerID(x) } : {}),
        ...(x.failureDomain ? { failureDomain: x.failureDomain } : {}),
        ...(cp
          ? {
              readinessGates: [
                ...CONTROL_PLANE_COMPONENTS,
                'EtcdMemberHealthy',
              ].map(conditionType => ({ conditionType })),
            }
          : {}),
      },
    },
    status: {
      observedGeneration: 1,
      phase: machinePhase(x),
      initialization: {
        bootstrapDataSecretCreated: true,
        infrastructureProvisioned: server,
      },
      ...(server
        ? {
            addresses: [
              { type: 'InternalIP', address: x.ip },
              { type: 'InternalDNS', address: x.name },
            ],
          }
        : {}),
      ...(node
        ? {
            nodeRef: { name: x.name },
            nodeInfo: {
              architecture: 'amd64',
              bootID: ids.bootID,
              containerRuntimeVersion: 'containerd://2.1.4',
              kernelVersion: jammy ? '5.15.0-151-generic' : '6.8.0-79-generic',
              kubeProxyVersion: x.version,
              kubeletVersion: x.version,
              machineID: ids.machineID,
              operatingSystem: 'linux',
              osImage: jammy ? 'Ubuntu 22.04.5 LTS' : 'Ubuntu 24.04.3 LTS',
              systemUUID: x.serverId,
            },
          }
        : {}),
      ...(x.failureDomain ? { failureDomain: x.failureDomain } : {}),
      ...(cp && server && x.certificatesExpiry
        ? { certificatesExpiryDate: x.certificatesExpiry }
        : {}),
      ...(x.deleting ? { deletion: { nodeDrainStartTime: t.recent } } : {}),
      lastUpdated: node && !x.deleting ? t.since : t.recent,
      conditions,
    },
    owner: ownerRef,
  };
}

export function renderKubeadmConfig(
  m: ClusterModel,
  x: MachineModel,
  clock: Clock,
): SeedObject {
  const t = conditionTimes(m, clock);
  const since = clock.after(x.createdAt, 1);
  return {
    manifest: {
      apiVersion: BOOTSTRAP_V,
      kind: 'KubeadmConfig',
      metadata: objectMeta(m, x.name, {
        labels: x.labels,
        annotations: clonedFrom(
          x.bootstrapTemplate,
          'KubeadmConfigTemplate',
          BOOTSTRAP_GROUP,
        ),
      }),
      spec: machineConfigSpec(x),
    },
    status: {
      observedGeneration: 1,
      initialization: { dataSecretCreated: true },
      dataSecretName: x.name,
      conditions: [
        condition('Ready', 'True', 'Ready', since),
        condition('DataSecretAvailable', 'True', 'Available', since),
        condition('CertificatesAvailable', 'True', 'Available', since),
        pausedCondition(m, t),
      ],
    },
    owner: owner(CAPI_V, 'Machine', x.name),
  };
}

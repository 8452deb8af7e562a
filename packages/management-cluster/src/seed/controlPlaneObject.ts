/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The KubeadmControlPlane of one demo cluster (v1beta2), status derived from
// its control-plane Machines.

import type { Clock } from './clock';
import { condition, polar } from './conditions';
import { controlPlaneConfigSpec, controlPlaneRollout } from './kubeadm';
import {
  CLUSTER_NAME_LABEL,
  CONTROLPLANE_GROUP,
  INFRA_GROUP,
  TOPOLOGY_OWNED_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CAPI_V, CONTROLPLANE_V } from './labels';
import {
  controlPlaneAvailable,
  counters,
  machineSetLike,
  versions,
} from './machineStatus';
import { clonedFrom, conditionTimes, objectMeta, ref } from './meta';
import { type ClusterModel, isClassy } from './model';
import { owner } from './owner';
import type { SeedObject } from './types';

export function renderControlPlane(m: ClusterModel, clock: Clock): SeedObject {
  const t = conditionTimes(m, clock, 20);
  const c = counters(m.cpMachines);
  const v = versions(m.cpMachines);
  const available = controlPlaneAvailable(m);
  const notUpToDate = c.replicas - c.upToDateReplicas;
  const health = (type: string) =>
    m.cpInitialized
      ? condition(type, 'True', 'Healthy', t.since)
      : condition(
          type,
          'Unknown',
          'HealthUnknown',
          t.recent,
          'Waiting for Cluster control plane to be initialized',
        );
  const classy = isClassy(m);
  return {
    manifest: {
      apiVersion: CONTROLPLANE_V,
      kind: 'KubeadmControlPlane',
      metadata: objectMeta(m, m.names.controlPlane, {
        topology: true,
        annotations: clonedFrom(
          m.classInfo?.controlPlaneTemplate,
          'KubeadmControlPlaneTemplate',
          CONTROLPLANE_GROUP,
        ),
      }),
      spec: {
        version: m.version,
        replicas: m.kcp.replicas,
        machineTemplate: {
          ...(classy
            ? { metadata: { labels: { [TOPOLOGY_OWNED_LABEL]: '' } } }
            : {}),
          spec: {
            infrastructureRef: ref(
              INFRA_GROUP,
              'OpenStackMachineTemplate',
              m.names.controlPlaneInfraTemplate,
            ),
          },
        },
        kubeadmConfigSpec: controlPlaneConfigSpec(),
        rollout: controlPlaneRollout(m.kcp.rolloutBefore),
      },
    },
    status: {
      observedGeneration: 1,
      selector: `${CLUSTER_NAME_LABEL}=${m.name},cluster.x-k8s.io/control-plane`,
      ...c,
      ...(v ? { version: v[0].version, versions: v } : {}),
      initialization: { controlPlaneInitialized: m.cpInitialized },
      conditions: [
        polar(
          'Available',
          available,
          ['Available', 'NotAvailable'],
          t,
          m.cpInitialized
            ? 'Control plane etcd does not have quorum'
            : 'Control plane not yet initialized',
        ),
        polar(
          'Initialized',
          m.cpInitialized,
          ['Initialized', 'NotInitialized'],
          t,
          'Control plane not yet initialized',
        ),
        condition('CertificatesAvailable', 'True', 'Available', t.since),
        health('EtcdClusterHealthy'),
        health('ControlPlaneComponentsHealthy'),
        ...machineSetLike(m, m.cpMachines, m.kcp.replicas, t),
        polar(
          'RollingOut',
          notUpToDate === 0,
          ['NotRollingOut', 'RollingOut'],
          t,
          `Rolling out ${notUpToDate} not up-to-date replicas`,
        ),
        polar('Deleting', !m.kcp.deleting, ['NotDeleting', 'Deleting'], t, ''),
      ],
    },
    owner: owner(CAPI_V, 'Cluster', m.name),
  };
}

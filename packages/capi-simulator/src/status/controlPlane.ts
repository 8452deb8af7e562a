/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// KubeadmControlPlane status: etcd quorum availability, component health
// (Unknown while the remote connection is down), counters and conditions.

import { cond, Cond, when } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { isDeleting } from '../shapes';
import { write } from './layout';
import {
  availableCond,
  replicaConditions,
  resized,
  scaling,
} from './machineConditions';
import {
  counters,
  MachineView,
  v1beta2Counters,
  versionCounts,
} from './machineView';
import { remoteProbeFailedSince } from './remoteProbe';

export function controlPlaneAvailable(
  initialized: boolean,
  views: MachineView[],
  deleting: boolean,
): { ok: boolean; message: string } {
  if (!initialized)
    return { ok: false, message: 'Control plane not yet initialized' };
  if (deleting) return { ok: false, message: 'Control plane is being deleted' };
  const members = views.filter(v => v.provisioned).length || 1;
  const quorum = Math.floor(members / 2) + 1;
  const available = views.filter(v => v.available).length;
  return available >= quorum
    ? { ok: true, message: '' }
    : {
        ok: false,
        message: `Control plane etcd does not have quorum: ${available} of ${members} members available`,
      };
}

export async function writeControlPlaneStatus(
  scope: ClusterScope,
  kcp: KObj,
  views: MachineView[],
  initialized: boolean,
) {
  const desired = kcp.spec?.replicas ?? 1;
  const c = counters(views);
  const s = scaling(views, desired);
  const available = controlPlaneAvailable(initialized, views, isDeleting(kcp));
  const unreachable =
    scope.apiUnreachable && remoteProbeFailedSince(scope) !== undefined;
  const health = (type: string): Cond => {
    if (!initialized)
      return cond(
        type,
        'Unknown',
        'HealthUnknown',
        'Waiting for Cluster control plane to be initialized',
      );
    if (unreachable)
      return cond(
        type,
        'Unknown',
        'ConnectionDown',
        'Remote connection not established',
      );
    return cond(type, 'True', 'Healthy');
  };
  const versions = versionCounts(views);
  const lowest = versions[0]?.version;
  const selector = `cluster.x-k8s.io/cluster-name=${scope.name},cluster.x-k8s.io/control-plane`;
  const conditions = [
    availableCond(available),
    when(
      'Initialized',
      initialized,
      ['Initialized', 'NotInitialized'],
      initialized ? '' : 'Control plane not yet initialized',
    ),
    cond('CertificatesAvailable', 'True', 'Available'),
    health('EtcdClusterHealthy'),
    health('ControlPlaneComponentsHealthy'),
    ...replicaConditions(kcp, views, s, {
      paused: scope.paused,
      rollsOut: true,
      deleting: [
        'WaitingForMachineDeletion',
        `Deleting ${views.length} Machines`,
      ],
    }),
  ];
  await write(
    scope,
    'KubeadmControlPlane',
    kcp,
    {
      fields: {
        selector,
        ...c,
        ...(lowest ? { version: lowest, versions } : {}),
        initialization: { controlPlaneInitialized: initialized },
      },
      conditions,
    },
    {
      fields: {
        selector,
        replicas: c.replicas,
        updatedReplicas: c.upToDateReplicas,
        readyReplicas: c.readyReplicas,
        unavailableReplicas: Math.max(0, c.replicas - c.readyReplicas),
        initialized,
        ready: initialized && c.readyReplicas > 0,
        ...(lowest ? { version: lowest } : {}),
      },
      v1beta2Fields: v1beta2Counters(c),
      legacy: [
        ['Ready', 'Available'],
        ['Available', 'Available'],
        ['CertificatesAvailable', 'CertificatesAvailable'],
        ['MachinesReady', 'MachinesReady'],
        ['MachinesSpecUpToDate', 'MachinesUpToDate'],
        ['Resized', resized(s)],
        ['EtcdClusterHealthy', 'EtcdClusterHealthy'],
        ['ControlPlaneComponentsHealthy', 'ControlPlaneComponentsHealthy'],
      ],
    },
  );
}

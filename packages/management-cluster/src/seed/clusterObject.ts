/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The CAPI Cluster of one demo cluster (v1beta2): spec (topology for classy
// clusters) and the status summarising its control plane and workers.

import type { Clock } from './clock';
import { condition, polar } from './conditions';
import { clusterNetwork } from './kubeadm';
import {
  AUTOSCALER_MAX_ANNOTATION as AUTOSCALER_MAX,
  AUTOSCALER_MIN_ANNOTATION as AUTOSCALER_MIN,
  CONTROLPLANE_GROUP,
  INFRA_GROUP,
  OWNER_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CAPI_V } from './labels';
import {
  bullets,
  controlPlaneAvailable,
  type Counters,
  counters,
  isReady,
  machineIssues,
  pausedCondition,
  poolAvailability,
  poolDesired,
  versions,
} from './machineStatus';
import { conditionTimes, objectMeta, ref } from './meta';
import {
  type ClusterModel,
  isClassy,
  type MachineModel,
  type PoolModel,
} from './model';
import type { Condition, SeedObject } from './types';

function clusterPhase(m: ClusterModel): string {
  if (m.deleting) return 'Deleting';
  return m.infraReady && m.hasEndpoint ? 'Provisioned' : 'Provisioning';
}

export function renderCluster(m: ClusterModel, clock: Clock): SeedObject {
  const t = conditionTimes(m, clock, 25);
  const workers = m.pools.flatMap(p => p.machines);
  const cp = counters(m.cpMachines);
  const w = counters(workers);
  const workersDesired = m.pools.reduce((n, p) => n + poolDesired(p), 0);
  const cpAvailable = controlPlaneAvailable(m);
  const unavailablePools = m.pools.filter(p => !poolAvailability(p).available);
  // Summaries of the control plane's and the MachineDeployments' own conditions.
  const owners: Array<{
    name: string;
    machines: MachineModel[];
    desired: number;
  }> = [
    {
      name: 'KubeadmControlPlane',
      machines: m.cpMachines,
      desired: m.kcp.replicas,
    },
    ...m.pools.map(p => ({
      name: `MachineDeployment ${p.mdName}`,
      machines: p.machines,
      desired: poolDesired(p),
    })),
  ];
  const summary = (test: (o: (typeof owners)[number]) => string | undefined) =>
    bullets(
      owners.flatMap(o => {
        const message = test(o);
        return message ? [`${o.name}: ${message}`] : [];
      }),
    );
  const rollingOut = summary(o => {
    const n = o.machines.filter(x => !x.upToDate).length;
    return n ? `Rolling out ${n} not up-to-date replicas` : undefined;
  });
  const scalingUp = summary(o =>
    o.machines.length < o.desired
      ? `Scaling up from ${o.machines.length} to ${o.desired} replicas`
      : undefined,
  );
  const scalingDown = summary(o =>
    o.machines.length > o.desired
      ? `Scaling down from ${o.machines.length} to ${o.desired} replicas`
      : undefined,
  );

  const inputs: Condition[] = [
    polar(
      'InfrastructureReady',
      m.infraReady,
      ['Ready', 'NotReady'],
      t,
      'OpenStackCluster status.initialization.provisioned is false',
    ),
    polar(
      'ControlPlaneInitialized',
      m.cpInitialized,
      ['Initialized', 'NotInitialized'],
      t,
      'Control plane not yet initialized',
    ),
    polar(
      'ControlPlaneAvailable',
      cpAvailable,
      ['Available', 'NotAvailable'],
      t,
      m.cpInitialized
        ? 'Control plane etcd does not have quorum'
        : 'Control plane not yet initialized',
    ),
    m.pools.length
      ? polar(
          'WorkersAvailable',
          unavailablePools.length === 0,
          ['Available', 'NotAvailable'],
          t,
          bullets(
            unavailablePools.map(
              p =>
                `MachineDeployment ${p.mdName}: ${poolAvailability(p).message}`,
            ),
          ),
        )
      : condition('WorkersAvailable', 'True', 'NoWorkers', t.since),
    m.cpInitialized
      ? condition('RemoteConnectionProbe', 'True', 'ProbeSucceeded', t.since)
      : condition(
          'RemoteConnectionProbe',
          'False',
          'ProbeFailed',
          t.recent,
          'Remote connection not established yet',
        ),
  ];
  const failing = inputs.filter(c => c.status !== 'True');
  const conditions: Condition[] = [
    polar(
      'Available',
      failing.length === 0 && !m.deleting,
      ['Available', 'NotAvailable'],
      t,
      bullets(failing.map(c => `${c.type}: ${c.message || c.reason}`)),
    ),
    ...inputs,
    m.cpMachines.length
      ? polar(
          'ControlPlaneMachinesReady',
          m.cpMachines.every(isReady),
          ['Ready', 'NotReady'],
          t,
          machineIssues(m.cpMachines, 'ready'),
        )
      : condition('ControlPlaneMachinesReady', 'True', 'NoReplicas', t.since),
    workers.length
      ? polar(
          'WorkerMachinesReady',
          workers.every(isReady),
          ['Ready', 'NotReady'],
          t,
          machineIssues(workers, 'ready'),
        )
      : condition('WorkerMachinesReady', 'True', 'NoReplicas', t.since),
    m.cpMachines.length
      ? polar(
          'ControlPlaneMachinesUpToDate',
          cp.upToDateReplicas === cp.replicas,
          ['UpToDate', 'NotUpToDate'],
          t,
          machineIssues(m.cpMachines, 'upToDate'),
        )
      : condition(
          'ControlPlaneMachinesUpToDate',
          'True',
          'NoReplicas',
          t.since,
        ),
    workers.length
      ? polar(
          'WorkerMachinesUpToDate',
          w.upToDateReplicas === w.replicas,
          ['UpToDate', 'NotUpToDate'],
          t,
          machineIssues(workers, 'upToDate'),
        )
      : condition('WorkerMachinesUpToDate', 'True', 'NoReplicas', t.since),
    polar(
      'RollingOut',
      !rollingOut,
      ['NotRollingOut', 'RollingOut'],
      t,
      rollingOut,
    ),
    polar('ScalingUp', !scalingUp, ['NotScalingUp', 'ScalingUp'], t, scalingUp),
    polar(
      'ScalingDown',
      !scalingDown,
      ['NotScalingDown', 'ScalingDown'],
      t,
      scalingDown,
    ),
    condition('Remediating', 'False', 'NotRemediating', t.since),
    polar('Deleting', !m.deleting, ['NotDeleting', 'Deleting'], t, ''),
    pausedCondition(m, t),
    ...(isClassy(m)
      ? [condition('TopologyReconciled', 'True', 'ReconcileSucceeded', t.since)]
      : []),
  ];

  const replicaStatus = (
    c: Counters,
    desired: number,
    machines: MachineModel[],
  ) => {
    const v = versions(machines);
    return { desiredReplicas: desired, ...c, ...(v ? { versions: v } : {}) };
  };

  const spec: Record<string, unknown> = {
    clusterNetwork: clusterNetwork(),
    ...(m.hasEndpoint
      ? { controlPlaneEndpoint: { host: m.net.floatingIP, port: 6443 } }
      : {}),
    controlPlaneRef: ref(
      CONTROLPLANE_GROUP,
      'KubeadmControlPlane',
      m.names.controlPlane,
    ),
    infrastructureRef: ref(
      INFRA_GROUP,
      'OpenStackCluster',
      m.names.openStackCluster,
    ),
    ...(m.paused ? { paused: true } : {}),
  };
  if (m.classInfo && m.spec.topology) {
    spec.topology = {
      classRef: { name: m.classInfo.name },
      version: m.version,
      controlPlane: {
        replicas: m.kcp.replicas,
        ...(m.spec.controlPlane.machineLabels
          ? { metadata: { labels: m.spec.controlPlane.machineLabels } }
          : {}),
      },
      ...(m.pools.length
        ? {
            workers: {
              machineDeployments: m.pools.map(p => topologyPool(m, p)),
            },
          }
        : {}),
      variables: m.spec.topology.variables,
    };
  }
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'Cluster',
      metadata: objectMeta(m, m.name, {
        labels: {
          ...(m.spec.team ? { [OWNER_LABEL]: m.spec.team } : {}),
          ...m.spec.clusterLabels,
        },
      }),
      spec,
    },
    status: {
      observedGeneration: 1,
      phase: clusterPhase(m),
      initialization: {
        infrastructureProvisioned: m.infraReady,
        controlPlaneInitialized: m.cpInitialized,
      },
      controlPlane: replicaStatus(cp, m.kcp.replicas, m.cpMachines),
      workers: replicaStatus(w, workersDesired, workers),
      failureDomains: m.azs.map(name => ({ name, controlPlane: true })),
      conditions,
    },
  };
}

function topologyPool(m: ClusterModel, p: PoolModel) {
  const annotations = p.spec.autoscale
    ? {
        [AUTOSCALER_MIN]: String(p.spec.autoscale.min),
        [AUTOSCALER_MAX]: String(p.spec.autoscale.max),
      }
    : undefined;
  const labels = p.spec.machineLabels;
  return {
    class: m.classInfo!.workerClass,
    name: p.topologyName,
    ...(p.replicas !== undefined ? { replicas: p.replicas } : {}),
    ...(annotations || labels
      ? {
          metadata: {
            ...(labels ? { labels } : {}),
            ...(annotations ? { annotations } : {}),
          },
        }
      : {}),
    ...(p.spec.failureDomain ? { failureDomain: p.spec.failureDomain } : {}),
    ...(p.spec.variableOverrides
      ? { variables: { overrides: p.spec.variableOverrides } }
      : {}),
  };
}

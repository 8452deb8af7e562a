/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Cluster status: Available from its inputs (infrastructure, control plane,
// workers, remote connection, topology), the Machine summaries of control
// plane and workers, phase, replicas and failure domains.

import { bullets, cond, Cond, nested, when } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { isDeleting } from '../shapes';
import { controlPlaneAvailable } from './controlPlane';
import { write } from './layout';
import {
  machineDeploymentAvailable,
  machineDeploymentDesired,
} from './machineDeployment';
import {
  machinesReady,
  machinesUpToDate,
  pausedCond,
} from './machineConditions';
import { counters, MachineView, versionCounts } from './machineView';
import { remoteProbeFailedSince } from './remoteProbe';

export interface ClusterStatusInput {
  infrastructureReady: boolean;
  initialized: boolean;
  controlPlane?: { obj: KObj; views: MachineView[]; desired: number };
  deployments: Array<{ obj: KObj; views: MachineView[] }>;
  /** Worker Machines without a MachineDeployment. */
  otherWorkers: MachineView[];
  failureDomains: string[];
  deletingReason?: { reason: string; message: string };
}

function failingSummary(list: Cond[]): string {
  return bullets(
    list.map(c =>
      c.message
        ? `${c.type}: ${
            c.message.includes('\n') ? `\n${nested(c.message)}` : c.message
          }`
        : `${c.type}: ${c.reason}`,
    ),
  );
}

function workersAvailable(
  hasDeployments: boolean,
  unavailable: string[],
): Cond {
  if (!hasDeployments) return cond('WorkersAvailable', 'True', 'NoWorkers');
  if (unavailable.length)
    return cond(
      'WorkersAvailable',
      'False',
      'NotAvailable',
      bullets(unavailable),
    );
  return cond('WorkersAvailable', 'True', 'Available');
}

function remoteConnectionProbe(
  initialized: boolean,
  failedSince: number | undefined,
): Cond {
  if (!initialized)
    return cond(
      'RemoteConnectionProbe',
      'False',
      'ProbeFailed',
      'Remote connection not established yet',
    );
  if (failedSince === undefined)
    return cond('RemoteConnectionProbe', 'True', 'ProbeSucceeded');
  return cond(
    'RemoteConnectionProbe',
    'False',
    'ProbeFailed',
    `Remote connection probe failed, probe last succeeded at ${new Date(
      failedSince,
    )
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')}`,
  );
}

export async function writeClusterStatus(
  scope: ClusterScope,
  input: ClusterStatusInput,
) {
  const cluster = scope.cluster;
  const cpViews = input.controlPlane?.views ?? [];
  const workerViews = [
    ...input.deployments.flatMap(d => d.views),
    ...input.otherWorkers,
  ];
  const cp = counters(cpViews);
  const w = counters(workerViews);
  const cpDesired = input.controlPlane?.desired ?? 0;
  const workersDesired = input.deployments.reduce(
    (n, d) => n + machineDeploymentDesired(d.obj, d.views),
    0,
  );

  const owners = [
    ...(input.controlPlane
      ? [{ name: 'KubeadmControlPlane', views: cpViews, desired: cpDesired }]
      : []),
    ...input.deployments.map(d => ({
      name: `MachineDeployment ${d.obj.metadata.name}`,
      views: d.views,
      desired: machineDeploymentDesired(d.obj, d.views),
    })),
  ];
  const summarize = (f: (o: (typeof owners)[number]) => string | undefined) =>
    bullets(owners.flatMap(o => (f(o) ? [`${o.name}: ${f(o)}`] : [])));
  const rollingOutMsg = summarize(o => {
    const n = o.views.filter(v => !v.upToDate).length;
    return n ? `Rolling out ${n} not up-to-date replicas` : undefined;
  });
  const scalingUpMsg = summarize(o => {
    const provisioned = o.views.filter(
      v => !v.deleting && v.provisioned,
    ).length;
    return provisioned < o.desired
      ? `Scaling up from ${provisioned} to ${o.desired} replicas`
      : undefined;
  });
  const scalingDownMsg = summarize(o =>
    o.views.length > o.desired
      ? `Scaling down from ${o.views.length} to ${o.desired} replicas`
      : undefined,
  );

  const cpAvailable = input.controlPlane
    ? controlPlaneAvailable(
        input.initialized,
        cpViews,
        isDeleting(input.controlPlane.obj),
      )
    : { ok: false, message: 'Waiting for the control plane' };
  const unavailable = input.deployments
    .map(d => ({ d, a: machineDeploymentAvailable(d.obj, d.views) }))
    .filter(x => !x.a.ok);
  const probeFailedSince = input.initialized
    ? remoteProbeFailedSince(scope)
    : undefined;

  const topology: Cond[] = [];
  if (scope.classy) {
    if (scope.topologyError)
      topology.push(
        cond(
          'TopologyReconciled',
          'False',
          scope.topologyError.reason,
          scope.topologyError.message,
        ),
      );
    else if (scope.topologyUpgrading)
      topology.push(
        cond(
          'TopologyReconciled',
          'False',
          'ClusterUpgrading',
          scope.topologyUpgrading,
        ),
      );
    else
      topology.push(cond('TopologyReconciled', 'True', 'ReconcileSucceeded'));
  }

  const inputs: Cond[] = [
    when(
      'InfrastructureReady',
      input.infrastructureReady,
      ['Ready', 'NotReady'],
      input.infrastructureReady
        ? ''
        : 'OpenStackCluster status.initialization.provisioned is false',
    ),
    when(
      'ControlPlaneInitialized',
      input.initialized,
      ['Initialized', 'NotInitialized'],
      input.initialized ? '' : 'Control plane not yet initialized',
    ),
    cpAvailable.ok
      ? cond('ControlPlaneAvailable', 'True', 'Available')
      : cond(
          'ControlPlaneAvailable',
          'False',
          'NotAvailable',
          cpAvailable.message,
        ),
    workersAvailable(
      input.deployments.length > 0,
      unavailable.map(
        x => `MachineDeployment ${x.d.obj.metadata.name}: ${x.a.message}`,
      ),
    ),
    remoteConnectionProbe(input.initialized, probeFailedSince),
  ];
  // TopologyReconciled False while upgrading is informational for Available.
  const blocking = [
    ...inputs,
    ...topology.filter(t => t.reason !== 'ClusterUpgrading'),
  ].filter(c => c.status !== 'True');
  const deleting = isDeleting(cluster);
  const availableCond =
    blocking.length === 0 && !deleting
      ? cond('Available', 'True', 'Available')
      : cond(
          'Available',
          'False',
          'NotAvailable',
          deleting
            ? '* Deleting: Cluster is being deleted'
            : failingSummary(blocking),
        );

  const machinesReadyCond = (type: string, views: MachineView[]) => {
    const c = machinesReady(views);
    return { ...c, type };
  };
  const machinesUpToDateCond = (type: string, views: MachineView[]) => {
    const c = machinesUpToDate(views);
    return { ...c, type };
  };
  const conditions: Cond[] = [
    availableCond,
    ...inputs,
    machinesReadyCond('ControlPlaneMachinesReady', cpViews),
    machinesReadyCond('WorkerMachinesReady', workerViews),
    machinesUpToDateCond('ControlPlaneMachinesUpToDate', cpViews),
    machinesUpToDateCond('WorkerMachinesUpToDate', workerViews),
    rollingOutMsg
      ? cond('RollingOut', 'True', 'RollingOut', rollingOutMsg)
      : cond('RollingOut', 'False', 'NotRollingOut'),
    scalingUpMsg
      ? cond('ScalingUp', 'True', 'ScalingUp', scalingUpMsg)
      : cond('ScalingUp', 'False', 'NotScalingUp'),
    scalingDownMsg
      ? cond('ScalingDown', 'True', 'ScalingDown', scalingDownMsg)
      : cond('ScalingDown', 'False', 'NotScalingDown'),
    cond('Remediating', 'False', 'NotRemediating'),
    deleting
      ? cond(
          'Deleting',
          'True',
          input.deletingReason?.reason ?? 'Deleting',
          input.deletingReason?.message ?? '',
        )
      : cond('Deleting', 'False', 'NotDeleting'),
    pausedCond(scope.paused),
    ...topology,
  ];

  let phase = 'Pending';
  if (deleting) phase = 'Deleting';
  else if (
    input.infrastructureReady &&
    cluster.spec?.controlPlaneEndpoint?.host
  )
    phase = 'Provisioned';
  else if (cluster.spec?.infrastructureRef) phase = 'Provisioning';

  const replicaStatus = (
    c: ReturnType<typeof counters>,
    desired: number,
    views: MachineView[],
    withVersions: boolean,
  ) => ({
    desiredReplicas: desired,
    ...c,
    ...(withVersions && views.length ? { versions: versionCounts(views) } : {}),
  });

  await write(
    scope,
    'Cluster',
    cluster,
    {
      fields: {
        phase,
        initialization: {
          infrastructureProvisioned: input.infrastructureReady,
          controlPlaneInitialized: input.initialized,
        },
        controlPlane: replicaStatus(cp, cpDesired, cpViews, true),
        workers: replicaStatus(w, workersDesired, workerViews, true),
        ...(input.failureDomains.length
          ? {
              failureDomains: input.failureDomains.map(name => ({
                name,
                controlPlane: true,
              })),
            }
          : {}),
      },
      conditions,
    },
    {
      fields: {
        phase,
        infrastructureReady: input.infrastructureReady,
        controlPlaneReady: cpAvailable.ok,
        ...(input.failureDomains.length
          ? {
              failureDomains: Object.fromEntries(
                input.failureDomains.map(name => [
                  name,
                  { controlPlane: true },
                ]),
              ),
            }
          : {}),
      },
      v1beta2Fields: {
        controlPlane: replicaStatus(cp, cpDesired, cpViews, false),
        workers: replicaStatus(w, workersDesired, workerViews, false),
      },
      legacy: [
        ['Ready', 'Available'],
        ['InfrastructureReady', 'InfrastructureReady'],
        ['ControlPlaneInitialized', 'ControlPlaneInitialized'],
        ['ControlPlaneReady', 'ControlPlaneAvailable'],
        ...(scope.classy
          ? ([['TopologyReconciled', 'TopologyReconciled']] as Array<
              [string, string]
            >)
          : []),
      ],
    },
  );
}

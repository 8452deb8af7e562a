/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Status summaries, counters and conditions of MachineSets,
// MachineDeployments, KubeadmControlPlanes and Clusters, computed from their
// Machines as the real controllers do (docs/capi-domain.md section 2), and
// written in the layout of the CAPI generation: v1beta2 `status.conditions`
// plus counters, or v1beta1 legacy conditions with the new ones under
// `status.v1beta2`.

import {
  bullets,
  cond,
  Cond,
  Condition,
  finalize,
  LegacyCondition,
  legacyConditions,
  nested,
  when,
} from './conditions';
import { ClusterScope } from './context';
import { Kind } from './apiVersions';
import { KObj } from './kube';
import { compareVersions, isDeleting, mdRollingUpdate } from './shapes';

export const PAUSED_MESSAGE = 'Cluster spec.paused is set to true';

/** What the summaries need to know about one Machine. */
export interface MachineView {
  obj: KObj;
  name: string;
  role: 'control-plane' | 'worker';
  deleting: boolean;
  version: string;
  /** Infrastructure provisioned (the server is ACTIVE). */
  provisioned: boolean;
  /** Has a healthy Node (Machine Ready). */
  ready: boolean;
  available: boolean;
  upToDate: boolean;
  /** Why it is not up-to-date (bullets without the leading "* "). */
  notUpToDate: string[];
  /** Why it is not ready (a condition summary line). */
  notReadyMessage: string;
  created: number;
}

export interface Counters {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  upToDateReplicas: number;
}

export function counters(views: MachineView[]): Counters {
  return {
    replicas: views.length,
    readyReplicas: views.filter(v => v.ready).length,
    availableReplicas: views.filter(v => v.available).length,
    upToDateReplicas: views.filter(v => v.upToDate).length,
  };
}

export function versionCounts(views: MachineView[]) {
  const byVersion = new Map<string, number>();
  for (const v of views)
    byVersion.set(v.version, (byVersion.get(v.version) ?? 0) + 1);
  return [...byVersion.entries()]
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([version, replicas]) => ({ version, replicas }));
}

function machineNames(views: MachineView[]): string {
  return `Machine${views.length > 1 ? 's' : ''} ${views
    .map(v => v.name)
    .join(', ')}`;
}

function machinesReady(views: MachineView[]): Cond {
  if (!views.length) return cond('MachinesReady', 'True', 'NoReplicas');
  const bad = views.filter(v => !v.ready);
  if (!bad.length) return cond('MachinesReady', 'True', 'Ready');
  return cond(
    'MachinesReady',
    'False',
    'NotReady',
    bullets([`${machineNames(bad)}:\n${nested(bad[0].notReadyMessage)}`]),
  );
}

function machinesUpToDate(views: MachineView[]): Cond {
  if (!views.length) return cond('MachinesUpToDate', 'True', 'NoReplicas');
  const bad = views.filter(v => !v.upToDate);
  if (!bad.length) return cond('MachinesUpToDate', 'True', 'UpToDate');
  return cond(
    'MachinesUpToDate',
    'False',
    'NotUpToDate',
    bullets([`${machineNames(bad)}:\n${nested(bullets(bad[0].notUpToDate))}`]),
  );
}

/**
 * ScalingUp while fewer Machines than desired are provisioned (a Machine
 * whose server Nova refused keeps it True, as in snapshot S5); ScalingDown
 * while more Machines than desired exist.
 */
function scaling(
  views: MachineView[],
  desired: number,
): { up: Cond; down: Cond; upMessage: string; downMessage: string } {
  const provisioned = views.filter(v => !v.deleting && v.provisioned).length;
  const total = views.length;
  const upMessage = `Scaling up from ${provisioned} to ${desired} replicas`;
  const downMessage = `Scaling down from ${total} to ${desired} replicas`;
  return {
    up:
      provisioned < desired
        ? cond('ScalingUp', 'True', 'ScalingUp', upMessage)
        : cond('ScalingUp', 'False', 'NotScalingUp'),
    down:
      total > desired
        ? cond('ScalingDown', 'True', 'ScalingDown', downMessage)
        : cond('ScalingDown', 'False', 'NotScalingDown'),
    upMessage,
    downMessage,
  };
}

function rollingOut(views: MachineView[]): Cond {
  const bad = views.filter(v => !v.upToDate);
  if (!bad.length) return cond('RollingOut', 'False', 'NotRollingOut');
  const reasons = [...new Set(bad.flatMap(v => v.notUpToDate))];
  return cond(
    'RollingOut',
    'True',
    'RollingOut',
    `Rolling out ${bad.length} not up-to-date replicas\n${bullets(reasons)}`,
  );
}

export function pausedCond(paused: boolean): Cond {
  return paused
    ? cond('Paused', 'True', 'Paused', PAUSED_MESSAGE)
    : cond('Paused', 'False', 'NotPaused');
}

function deletingCond(obj: KObj, reason = 'Deleting', message = ''): Cond {
  return isDeleting(obj)
    ? cond('Deleting', 'True', reason, message)
    : cond('Deleting', 'False', 'NotDeleting');
}

/** Writes status in the generation's layout (v1beta1 gets legacy conditions). */
async function write(
  scope: ClusterScope,
  kind: Kind,
  obj: KObj,
  v2: { fields: Record<string, unknown>; conditions: Cond[] },
  v1: {
    fields: Record<string, unknown>;
    v1beta2Fields?: Record<string, unknown>;
    legacy: Array<[string, string | Cond]>;
  },
) {
  const generation = obj.metadata.generation;
  if (scope.gen === 'v1beta2') {
    const previous: Condition[] | undefined = obj.status?.conditions;
    await scope.rt.writer.applyStatus(kind, obj, {
      observedGeneration: generation,
      ...v2.fields,
      conditions: finalize(v2.conditions, previous, generation),
    });
    return;
  }
  const previousV2: Condition[] | undefined = obj.status?.v1beta2?.conditions;
  const previousLegacy: LegacyCondition[] | undefined = obj.status?.conditions;
  await scope.rt.writer.applyStatus(kind, obj, {
    observedGeneration: generation,
    ...v1.fields,
    conditions: legacyConditions(v2.conditions, v1.legacy, previousLegacy),
    v1beta2: {
      ...v1.v1beta2Fields,
      conditions: finalize(v2.conditions, previousV2, generation),
    },
  });
}

function selectorString(
  matchLabels: Record<string, string> | undefined,
): string | undefined {
  const entries = Object.entries(matchLabels ?? {});
  return entries.length
    ? entries.map(([k, v]) => (v ? `${k}=${v}` : k)).join(',')
    : undefined;
}

// --- MachineSet ----------------------------------------------------------------

export async function writeMachineSetStatus(
  scope: ClusterScope,
  ms: KObj,
  views: MachineView[],
) {
  const desired = ms.spec?.replicas ?? 0;
  const c = counters(views);
  const s = scaling(views, desired);
  const conditions = [
    machinesReady(views),
    machinesUpToDate(views),
    s.up,
    s.down,
    cond('Remediating', 'False', 'NotRemediating'),
    deletingCond(ms, 'Deleting', `Deleting ${views.length} Machines`),
    pausedCond(scope.paused),
  ];
  const selector = selectorString(ms.spec?.selector?.matchLabels);
  await write(
    scope,
    'MachineSet',
    ms,
    {
      fields: {
        ...c,
        ...(selector ? { selector } : {}),
        ...(views.length ? { versions: versionCounts(views) } : {}),
      },
      conditions,
    },
    {
      fields: {
        replicas: c.replicas,
        fullyLabeledReplicas: c.replicas,
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        ...(selector ? { selector } : {}),
      },
      v1beta2Fields: {
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        upToDateReplicas: c.upToDateReplicas,
      },
      legacy: [
        ['Ready', 'MachinesReady'],
        ['MachinesCreated', cond('MachinesCreated', 'True', 'Created')],
        ['MachinesReady', 'MachinesReady'],
        ['Resized', resized(s)],
      ],
    },
  );
}

function resized(s: {
  up: Cond;
  down: Cond;
  upMessage: string;
  downMessage: string;
}): Cond {
  if (s.up.status === 'True')
    return cond('Resized', 'False', 'ScalingUp', s.upMessage);
  if (s.down.status === 'True')
    return cond('Resized', 'False', 'ScalingDown', s.downMessage);
  return cond('Resized', 'True', 'Resized');
}

// --- MachineDeployment ---------------------------------------------------------

export function machineDeploymentDesired(
  md: KObj,
  views: MachineView[],
): number {
  return md.spec?.replicas ?? views.filter(v => !v.deleting).length;
}

export function machineDeploymentAvailable(
  md: KObj,
  views: MachineView[],
): { ok: boolean; message: string } {
  const desired = machineDeploymentDesired(md, views);
  const { maxUnavailable } = mdRollingUpdate(md);
  const available = views.filter(v => v.available).length;
  const min = Math.max(0, desired - maxUnavailable);
  return {
    ok: available >= min,
    message: `${available} available replicas, at least ${min} required (spec.strategy.rollout.maxUnavailable is ${maxUnavailable}, spec.replicas is ${desired})`,
  };
}

export async function writeMachineDeploymentStatus(
  scope: ClusterScope,
  md: KObj,
  views: MachineView[],
) {
  const desired = machineDeploymentDesired(md, views);
  const c = counters(views);
  const s = scaling(views, desired);
  const available = machineDeploymentAvailable(md, views);
  let phase = 'Running';
  if (c.replicas < desired) phase = 'ScalingUp';
  else if (c.replicas > desired) phase = 'ScalingDown';
  const conditions = [
    available.ok
      ? cond('Available', 'True', 'Available')
      : cond('Available', 'False', 'NotAvailable', available.message),
    machinesReady(views),
    machinesUpToDate(views),
    rollingOut(views),
    s.up,
    s.down,
    cond('Remediating', 'False', 'NotRemediating'),
    deletingCond(md, 'Deleting', 'Deleting MachineSets'),
    pausedCond(scope.paused),
  ];
  const selector = selectorString(md.spec?.selector?.matchLabels);
  await write(
    scope,
    'MachineDeployment',
    md,
    {
      fields: {
        ...c,
        phase,
        ...(selector ? { selector } : {}),
        ...(views.length ? { versions: versionCounts(views) } : {}),
      },
      conditions,
    },
    {
      fields: {
        replicas: c.replicas,
        updatedReplicas: c.upToDateReplicas,
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        unavailableReplicas: Math.max(0, c.replicas - c.availableReplicas),
        phase,
        ...(selector ? { selector } : {}),
      },
      v1beta2Fields: {
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        upToDateReplicas: c.upToDateReplicas,
      },
      legacy: [
        ['Ready', 'Available'],
        ['Available', 'Available'],
        ['MachineSetReady', 'MachinesReady'],
      ],
    },
  );
}

// --- KubeadmControlPlane -------------------------------------------------------

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
    available.ok
      ? cond('Available', 'True', 'Available')
      : cond('Available', 'False', 'NotAvailable', available.message),
    when(
      'Initialized',
      initialized,
      ['Initialized', 'NotInitialized'],
      initialized ? '' : 'Control plane not yet initialized',
    ),
    cond('CertificatesAvailable', 'True', 'Available'),
    health('EtcdClusterHealthy'),
    health('ControlPlaneComponentsHealthy'),
    machinesReady(views),
    machinesUpToDate(views),
    rollingOut(views),
    s.up,
    s.down,
    cond('Remediating', 'False', 'NotRemediating'),
    deletingCond(
      kcp,
      'WaitingForMachineDeletion',
      `Deleting ${views.length} Machines`,
    ),
    pausedCond(scope.paused),
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
      v1beta2Fields: {
        readyReplicas: c.readyReplicas,
        availableReplicas: c.availableReplicas,
        upToDateReplicas: c.upToDateReplicas,
      },
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

// --- Cluster -------------------------------------------------------------------

/**
 * When the remote connection probe started failing (after its grace period
 * with the API-unreachable annotation), or undefined while it succeeds.
 */
export function remoteProbeFailedSince(
  scope: ClusterScope,
): number | undefined {
  const id = scope.cluster.metadata.uid!;
  if (!scope.apiUnreachable) {
    scope.rt.clock.reset(id, 'remoteConnectionGrace');
    return undefined;
  }
  const remaining = scope.rt.clock.remaining(id, 'remoteConnectionGrace');
  if (remaining > 0) {
    scope.requeue(remaining);
    return undefined;
  }
  return scope.rt.clock.startedAt(id, 'remoteConnectionGrace');
}

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

// --- Machine -------------------------------------------------------------------

export interface MachineStatusInput {
  phase: string;
  bootstrapReady: boolean;
  infrastructureReady: boolean;
  addresses?: Array<{ type: string; address: string }>;
  nodeRef?: string;
  nodeInfo?: Record<string, unknown>;
  failureDomain?: string;
  certificatesExpiryDate?: string;
  nodeDrainStartTime?: string;
  lastUpdated: string;
  conditions: Cond[];
}

export async function writeMachineStatus(
  scope: ClusterScope,
  machine: KObj,
  s: MachineStatusInput,
) {
  const common = {
    phase: s.phase,
    ...(s.addresses ? { addresses: s.addresses } : {}),
    ...(s.nodeInfo ? { nodeInfo: s.nodeInfo } : {}),
    ...(s.certificatesExpiryDate
      ? { certificatesExpiryDate: s.certificatesExpiryDate }
      : {}),
    ...(s.nodeDrainStartTime
      ? { deletion: { nodeDrainStartTime: s.nodeDrainStartTime } }
      : {}),
    lastUpdated: s.lastUpdated,
  };
  await write(
    scope,
    'Machine',
    machine,
    {
      fields: {
        ...common,
        initialization: {
          bootstrapDataSecretCreated: s.bootstrapReady,
          infrastructureProvisioned: s.infrastructureReady,
        },
        ...(s.nodeRef ? { nodeRef: { name: s.nodeRef } } : {}),
        ...(s.failureDomain ? { failureDomain: s.failureDomain } : {}),
      },
      conditions: s.conditions,
    },
    {
      fields: {
        ...common,
        bootstrapReady: s.bootstrapReady,
        infrastructureReady: s.infrastructureReady,
        ...(s.nodeRef
          ? { nodeRef: { apiVersion: 'v1', kind: 'Node', name: s.nodeRef } }
          : {}),
      },
      legacy: [
        ['Ready', 'Ready'],
        ['BootstrapReady', 'BootstrapConfigReady'],
        ['InfrastructureReady', 'InfrastructureReady'],
        ['NodeHealthy', 'NodeHealthy'],
      ],
    },
  );
}

// --- KubeadmConfig -------------------------------------------------------------

export async function writeKubeadmConfigStatus(
  scope: ClusterScope,
  config: KObj,
  s: { dataSecretName?: string; waiting?: { reason: string; message: string } },
) {
  const ready = !!s.dataSecretName;
  const conditions = [
    ready
      ? cond('Ready', 'True', 'Ready')
      : cond('Ready', 'False', 'NotReady', s.waiting?.message ?? ''),
    ready
      ? cond('DataSecretAvailable', 'True', 'Available')
      : cond(
          'DataSecretAvailable',
          'False',
          s.waiting?.reason ?? 'NotAvailable',
          s.waiting?.message ?? '',
        ),
    cond('CertificatesAvailable', 'True', 'Available'),
    pausedCond(scope.paused),
  ];
  await write(
    scope,
    'KubeadmConfig',
    config,
    {
      fields: {
        initialization: { dataSecretCreated: ready },
        ...(ready ? { dataSecretName: s.dataSecretName } : {}),
      },
      conditions,
    },
    {
      fields: { ready, ...(ready ? { dataSecretName: s.dataSecretName } : {}) },
      legacy: [
        ['Ready', 'Ready'],
        ['DataSecretAvailable', 'DataSecretAvailable'],
        ['CertificatesAvailable', 'CertificatesAvailable'],
      ],
    },
  );
}

// --- MachineHealthCheck --------------------------------------------------------

export async function writeHealthCheckStatus(
  scope: ClusterScope,
  mhc: KObj,
  targets: MachineView[],
) {
  const healthy = targets.filter(t => t.ready).length;
  const expected = targets.length;
  const limit = String(
    mhc.spec?.remediation?.triggerIf?.unhealthyLessThanOrEqualTo ??
      mhc.spec?.maxUnhealthy ??
      '100%',
  );
  const maxUnhealthy = limit.endsWith('%')
    ? Math.floor((Number(limit.slice(0, -1)) / 100) * expected)
    : Number(limit);
  const allowed = Math.max(0, maxUnhealthy - (expected - healthy));
  const conditions = [
    cond('RemediationAllowed', 'True', 'RemediationAllowed'),
    pausedCond(scope.paused),
  ];
  const fields = {
    expectedMachines: expected,
    currentHealthy: healthy,
    remediationsAllowed: allowed,
    targets: targets.map(t => t.name).sort(),
  };
  await write(
    scope,
    'MachineHealthCheck',
    mhc,
    { fields, conditions },
    { fields, legacy: [['RemediationAllowed', 'RemediationAllowed']] },
  );
}

/** Sets only the Paused condition of an object, leaving the rest of its status as it is. */
export async function writePausedOnly(
  scope: ClusterScope,
  kind: Kind,
  obj: KObj,
  paused: boolean,
) {
  const generation = obj.metadata.generation;
  const status = obj.status ?? {};
  const list: Condition[] =
    (scope.gen === 'v1beta2'
      ? status.conditions
      : status.v1beta2?.conditions) ?? [];
  const others = list.filter(c => c.type !== 'Paused');
  const pausedFinal = finalize([pausedCond(paused)], list, generation)[0];
  const conditions = [...others, pausedFinal];
  await scope.rt.writer.applyStatus(
    kind,
    obj,
    scope.gen === 'v1beta2'
      ? { ...status, conditions }
      : { ...status, v1beta2: { ...status.v1beta2, conditions } },
  );
}

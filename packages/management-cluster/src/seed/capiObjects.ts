/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Core CAPI objects (v1beta2) of one demo cluster, rendered from its model.
// Counters and the usual conditions are derived from the Machines.

import type { Clock } from './clock';
import { condition, polar } from './conditions';
import {
  clusterNetwork,
  controlPlaneConfigSpec,
  controlPlaneRollout,
  machineConfigSpec,
  workerConfigSpec,
  workerRollout,
} from './kubeadm';
import {
  AUTOSCALER_MAX,
  AUTOSCALER_MIN,
  BOOTSTRAP_GROUP,
  BOOTSTRAP_V,
  CAPI_V,
  CLUSTER_NAME_LABEL,
  CONTROLPLANE_GROUP,
  CONTROLPLANE_V,
  DEPLOYMENT_NAME_LABEL,
  INFRA_GROUP,
  MD_REVISION,
  OWNER_LABEL,
  TEMPLATE_HASH_LABEL,
  TOPOLOGY_DEPLOYMENT_LABEL,
  TOPOLOGY_OWNED_LABEL,
} from './labels';
import { clonedFrom, conditionTimes, objectMeta, ref } from './meta';
import {
  type ClusterModel,
  isClassy,
  type MachineModel,
  nodeIds,
  type PoolModel,
} from './model';
import type { Condition, SeedObject, SeedOwner } from './types';

type Times = { since: string; recent: string };

export const PAUSED_MESSAGE = 'Cluster spec.paused is set to true';

export function providerID(machine: MachineModel): string {
  return `openstack://RegionOne/${machine.serverId}`;
}

export function hasServer(machine: MachineModel): boolean {
  return machine.state !== 'CreateFailed';
}

export function isReady(machine: MachineModel): boolean {
  return machine.state === 'Running' && !machine.deleting;
}

interface Counters {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  upToDateReplicas: number;
}

function counters(machines: MachineModel[]): Counters {
  const ready = machines.filter(isReady).length;
  return {
    replicas: machines.length,
    readyReplicas: ready,
    availableReplicas: ready,
    upToDateReplicas: machines.filter(x => x.upToDate).length,
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function versions(machines: MachineModel[]) {
  const byVersion = new Map<string, number>();
  for (const x of machines)
    byVersion.set(x.version, (byVersion.get(x.version) ?? 0) + 1);
  const list = [...byVersion.entries()]
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([version, replicas]) => ({ version, replicas }));
  return list.length ? list : undefined;
}

/** Desired size of a pool: spec.replicas, or what the autoscaler made it. */
export function poolDesired(pool: PoolModel): number {
  return pool.replicas ?? pool.machines.length;
}

function poolAvailable(pool: PoolModel): boolean {
  return counters(pool.machines).availableReplicas >= poolDesired(pool);
}

function poolAvailableMessage(pool: PoolModel): string {
  const desired = poolDesired(pool);
  return `${
    counters(pool.machines).availableReplicas
  } available replicas, at least ${desired} required (spec.strategy.rollout.maxUnavailable is 0, spec.replicas is ${desired})`;
}

function controlPlaneAvailable(m: ClusterModel): boolean {
  const quorum = Math.floor(m.cpMachines.length / 2) + 1;
  return (
    m.cpInitialized &&
    !m.kcp.deleting &&
    counters(m.cpMachines).availableReplicas >= quorum
  );
}

function bullets(items: string[]): string {
  return items.map(i => `* ${i}`).join('\n');
}

function machineIssues(
  machines: MachineModel[],
  what: 'ready' | 'upToDate',
): string {
  const bad = machines.filter(x =>
    what === 'ready' ? !isReady(x) : !x.upToDate,
  );
  if (!bad.length) return '';
  const names = bad.map(x => x.name).join(', ');
  if (what === 'upToDate') {
    return bullets([
      `Machine${bad.length > 1 ? 's' : ''} ${names}: ${
        bad[0].notUpToDateMessage?.replace(/^\* /, '') ?? 'Not up-to-date'
      }`,
    ]);
  }
  let reason = 'InfrastructureReady: OpenStackMachine is not ready';
  if (bad[0].deleting) reason = 'Machine deletion in progress';
  else if (bad[0].state === 'Joining') {
    reason = 'NodeHealthy: Waiting for a Node with spec.providerID to exist';
  }
  return bullets([`Machine${bad.length > 1 ? 's' : ''} ${names}: ${reason}`]);
}

/** Conditions every v1beta2 object with machines carries. */
function machineSetLike(
  m: ClusterModel,
  machines: MachineModel[],
  desired: number,
  t: Times,
): Condition[] {
  const c = counters(machines);
  const notUpToDate = c.replicas - c.upToDateReplicas;
  return [
    machines.length
      ? polar(
          'MachinesReady',
          machines.every(isReady),
          ['Ready', 'NotReady'],
          t,
          machineIssues(machines, 'ready'),
        )
      : condition('MachinesReady', 'True', 'NoReplicas', t.since),
    machines.length
      ? polar(
          'MachinesUpToDate',
          notUpToDate === 0,
          ['UpToDate', 'NotUpToDate'],
          t,
          machineIssues(machines, 'upToDate'),
        )
      : condition('MachinesUpToDate', 'True', 'NoReplicas', t.since),
    polar(
      'ScalingUp',
      c.replicas >= desired,
      ['NotScalingUp', 'ScalingUp'],
      t,
      `Scaling up from ${c.replicas} to ${desired} replicas`,
    ),
    polar(
      'ScalingDown',
      c.replicas <= desired,
      ['NotScalingDown', 'ScalingDown'],
      t,
      `Scaling down from ${c.replicas} to ${desired} replicas`,
    ),
    condition('Remediating', 'False', 'NotRemediating', t.since),
    polar('Paused', !m.paused, ['NotPaused', 'Paused'], t, PAUSED_MESSAGE),
  ];
}

function owner(
  apiVersion: string,
  kind: string,
  name: string,
  controller = true,
): SeedOwner {
  return {
    apiVersion,
    kind,
    name,
    ...(controller ? { controller: true } : {}),
  };
}

function clusterPhase(m: ClusterModel): string {
  if (m.deleting) return 'Deleting';
  return m.infraReady && m.hasEndpoint ? 'Provisioned' : 'Provisioning';
}

function deploymentPhase(replicas: number, desired: number): string {
  if (replicas < desired) return 'ScalingUp';
  return replicas > desired ? 'ScalingDown' : 'Running';
}

function machinePhase(x: MachineModel): string {
  if (x.deleting) return 'Deleting';
  if (x.state === 'Running') return 'Running';
  return hasServer(x) ? 'Provisioned' : 'Provisioning';
}

export function renderCluster(m: ClusterModel, clock: Clock): SeedObject {
  const t = conditionTimes(m, clock, 25);
  const workers = m.pools.flatMap(p => p.machines);
  const cp = counters(m.cpMachines);
  const w = counters(workers);
  const workersDesired = m.pools.reduce((n, p) => n + poolDesired(p), 0);
  const cpAvailable = controlPlaneAvailable(m);
  const unavailablePools = m.pools.filter(p => !poolAvailable(p));
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
              p => `MachineDeployment ${p.mdName}: ${poolAvailableMessage(p)}`,
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
    polar('Paused', !m.paused, ['NotPaused', 'Paused'], t, PAUSED_MESSAGE),
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
        annotations: classy
          ? clonedFrom(
              m.classInfo!.controlPlaneTemplate,
              'KubeadmControlPlaneTemplate',
              CONTROLPLANE_GROUP,
            )
          : {},
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

function machineTemplateSpec(m: ClusterModel, p: PoolModel) {
  return {
    clusterName: m.name,
    version: p.version,
    bootstrap: {
      configRef: ref(
        BOOTSTRAP_GROUP,
        'KubeadmConfigTemplate',
        p.bootstrapTemplate,
      ),
    },
    infrastructureRef: ref(
      INFRA_GROUP,
      'OpenStackMachineTemplate',
      p.infraTemplate,
    ),
    ...(p.spec.failureDomain ? { failureDomain: p.spec.failureDomain } : {}),
  };
}

function selectorString(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function renderMachineDeployment(
  m: ClusterModel,
  p: PoolModel,
  clock: Clock,
): SeedObject {
  const t = conditionTimes(m, clock, 30);
  const c = counters(p.machines);
  const v = versions(p.machines);
  const desired = poolDesired(p);
  const notUpToDate = c.replicas - c.upToDateReplicas;
  const selector = {
    [CLUSTER_NAME_LABEL]: m.name,
    [DEPLOYMENT_NAME_LABEL]: p.mdName,
  };
  const classy = isClassy(m);
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'MachineDeployment',
      metadata: objectMeta(m, p.mdName, {
        topology: true,
        labels: classy ? { [TOPOLOGY_DEPLOYMENT_LABEL]: p.topologyName } : {},
        annotations: p.spec.autoscale
          ? {
              [AUTOSCALER_MIN]: String(p.spec.autoscale.min),
              [AUTOSCALER_MAX]: String(p.spec.autoscale.max),
            }
          : {},
      }),
      spec: {
        clusterName: m.name,
        ...(p.replicas !== undefined ? { replicas: p.replicas } : {}),
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...p.templateLabels } },
          spec: machineTemplateSpec(m, p),
        },
        rollout: workerRollout(),
      },
    },
    status: {
      observedGeneration: 1,
      selector: selectorString(selector),
      ...c,
      phase: deploymentPhase(c.replicas, desired),
      ...(v ? { versions: v } : {}),
      conditions: [
        polar(
          'Available',
          poolAvailable(p),
          ['Available', 'NotAvailable'],
          t,
          poolAvailableMessage(p),
        ),
        ...machineSetLike(m, p.machines, desired, t),
        polar(
          'RollingOut',
          notUpToDate === 0,
          ['NotRollingOut', 'RollingOut'],
          t,
          `Rolling out ${notUpToDate} not up-to-date replicas`,
        ),
        condition('Deleting', 'False', 'NotDeleting', t.since),
      ],
    },
    owner: owner(CAPI_V, 'Cluster', m.name, false),
  };
}

export function renderMachineSet(
  m: ClusterModel,
  p: PoolModel,
  clock: Clock,
): SeedObject {
  const t = conditionTimes(m, clock, 30);
  const c = counters(p.machines);
  const v = versions(p.machines);
  const selector = {
    [CLUSTER_NAME_LABEL]: m.name,
    [DEPLOYMENT_NAME_LABEL]: p.mdName,
    [TEMPLATE_HASH_LABEL]: p.templateHash,
  };
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'MachineSet',
      metadata: objectMeta(m, p.msName, {
        labels: { ...p.templateLabels, [TEMPLATE_HASH_LABEL]: p.templateHash },
        annotations: { [MD_REVISION]: '1' },
      }),
      spec: {
        clusterName: m.name,
        replicas: poolDesired(p),
        selector: { matchLabels: selector },
        template: {
          metadata: {
            labels: {
              ...p.templateLabels,
              [TEMPLATE_HASH_LABEL]: p.templateHash,
            },
          },
          spec: machineTemplateSpec(m, p),
        },
      },
    },
    status: {
      observedGeneration: 1,
      selector: selectorString(selector),
      ...c,
      ...(v ? { versions: v } : {}),
      conditions: [
        ...machineSetLike(m, p.machines, poolDesired(p), t),
        condition('Deleting', 'False', 'NotDeleting', t.since),
      ],
    },
    owner: owner(CAPI_V, 'MachineDeployment', p.mdName),
  };
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
    polar('Paused', !m.paused, ['NotPaused', 'Paused'], t, PAUSED_MESSAGE),
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
        annotations: x.bootstrapTemplate
          ? clonedFrom(
              x.bootstrapTemplate,
              'KubeadmConfigTemplate',
              BOOTSTRAP_GROUP,
            )
          : {},
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
        polar('Paused', !m.paused, ['NotPaused', 'Paused'], t, PAUSED_MESSAGE),
      ],
    },
    owner: owner(CAPI_V, 'Machine', x.name),
  };
}

export function renderKubeadmConfigTemplate(
  m: ClusterModel,
  p: PoolModel,
): SeedObject {
  return {
    manifest: {
      apiVersion: BOOTSTRAP_V,
      kind: 'KubeadmConfigTemplate',
      metadata: objectMeta(m, p.bootstrapTemplate, {
        topology: true,
        annotations: m.classInfo
          ? clonedFrom(
              m.classInfo.workerBootstrapTemplate,
              'KubeadmConfigTemplate',
              BOOTSTRAP_GROUP,
            )
          : {},
      }),
      spec: { template: { spec: workerConfigSpec() } },
    },
    owner: owner(CAPI_V, 'Cluster', m.name, false),
  };
}

export function renderHealthCheck(
  m: ClusterModel,
  p: PoolModel,
  clock: Clock,
): SeedObject {
  const t = conditionTimes(m, clock, 30);
  const healthy = p.machines.filter(isReady).length;
  const expected = p.machines.length;
  const maxUnhealthy = Math.floor(expected * 0.4);
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'MachineHealthCheck',
      metadata: objectMeta(m, p.mhcName, { topology: true }),
      spec: {
        clusterName: m.name,
        selector: {
          matchLabels: {
            [CLUSTER_NAME_LABEL]: m.name,
            [DEPLOYMENT_NAME_LABEL]: p.mdName,
          },
        },
        checks: {
          nodeStartupTimeoutSeconds: 600,
          unhealthyNodeConditions: [
            { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
            { type: 'Ready', status: 'False', timeoutSeconds: 300 },
          ],
        },
        remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
      },
    },
    status: {
      observedGeneration: 1,
      expectedMachines: expected,
      currentHealthy: healthy,
      remediationsAllowed: Math.max(0, maxUnhealthy - (expected - healthy)),
      targets: p.machines.map(x => x.name).sort(),
      conditions: [
        condition('RemediationAllowed', 'True', 'RemediationAllowed', t.since),
        polar('Paused', !m.paused, ['NotPaused', 'Paused'], t, PAUSED_MESSAGE),
      ],
    },
    owner: owner(CAPI_V, 'Cluster', m.name, false),
  };
}

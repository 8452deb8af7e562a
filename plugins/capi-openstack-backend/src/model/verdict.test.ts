/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { ClusterObjects, KubeObject } from './objects';
import { evaluateBastion } from './bastionVerdict';
import { evaluateHealth } from './verdict';
import {
  EXPECTED_VERDICTS,
  SNAPSHOT_IDS,
  SNAPSHOT_NOW,
  SnapshotId,
  applyOverlay,
  buildSnapshot,
  fillTransitionTimes,
  firstControlPlaneMachine,
  s5FailedMachineName,
} from './__testUtils__/snapshots';
import { healthyV1beta1ControlPlaneStatus } from './__testUtils__/v1beta1ControlPlaneStatus';

const at = (iso: string) => new Date(iso);
const cond = (
  type: string,
  status: string,
  reason?: string,
  extra: Record<string, any> = {},
) => ({
  type,
  status,
  ...(reason ? { reason } : {}),
  ...extra,
});
const clusterName = (id: SnapshotId) => buildSnapshot(id).cluster.metadata.name;
const S5_MACHINE_NAME = s5FailedMachineName();
/** S5 with its failed machine's server and OpenStackMachine on another InstanceReady reason (since 10:00). */
function withTransientInstanceFailure(reasonName: string, message: string, since = '2026-09-01T10:00:00Z') {
  const c = cond('InstanceReady', 'False', reasonName, { message, lastTransitionTime: since });
  return buildSnapshot('S5', {
    objects: (['OpenStackServer', 'OpenStackMachine'] as const).map(kind => ({
      kind,
      name: S5_MACHINE_NAME,
      patch: { status: { conditions: [c] } },
    })),
  });
}
/** The snapshot with these conditions replacing the Cluster's of the same type. */
const withClusterConditions = (
  id: SnapshotId,
  ...conditions: ReturnType<typeof cond>[]
) => buildSnapshot(id, { cluster: { status: { conditions } } });

describe('evaluateHealth on the section 4 snapshots', () => {
  it.each(
    SNAPSHOT_IDS.map(id => [id, EXPECTED_VERDICTS[id]] as [SnapshotId, string]),
  )('%s at 2026-09-01T10:10:00Z is %s', (id, expected) => {
    const health = evaluateHealth(buildSnapshot(id), SNAPSHOT_NOW);
    expect(health.verdict).toBe(expected);
    expect(health.evaluatedAt).toBe('2026-09-01T10:10:00.000Z');
  });

  it('S2 (healthy baseline) has no reasons', () => {
    expect(evaluateHealth(buildSnapshot('S2'), SNAPSHOT_NOW).reasons).toEqual(
      [],
    );
  });

  it('S5 (Nova quota) is Failed from the first minute: the cause does not go away by itself', () => {
    const objs = buildSnapshot('S5');
    // The server failed at 10:00; one minute later it already needs action.
    const failed = evaluateHealth(objs, at('2026-09-01T10:01:00Z'));
    expect(failed.verdict).toBe('Failed');
    expect(failed.reasons).toContainEqual({
      object: { kind: 'OpenStackServer', name: S5_MACHINE_NAME },
      conditionType: 'InstanceReady',
      reason: 'InstanceCreateFailed',
      message: expect.stringContaining('Quota exceeded for cores'),
      since: '2026-09-01T10:00:00.000Z',
      severity: 'error',
    });
  });

  it('an instance failure that may heal (DependencyFailed) becomes Failed after 15 minutes', () => {
    const objs = withTransientInstanceFailure('DependencyFailed', 'waiting for port to become ACTIVE');
    expect(evaluateHealth(objs, at('2026-09-01T10:14:59Z')).verdict).toBe('Progressing');
    expect(evaluateHealth(objs, at('2026-09-01T10:15:00Z')).verdict).toBe('Failed');
  });

  // What the real CAPO v0.14.7 wrote for a Nova quota refusal (docs/real-controllers-capo.md): the
  // failure only on the OpenStackServer; the OpenStackMachine and the Machine still wait for bootstrap data.
  it('S5 with the conditions the real CAPO writes is Failed from the OpenStackServer alone', () => {
    const objs = buildSnapshot('S5');
    const waiting = {
      type: 'Ready',
      status: 'False',
      severity: 'Info',
      reason: 'WaitingForBootstrapData',
      lastTransitionTime: '2026-09-01T10:00:00Z',
    };
    const osm = objs.openStackMachines.find(o => o.metadata.name === S5_MACHINE_NAME)!;
    osm.status = { ready: false, conditions: [waiting, { ...waiting, type: 'InstanceReady' }] };
    const failed = evaluateHealth(objs, at('2026-09-01T10:16:00Z'));
    expect(failed.verdict).toBe('Failed');
    expect(failed.reasons[0]).toMatchObject({
      object: { kind: 'OpenStackServer', name: S5_MACHINE_NAME },
      reason: 'InstanceCreateFailed',
      severity: 'error',
    });
  });

  it('a pending instance failure is reported as a warning', () => {
    const objs = withTransientInstanceFailure('DependencyFailed', 'waiting for port to become ACTIVE');
    const health = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(health.reasons).toContainEqual(
      expect.objectContaining({
        object: { kind: 'OpenStackServer', name: S5_MACHINE_NAME },
        reason: 'DependencyFailed',
        severity: 'warning',
      }),
    );
  });

  it.each<SnapshotId>(['S1', 'S3', 'S4', 'S10'])(
    '%s stays Progressing under 30 minutes and turns Degraded after',
    id => {
      const objs = buildSnapshot(id);
      // Their problems (e.g. S1's Available=False) date from 10:05 (doc default).
      expect(evaluateHealth(objs, at('2026-09-01T10:34:59Z')).verdict).toBe(
        'Progressing',
      );
      expect(evaluateHealth(objs, at('2026-09-01T10:35:00Z')).verdict).toBe(
        'Degraded',
      );
    },
  );

  it('S8 reports the Deleting condition reason since the deletion request', () => {
    const health = evaluateHealth(buildSnapshot('S8'), SNAPSHOT_NOW);
    expect(health.reasons).toEqual([
      {
        object: { kind: 'Cluster', name: clusterName('S8') },
        conditionType: 'Deleting',
        reason: 'WaitingForControlPlaneDeletion',
        message: 'Waiting for KubeadmControlPlane to be deleted',
        // The seed's deletion is requested when it is applied, i.e. at now.
        since: '2026-09-01T10:10:00.000Z',
        severity: 'info',
      },
    ]);
  });

  it('S7 keeps the last known verdict of the frozen status', () => {
    const health = evaluateHealth(buildSnapshot('S7'), SNAPSHOT_NOW);
    expect(health.lastKnownVerdict).toBe('Healthy');
    expect(health.reasons[0].conditionType).toBe('Paused');
    const s9Paused = buildSnapshot('S9', {
      cluster: { spec: { paused: true } },
    });
    expect(evaluateHealth(s9Paused, SNAPSHOT_NOW)).toMatchObject({
      verdict: 'Paused',
      lastKnownVerdict: 'Degraded',
    });
  });

  it('the cluster.x-k8s.io/paused annotation pauses too', () => {
    const objs = buildSnapshot('S2', {
      cluster: { metadata: { annotations: { 'cluster.x-k8s.io/paused': '' } } },
    });
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Paused');
  });

  it('S9 names the failed remote connection probe', () => {
    const health = evaluateHealth(buildSnapshot('S9'), SNAPSHOT_NOW);
    expect(health.reasons[0]).toMatchObject({
      object: { kind: 'Cluster', name: clusterName('S9') },
      conditionType: 'RemoteConnectionProbe',
      reason: 'ProbeFailed',
      severity: 'error',
    });
  });
});

describe('certificate expiry (S10 variants)', () => {
  const soon = '2026-09-05T00:00:00Z'; // < 7 days after now

  it('S10 with expiry under 7 days but rollout.before set and rolling out is Progressing', () => {
    const objs = buildSnapshot('S10', {
      machine: { status: { certificatesExpiryDate: soon } },
    });
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Progressing');
  });

  it('S10 without rollout.before and expiry under 7 days is Degraded', () => {
    const objs = buildSnapshot('S10', {
      kubeadmControlPlane: { spec: { rollout: undefined } },
      machine: { status: { certificatesExpiryDate: soon } },
    });
    const health = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(health.verdict).toBe('Degraded');
    expect(health.reasons[0]).toMatchObject({
      object: { kind: 'Machine' },
      reason: 'CertificatesExpiringSoon',
      severity: 'error',
    });
  });

  it('baseline with expiry under 7 days and no rollout is Degraded', () => {
    const objs = buildSnapshot('S2', {
      machine: { status: { certificatesExpiryDate: soon } },
    });
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Degraded');
  });

  it('rollout.before set but no rollout running is Degraded', () => {
    const objs = buildSnapshot('S2', {
      kubeadmControlPlane: {
        spec: { rollout: { before: { certificatesExpiryDays: 21 } } },
      },
      machine: { status: { certificatesExpiryDate: soon } },
    });
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Degraded');
  });

  it('reads the expiry from the KubeadmConfig annotation when the Machine has none', () => {
    const objs = buildSnapshot('S2', {
      machine: { status: { certificatesExpiryDate: undefined } },
    });
    const cp = firstControlPlaneMachine(objs);
    objs.kubeadmConfigs = [
      {
        apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta2',
        kind: 'KubeadmConfig',
        metadata: {
          name: cp.metadata.name,
          namespace: cp.metadata.namespace,
          annotations: { 'machine.cluster.x-k8s.io/certificates-expiry': soon },
        },
      },
    ];
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Degraded');
  });
});

describe('bastion', () => {
  it('S6 is Healthy with a Progressing bastion badge', () => {
    const objs = buildSnapshot('S6');
    expect(evaluateBastion(objs, SNAPSHOT_NOW)).toMatchObject({
      badge: 'Progressing',
      ready: false,
    });
    const health = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(health.verdict).toBe('Healthy');
    expect(health.reasons).toEqual([
      expect.objectContaining({
        reason: 'BastionProgressing',
        severity: 'info',
      }),
    ]);
  });

  it('a bastion in ERROR with failing conditions for an hour does not change the verdict', () => {
    const objs = buildSnapshot('S6', {
      objects: [
        {
          kind: 'OpenStackServer',
          name: `${clusterName('S6')}-bastion`,
          patch: {
            status: {
              instanceState: 'ERROR',
              conditions: [
                cond('InstanceReady', 'False', 'InstanceCreateFailed', {
                  lastTransitionTime: '2026-09-01T09:00:00Z',
                }),
                cond(
                  'OpenStackAuthenticationSucceeded',
                  'False',
                  'AuthFailed',
                  { lastTransitionTime: '2026-09-01T09:00:00Z' },
                ),
              ],
            },
          },
        },
      ],
    });
    expect(evaluateBastion(objs, SNAPSHOT_NOW).badge).toBe('Failed');
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Healthy');
  });

  it('no bastion badge when the bastion is disabled', () => {
    expect(evaluateBastion(buildSnapshot('S2'), SNAPSHOT_NOW)).toEqual({});
  });

  it('a ready bastion is Healthy', () => {
    const objs = buildSnapshot('S6', {
      objects: [
        {
          kind: 'OpenStackServer',
          name: `${clusterName('S6')}-bastion`,
          patch: { status: { ready: true, instanceState: 'ACTIVE' } },
        },
      ],
    });
    expect(evaluateBastion(objs, SNAPSHOT_NOW).badge).toBe('Healthy');
  });
});

describe('Failed signals (v1beta2)', () => {
  const old = { lastTransitionTime: '2026-09-01T09:40:00Z' };
  const recent = { lastTransitionTime: '2026-09-01T10:00:00Z' };

  it('MachineHealthCheck RemediationAllowed=False for 30 min', () => {
    const objs = buildSnapshot('S2');
    objs.machineHealthChecks[0].status.conditions = [
      cond('RemediationAllowed', 'False', 'TooManyUnhealthy', old),
    ];
    const h = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(h.verdict).toBe('Failed');
    expect(h.reasons[0]).toMatchObject({
      object: { kind: 'MachineHealthCheck' },
      reason: 'TooManyUnhealthy',
    });
  });

  it('TopologyReconciled=False ReconcileFailed for 30 min, but not for 10 min', () => {
    const failed = withClusterConditions(
      'S2',
      cond('TopologyReconciled', 'False', 'ReconcileFailed', old),
    );
    expect(evaluateHealth(failed, SNAPSHOT_NOW).verdict).toBe('Failed');
    const young = withClusterConditions(
      'S2',
      cond('TopologyReconciled', 'False', 'ReconcileFailed', recent),
    );
    expect(evaluateHealth(young, SNAPSHOT_NOW).verdict).not.toBe('Failed');
  });

  it('TopologyReconciled=False ClusterUpgrading for an hour is not Failed', () => {
    const objs = withClusterConditions(
      'S2',
      cond('TopologyReconciled', 'False', 'ClusterUpgrading', old),
    );
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Progressing');
  });

  it('OpenStackCluster authentication failing for 30 min', () => {
    const objs = buildSnapshot('S2', {
      openStackCluster: {
        status: {
          conditions: [
            cond(
              'OpenStackAuthenticationSucceeded',
              'False',
              'AuthenticationFailed',
              old,
            ),
          ],
        },
      },
    });
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Failed');
  });

  it('InstanceReady=False with a transient reason is not a failure signal', () => {
    const objs = withTransientInstanceFailure('InstanceNotReady', 'server is BUILD', old.lastTransitionTime);
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Progressing');
  });

  it('legacy status.deprecated.v1beta1.failureReason on the Cluster', () => {
    const objs = buildSnapshot('S2', {
      cluster: {
        status: {
          deprecated: {
            v1beta1: { failureReason: 'CreateError', failureMessage: 'boom' },
          },
        },
      },
    });
    const h = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(h.verdict).toBe('Failed');
    expect(h.reasons[0]).toEqual({
      object: { kind: 'Cluster', name: clusterName('S2') },
      reason: 'CreateError',
      message: 'boom',
      severity: 'error',
    });
  });
});

describe('Degraded and Progressing (v1beta2)', () => {
  it('KCP EtcdClusterHealthy=False is Degraded even while rolling out', () => {
    const objs = buildSnapshot('S3', {
      kubeadmControlPlane: {
        status: {
          conditions: [cond('EtcdClusterHealthy', 'False', 'NotHealthy')],
        },
      },
    });
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Degraded');
  });

  it.each<[string, SnapshotId, ReturnType<typeof cond>[], string]>([
    [
      'Remediating=True is Degraded',
      'S2',
      [cond('Remediating', 'True', 'Remediating')],
      'Degraded',
    ],
    [
      'hard signals are ignored before the control plane is initialized',
      'S1',
      [cond('RemoteConnectionProbe', 'False', 'ProbeFailed')],
      'Progressing',
    ],
    [
      'Available=False while nothing is busy is Degraded',
      'S2',
      [cond('Available', 'False', 'NotAvailable')],
      'Degraded',
    ],
    [
      'WorkerMachinesReady=False while scaling for over 30 minutes is Degraded',
      'S2',
      [
        cond('ScalingUp', 'True', 'ScalingUp'),
        cond('WorkerMachinesReady', 'False', 'NotReady', {
          lastTransitionTime: '2026-09-01T09:30:00Z',
        }),
      ],
      'Degraded',
    ],
  ])('%s', (_name, id, conditions, verdict) => {
    const objs = withClusterConditions(id, ...conditions);
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe(verdict);
  });

  it('counters short of desired are never Healthy', () => {
    const objs = buildSnapshot('S2', {
      cluster: {
        status: { workers: { readyReplicas: 3, availableReplicas: 3 } },
      },
    });
    const h = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(h.verdict).toBe('Degraded');
    expect(h.reasons[0]).toMatchObject({
      reason: 'ReplicasNotReady',
      message: 'Workers: 3 ready, 3 available, 4 up to date of 4 desired',
    });
  });

  it('says when no pool has reported its replicas yet (the real Cluster controller leaves the counters out)', () => {
    const objs = buildSnapshot('S2');
    objs.cluster.status.workers = { desiredReplicas: 4, replicas: 0 };
    const h = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(h.reasons.find(r => r.reason === 'ReplicasNotReady')).toMatchObject({
      message: 'Workers: 4 desired, none reported yet',
    });
  });

  it('ignores objects of another cluster', () => {
    const objs = buildSnapshot('S2');
    const foreign: KubeObject = structuredClone(objs.machineHealthChecks[0]);
    foreign.metadata.name = 'other-md-0';
    foreign.metadata.labels = { 'cluster.x-k8s.io/cluster-name': 'other' };
    foreign.status.conditions = [
      cond('RemediationAllowed', 'False', 'TooManyUnhealthy', {
        lastTransitionTime: '2026-09-01T08:00:00Z',
      }),
    ];
    objs.machineHealthChecks.push(foreign);
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Healthy');
  });
});

describe('Unknown', () => {
  it('no status', () => {
    const objs = buildSnapshot('S2');
    delete objs.cluster.status;
    const h = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(h.verdict).toBe('Unknown');
    expect(h.reasons[0].reason).toBe('NoStatus');
  });

  it('status without conditions', () => {
    const objs = buildSnapshot('S2');
    objs.cluster.status.conditions = [];
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Unknown');
  });

  const staleBy = (specWrite: string) => {
    const objs = buildSnapshot('S2');
    // Created before the spec write (the fixture is seeded at now).
    objs.cluster.metadata.creationTimestamp = '2026-08-01T09:00:00Z';
    objs.cluster.metadata.generation = 3;
    objs.cluster.metadata.managedFields = [
      { manager: 'backstage', operation: 'Update', time: specWrite },
      // Status writes do not bump the generation and must not reset the clock.
      {
        manager: 'manager',
        operation: 'Update',
        subresource: 'status',
        time: '2026-09-01T10:09:00Z',
      },
    ];
    return objs;
  };

  it('observedGeneration stale for more than 5 minutes', () => {
    const h = evaluateHealth(staleBy('2026-09-01T10:04:00Z'), SNAPSHOT_NOW);
    expect(h.verdict).toBe('Unknown');
    expect(h.reasons[0]).toMatchObject({
      reason: 'StaleObservedGeneration',
      since: '2026-09-01T10:04:00.000Z',
    });
  });

  it('observedGeneration stale for less than 5 minutes is not Unknown', () => {
    expect(
      evaluateHealth(staleBy('2026-09-01T10:06:00Z'), SNAPSHOT_NOW).verdict,
    ).toBe('Healthy');
  });
});

/** A CAPI v1beta1 condition (with severity). */
const legacyCond = (
  type: string,
  status: string,
  severity: string,
  reason: string,
  lastTransitionTime: string,
) => ({ type, status, severity, reason, lastTransitionTime });

/** A v1beta1-shaped cluster (CAPI ≤ v1.10 or Magnum's view) with CAPO v1beta1. */
function v1beta1Cluster(): ClusterObjects {
  const ltt = '2026-09-01T08:00:00Z';
  const c1 = (
    type: string,
    status = 'True',
    reason?: string,
    severity?: string,
  ) => ({
    type,
    status,
    lastTransitionTime: ltt,
    ...(reason ? { reason } : {}),
    ...(severity ? { severity } : {}),
  });
  const labels = { 'cluster.x-k8s.io/cluster-name': 'kube-ab12c' };
  const meta = (name: string, extra: Record<string, string> = {}) => ({
    name,
    namespace: 'magnum-system',
    labels: { ...labels, ...extra },
  });
  const machine = (name: string, cp: boolean): KubeObject => ({
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Machine',
    metadata: meta(
      name,
      cp
        ? { 'cluster.x-k8s.io/control-plane': '' }
        : {
            'cluster.x-k8s.io/deployment-name': 'kube-ab12c-default-worker-x',
            'cluster.x-k8s.io/set-name': 'kube-ab12c-default-worker-x-1',
          },
    ),
    spec: {
      clusterName: 'kube-ab12c',
      version: 'v1.31.1',
      infrastructureRef: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        kind: 'OpenStackMachine',
        name,
        namespace: 'magnum-system',
      },
    },
    status: {
      phase: 'Running',
      bootstrapReady: true,
      infrastructureReady: true,
      ...(cp ? { certificatesExpiryDate: '2027-06-01T00:00:00Z' } : {}),
      conditions: [c1('Ready'), c1('InfrastructureReady'), c1('NodeHealthy')],
    },
  });
  return {
    cluster: {
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: {
        name: 'kube-ab12c',
        namespace: 'magnum-system',
        generation: 1,
        labels: { 'cluster-uuid': '5d12f6fd-a196-4bf0-ae4c-1f639a523a52' },
      },
      spec: {
        controlPlaneRef: {
          apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
          kind: 'KubeadmControlPlane',
          name: 'kube-ab12c-x',
          namespace: 'magnum-system',
        },
        infrastructureRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
          kind: 'OpenStackCluster',
          name: 'kube-ab12c-y',
          namespace: 'magnum-system',
        },
        topology: {
          class: 'magnum-v0.38.1',
          version: 'v1.31.1',
          controlPlane: { replicas: 1 },
          workers: {
            machineDeployments: [
              { class: 'default-worker', name: 'default-worker', replicas: 1 },
            ],
          },
        },
      },
      status: {
        observedGeneration: 1,
        phase: 'Provisioned',
        infrastructureReady: true,
        controlPlaneReady: true,
        conditions: [
          c1('Ready'),
          c1('ControlPlaneInitialized'),
          c1('ControlPlaneReady'),
          c1('InfrastructureReady'),
          c1('TopologyReconciled'),
        ],
      },
    },
    controlPlane: {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
      kind: 'KubeadmControlPlane',
      metadata: meta('kube-ab12c-x'),
      spec: {
        replicas: 1,
        version: 'v1.31.1',
        machineTemplate: {
          infrastructureRef: {
            apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
            kind: 'OpenStackMachineTemplate',
            name: 'kube-ab12c-cp-tpl',
            namespace: 'magnum-system',
          },
        },
      },
      status: {
        ...healthyV1beta1ControlPlaneStatus(),
        conditions: [c1('Ready'), c1('Available'), c1('EtcdClusterHealthy')],
      },
    },
    machineDeployments: [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'MachineDeployment',
        metadata: meta('kube-ab12c-default-worker-x', {
          'topology.cluster.x-k8s.io/deployment-name': 'default-worker',
        }),
        spec: {
          replicas: 1,
          template: {
            spec: {
              version: 'v1.31.1',
              infrastructureRef: {
                apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
                kind: 'OpenStackMachineTemplate',
                name: 'kube-ab12c-w-tpl',
              },
            },
          },
        },
        status: {
          phase: 'Running',
          replicas: 1,
          readyReplicas: 1,
          availableReplicas: 1,
          updatedReplicas: 1,
          conditions: [c1('Ready'), c1('Available')],
        },
      },
    ],
    machineSets: [],
    machines: [
      machine('kube-ab12c-x-aaaaa', true),
      machine('kube-ab12c-default-worker-x-1-bbbbb', false),
    ],
    openStackCluster: {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
      kind: 'OpenStackCluster',
      metadata: meta('kube-ab12c-y'),
      spec: {},
      status: { ready: true, conditions: [c1('Ready')] },
    },
    openStackMachines: [],
    openStackServers: [],
    machineHealthChecks: [],
  };
}

describe('v1beta1-shaped clusters', () => {
  it('is Healthy with Ready/ControlPlaneReady/InfrastructureReady True', () => {
    const h = evaluateHealth(v1beta1Cluster(), SNAPSHOT_NOW);
    expect(h.verdict).toBe('Healthy');
    expect(h.reasons).toEqual([]);
  });

  it('is Failed with status.failureReason', () => {
    const objs = v1beta1Cluster();
    objs.cluster.status.failureReason = 'InvalidConfiguration';
    objs.cluster.status.failureMessage = 'control plane endpoint is invalid';
    const h = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(h.verdict).toBe('Failed');
    expect(h.reasons[0]).toMatchObject({
      reason: 'InvalidConfiguration',
      message: 'control plane endpoint is invalid',
    });
  });

  it('Ready=False (severity Warning) with a KCP rollout is Progressing, then Degraded', () => {
    const objs = v1beta1Cluster();
    objs.cluster.status.conditions[0] = legacyCond(
      'Ready',
      'False',
      'Warning',
      'RollingUpdateInProgress',
      '2026-09-01T10:00:00Z',
    );
    objs.controlPlane!.status.updatedReplicas = 0;
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Progressing');
    expect(evaluateHealth(objs, at('2026-09-01T10:45:00Z')).verdict).toBe(
      'Degraded',
    );
  });

  it.each<{ name: string; change: (objs: ClusterObjects) => void; verdict: string }>([
    {
      name: 'is Failed when CAPO v1beta1 OpenStackCluster has failureReason',
      change: objs => {
        objs.openStackCluster!.status.failureReason = 'CreateError';
      },
      verdict: 'Failed',
    },
    {
      name: 'Ready=False with nothing busy is Degraded (not Unknown for lacking Available)',
      change: objs => {
        objs.cluster.status.conditions[0] = legacyCond('Ready', 'False', 'Error', 'ControlPlaneNotReady', '2026-09-01T10:00:00Z');
      },
      verdict: 'Degraded',
    },
    {
      name: 'MachineDeployment scaling (updatedReplicas, replicas) is Progressing',
      change: objs => {
        const md = objs.machineDeployments[0];
        md.spec.replicas = 3;
        md.status.phase = 'ScalingUp';
        md.status.conditions[1] = legacyCond('Available', 'False', 'Warning', 'WaitingForAvailableMachines', '2026-09-01T10:05:00Z');
      },
      verdict: 'Progressing',
    },
    {
      name: 'TopologyReconciled=False TopologyReconcileFailed for 30 min is Failed',
      change: objs => {
        objs.cluster.status.conditions[4] = legacyCond('TopologyReconciled', 'False', 'Error', 'TopologyReconcileFailed', '2026-09-01T09:30:00Z');
      },
      verdict: 'Failed',
    },
  ])('$name', ({ change, verdict }) => {
    const objs = v1beta1Cluster();
    change(objs);
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe(verdict);
  });

  it('uses status.v1beta2.conditions when CAPI v1.9/v1.10 provides them', () => {
    const objs = v1beta1Cluster();
    objs.cluster.status.v1beta2 = {
      conditions: [
        cond('Available', 'False', 'NotAvailable', {
          lastTransitionTime: '2026-09-01T10:00:00Z',
        }),
        cond('ControlPlaneInitialized', 'True', 'Initialized', {
          lastTransitionTime: '2026-09-01T08:00:00Z',
        }),
        cond('RemoteConnectionProbe', 'False', 'ProbeFailed', {
          lastTransitionTime: '2026-09-01T10:00:00Z',
        }),
      ],
    };
    const h = evaluateHealth(objs, SNAPSHOT_NOW);
    expect(h.verdict).toBe('Degraded');
    expect(h.reasons[0].conditionType).toBe('RemoteConnectionProbe');
  });

  it('a v1beta1 cluster without conditions is Unknown', () => {
    const objs = v1beta1Cluster();
    objs.cluster.status = { phase: 'Pending' };
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Unknown');
  });
});

describe('fixture sanity', () => {
  it('overlays replace conditions by type, keep the others in place and append new types', () => {
    const types = (objs: ClusterObjects): string[] =>
      objs.cluster.status.conditions.map((c: any) => `${c.type}=${c.status}`);
    const before = types(buildSnapshot('S2'));
    expect(before).toContain('Available=True');
    // S2 is a plain cluster: no topology controller writes TopologyReconciled.
    expect(before.some(t => t.startsWith('TopologyReconciled='))).toBe(false);
    const after = types(
      withClusterConditions(
        'S2',
        cond('Available', 'False', 'NotAvailable'),
        cond('TopologyReconciled', 'True', 'ReconcileSucceeded'),
      ),
    );
    expect(after).toEqual([
      ...before.map(t => (t === 'Available=True' ? 'Available=False' : t)),
      'TopologyReconciled=True',
    ]);
  });

  it('fills missing transition times with now - 5 minutes and keeps the seeded ones', () => {
    const seeded = buildSnapshot('S2').cluster.status.conditions;
    const objs = fillTransitionTimes(
      applyOverlay(buildSnapshot('S2'), {
        cluster: { status: { conditions: [cond('Available', 'False')] } },
      }),
    );
    const conditions = objs.cluster.status.conditions;
    expect(conditions[0]).toMatchObject({
      type: 'Available',
      lastTransitionTime: '2026-09-01T10:05:00.000Z',
    });
    expect(conditions.slice(1)).toEqual(seeded.slice(1));
    expect(seeded[1].lastTransitionTime).not.toBe('2026-09-01T10:05:00.000Z');
  });
});

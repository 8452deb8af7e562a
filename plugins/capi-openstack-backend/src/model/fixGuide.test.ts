/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { FixCause, VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { fixGuideFor } from './fixGuide';
import { isControlPlaneMachine } from './links';
import type { ClusterObjects } from './objects';
import { evaluateHealth } from './verdict';
import {
  buildSnapshot,
  firstControlPlaneMachine,
  Overlay,
  s5FailedMachineName,
  SNAPSHOT_IDS,
  SNAPSHOT_NOW,
  SnapshotId,
} from './__testUtils__/snapshots';

const S5_SERVER = s5FailedMachineName();
const cond = (type: string, status: string, reason: string, message?: string, extra: Record<string, unknown> = {}) => ({
  type,
  status,
  reason,
  ...(message ? { message } : {}),
  lastTransitionTime: '2026-09-01T10:09:00Z',
  ...extra,
});

/** The fix guides of a cluster's verdict, as the backend serves them. */
function guides(objs: ClusterObjects) {
  return evaluateHealth(objs, SNAPSHOT_NOW, { fixGuides: true }).reasons;
}
function guideOf(objs: ClusterObjects, match: (r: VerdictReason) => boolean) {
  const r = guides(objs).find(match);
  if (!r?.fix) throw new Error(`no such reason in ${JSON.stringify(guides(objs), null, 1)}`);
  return r.fix;
}
const byCause = (cause: FixCause) => (r: VerdictReason) => r.fix?.cause === cause;

/** S5's failed server with another InstanceReady failure (what CAPO writes for other Nova refusals). */
function s5With(reasonName: string, message?: string): ClusterObjects {
  const c = cond('InstanceReady', 'False', reasonName, message);
  const overlay: Overlay = {
    objects: (['OpenStackServer', 'OpenStackMachine'] as const).map(kind => ({
      kind,
      name: S5_SERVER,
      patch: { status: { conditions: [c] } },
    })),
  };
  return buildSnapshot('S5', overlay);
}
/** The Machine that owns S5's failed server. */
function s5Machine(objs: ClusterObjects): string {
  const osm = objs.openStackMachines.find(o => o.metadata.name === S5_SERVER)!;
  return osm.metadata.ownerReferences!.find(o => o.kind === 'Machine')!.name;
}

describe('fix guide', () => {
  it('every reason of every snapshot gets a cause and a next step of its own', () => {
    for (const id of SNAPSHOT_IDS) {
      for (const r of guides(buildSnapshot(id as SnapshotId))) {
        expect(r.fix?.summary).toMatch(/\w/);
        expect(r.fix?.nextStep).toMatch(/\w/);
        expect([id, r.reason, r.fix?.cause]).not.toEqual([id, r.reason, 'other']);
      }
    }
  });

  it('Nova quota (S5): which quota, how much is missing, and the actions that fix it', () => {
    const objs = buildSnapshot('S5');
    const fix = guideOf(objs, r => r.object.kind === 'OpenStackServer');
    expect(fix).toMatchObject({
      cause: 'quotaExceeded',
      needsAction: true,
      quota: { resource: 'cores', requested: 8, used: 96, limit: 100, missing: 4 },
    });
    expect(fix.summary).toContain('96 of 100 cores used, 8 requested: 4 missing');
    expect(fix.nextStep).toContain('raise the cores quota by at least 4');
    // A plain cluster's pools are addressed by their MachineDeployment's name.
    const pool = objs.machineDeployments[0].metadata.name;
    expect(fix.actions).toEqual([
      { kind: 'scale', label: `Scale pool ${pool}`, pool },
      { kind: 'flavor', label: `Change the flavor of pool ${pool}`, pool },
      { kind: 'replace-machine', label: `Replace machine ${s5Machine(objs)}`, machine: s5Machine(objs) },
    ]);
  });

  it('a quota refusal without numbers still names the quota', () => {
    const fix = guideOf(
      s5With('InstanceCreateFailed', 'got 403 instead: {"forbidden": {"message": "Quota exceeded for instances"}}'),
      byCause('quotaExceeded'),
    );
    expect(fix.summary).toContain("project's instances quota is exhausted");
    expect(fix.quota).toBeUndefined();
  });

  it('no valid host: another flavor or zone, then a new server', () => {
    const objs = s5With('InstanceStateError', 'No valid host was found. There are not enough hosts available.');
    const fix = guideOf(objs, byCause('noValidHost'));
    expect(fix.summary).toContain('flavor c2.xlarge');
    expect(fix.actions?.map(a => a.kind)).toEqual(['flavor', 'replace-machine']);
  });

  it.each<[string, FixCause, string]>([
    ['no flavors were found: name=m9.nonexistent', 'flavorMissing', 'Change the flavor of pool data-etl-md-0'],
    ['no images were found with the given image filter: name=ubuntu-2404-kube-v9.99.0, tags=[]', 'imageMissing', 'Upload the image'],
    [
      'Exceeded maximum number of retries. Last exception: Binding failed for port 1c0e, please check neutron logs for more information.',
      'portBindingFailed',
      'Neutron agents',
    ],
  ])('%s → %s', (message, cause, next) => {
    const fix = guideOf(s5With('InstanceCreateFailed', message), byCause(cause));
    expect(fix.needsAction).toBe(true);
    expect(`${fix.nextStep} ${fix.actions?.map(a => a.label).join(' ')}`).toContain(next);
  });

  it('a server in ERROR without a message (what CAPO writes after a failed port binding) offers a new server', () => {
    const objs = s5With('InstanceStateError');
    const fix = guideOf(objs, byCause('serverError'));
    expect(fix.nextStep).toContain('CAPO does not retry');
    expect(fix.actions).toEqual([
      { kind: 'replace-machine', label: `Replace machine ${s5Machine(objs)}`, machine: s5Machine(objs) },
    ]);
  });

  it('a server deleted behind CAPI’s back', () => {
    expect(guideOf(s5With('InstanceNotFound'), byCause('serverGone')).actions?.[0].kind).toBe('replace-machine');
  });

  it('Keystone refusing the credentials names the secret to renew and is Failed at once', () => {
    const objs = buildSnapshot('S2', {
      openStackCluster: {
        status: { conditions: [cond('OpenStackAuthenticationSucceeded', 'False', 'AuthenticationFailed', 'HTTP 401')] },
      },
    });
    const secret = objs.openStackCluster!.spec.identityRef.name;
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Failed');
    const fix = guideOf(objs, byCause('credentialRefused'));
    expect(fix.summary).toContain(`secret ${secret}`);
    expect(fix.nextStep).toContain('new application credential');
  });

  it('an API load balancer that is not ACTIVE (CAPO’s timeout message)', () => {
    const message =
      '* InfrastructureReady: failed to reconcile load balancer: load balancer "k8s-clusterapi-cluster-a-b-kubeapi" is not active after timeout';
    const objs = buildSnapshot('S2', { cluster: { status: { conditions: [cond('Available', 'False', 'NotAvailable', message)] } } });
    expect(guideOf(objs, byCause('loadBalancerFailed')).nextStep).toContain('openstack loadbalancer show');
  });

  it('etcd: replace the one failing member while the others hold quorum, never when quorum is at risk', () => {
    const objs = buildSnapshot('S2', {
      kubeadmControlPlane: { status: { conditions: [cond('EtcdClusterHealthy', 'False', 'NotHealthy')] } },
    });
    const cp = objs.machines.filter(isControlPlaneMachine);
    expect(cp).toHaveLength(3);
    cp[0].status.conditions = [cond('EtcdMemberHealthy', 'False', 'NotHealthy', 'etcd member reports alarm NOSPACE')];
    const one = guideOf(objs, byCause('etcdUnhealthy'));
    expect(one.summary).toContain(`machine ${cp[0].metadata.name} is failing`);
    expect(one.actions).toEqual([
      { kind: 'replace-machine', label: `Replace machine ${cp[0].metadata.name}`, machine: cp[0].metadata.name },
    ]);
    cp[1].status.conditions = [cond('EtcdMemberHealthy', 'False', 'NotHealthy')];
    const two = guideOf(objs, byCause('etcdUnhealthy'));
    expect(two.actions).toBeUndefined();
    expect(two.nextStep).toContain('do not remove members');
  });

  it('a remediation stopped by maxUnhealthy says how many are unhealthy and offers to replace one', () => {
    const objs = buildSnapshot('S2');
    const mhc = objs.machineHealthChecks[0];
    mhc.spec.maxUnhealthy = '40%';
    mhc.status.expectedMachines = 4;
    mhc.status.currentHealthy = 1;
    mhc.status.conditions = [cond('RemediationAllowed', 'False', 'TooManyUnhealthy')];
    const worker = objs.machines.find(m => !isControlPlaneMachine(m))!;
    worker.status.conditions = [cond('HealthCheckSucceeded', 'False', 'UnhealthyNode')];
    const fix = guideOf(objs, byCause('remediationBlocked'));
    expect(fix.summary).toBe(
      `MachineHealthCheck ${mhc.metadata.name} stopped repairing machines: 3 of 4 machines are unhealthy, more than its limit (40%).`,
    );
    expect(fix.actions?.[0]).toMatchObject({ kind: 'replace-machine', machine: worker.metadata.name });
  });

  it('a rollout stuck on a drain names the PodDisruptionBudget', () => {
    const objs = buildSnapshot('S2');
    const worker = objs.machines.find(m => !isControlPlaneMachine(m))!;
    worker.metadata.deletionTimestamp = '2026-09-01T10:02:00Z';
    worker.status.conditions = [
      cond(
        'Deleting',
        'True',
        'DrainingNode',
        'Drain not completed yet (started at 2026-09-01T10:02:00Z):\n* Pod shop/web-1: cannot evict pod as it would violate the pod\'s disruption budget. The disruption budget web-pdb needs 2 healthy pods and has 2 currently',
      ),
    ];
    const fix = guideOf(objs, byCause('drainBlocked'));
    expect(fix.summary).toBe(
      `Draining the node of machine ${worker.metadata.name} is blocked by the PodDisruptionBudget web-pdb of a workload.`,
    );
    expect(fix.needsAction).toBe(true);
  });

  it.each<[SnapshotId, FixCause, string | undefined]>([
    ['S9', 'apiServerUnreachable', undefined],
    ['S7', 'paused', 'resume'],
    ['S8', 'deleting', undefined],
    ['S1', 'inProgress', undefined],
  ])('%s: %s (button: %s)', (id, cause, button) => {
    const fix = guideOf(buildSnapshot(id), byCause(cause));
    expect(fix.actions?.[0]?.kind).toBe(button);
  });

  it('certificates expiring within 7 days (and no rollout renewing them) offer a rotation', () => {
    const objs = buildSnapshot('S2');
    const cp = firstControlPlaneMachine(objs);
    cp.status.certificatesExpiryDate = '2026-09-04T10:00:00Z';
    const fix = guideOf(objs, byCause('certificatesExpiring'));
    expect(fix.summary).toBe(`The control plane certificates of machine ${cp.metadata.name} expire within 7 days.`);
    expect(fix.actions).toEqual([{ kind: 'rotate-certificates', label: 'Rotate certificates', controlPlane: true }]);
  });

  it('a refused ClusterClass topology points at the variable to correct', () => {
    const objs = buildSnapshot('S2', {
      cluster: {
        status: {
          conditions: [
            cond('TopologyReconciled', 'False', 'ReconcileFailed', 'variable "workerFlavor" is invalid', {
              lastTransitionTime: '2026-09-01T09:00:00Z',
            }),
          ],
        },
      },
    });
    expect(guideOf(objs, byCause('topologyFailed')).nextStep).toContain('topology variable');
  });

  it('a hibernated cluster is not Degraded for its workers at 0, and offers to wake', () => {
    const record = { at: '2026-09-01T09:00:00Z', by: 'schedule', pools: [{ name: 'md-0', replicas: 4 }] };
    const objs = buildSnapshot('S2', {
      cluster: {
        metadata: { annotations: { 'capi-openstack.dev/hibernated': JSON.stringify(record) } },
        status: {
          conditions: [
            cond('WorkerMachinesReady', 'False', 'NotReady', '* Machine x: not ready', { lastTransitionTime: '2026-09-01T09:00:00Z' }),
          ],
        },
      },
    });
    const health = evaluateHealth(objs, SNAPSHOT_NOW, { fixGuides: true });
    expect(health.verdict).toBe('Healthy');
    expect(health.reasons).toEqual([
      expect.objectContaining({
        reason: 'Hibernated',
        severity: 'info',
        since: '2026-09-01T09:00:00.000Z',
        message: 'Hibernated by schedule: the worker pools are at 0 machines; waking restores md-0 (4)',
        fix: expect.objectContaining({ cause: 'hibernated', needsAction: false, actions: [{ kind: 'wake', label: 'Wake' }] }),
      }),
    ]);
    // Without the record the same conditions are a problem.
    delete objs.cluster.metadata.annotations!['capi-openstack.dev/hibernated'];
    expect(evaluateHealth(objs, SNAPSHOT_NOW).verdict).toBe('Degraded');
  });

  it('resolves a reason on a control plane machine to the control plane', () => {
    const objs = buildSnapshot('S5');
    const cp = firstControlPlaneMachine(objs);
    const fix = fixGuideFor(
      { object: { kind: 'Machine', name: cp.metadata.name }, severity: 'error', reason: 'InvalidMachineSpec' },
      objs,
    );
    expect(fix.actions).toEqual([{ kind: 'flavor', label: 'Change the control plane flavor', controlPlane: true }]);
  });
});

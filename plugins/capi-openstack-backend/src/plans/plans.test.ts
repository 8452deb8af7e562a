/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { planSetAutoscaler } from './autoscaler';
import { planDelete } from './delete';
import { planSetControlPlaneFlavor, planSetPoolFlavor } from './flavor';
import { planPause } from './pause';
import { planRestartControlPlane, planRestartPool, planSetCertificateRotation } from './rollout';
import { planScaleControlPlane, planScalePool } from './scale';
import { UPGRADE_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { PatchWrite } from './types';
import { planUpgrade, planUpgradeStep, upgradeOptions } from './upgrade';
import { classy, ctx, plain } from './__fixtures__/liveObjects';

const patchOf = (plan: { writes: any[] }, i = 0) => (plan.writes[i] as PatchWrite).patch as any;

describe('scale', () => {
  it('scales a plain control plane (v1beta2 and v1beta1) conditionally on its resourceVersion', () => {
    for (const gen of ['v1beta2', 'v1beta1'] as const) {
      const plan = planScaleControlPlane(plain(gen), 5);
      expect(plan.writes).toEqual([
        { op: 'patch', kind: 'KubeadmControlPlane', name: 'c1-control-plane', resourceVersion: '200', patch: { spec: { replicas: 5 } } },
      ]);
      expect(plan.changes).toEqual([{ kind: 'KubeadmControlPlane', name: 'c1-control-plane', field: 'spec.replicas', from: 3, to: 5 }]);
      expect(plan.primary.resourceVersion).toBe('200');
    }
  });

  it('refuses even and zero control plane counts, saying why', () => {
    expect(() => planScaleControlPlane(plain(), 4)).toThrow(/odd.*etcd/);
    expect(() => planScaleControlPlane(plain(), 0)).toThrow(/replicas must be an odd number ≥ 1/);
    expect(() => planScaleControlPlane(plain(), 1.5)).toThrow(/replicas/);
  });

  it('changes nothing when the count is already in effect', () => {
    const plan = planScaleControlPlane(plain(), 3);
    expect(plan.writes).toEqual([]);
    expect(plan.message).toMatch(/already has 3/);
  });

  it('scales classy clusters through the topology only', () => {
    const cp = planScaleControlPlane(classy(), 1);
    expect(cp.writes[0]).toMatchObject({ kind: 'Cluster', resourceVersion: '100' });
    expect(patchOf(cp)).toEqual({ spec: { topology: { controlPlane: { replicas: 1 } } } });
    const pool = planScalePool(classy(), 'md-1', 4, ctx());
    const mds = patchOf(pool).spec.topology.workers.machineDeployments;
    expect(mds.map((m: any) => m.replicas)).toEqual([2, 4]);
    // The other fields of the pool are kept.
    expect(mds[1].variables.overrides).toEqual([{ name: 'workerFlavor', value: 'm1.xlarge' }]);
    // By MachineDeployment name too.
    expect(patchOf(planScalePool(classy(), 'c1-md-0', 0, ctx())).spec.topology.workers.machineDeployments[0].replicas).toBe(0);
  });

  it('bounds pool sizes, refuses unknown pools and pools under the autoscaler', () => {
    expect(() => planScalePool(plain(), 'c1-md-0', 51, ctx())).toThrow(/0 to 50.*maxPoolReplicas/);
    expect(() => planScalePool(plain(), 'c1-md-0', -1, ctx())).toThrow(/replicas/);
    expect(() => planScalePool(plain(), 'nope', 1, ctx())).toThrow(/pool "nope" not found/);
    const objs = plain();
    objs.machineDeployments[0].metadata.annotations = {
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
    };
    expect(() => planScalePool(objs, 'c1-md-0', 3, ctx())).toThrow(/autoscaler.*min 1, max 5/);
    expect(planScalePool(plain(), 'c1-md-0', 4, ctx()).writes[0]).toMatchObject({ kind: 'MachineDeployment', resourceVersion: '300', patch: { spec: { replicas: 4 } } });
  });
});

describe('autoscaler', () => {
  it('sets and clears the bounds of a plain pool', () => {
    const set = planSetAutoscaler(plain(), 'c1-md-0', { min: 3, max: 6 }, ctx());
    expect(patchOf(set)).toEqual({
      metadata: {
        annotations: {
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '3',
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '6',
        },
      },
      spec: { replicas: 3 },
    });
    const objs = plain();
    objs.machineDeployments[0].metadata.annotations = {
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
    };
    const clear = planSetAutoscaler(objs, 'c1-md-0', null, ctx());
    expect(patchOf(clear).metadata.annotations).toEqual({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': null,
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': null,
    });
    expect(patchOf(clear).spec.replicas).toBe(2);
    expect(planSetAutoscaler(objs, 'c1-md-0', { min: 1, max: 5 }, ctx()).writes).toEqual([]);
    expect(planSetAutoscaler(plain(), 'c1-md-0', null, ctx()).writes).toEqual([]);
  });

  it('classy: annotations in the topology, replicas left out while bounded', () => {
    const set = planSetAutoscaler(classy(), 'md-0', { min: 0, max: 4 }, ctx());
    const pool = patchOf(set).spec.topology.workers.machineDeployments[0];
    expect(pool.replicas).toBeUndefined();
    expect(pool.metadata.annotations['cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size']).toBe('4');
  });

  it('validates the bounds', () => {
    expect(() => planSetAutoscaler(plain(), 'c1-md-0', { min: 5, max: 2 }, ctx())).toThrow(/bounds.min \(5\) must not be greater than bounds.max/);
    expect(() => planSetAutoscaler(plain(), 'c1-md-0', { min: -1, max: 2 }, ctx())).toThrow(/bounds.min/);
    expect(() => planSetAutoscaler(plain(), 'c1-md-0', { min: 1, max: 99 }, ctx())).toThrow(/bounds.max must be at most 50/);
  });
});

describe('flavor', () => {
  it('plain: a new template with the flavor and the reference moved (v1beta2 and v1beta1)', () => {
    for (const gen of ['v1beta2', 'v1beta1'] as const) {
      const plan = planSetControlPlaneFlavor(plain(gen), 'm1.xlarge', ctx());
      const create = plan.writes[0] as any;
      expect(create.op).toBe('create');
      expect(create.object.spec.template.spec.flavor).toBe('m1.xlarge');
      expect(create.object.spec.template.spec.image).toEqual({ filter: { name: 'ubuntu-2404-kube-v1.34.2' } });
      expect(create.object.metadata.ownerReferences[0]).toMatchObject({ kind: 'Cluster', name: 'c1', uid: 'u1' });
      const name = create.object.metadata.name;
      expect(name).toMatch(/^c1-control-plane-[0-9a-f]{8}$/);
      expect(patchOf(plan, 1)).toEqual(
        gen === 'v1beta2'
          ? { spec: { machineTemplate: { spec: { infrastructureRef: { name } } } } }
          : { spec: { machineTemplate: { infrastructureRef: { name } } } },
      );
      // Same content, same name: a retry lands on the same template.
      expect((planSetControlPlaneFlavor(plain(gen), 'm1.xlarge', ctx()).writes[0] as any).object.metadata.name).toBe(name);
    }
    const pool = planSetPoolFlavor(plain(), 'c1-md-0', 'm1.small', ctx());
    expect(patchOf(pool, 1).spec.template.spec.infrastructureRef.name).toMatch(/^c1-md-0-[0-9a-f]{8}$/);
    expect(planSetPoolFlavor(plain(), 'c1-md-0', 'm1.medium', ctx()).writes).toEqual([]);
  });

  it('classy: the class variable (cluster-wide for the control plane, an override per pool)', () => {
    const cp = planSetControlPlaneFlavor(classy(), 'm1.2xlarge', ctx());
    expect(patchOf(cp).spec.topology.variables).toContainEqual({ name: 'controlPlaneFlavor', value: 'm1.2xlarge' });
    const pool = planSetPoolFlavor(classy(), 'md-0', 'm1.small', ctx());
    expect(patchOf(pool).spec.topology.workers.machineDeployments[0].variables.overrides).toEqual([
      { name: 'workerFlavor', value: 'm1.small' },
    ]);
    expect(planSetPoolFlavor(classy(), 'md-1', 'm1.xlarge', ctx()).writes).toEqual([]);
  });

  it('refuses a class without the variable, naming it, and flavors outside the configured list', () => {
    const objs = classy();
    objs.clusterClass!.spec.variables = [{ name: 'imageName' }];
    expect(() => planSetControlPlaneFlavor(objs, 'm1.small', ctx())).toThrow(/no variable "controlPlaneFlavor"/);
    expect(() => planSetPoolFlavor(plain(), 'c1-md-0', 'gpu.huge', ctx({ flavors: ['m1.small'] }))).toThrow(
      /flavor "gpu.huge" is not allowed.*capiOpenstack.flavors/,
    );
    expect(() => planSetPoolFlavor(plain(), 'c1-md-0', 'has space', ctx())).toThrow(/flavor must be/);
  });
});

describe('restart and certificates', () => {
  it('sets rollout.after = now (v1beta2), rolloutAfter (v1beta1), topology rollout for classy', () => {
    expect(patchOf(planRestartControlPlane(plain(), ctx()))).toEqual({ spec: { rollout: { after: '2026-11-29T10:00:00.000Z' } } });
    expect(patchOf(planRestartControlPlane(plain('v1beta1'), ctx()))).toEqual({ spec: { rolloutAfter: '2026-11-29T10:00:00.000Z' } });
    expect(patchOf(planRestartPool(plain('v1beta1'), 'c1-md-0', ctx()))).toEqual({ spec: { rolloutAfter: '2026-11-29T10:00:00.000Z' } });
    expect(patchOf(planRestartControlPlane(classy(), ctx(), 'rotate-certificates'))).toEqual({
      spec: { topology: { controlPlane: { rollout: { after: '2026-11-29T10:00:00.000Z' } } } },
    });
    expect(patchOf(planRestartPool(classy(), 'md-1', ctx())).spec.topology.workers.machineDeployments[1].rollout).toEqual({
      after: '2026-11-29T10:00:00.000Z',
    });
  });

  it('a restart still replacing older machines is not requested again', () => {
    const objs = plain();
    objs.controlPlane!.spec.rollout = { after: '2026-11-29T09:00:00Z' };
    const plan = planRestartControlPlane(objs, ctx());
    expect(plan.writes).toEqual([]);
    expect(plan.message).toMatch(/still in progress/);
  });

  it('certificate rotation days: ≥ 7, KCP rollout.before / rolloutBefore, class variable, null turns it off', () => {
    expect(() => planSetCertificateRotation(plain(), 6, ctx())).toThrow(/certificatesExpiryDays must be a whole number ≥ 7/);
    expect(patchOf(planSetCertificateRotation(plain(), 21, ctx()))).toEqual({ spec: { rollout: { before: { certificatesExpiryDays: 21 } } } });
    expect(patchOf(planSetCertificateRotation(plain('v1beta1'), 30, ctx()))).toEqual({ spec: { rolloutBefore: { certificatesExpiryDays: 30 } } });
    expect(planSetCertificateRotation(plain(), null, ctx()).writes).toEqual([]);
    const classyPlan = planSetCertificateRotation(classy(), 14, ctx());
    expect(patchOf(classyPlan).spec.topology.variables).toContainEqual({ name: 'certificatesExpiryDays', value: 14 });
  });
});

describe('pause and delete', () => {
  it('pauses and resumes through spec.paused, idempotently', () => {
    expect(patchOf(planPause(plain(), true))).toEqual({ spec: { paused: true } });
    expect(planPause(plain(), false).writes).toEqual([]);
  });

  it('deletes only with the repeated name and never a protected cluster', () => {
    expect(() => planDelete(plain(), 'c2')).toThrow(/confirmName must repeat the cluster's name "c1"/);
    const objs = plain();
    objs.cluster.metadata.annotations = { 'capi-openstack.dev/protected': 'true' };
    expect(() => planDelete(objs, 'c1')).toThrow(/protected.*capi-openstack.dev\/protected/);
    expect(planDelete(plain(), 'c1').writes).toEqual([{ op: 'delete', kind: 'Cluster', name: 'c1', resourceVersion: '100' }]);
  });
});

describe('upgrade', () => {
  it('offers one minor step at a time, never a downgrade', () => {
    expect(upgradeOptions(plain(), ctx()).targets.map(t => t.version)).toEqual(['v1.35.0']);
    expect(upgradeOptions(classy(), ctx()).targets).toEqual([{ version: 'v1.35.0', source: 'clusterClass', image: 'ubuntu-2404-kube-v1.35.0' }]);
    expect(() => planUpgrade(plain(), 'v1.36.1', ctx())).toThrow(/v1.36.1 is not an allowed upgrade target.*allowed: v1.35.0/);
    expect(() => planUpgrade(plain(), 'v1.33.5', ctx())).toThrow(/not an allowed/);
    expect(() => planUpgrade(plain(), '1.35', ctx())).toThrow(/version must look like v1.34.2/);
  });

  it('classy: spec.topology.version only', () => {
    const plan = planUpgrade(classy(), 'v1.35.0', ctx());
    expect(plan.writes).toHaveLength(1);
    expect(patchOf(plan)).toEqual({ spec: { topology: { version: 'v1.35.0' } } });
  });

  // What the real CAPI v1.14 Cluster webhook refuses (seen in the suite against the real controllers).
  it('classy: refused while the control plane provisions or a previous upgrade rolls out', () => {
    const provisioning = classy();
    delete provisioning.controlPlane!.status;
    expect(() => planUpgrade(provisioning, 'v1.35.0', ctx())).toThrow(
      'version: Cluster c1 cannot move to v1.35.0 yet: the control plane is still provisioning (Cluster API changes a topology\'s version only once the previous one has rolled out)',
    );
    const cpUpgrading = classy();
    cpUpgrading.controlPlane!.status!.version = 'v1.33.5';
    expect(() => planUpgrade(cpUpgrading, 'v1.35.0', ctx())).toThrow(/the control plane is still completing a previous upgrade/);
    // A control plane behind the topology is an upgrade in progress already (our own progress check says so first).
    const notPropagated = classy();
    notPropagated.controlPlane!.spec.version = 'v1.33.5';
    expect(() => planUpgrade(notPropagated, 'v1.35.0', ctx())).toThrow(/an upgrade to v1.34.2 is still in progress \(control-plane\)/);
    const poolBehind = classy();
    poolBehind.machineDeployments[0].spec.template.spec.version = 'v1.33.5';
    expect(() => planUpgrade(poolBehind, 'v1.35.0', ctx())).toThrow(/an upgrade to v1.34.2 is still in progress \(workers\)/);
  });

  it('plain: annotation, new control plane template, version and template in one KCP update', () => {
    const plan = planUpgrade(plain(), 'v1.35.0', ctx());
    expect(plan.writes.map(w => `${w.op} ${w.kind}`)).toEqual([
      'patch Cluster',
      'create OpenStackMachineTemplate',
      'patch KubeadmControlPlane',
    ]);
    expect(patchOf(plan)).toEqual({ metadata: { annotations: { [UPGRADE_ANNOTATION]: 'v1.35.0' } } });
    const template = (plan.writes[1] as any).object;
    expect(template.spec.template.spec.image).toEqual({ filter: { name: 'ubuntu-2404-kube-v1.35.0' } });
    expect(patchOf(plan, 2)).toEqual({
      spec: { version: 'v1.35.0', machineTemplate: { spec: { infrastructureRef: { name: template.metadata.name } } } },
    });
    expect(planUpgrade(plain(), 'v1.34.2', ctx()).writes).toEqual([]);
  });

  it('plain: pools wait for the control plane, then move; the annotation goes when every machine runs the target', () => {
    const objs = plain('v1beta1');
    objs.cluster.metadata.annotations = { [UPGRADE_ANNOTATION]: 'v1.35.0' };
    objs.controlPlane!.spec.version = 'v1.35.0';
    let step = planUpgradeStep(objs, ctx());
    expect(step.writes).toEqual([]);
    expect(step.progress).toEqual({ version: 'v1.35.0', phase: 'control-plane', pendingPools: ['c1-md-0'] });
    expect(upgradeOptions(objs, ctx())).toMatchObject({ targets: [], inProgress: { phase: 'control-plane' } });

    objs.machines.filter(m => m.metadata.labels!['cluster.x-k8s.io/control-plane'] !== undefined).forEach(m => (m.spec.version = 'v1.35.0'));
    step = planUpgradeStep(objs, ctx());
    expect(step.writes.map(w => `${w.op} ${w.kind}`)).toEqual(['create OpenStackMachineTemplate', 'patch MachineDeployment']);
    expect((step.writes[1] as PatchWrite).resourceVersion).toBe('300');
    expect(patchOf(step, 1).spec.template.spec.version).toBe('v1.35.0');

    objs.machineDeployments[0].spec.template.spec.version = 'v1.35.0';
    expect(planUpgradeStep(objs, ctx()).writes).toEqual([]);
    objs.machines.forEach(m => (m.spec.version = 'v1.35.0'));
    step = planUpgradeStep(objs, ctx());
    expect(step.progress?.phase).toBe('done');
    expect(patchOf(step)).toEqual({ metadata: { annotations: { [UPGRADE_ANNOTATION]: null } } });
  });
});

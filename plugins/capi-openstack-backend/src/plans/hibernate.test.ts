/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { HIBERNATION_ANNOTATION, hibernationOf } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { planHibernate, planWake, wakeRequirements } from './hibernate';
import { LiveObjects, PatchWrite } from './types';
import { classy, ctx, plain } from './__fixtures__/liveObjects';

const MIN = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
const MAX = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';

/** A plain cluster with a second, autoscaled pool. */
function twoPools(): LiveObjects {
  const objs = plain();
  const md1 = structuredClone(objs.machineDeployments[0]);
  md1.metadata = { name: 'c1-md-1', namespace: 'ns', resourceVersion: '301', annotations: { [MIN]: '1', [MAX]: '5' } };
  md1.spec.replicas = 3;
  objs.machineDeployments.push(md1);
  return objs;
}

/** The objects after the plan's patches (merge patch: null deletes). */
function applied(objs: LiveObjects, writes: PatchWrite[]): LiveObjects {
  const merge = (target: any, patch: any): any => {
    if (Array.isArray(patch) || typeof patch !== 'object' || patch === null) return patch;
    const out = { ...(target ?? {}) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = merge(out[k], v);
    }
    return out;
  };
  const next = structuredClone(objs);
  for (const w of writes) {
    const obj = w.kind === 'Cluster' ? next.cluster : next.machineDeployments.find(m => m.metadata.name === w.name)!;
    Object.assign(obj, merge(obj, w.patch));
  }
  return next;
}

describe('hibernate and wake', () => {
  it('hibernates a plain cluster: the record first, then every pool to 0 without bounds, each undoable', () => {
    const objs = twoPools();
    const plan = planHibernate(objs, ctx());
    const writes = plan.writes as PatchWrite[];
    expect(writes.map(w => `${w.kind}/${w.name}@${w.resourceVersion}`)).toEqual([
      'Cluster/c1@100',
      'MachineDeployment/c1-md-0@300',
      'MachineDeployment/c1-md-1@301',
    ]);
    const record = JSON.parse((writes[0].patch as any).metadata.annotations[HIBERNATION_ANNOTATION]);
    expect(record).toEqual({
      at: '2026-11-29T10:00:00.000Z',
      pools: [
        { name: 'c1-md-0', replicas: 2 },
        { name: 'c1-md-1', replicas: 3, autoscaler: { min: 1, max: 5 } },
      ],
    });
    expect(writes[2].patch).toEqual({ metadata: { annotations: { [MIN]: null, [MAX]: null } }, spec: { replicas: 0 } });
    expect(writes[2].undo?.patch).toEqual({ metadata: { annotations: { [MIN]: '1', [MAX]: '5' } }, spec: { replicas: 3 } });
    expect(writes[0].undo?.patch).toEqual({
      metadata: { annotations: { [HIBERNATION_ANNOTATION]: null, 'capi-openstack.dev/hibernation-changed-at': null } },
    });
    expect((writes[0].patch as any).metadata.annotations['capi-openstack.dev/hibernation-changed-at']).toBe('2026-11-29T10:00:00.000Z');
    expect(plan.message).toBe(
      'Hibernated Cluster c1: 2 worker pools scaled to 0 (5 machines removed); the control plane keeps running. Wake restores them.',
    );
  });

  it('wakes it back to the same replicas and bounds, the record removed last; the preflight asks for every server', () => {
    const objs = twoPools();
    const hibernated = applied(objs, planHibernate(objs, ctx()).writes as PatchWrite[]);
    expect(hibernated.machineDeployments.map(m => m.spec.replicas)).toEqual([0, 0]);
    const wake = planWake(hibernated, ctx());
    expect((wake.writes as PatchWrite[]).map(w => `${w.kind}/${w.name}`)).toEqual([
      'MachineDeployment/c1-md-0',
      'MachineDeployment/c1-md-1',
      'Cluster/c1',
    ]);
    const woken = applied(hibernated, wake.writes as PatchWrite[]);
    expect(woken.machineDeployments.map(m => [m.spec.replicas, m.metadata.annotations?.[MIN], m.metadata.annotations?.[MAX]])).toEqual([
      [2, undefined, undefined],
      [3, '1', '5'],
    ]);
    expect(hibernationOf(woken.cluster)).toBeUndefined();
    expect(wake.message).toBe('Woke Cluster c1: pool c1-md-0 back to 2, pool c1-md-1 back to autoscaler 1..5.');
    expect(wakeRequirements(hibernated, ctx()).phases).toEqual([
      [
        { what: 'pool c1-md-0', flavor: 'm1.medium', count: 2 },
        { what: 'pool c1-md-1', flavor: 'm1.medium', count: 3 },
      ],
    ]);
  });

  it('hibernates a ClusterClass cluster in one write of its topology', () => {
    const objs = classy();
    const plan = planHibernate(objs, ctx(), 'schedule');
    expect(plan.writes).toHaveLength(1);
    const patch = (plan.writes[0] as PatchWrite).patch as any;
    expect(patch.spec.topology.workers.machineDeployments.map((p: any) => [p.name, p.replicas])).toEqual([
      ['md-0', 0],
      ['md-1', 0],
    ]);
    // Other fields of a pool are kept.
    expect(patch.spec.topology.workers.machineDeployments[1].variables).toEqual({ overrides: [{ name: 'workerFlavor', value: 'm1.xlarge' }] });
    expect(JSON.parse(patch.metadata.annotations[HIBERNATION_ANNOTATION])).toMatchObject({ by: 'schedule', pools: [{ name: 'md-0', replicas: 2 }, { name: 'md-1', replicas: 1 }] });
    const woken = planWake(applied(objs, plan.writes as PatchWrite[]), ctx());
    const back = (woken.writes[0] as PatchWrite).patch as any;
    expect(back.spec.topology.workers.machineDeployments.map((p: any) => p.replicas)).toEqual([2, 1]);
    expect(back.metadata.annotations[HIBERNATION_ANNOTATION]).toBeNull();
  });

  it('repeats as no-ops, refuses paused clusters, and says which pools are gone on wake', () => {
    const objs = twoPools();
    const hibernated = applied(objs, planHibernate(objs, ctx()).writes as PatchWrite[]);
    expect(planHibernate(hibernated, ctx()).writes).toEqual([]);
    expect(planHibernate(hibernated, ctx()).message).toBe('Cluster c1 is already hibernated (since 2026-11-29T10:00:00.000Z).');
    expect(planWake(objs, ctx()).writes).toEqual([]);
    expect(planWake(objs, ctx()).message).toBe('Cluster c1 is not hibernated.');
    const paused = twoPools();
    paused.cluster.spec.paused = true;
    expect(() => planHibernate(paused, ctx())).toThrow(/is paused: .*resume it before you hibernate it/);
    hibernated.machineDeployments.pop();
    expect(planWake(hibernated, ctx()).message).toBe('Woke Cluster c1: pool c1-md-0 back to 2. Pools no longer there: c1-md-1.');
  });
});

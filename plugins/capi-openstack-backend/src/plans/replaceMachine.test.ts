/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { planReplaceMachine } from './replaceMachine';
import { LiveObjects } from './types';
import { plain } from './__fixtures__/liveObjects';

const ready = { type: 'Ready', status: 'True' };
const notReady = { type: 'Ready', status: 'False', reason: 'NotReady' };

/** The fixture's machines running (Ready), workers owned by their MachineSet, with resourceVersions. */
function running(): LiveObjects {
  const objs = plain();
  objs.machines.forEach((m, i) => {
    m.metadata.resourceVersion = `${1000 + i}`;
    m.status = { phase: 'Running', conditions: [ready] };
    if (m.metadata.labels?.['cluster.x-k8s.io/deployment-name']) {
      m.metadata.labels['cluster.x-k8s.io/set-name'] = 'c1-md-0-x7k2';
      m.metadata.ownerReferences = [{ apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'MachineSet', name: 'c1-md-0-x7k2', uid: 'ms' }];
    }
  });
  return objs;
}
const byName = (objs: LiveObjects, name: string) => objs.machines.find(m => m.metadata.name === name)!;

describe('replace machine', () => {
  it('deletes a worker Machine conditionally on its resourceVersion; its MachineSet makes the new one', () => {
    const plan = planReplaceMachine(running(), 'c1-md-0-a');
    expect(plan.writes).toEqual([{ op: 'delete', kind: 'Machine', name: 'c1-md-0-a', resourceVersion: '1003' }]);
    expect(plan.primary).toMatchObject({ kind: 'Machine', name: 'c1-md-0-a', resourceVersion: '1003' });
    expect(plan.changes).toEqual([{ kind: 'Machine', name: 'c1-md-0-a', field: '(deleted)' }]);
    expect(plan.message).toBe(
      'Replacing Machine c1-md-0-a: it is drained and deleted with its OpenStack server, and MachineSet c1-md-0-x7k2 creates a new one.',
    );
  });

  it('replaces a control plane machine while the other two hold etcd quorum', () => {
    const plan = planReplaceMachine(running(), 'c1-cp-a');
    expect(plan.writes).toHaveLength(1);
    expect(plan.message).toContain('the control plane creates a new one');
  });

  it('refuses a control plane machine whose removal would break etcd quorum, and the only one', () => {
    const objs = running();
    byName(objs, 'c1-cp-b').status.conditions = [ready, { type: 'EtcdMemberHealthy', status: 'False', reason: 'NotHealthy' }];
    expect(() => planReplaceMachine(objs, 'c1-cp-a')).toThrow(
      'machine: replacing c1-cp-a would break etcd quorum: only 1 of the other 2 control plane machines are healthy',
    );
    // The unhealthy member itself can go: the two healthy ones keep quorum.
    expect(planReplaceMachine(objs, 'c1-cp-b').writes).toHaveLength(1);
    const single = running();
    single.machines = single.machines.filter(m => !['c1-cp-b', 'c1-cp-c'].includes(m.metadata.name));
    expect(() => planReplaceMachine(single, 'c1-cp-a')).toThrow(/only control plane machine.*scale the control plane to 3 first/);
  });

  it('refuses the last healthy machine of a pool, but not an unhealthy one', () => {
    const objs = running();
    byName(objs, 'c1-md-0-b').status = { phase: 'Provisioning', conditions: [notReady] };
    expect(() => planReplaceMachine(objs, 'c1-md-0-a')).toThrow(
      'machine: c1-md-0-a is the last healthy machine of pool c1-md-0: scale the pool up first, then replace it',
    );
    expect(planReplaceMachine(objs, 'c1-md-0-b').writes).toHaveLength(1);
  });

  it('refuses while the node group rolls out', () => {
    const pool = running();
    byName(pool, 'c1-md-0-b').metadata.deletionTimestamp = '2026-11-29T09:59:00Z';
    expect(() => planReplaceMachine(pool, 'c1-md-0-a')).toThrow('machine: pool c1-md-0 is rolling out; replace c1-md-0-a when it has finished');
    const cp = running();
    cp.controlPlane!.status.conditions = [{ type: 'RollingOut', status: 'True', reason: 'RollingOut' }];
    expect(() => planReplaceMachine(cp, 'c1-cp-a')).toThrow(/control plane is rolling out/);
  });

  it('repeats as a no-op while the machine is being deleted', () => {
    const objs = running();
    byName(objs, 'c1-md-0-a').metadata.deletionTimestamp = '2026-11-29T09:59:00Z';
    const plan = planReplaceMachine(objs, 'c1-md-0-a');
    expect(plan.writes).toEqual([]);
    expect(plan.message).toMatch(/already being deleted \(since 2026-11-29T09:59:00Z\)/);
  });

  it('refuses machines nothing would re-create, paused clusters, and unknown machines (404)', () => {
    const orphan = running();
    byName(orphan, 'c1-md-0-a').metadata.ownerReferences = [];
    expect(() => planReplaceMachine(orphan, 'c1-md-0-a')).toThrow(/belongs to no MachineSet or control plane/);
    const paused = running();
    paused.cluster.spec.paused = true;
    expect(() => planReplaceMachine(paused, 'c1-md-0-a')).toThrow(/is paused: .*resume the cluster first/);
    expect(() => planReplaceMachine(running(), 'nope')).toThrow(
      expect.objectContaining({ name: 'NotFoundError', message: 'Machine nope not found in Cluster c1' }),
    );
  });
});

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  controlPlaneOutdatedReasons,
  planControlPlane,
  planMachineSets,
  PlannedMachine,
  SetState,
} from './rollout';

const machine = (
  name: string,
  over: Partial<PlannedMachine> = {},
): PlannedMachine => ({
  name,
  deleting: false,
  ready: true,
  upToDate: true,
  created: Number(name.replace(/\D/g, '')) || 0,
  marked: false,
  ...over,
});

describe('control plane rollout', () => {
  it('replaces outdated machines one at a time with a surge of one', () => {
    const old = [
      machine('m1', { upToDate: false }),
      machine('m2', { upToDate: false }),
      machine('m3', { upToDate: false }),
    ];
    expect(planControlPlane(3, old)).toEqual({ action: 'scaleUp' });
    // The new one must be healthy before an old one goes.
    expect(
      planControlPlane(3, [...old, machine('m4', { ready: false })]).action,
    ).toBe('wait');
    expect(planControlPlane(3, [...old, machine('m4')])).toEqual({
      action: 'scaleDown',
      machine: 'm1',
    });
    // Nothing happens while a Machine is being deleted.
    expect(
      planControlPlane(3, [
        machine('m1', { deleting: true, upToDate: false }),
        ...old.slice(1),
        machine('m4'),
      ]).action,
    ).toBe('wait');
    expect(
      planControlPlane(3, [machine('m2'), machine('m3'), machine('m4')]),
    ).toEqual({ action: 'none' });
  });

  it('scales up one at a time and removes unhealthy or marked machines first', () => {
    expect(planControlPlane(3, [])).toEqual({ action: 'scaleUp' });
    expect(planControlPlane(3, [machine('m1', { ready: false })]).action).toBe(
      'wait',
    );
    expect(
      planControlPlane(1, [
        machine('m1'),
        machine('m2', { ready: false }),
        machine('m3'),
      ]),
    ).toEqual({ action: 'scaleDown', machine: 'm2' });
    expect(
      planControlPlane(1, [machine('m1'), machine('m3', { marked: true })]),
    ).toEqual({ action: 'scaleDown', machine: 'm3' });
  });

  it('knows why a machine is outdated', () => {
    const now = Date.parse('2026-09-01T10:00:00Z');
    const input = {
      kcpVersion: 'v1.34.2',
      infrastructureTemplate: 't2',
      rolloutAfter: '2026-09-01T09:00:00Z',
      certificatesExpiryDays: 21,
      now,
    };
    expect(
      controlPlaneOutdatedReasons(input, {
        version: 'v1.33.5',
        infrastructureTemplate: 't1',
        created: Date.parse('2026-09-01T08:00:00Z'),
        certificatesExpiry: '2026-09-10T00:00:00Z',
      }),
    ).toEqual([
      'Version v1.33.5, v1.34.2 required',
      'OpenStackMachineTemplate t1, t2 required',
      'Rollout after 2026-09-01T09:00:00Z expired',
      'Certificates will expire soon',
    ]);
    expect(
      controlPlaneOutdatedReasons(input, {
        version: 'v1.34.2',
        infrastructureTemplate: 't2',
        created: Date.parse('2026-09-01T09:30:00Z'),
        certificatesExpiry: '2027-09-01T00:00:00Z',
      }),
    ).toEqual([]);
  });
});

describe('MachineDeployment rolling update', () => {
  const set = (
    name: string,
    replicas: number,
    machines: number,
    available: number,
    current = false,
  ): SetState => ({
    name,
    replicas,
    machines,
    available,
    current,
    created: current ? 2 : 1,
  });
  const strategy = { maxSurge: 1, maxUnavailable: 0 };

  it('scales a single set directly', () => {
    expect(planMachineSets(4, strategy, [set('new', 2, 2, 2, true)])).toEqual(
      new Map([['new', 4]]),
    );
    expect(planMachineSets(1, strategy, [set('new', 4, 4, 4, true)])).toEqual(
      new Map([['new', 1]]),
    );
  });

  type Counts = [replicas: number, machines: number, available: number];
  /** The plan for two replicas from an old set and the current one. */
  const rollout = (old: Counts, current: Counts) =>
    planMachineSets(2, strategy, [
      set('old', ...old),
      set('new', ...current, true),
    ]);

  it('surges by one and keeps every replica available', () => {
    expect(rollout([2, 2, 2], [0, 0, 0])).toEqual(new Map([['new', 1]]));
    // The new Machine is not available yet: nothing else happens.
    expect(rollout([2, 2, 2], [1, 1, 0])).toEqual(new Map());
    // It is: one old Machine goes.
    expect(rollout([2, 2, 2], [1, 1, 1])).toEqual(new Map([['old', 1]]));
    expect(rollout([1, 1, 1], [1, 1, 1])).toEqual(new Map([['new', 2]]));
    expect(rollout([1, 1, 1], [2, 2, 2])).toEqual(new Map([['old', 0]]));
  });

  it('removes unavailable old machines first', () => {
    // One old Machine is broken: it can go although only two are available.
    expect(rollout([2, 2, 1], [1, 1, 1])).toEqual(new Map([['old', 1]]));
    // Not while the new one is unavailable too (Deployment semantics).
    expect(rollout([2, 2, 1], [1, 1, 0])).toEqual(new Map());
  });
});

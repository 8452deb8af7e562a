/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { MAINTENANCE_WINDOW_ANNOTATION, PENDING_OPERATIONS_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { classy, ctx } from './__fixtures__/liveObjects';
import {
  operationView,
  planPutBack,
  planRemoveOperation,
  planSchedule,
  planSetMaintenanceWindow,
  ScheduleRequest,
  storedOperationsOf,
} from './maintenance';
import { LiveObjects, PatchWrite } from './types';
import { planUpgrade } from './upgrade';
import { planRestartPool } from './rollout';

const WINDOW = { days: ['sun', 'sat'], start: '02:00', end: '05:00', timeZone: 'Europe/Zurich' };
const ALLOW = { result: AuthorizeResult.ALLOW } as const;
const request = (over: Partial<ScheduleRequest> = {}): ScheduleRequest => ({
  id: 'op1',
  action: 'upgrade',
  fields: { version: 'v1.35.0' },
  requestedBy: 'user:default/alice',
  decisions: { read: ALLOW, action: ALLOW },
  ...over,
});

/** The cluster after a plan's single annotation patch. */
function afterPatch(objs: LiveObjects, write: PatchWrite): LiveObjects {
  const next = structuredClone(objs);
  const annotations = { ...(next.cluster.metadata.annotations ?? {}) };
  for (const [k, v] of Object.entries((write.patch as any).metadata.annotations)) {
    if (v === null) delete annotations[k];
    else annotations[k] = v as string;
  }
  next.cluster.metadata.annotations = annotations;
  next.cluster.metadata.resourceVersion = String(Number(next.cluster.metadata.resourceVersion) + 1);
  return next;
}

function withWindow(): LiveObjects {
  const objs = classy();
  objs.cluster.metadata.annotations = { ...objs.cluster.metadata.annotations, [MAINTENANCE_WINDOW_ANNOTATION]: JSON.stringify(WINDOW) };
  return objs;
}

describe('maintenance window plans', () => {
  it('sets a window (days in week order) conditional on the Cluster, and says when it opens next', () => {
    const plan = planSetMaintenanceWindow(classy(), { ...WINDOW, days: ['SUN', 'sat'] }, ctx());
    const write = plan.writes[0] as PatchWrite;
    expect(write.resourceVersion).toBe(classy().cluster.metadata.resourceVersion);
    expect(JSON.parse((write.patch as any).metadata.annotations[MAINTENANCE_WINDOW_ANNOTATION]).days).toEqual(['sat', 'sun']);
    // ctx() is Sunday 2026-11-29 10:00 UTC: the next start is Saturday 02:00 Zurich (01:00 UTC).
    expect(plan.message).toContain('sat, sun 02:00–05:00 (Europe/Zurich); next: 2026-12-05T01:00:00.000Z');
    expect(planSetMaintenanceWindow(afterPatch(classy(), write), WINDOW, ctx()).writes).toEqual([]);
  });

  it('refuses a bad window naming the field, and removing it while an operation waits', () => {
    expect(() => planSetMaintenanceWindow(classy(), { ...WINDOW, start: '25:00' }, ctx())).toThrow(/window.start "25:00"/);
    expect(() => planSetMaintenanceWindow(classy(), { ...WINDOW, timeZone: 'Mars/Olympus' }, ctx())).toThrow(/window.timeZone/);
    const objs = withWindow();
    const scheduled = afterPatch(objs, planSchedule(objs, ctx(), request(), planUpgrade(objs, 'v1.35.0', ctx())).writes[0] as PatchWrite);
    expect(() => planSetMaintenanceWindow(scheduled, null, ctx())).toThrow(/1 operation waiting .*upgrade to v1.35.0.*cancel it first/);
  });

  it('schedules an upgrade instead of writing it: one pending operation, the upgrade itself untouched', () => {
    const objs = withWindow();
    const plan = planSchedule(objs, ctx(), request(), planUpgrade(objs, 'v1.35.0', ctx()));
    expect(plan.writes).toHaveLength(1);
    const write = plan.writes[0] as PatchWrite;
    expect(Object.keys((write.patch as any).metadata.annotations)).toEqual([PENDING_OPERATIONS_ANNOTATION]);
    expect(plan.message).toBe(
      'The upgrade to v1.35.0 of c1 waits for its maintenance window sat, sun 02:00–05:00 (Europe/Zurich), next from 2026-12-05T01:00:00.000Z (operation op1).',
    );
    const [op] = storedOperationsOf(afterPatch(objs, write).cluster);
    expect(op).toMatchObject({ id: 'op1', action: 'upgrade', fields: { version: 'v1.35.0' }, requestedAt: '2026-11-29T10:00:00.000Z' });
    expect(operationView(op)).not.toHaveProperty('decisions');
  });

  it('refuses now what the action itself would refuse, and a cluster without a window', () => {
    const objs = withWindow();
    expect(() => planSchedule(objs, ctx(), request(), planUpgrade(objs, 'v1.37.0', ctx()))).toThrow();
    expect(() => planSchedule(classy(), ctx(), request(), planUpgrade(classy(), 'v1.35.0', ctx()))).toThrow(/^when: Cluster c1 has no maintenance window/);
  });

  it("checks the caller's resourceVersion against the object the action writes", () => {
    const objs = withWindow();
    const upgrade = planUpgrade(objs, 'v1.35.0', ctx());
    expect(() => planSchedule(objs, ctx(), request(), upgrade, 'stale')).toThrow(/was changed since you loaded it/);
    expect(planSchedule(objs, ctx(), request(), upgrade, upgrade.primary.resourceVersion).writes).toHaveLength(1);
  });

  it('is idempotent for the same operation and refuses a different one of the same action and target', () => {
    const objs = withWindow();
    const once = afterPatch(objs, planSchedule(objs, ctx(), request(), planUpgrade(objs, 'v1.35.0', ctx())).writes[0] as PatchWrite);
    const again = planSchedule(once, ctx(), request({ id: 'op2' }), planUpgrade(once, 'v1.35.0', ctx()));
    expect(again.writes).toEqual([]);
    expect(again.message).toMatch(/already waits/);
    // ctx's versions: v1.34.2 → v1.35.0 only; another version is another target of the same action.
    const other = { ...planUpgrade(once, 'v1.35.0', ctx()) };
    expect(() => planSchedule(once, ctx(), request({ id: 'op3', fields: { version: 'v1.35.1' } }), other)).toThrow(/already waits .*cancel it first/);
    // A restart of a pool is another operation.
    const pool = once.cluster.spec.topology.workers.machineDeployments[0].name;
    const restart = planSchedule(once, ctx(), request({ id: 'op4', action: 'restart-pool', pool, fields: {} }), planRestartPool(once, pool, ctx()));
    expect(storedOperationsOf(afterPatch(once, restart.writes[0] as PatchWrite).cluster).map(o => o.id)).toEqual(['op1', 'op4']);
  });

  it('answers nothing-to-do at once when the change is already in effect', () => {
    const objs = withWindow();
    const plan = planSchedule(objs, ctx(), request({ fields: { version: 'v1.34.2' } }), planUpgrade(objs, 'v1.34.2', ctx()));
    expect(plan.writes).toEqual([]);
    expect(plan.message).toBe('Cluster c1 is already at v1.34.2.');
  });

  it('cancels (or claims) an operation by id, 404 for an unknown one, and puts a failed one back with its error', () => {
    const objs = withWindow();
    const scheduled = afterPatch(objs, planSchedule(objs, ctx(), request(), planUpgrade(objs, 'v1.35.0', ctx())).writes[0] as PatchWrite);
    const cancel = planRemoveOperation(scheduled, 'op1');
    expect(cancel.message).toBe('Cancelled the upgrade to v1.35.0 of c1 (operation op1).');
    const gone = afterPatch(scheduled, cancel.writes[0] as PatchWrite);
    expect(gone.cluster.metadata.annotations?.[PENDING_OPERATIONS_ANNOTATION]).toBeUndefined();
    expect(() => planRemoveOperation(gone, 'op1')).toThrow(/No operation op1 waits/);
    const back = afterPatch(gone, planPutBack(gone, { ...cancel.operation, lastError: { at: 'x', message: 'quota', windowStart: 'y' } }).writes[0] as PatchWrite);
    expect(storedOperationsOf(back.cluster)).toEqual([{ ...cancel.operation, lastError: { at: 'x', message: 'quota', windowStart: 'y' } }]);
  });

  it('ignores a hand-written annotation that is not a list of operations', () => {
    const objs = classy();
    objs.cluster.metadata.annotations = { [PENDING_OPERATIONS_ANNOTATION]: '{"not":"a list"}' };
    expect(storedOperationsOf(objs.cluster)).toEqual([]);
    objs.cluster.metadata.annotations = { [PENDING_OPERATIONS_ANNOTATION]: '[{"id":"x"}]' };
    expect(storedOperationsOf(objs.cluster)).toEqual([]);
    // Only actions that may wait for a window.
    const op = { id: 'x', action: 'delete', fields: {}, requestedBy: 'user:default/a', requestedAt: '', decisions: { read: ALLOW, action: ALLOW } };
    objs.cluster.metadata.annotations = { [PENDING_OPERATIONS_ANNOTATION]: JSON.stringify([op, { ...op, action: 'constructor' }]) };
    expect(storedOperationsOf(objs.cluster)).toEqual([]);
    objs.cluster.metadata.annotations = { [PENDING_OPERATIONS_ANNOTATION]: JSON.stringify([{ ...op, action: 'restart-control-plane' }]) };
    expect(storedOperationsOf(objs.cluster).map(o => o.action)).toEqual(['restart-control-plane']);
  });
});

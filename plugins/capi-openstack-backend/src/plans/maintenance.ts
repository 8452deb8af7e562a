/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Maintenance windows and the operations waiting for them, both kept in
// annotations of the Cluster (so every backend replica sees them through its
// watch, and they survive restarts). Pure plans: the writes are conditional
// on the Cluster's resourceVersion, so two writers never lose each other's
// operation, and a claim (removing an operation before it runs) succeeds for
// exactly one runner.

import { ConflictError, NotFoundError } from '@backstage/errors';
import type { PolicyDecision } from '@backstage/plugin-permission-common';
import {
  clusterActions,
  isWindowAction,
  MAINTENANCE_WINDOW_ANNOTATION,
  PENDING_OPERATIONS_ANNOTATION,
  type MaintenanceWindow,
  type PendingOperation,
  type WriteAction,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { UnprocessableError } from '../errors';
import type { KubeObject } from '../model';
import { describeWindow, nextWindowStart, normalisedDays, windowOf, windowProblems } from '../model/maintenanceWindow';
import { stableJson } from '../model/stableJson';
import type { LiveObjects, Plan, PlanContext } from './types';
import { clusterPatch, primaryOf } from './writes';

/** A pending operation as stored: what the API shows, and the policy's decisions when it was scheduled. */
export interface StoredOperation extends PendingOperation {
  /** Re-applied at run time to the cluster as it is then (see permissions/runTimeDecision.ts). */
  decisions: { read: PolicyDecision; action: PolicyDecision };
}

/** What the route passes when a request asks to wait for the window. */
export interface ScheduleRequest {
  id: string;
  action: WriteAction;
  pool?: string;
  fields: Record<string, unknown>;
  requestedBy: string;
  decisions: StoredOperation['decisions'];
}

const PENDING_FIELD = `metadata.annotations[${PENDING_OPERATIONS_ANNOTATION}]`;
const WINDOW_FIELD = `metadata.annotations[${MAINTENANCE_WINDOW_ANNOTATION}]`;

function isStored(o: any): o is StoredOperation {
  return (
    o && typeof o.id === 'string' && Object.hasOwn(clusterActions, o.action) && isWindowAction(o.action) &&
    o.fields && typeof o.fields === 'object' && typeof o.requestedBy === 'string' && o.decisions?.read && o.decisions?.action
  );
}

/** The Cluster's pending operations, oldest first; entries that are not operations (hand-written) are left out. */
export function storedOperationsOf(cluster: KubeObject): StoredOperation[] {
  const raw = cluster.metadata.annotations?.[PENDING_OPERATIONS_ANNOTATION];
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isStored) : [];
  } catch {
    return [];
  }
}

/** An operation as the API shows it: without the stored policy decisions (they name the requester's groups). */
export function operationView(op: StoredOperation): PendingOperation {
  const { decisions: _decisions, ...view } = op;
  return view;
}

/** What an operation does, in a few words, e.g. `upgrade to v1.33.4` or `restart of pool md-0`. */
export function describeOperation(op: Pick<PendingOperation, 'action' | 'pool' | 'fields'>): string {
  const pool = op.pool ? ` of pool ${op.pool}` : '';
  switch (op.action) {
    case 'upgrade':
      return `upgrade to ${op.fields.version}`;
    case 'set-control-plane-flavor':
    case 'set-pool-flavor':
      return `flavor change${pool || ' of the control plane'} to ${op.fields.flavor}`;
    case 'restart-control-plane':
      return 'restart of the control plane';
    default:
      return `${op.action}${pool}`;
  }
}

const sameTarget = (a: Pick<PendingOperation, 'action' | 'pool'>, b: Pick<PendingOperation, 'action' | 'pool'>) =>
  a.action === b.action && (a.pool ?? '') === (b.pool ?? '');

function pendingPlan(objs: LiveObjects, action: WriteAction, ops: StoredOperation[], message: string, change: { from?: string; to?: string }): Plan {
  const cluster = objs.cluster;
  return {
    action,
    primary: primaryOf(cluster),
    writes: [
      clusterPatch(cluster, {
        metadata: { annotations: { [PENDING_OPERATIONS_ANNOTATION]: ops.length ? JSON.stringify(ops) : null } },
      }),
    ],
    changes: [{ kind: 'Cluster', name: cluster.metadata.name, field: PENDING_FIELD, ...change }],
    message,
  };
}

const noOp = (action: WriteAction, cluster: KubeObject, message: string): Plan => ({
  action,
  primary: primaryOf(cluster),
  writes: [],
  changes: [],
  message,
});

/** The refusal of a `when: window` request for a cluster without a window. */
export const noWindowMessage = (cluster: string) =>
  `when: Cluster ${cluster} has no maintenance window; set one first, or run the change now`;

/** `POST .../maintenance-window`: sets or (null) removes the window; removal is refused while operations wait. */
export function planSetMaintenanceWindow(objs: LiveObjects, window: MaintenanceWindow | null, ctx: PlanContext): Plan {
  const cluster = objs.cluster;
  const name = cluster.metadata.name;
  const current = windowOf(cluster);
  let wanted: MaintenanceWindow | undefined;
  if (window) {
    const problems = windowProblems(window);
    if (problems.length) throw new UnprocessableError(problems.join('; '));
    wanted = { days: normalisedDays(window.days), start: window.start, end: window.end, timeZone: window.timeZone };
  }
  if (stableJson(wanted) === stableJson(current)) {
    return noOp('set-maintenance-window', cluster, wanted ? `Cluster ${name} already has this maintenance window.` : `Cluster ${name} has no maintenance window.`);
  }
  const pending = storedOperationsOf(cluster);
  if (!wanted && pending.length) {
    throw new ConflictError(
      `Cluster ${name} has ${pending.length} operation${pending.length === 1 ? '' : 's'} waiting for its maintenance window (${pending.map(describeOperation).join(', ')}): cancel ${pending.length === 1 ? 'it' : 'them'} first`,
    );
  }
  const value = wanted ? JSON.stringify(wanted) : null;
  return {
    action: 'set-maintenance-window',
    primary: primaryOf(cluster),
    writes: [clusterPatch(cluster, { metadata: { annotations: { [MAINTENANCE_WINDOW_ANNOTATION]: value } } })],
    changes: [{ kind: 'Cluster', name, field: WINDOW_FIELD, from: current ? JSON.stringify(current) : undefined, to: value ?? undefined }],
    message: wanted
      ? `Cluster ${name} has the maintenance window ${describeWindow(wanted)}; next: ${nextWindowStart(wanted, ctx.now).toISOString()}.`
      : `Removed the maintenance window of Cluster ${name}.`,
  };
}

/**
 * An action asked with `when: 'window'`: checked now as if it ran now (the
 * caller's resourceVersion, the action's own refusals), then added to the
 * pending operations instead of written. One operation per action and
 * target: the same again is a no-op, a different one is refused (cancel it
 * first).
 */
export function planSchedule(objs: LiveObjects, ctx: PlanContext, request: ScheduleRequest, action: Plan, seen?: string): Plan {
  const cluster = objs.cluster;
  const name = cluster.metadata.name;
  const window = windowOf(cluster);
  if (!window) throw new UnprocessableError(noWindowMessage(name));
  if (seen !== undefined && seen !== action.primary.resourceVersion && !action.alsoAccepted?.includes(seen)) {
    throw new ConflictError(
      `${action.primary.kind} ${action.primary.name} was changed since you loaded it (resourceVersion ${seen}, now ${action.primary.resourceVersion}): reload and try again`,
    );
  }
  if (action.writes.length === 0) return { ...action, primary: primaryOf(cluster) };
  const next = nextWindowStart(window, ctx.now).toISOString();
  const ops = storedOperationsOf(cluster);
  const what = describeOperation(request);
  const existing = ops.find(o => sameTarget(o, request));
  if (existing && stableJson(existing.fields) === stableJson(request.fields)) {
    return noOp(request.action, cluster, `The ${what} already waits for the maintenance window of ${name} (next: ${next}).`);
  }
  if (existing) {
    throw new ConflictError(`A ${describeOperation(existing)} already waits for the maintenance window of ${name}: cancel it first`);
  }
  const op: StoredOperation = {
    id: request.id,
    action: request.action,
    ...(request.pool ? { pool: request.pool } : {}),
    fields: request.fields,
    requestedBy: request.requestedBy,
    requestedAt: ctx.now.toISOString(),
    decisions: request.decisions,
  };
  return pendingPlan(
    objs,
    request.action,
    [...ops, op],
    `The ${what} of ${name} waits for its maintenance window ${describeWindow(window)}, next from ${next} (operation ${op.id}).`,
    { to: `${op.id}: ${what}` },
  );
}

/** Removes one pending operation: a user's cancel, or a runner's claim before it runs it. */
export function planRemoveOperation(objs: LiveObjects, id: string, verb = 'Cancelled'): Plan & { operation: StoredOperation } {
  const cluster = objs.cluster;
  const ops = storedOperationsOf(cluster);
  const op = ops.find(o => o.id === id);
  if (!op) throw new NotFoundError(`No operation ${id} waits for the maintenance window of Cluster ${cluster.metadata.name}`);
  const what = describeOperation(op);
  return {
    ...pendingPlan(objs, op.action, ops.filter(o => o.id !== id), `${verb} the ${what} of ${cluster.metadata.name} (operation ${id}).`, {
      from: `${id}: ${what}`,
    }),
    operation: op,
  };
}

/** Puts a claimed operation back after its run failed: it is tried again while the window is open, then in the next. */
export function planPutBack(objs: LiveObjects, op: StoredOperation): Plan {
  const ops = storedOperationsOf(objs.cluster).filter(o => o.id !== op.id);
  return pendingPlan(objs, op.action, [op, ...ops], `The ${describeOperation(op)} waits again (operation ${op.id}).`, {
    to: `${op.id}: ${describeOperation(op)}`,
  });
}

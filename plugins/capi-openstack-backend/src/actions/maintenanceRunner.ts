/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Runs the operations that wait for a cluster's maintenance window, while
// it is open. plugin.ts calls `run` from a Backstage scheduler task with
// scope `global` (one replica at a time). Each operation is claimed first
// (removed from the Cluster's annotation by a conditional write, which one
// runner wins), so it runs at most once; a run that fails puts it back with
// the error, to be tried again on the next pass or in the next window. The
// requester's permission is checked again before each run (see
// permissions/runTimeDecision.ts). Each outcome is audited once, on behalf
// of the requester.

import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { PolicyDecision } from '@backstage/plugin-permission-common';
import {
  clusterKey,
  parseActionBody,
  type ClusterRef,
  type ClusterSummary,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { UnprocessableError } from '../errors';
import { ClusterService } from '../clusters/ClusterService';
import { openWindow, windowOf } from '../model/maintenanceWindow';
import type { OwnershipLookup } from '../permissions/ownership';
import { decisionAtRunTime } from '../permissions/runTimeDecision';
import { describeOperation, planPutBack, planRemoveOperation, StoredOperation, storedOperationsOf } from '../plans/maintenance';
import { planAction } from './actionPlans';
import { ActionService } from './ActionService';


/** What one pass did with one operation. */
export interface MaintenanceRun {
  cluster: ClusterRef;
  operation: string;
  outcome: 'changed' | 'unchanged' | 'failed' | 'refused';
  message: string;
}

export interface MaintenanceRunnerDeps {
  actions: ActionService;
  clusters: ClusterService;
  admits(decision: PolicyDecision, summary: ClusterSummary): boolean;
  ownershipOf: OwnershipLookup;
  auditor: AuditorService;
  logger: LoggerService;
}

export class MaintenanceRunner {
  constructor(private readonly deps: MaintenanceRunnerDeps) {}

  /** One pass at `now` over every cluster whose window is open and has operations waiting. */
  async run(now: Date): Promise<MaintenanceRun[]> {
    const runs: MaintenanceRun[] = [];
    for (const summary of this.deps.clusters.summaries()) {
      if (!summary.maintenance?.pending.length) continue;
      const ref: ClusterRef = { managementCluster: summary.managementCluster, namespace: summary.namespace, name: summary.name };
      const cluster = this.deps.clusters.cache(ref.managementCluster)?.objectsOf(`${ref.namespace}/${ref.name}`)?.cluster;
      const window = cluster && windowOf(cluster);
      const open = window && openWindow(window, now);
      if (!cluster || !open || cluster.metadata.deletionTimestamp) continue;
      for (const op of storedOperationsOf(cluster)) {
        const run = await this.runOne(ref, summary, op, open.start.toISOString(), now);
        if (run) runs.push(run);
      }
    }
    return runs;
  }

  /** Why the requester may no longer do this (undefined: still allowed). */
  private async refusal(summary: ClusterSummary, op: StoredOperation): Promise<string | undefined> {
    const owned = await this.deps.ownershipOf(op.requestedBy);
    if (!owned) return `${op.requestedBy} is not in the catalog (any more)`;
    const { read, action } = op.decisions;
    if (!this.deps.admits(decisionAtRunTime(read, owned), summary) || !this.deps.admits(decisionAtRunTime(action, owned), summary)) {
      return `${op.requestedBy} is no longer allowed to do this on cluster ${summary.name}`;
    }
    return undefined;
  }

  private async runOne(ref: ClusterRef, summary: ClusterSummary, op: StoredOperation, windowStart: string, now: Date): Promise<MaintenanceRun | undefined> {
    const what = describeOperation(op);
    const refused = await this.refusal(summary, op).catch(e => `the requester's permission could not be checked: ${(e as Error).message}`);
    // The claim: whoever removes the operation runs it (a conflict means another runner or a cancel came first).
    try {
      const claim = await this.deps.actions.run(ref, op.action, objs => planRemoveOperation(objs, op.id, 'Claimed'), { dryRun: false, now });
      if (!claim.changed) return undefined;
    } catch (e) {
      this.deps.logger.info(`maintenance window: ${op.id} of ${clusterKey(ref)} not claimed: ${(e as Error).message}`);
      return undefined;
    }
    if (refused) {
      await this.audit(ref, op, windowStart, { outcome: 'refused' }, `Not run: ${refused}`);
      this.deps.logger.warn(`maintenance window: ${what} of ${clusterKey(ref)} dropped: ${refused}`);
      return { cluster: ref, operation: op.id, outcome: 'refused', message: refused };
    }
    try {
      // The annotation can be edited by hand: its fields are checked as a request's would be.
      const body = parseActionBody(op.action, op.fields);
      if (!body.ok) throw new UnprocessableError(body.message);
      const planned = planAction(op.action, body.body.fields, op.pool ?? '');
      const result = await this.deps.actions.run(ref, op.action, planned.plan, { dryRun: false, now }, planned.requirements);
      const outcome = result.changed ? 'changed' : 'unchanged';
      await this.audit(ref, op, windowStart, { outcome, changes: result.changes as unknown as JsonObject[] });
      this.deps.logger.info(`maintenance window: ${what} of ${clusterKey(ref)} for ${op.requestedBy}: ${result.message}`);
      return { cluster: ref, operation: op.id, outcome, message: result.message };
    } catch (e) {
      const message = (e as Error).message;
      // The error remembers its window: whichever replica retries, it is audited once per window.
      const audited = op.lastError?.windowStart === windowStart;
      const lastError = { at: now.toISOString(), message, windowStart };
      await this.deps.actions
        .run(ref, op.action, objs => planPutBack(objs, { ...op, lastError }), { dryRun: false, now })
        .catch(putBack => this.deps.logger.error(`maintenance window: ${what} of ${clusterKey(ref)} failed and could not be put back: ${putBack}`));
      if (!audited) {
        await this.audit(ref, op, windowStart, { outcome: 'failed' }, message);
        this.deps.logger.warn(`maintenance window: ${what} of ${clusterKey(ref)} failed: ${message}`);
      }
      return { cluster: ref, operation: op.id, outcome: 'failed', message };
    }
  }

  private async audit(cluster: ClusterRef, op: StoredOperation, windowStart: string, end: JsonObject, error?: string) {
    const event = await this.deps.auditor.createEvent({
      eventId: 'cluster-action',
      severityLevel: 'medium',
      meta: {
        action: op.action,
        actor: 'maintenance-window',
        onBehalfOf: op.requestedBy,
        operation: op.id,
        requestedAt: op.requestedAt,
        windowStart,
        cluster: { ...cluster },
        parameters: { ...(op.pool ? { pool: op.pool } : {}), ...(op.fields as JsonObject) },
        dryRun: false,
      },
    });
    if (error) await event.fail({ error: new Error(error), meta: end });
    else await event.success({ meta: end });
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Runs the clusters' hibernation schedules. plugin.ts calls `run` from a
// Backstage scheduler task with scope `global`, so one backend replica at a
// time does it; the writes are conditional and the plans idempotent, so a
// second runner at the same moment writes nothing. Each change is audited
// once, with the schedule as actor.

import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import {
  ClusterRef,
  clusterKey,
  hibernationOf,
  type HibernationSchedule,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterService } from '../clusters/ClusterService';
import { dueScheduledChange, lastHibernationChange, scheduleOf, ScheduledAction } from '../model/hibernationSchedule';
import { planHibernate, planWake, wakeRequirements } from '../plans/hibernate';
import { ActionService } from './ActionService';

/** What one pass did for one cluster. */
export interface ScheduledRun {
  cluster: ClusterRef;
  action: ScheduledAction;
  scheduledAt: string;
  outcome: 'changed' | 'unchanged' | 'failed';
  message: string;
}

export class HibernationScheduler {
  /** Failures already audited, per cluster: the event they belong to (retried, not audited again). */
  private readonly failed = new Map<string, string>();

  constructor(
    private readonly deps: { actions: ActionService; clusters: ClusterService; auditor: AuditorService; logger: LoggerService },
  ) {}

  /** One pass at `now` over every cluster with a schedule. */
  async run(now: Date): Promise<ScheduledRun[]> {
    const runs: ScheduledRun[] = [];
    for (const summary of this.deps.clusters.summaries()) {
      if (!summary.hibernationSchedule) continue;
      const ref: ClusterRef = { managementCluster: summary.managementCluster, namespace: summary.namespace, name: summary.name };
      const cluster = this.deps.clusters.cache(ref.managementCluster)?.objectsOf(`${ref.namespace}/${ref.name}`)?.cluster;
      const schedule = cluster && scheduleOf(cluster);
      const since = cluster && lastHibernationChange(cluster);
      if (!cluster || !schedule || !since || cluster.metadata.deletionTimestamp) continue;
      const due = dueScheduledChange(schedule, since, now);
      if (!due || (due.action === 'hibernate') === Boolean(hibernationOf(cluster))) continue;
      runs.push(await this.act(ref, due.action, due.at.toISOString(), schedule, now));
    }
    return runs;
  }

  private async act(
    ref: ClusterRef,
    action: ScheduledAction,
    scheduledAt: string,
    schedule: HibernationSchedule,
    now: Date,
  ): Promise<ScheduledRun> {
    const key = clusterKey(ref);
    const plan: Parameters<ActionService['run']>[2] =
      action === 'hibernate' ? (objs, ctx) => planHibernate(objs, ctx, 'schedule') : planWake;
    try {
      const result = await this.deps.actions.run(ref, action, plan, { dryRun: false, now }, action === 'wake' ? wakeRequirements : undefined);
      const outcome = result.changed ? 'changed' : 'unchanged';
      // Another runner made the change a moment ago: nothing was written here, nothing to audit.
      if (outcome === 'changed') {
        await this.audit(ref, action, scheduledAt, schedule, { outcome, changes: result.changes as unknown as JsonObject[] });
        this.deps.logger.info(`hibernation schedule: ${action} ${key} (${scheduledAt}): ${result.message}`);
      }
      this.failed.delete(key);
      return { cluster: ref, action, scheduledAt, outcome, message: result.message };
    } catch (e) {
      const message = (e as Error).message;
      // Retried on the next pass (e.g. the quota is back); audited once per event.
      if (this.failed.get(key) !== scheduledAt) {
        this.failed.set(key, scheduledAt);
        await this.audit(ref, action, scheduledAt, schedule, { outcome: 'failed' }, message);
        this.deps.logger.warn(`hibernation schedule: ${action} ${key} (${scheduledAt}) failed: ${message}`);
      }
      return { cluster: ref, action, scheduledAt, outcome: 'failed', message };
    }
  }

  private async audit(
    cluster: ClusterRef,
    action: ScheduledAction,
    scheduledAt: string,
    schedule: HibernationSchedule,
    end: JsonObject,
    error?: string,
  ) {
    const event = await this.deps.auditor.createEvent({
      eventId: 'cluster-action',
      severityLevel: 'medium',
      meta: { action, actor: 'schedule', schedule: { ...schedule }, scheduledAt, cluster: { ...cluster }, dryRun: false },
    });
    if (error) await event.fail({ error: new Error(error), meta: end });
    else await event.success({ meta: end });
  }
}

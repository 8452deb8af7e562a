/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  HIBERNATION_CHANGED_ANNOTATION,
  HIBERNATION_SCHEDULE_ANNOTATION,
  type HibernationSchedule,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CronTime } from 'cron';
import { KubeObject, parseTime } from './objects';

/**
 * Hibernation schedules: two cron expressions read in a time zone. Pure:
 * the clock is a parameter. A schedule acts on the latest of its events
 * after the cluster's last hibernate or wake (or after the schedule was set),
 * so a manual wake at 21:00 is not undone by the 20:00 event before it.
 */

export type ScheduledAction = 'hibernate' | 'wake';

/** Problems of a schedule, each naming its field; empty when it is valid. */
export function scheduleProblems(s: HibernationSchedule): string[] {
  const problems: string[] = [];
  let zoneOk = true;
  try {
    Intl.DateTimeFormat('en', { timeZone: s.timeZone }).format(0);
  } catch {
    zoneOk = false;
    problems.push(`schedule.timeZone "${s.timeZone}" is not an IANA time zone (e.g. Europe/Zurich)`);
  }
  for (const field of ['hibernate', 'wake'] as const) {
    const expr = s[field].trim();
    if (expr.split(/\s+/).length !== 5) {
      problems.push(`schedule.${field} "${s[field]}" must be a cron expression of 5 fields (minute hour day-of-month month day-of-week)`);
      continue;
    }
    try {
      void new CronTime(expr, zoneOk ? s.timeZone : 'UTC').toString();
    } catch (e) {
      problems.push(`schedule.${field} "${s[field]}" is not a valid cron expression: ${(e as Error).message}`);
    }
  }
  if (problems.length === 0 && s.hibernate.trim() === s.wake.trim()) {
    problems.push('schedule.wake must differ from schedule.hibernate');
  }
  return problems;
}

/** The schedule a Cluster carries, or undefined (also for a value that is not a valid schedule). */
export function scheduleOf(cluster: KubeObject): HibernationSchedule | undefined {
  const raw = cluster.metadata.annotations?.[HIBERNATION_SCHEDULE_ANNOTATION];
  if (!raw) return undefined;
  try {
    const s = JSON.parse(raw);
    const candidate = { hibernate: String(s.hibernate), wake: String(s.wake), timeZone: String(s.timeZone) };
    return scheduleProblems(candidate).length === 0 ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function next(expr: string, timeZone: string, from: Date): Date {
  return new CronTime(expr, timeZone).getNextDateFrom(from, timeZone).toJSDate();
}

/** The next event of a schedule after `from`. */
export function nextScheduledChange(s: HibernationSchedule, from: Date): { action: ScheduledAction; at: Date } {
  const h = next(s.hibernate, s.timeZone, from);
  const w = next(s.wake, s.timeZone, from);
  return h.getTime() <= w.getTime() ? { action: 'hibernate', at: h } : { action: 'wake', at: w };
}

/** The latest event in (since, now], or undefined when none is due. */
export function dueScheduledChange(
  s: HibernationSchedule,
  since: Date,
  now: Date,
): { action: ScheduledAction; at: Date } | undefined {
  let due: { action: ScheduledAction; at: Date } | undefined;
  // Events older than a week are history, not a change to make now.
  let from = new Date(Math.max(since.getTime(), now.getTime() - 7 * 24 * 3600_000));
  // Bounded: a schedule firing every minute for a week is 10,080 events.
  for (let i = 0; i < 20_000; i++) {
    const e = nextScheduledChange(s, from);
    if (e.at.getTime() > now.getTime()) break;
    due = e;
    from = e.at;
  }
  return due;
}

/** When the cluster last hibernated, woke or got its schedule (annotation), else its creation. */
export function lastHibernationChange(cluster: KubeObject): Date | undefined {
  return (
    parseTime(cluster.metadata.annotations?.[HIBERNATION_CHANGED_ANNOTATION]) ?? parseTime(cluster.metadata.creationTimestamp)
  );
}

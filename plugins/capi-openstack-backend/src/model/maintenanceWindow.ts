/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { CronTime } from 'cron';

import {
  MAINTENANCE_WINDOW_ANNOTATION,
  type MaintenanceWindow,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

// Maintenance windows: weekdays, a start and end time of day, a time zone.
// A window whose end is before its start runs over midnight into the next
// day. Pure: the clock is a parameter; daylight saving time is the cron
// library's (as for hibernation schedules).

export type { MaintenanceWindow };

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOf = (hhmm: string) => {
  const m = TIME.exec(hhmm)!;
  return Number(m[1]) * 60 + Number(m[2]);
};

/** Problems of a window, each naming its field; empty when it is valid. */
export function windowProblems(w: MaintenanceWindow): string[] {
  const problems: string[] = [];
  if (!Array.isArray(w.days) || w.days.length === 0) problems.push('window.days must name at least one day (mon … sun)');
  else {
    const bad = w.days.filter(d => !DAYS.includes(String(d).toLowerCase()));
    if (bad.length) problems.push(`window.days: ${bad.join(', ')} is not a day (mon … sun)`);
  }
  for (const field of ['start', 'end'] as const) {
    if (!TIME.test(w[field] ?? '')) problems.push(`window.${field} "${w[field]}" must be a time of day HH:MM`);
  }
  try {
    Intl.DateTimeFormat('en', { timeZone: w.timeZone }).format(0);
  } catch {
    problems.push(`window.timeZone "${w.timeZone}" is not an IANA time zone (e.g. Europe/Zurich)`);
  }
  if (problems.length === 0 && w.start === w.end) problems.push('window.end must differ from window.start');
  return problems;
}

/** The window's length in minutes (over midnight when the end is earlier). */
function lengthMinutes(w: MaintenanceWindow): number {
  const d = minutesOf(w.end) - minutesOf(w.start);
  return d > 0 ? d : d + 24 * 60;
}

function startsCron(w: MaintenanceWindow): CronTime {
  const start = minutesOf(w.start);
  const days = w.days.map(d => DAYS.indexOf(d.toLowerCase())).join(',');
  return new CronTime(`${start % 60} ${Math.floor(start / 60)} * * ${days}`, w.timeZone);
}

/** The next start of the window after `from`. */
export function nextWindowStart(w: MaintenanceWindow, from: Date): Date {
  return startsCron(w).getNextDateFrom(from, w.timeZone).toJSDate();
}

/** The window open at `now` (its start and end), or undefined. */
export function openWindow(w: MaintenanceWindow, now: Date): { start: Date; end: Date } | undefined {
  const length = lengthMinutes(w) * 60_000;
  // The latest start before now, if any, is the first start after (now − length).
  const start = nextWindowStart(w, new Date(now.getTime() - length - 1000));
  if (start.getTime() > now.getTime()) return undefined;
  const end = new Date(start.getTime() + length);
  return now.getTime() < end.getTime() ? { start, end } : undefined;
}

/** The days in week order (mon … sun), lower case, each once. */
export function normalisedDays(days: string[]): string[] {
  const wanted = new Set(days.map(d => d.toLowerCase()));
  return [...DAYS.slice(1), DAYS[0]].filter(d => wanted.has(d));
}

/** The Cluster's maintenance window; undefined when it has none or the annotation is not a valid window. */
export function windowOf(cluster: { metadata?: { annotations?: Record<string, string> } }): MaintenanceWindow | undefined {
  const raw = cluster.metadata?.annotations?.[MAINTENANCE_WINDOW_ANNOTATION];
  if (!raw) return undefined;
  try {
    const w = JSON.parse(raw);
    const window: MaintenanceWindow = { days: w?.days, start: w?.start, end: w?.end, timeZone: w?.timeZone };
    return windowProblems(window).length === 0 ? window : undefined;
  } catch {
    return undefined;
  }
}

/** How a window reads in messages, e.g. `sat, sun 02:00–05:00 (Europe/Zurich)`. */
export function describeWindow(w: MaintenanceWindow): string {
  return `${normalisedDays(w.days).join(', ')} ${w.start}–${w.end} (${w.timeZone})`;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** The "now" the snapshot times of docs/domain.md section 4 are written against. */
export const DOC_NOW = Date.parse('2026-09-01T10:10:00Z');

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** RFC 3339 in whole seconds, as Kubernetes writes times. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Timestamps relative to the fleet's `now` (whole seconds, RFC 3339). */
export class Clock {
  readonly now: number;

  constructor(now: Date) {
    this.now = Math.floor(now.getTime() / 1000) * 1000;
  }

  iso(ms: number): string {
    return isoTime(ms);
  }

  minutesAgo(minutes: number): string {
    return this.iso(this.now - minutes * MINUTE);
  }

  /** A snapshot's default: a condition without a time changed 5 minutes ago. */
  recent(): string {
    return this.minutesAgo(5);
  }

  /** Epoch ms of `days` (fractions allowed) before now. */
  daysAgoMs(days: number): number {
    return this.now - Math.round(days * DAY);
  }

  /** Shifts a time written against DOC_NOW to the same distance from now. */
  fromDoc(docTime: string): string {
    return this.iso(this.now - (DOC_NOW - Date.parse(docTime)));
  }

  /** `base` plus minutes, never later than a minute ago. */
  after(base: number, minutes: number): string {
    return this.iso(Math.min(base + minutes * MINUTE, this.now - MINUTE));
  }
}

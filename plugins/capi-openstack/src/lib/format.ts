/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ReplicaCounters } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** `ready/desired`, with `?` for counters not reported. */
export function readyOfDesired(counters: ReplicaCounters | undefined): string {
  const value = (n?: number) => (n === undefined ? '?' : String(n));
  return `${value(counters?.ready)}/${value(counters?.desired ?? counters?.replicas)}`;
}

/** Compact age such as `5m`, `3h`, `12d` between an ISO time and now. */
export function age(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

/** `in 12 days` / `3 days ago` for a future or past ISO time. */
export function relativeDays(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) return 'not reported';
  const days = Math.round((Date.parse(iso) - now) / 86_400_000);
  if (days === 0) return 'today';
  return days > 0 ? `in ${days} day${days === 1 ? '' : 's'}` : `${-days} day${days === -1 ? '' : 's'} ago`;
}

/** Strips a `group:default/` style prefix for display. */
export function shortRef(ref: string): string {
  const slash = ref.indexOf('/');
  return slash >= 0 ? ref.slice(slash + 1) : ref.replace(/^[a-z]+:/, '');
}

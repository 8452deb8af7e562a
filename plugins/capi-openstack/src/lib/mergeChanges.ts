/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  clusterKey,
  ClusterSummary,
  ManagementClusterStatus,
  StreamChanges,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Result of merging stream changes into the rows of one page. */
export interface MergedRows {
  rows: ClusterSummary[];
  /** True when a change concerns a cluster not on the page (a refetch shows it). */
  outsidePage: boolean;
}

/**
 * Replaces changed rows in place (same position, same object for untouched
 * rows, so React re-renders only what changed) and drops removed ones.
 * Returns the input array itself when nothing on the page changed.
 */
export function mergeChanges(rows: ClusterSummary[], changes: StreamChanges): MergedRows {
  const upserted = new Map(changes.upserted.map(s => [clusterKey(s), s]));
  const removed = new Set(changes.removed.map(clusterKey));
  let touched = 0;
  const next: ClusterSummary[] = [];
  for (const row of rows) {
    const key = clusterKey(row);
    if (removed.has(key)) {
      touched++;
      continue;
    }
    const update = upserted.get(key);
    if (update) {
      touched++;
      upserted.delete(key);
      next.push(update);
    } else next.push(row);
  }
  const outsidePage = upserted.size > 0 || changes.removed.length > rows.length - next.length;
  return { rows: touched ? next : rows, outsidePage };
}

/** Replaces management cluster states by name, keeping the order. */
export function mergeManagementClusters(
  current: ManagementClusterStatus[],
  updates: ManagementClusterStatus[],
): ManagementClusterStatus[] {
  if (!updates.length) return current;
  const byName = new Map(updates.map(m => [m.name, m]));
  const merged = current.map(m => byName.get(m.name) ?? m);
  for (const m of updates) if (!current.some(c => c.name === m.name)) merged.push(m);
  return merged;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ClusterSummary, Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';

export type SortField = 'name' | 'namespace' | 'managementCluster' | 'verdict' | 'version' | 'owner' | 'age';

export interface ClusterQuery {
  managementCluster?: string[];
  namespace?: string[];
  verdict?: Verdict[];
  owner?: string[];
  /** Case-insensitive substring of name, namespace, owner, version or reasons. */
  search?: string;
  sort?: SortField;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** Worst first when sorting by verdict. */
const VERDICT_RANK: Record<Verdict, number> = {
  Failed: 0, Degraded: 1, Unknown: 2, Progressing: 3, Deleting: 4, Paused: 5, Healthy: 6,
};

// One collator each instead of String.prototype.localeCompare per comparison
// (same default-locale ordering, several times faster on large lists).
const byText = new Intl.Collator();
const byVersion = new Intl.Collator('en', { numeric: true });

function compare(a: ClusterSummary, b: ClusterSummary, field: SortField): number {
  switch (field) {
    case 'verdict':
      return VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
    case 'age': // oldest first
      return byText.compare(a.createdAt ?? '', b.createdAt ?? '');
    case 'version':
      return byVersion.compare(a.version ?? '', b.version ?? '');
    default:
      return byText.compare(a[field] ?? '', b[field] ?? '');
  }
}

function matchesSearch(s: ClusterSummary, needle: string) {
  return [s.name, s.namespace, s.managementCluster, s.owner, s.version ?? '', ...s.reasons.map(r => r.message ?? '')]
    .some(v => v.toLowerCase().includes(needle));
}

/** A sorted copy: by `sort` (default name), then management cluster, namespace and name (a total order). */
export function sortClusters(
  all: Iterable<ClusterSummary>,
  sort: SortField = 'name',
  order: 'asc' | 'desc' = 'asc',
): ClusterSummary[] {
  const dir = order === 'desc' ? -1 : 1;
  return [...all].sort(
    (a, b) =>
      dir * compare(a, b, sort) ||
      byText.compare(a.managementCluster, b.managementCluster) ||
      byText.compare(a.namespace, b.namespace) ||
      byText.compare(a.name, b.name),
  );
}

/**
 * Filters (all given filters must match, plus `visible` when given), counts
 * per verdict and pages summaries that are already in the requested order
 * (see sortClusters): filtering keeps the order, so a memoised sorted list
 * serves every request.
 */
export function filterSortedClusters(
  sorted: readonly ClusterSummary[],
  q: ClusterQuery,
  visible?: (s: ClusterSummary) => boolean,
) {
  const needle = q.search?.trim().toLowerCase();
  const inSet = (values: string[] | undefined, v: string) => !values?.length || values.includes(v);
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 100;
  const items: ClusterSummary[] = [];
  const verdictCounts: Partial<Record<Verdict, number>> = {};
  let totalCount = 0;
  for (const s of sorted) {
    if (
      (!visible || visible(s)) &&
      inSet(q.managementCluster, s.managementCluster) &&
      inSet(q.namespace, s.namespace) &&
      inSet(q.owner, s.owner) &&
      (!needle || matchesSearch(s, needle))
    ) {
      // Counts ignore the verdict filter so the UI can show every chip's count.
      verdictCounts[s.verdict] = (verdictCounts[s.verdict] ?? 0) + 1;
      if (inSet(q.verdict, s.verdict)) {
        if (totalCount >= offset && totalCount < offset + limit) items.push(s);
        totalCount++;
      }
    }
  }
  return { items, totalCount, verdictCounts };
}

/** Filters (all given filters must match), counts per verdict, sorts and pages. */
export function queryClusters(all: Iterable<ClusterSummary>, q: ClusterQuery) {
  return filterSortedClusters(sortClusters(all, q.sort, q.order), q);
}

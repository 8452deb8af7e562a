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

function compare(a: ClusterSummary, b: ClusterSummary, field: SortField): number {
  switch (field) {
    case 'verdict':
      return VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
    case 'age': // oldest first
      return (a.createdAt ?? '').localeCompare(b.createdAt ?? '');
    case 'version':
      return (a.version ?? '').localeCompare(b.version ?? '', 'en', { numeric: true });
    default:
      return (a[field] ?? '').localeCompare(b[field] ?? '');
  }
}

function matchesSearch(s: ClusterSummary, needle: string) {
  return [s.name, s.namespace, s.managementCluster, s.owner, s.version ?? '', ...s.reasons.map(r => r.message ?? '')]
    .some(v => v.toLowerCase().includes(needle));
}

/** Filters (all given filters must match), counts per verdict, sorts and pages. */
export function queryClusters(all: Iterable<ClusterSummary>, q: ClusterQuery) {
  const needle = q.search?.trim().toLowerCase();
  const inSet = (values: string[] | undefined, v: string) => !values?.length || values.includes(v);
  const matched: ClusterSummary[] = [];
  const verdictCounts: Partial<Record<Verdict, number>> = {};
  for (const s of all) {
    if (
      inSet(q.managementCluster, s.managementCluster) &&
      inSet(q.namespace, s.namespace) &&
      inSet(q.owner, s.owner) &&
      (!needle || matchesSearch(s, needle))
    ) {
      // Counts ignore the verdict filter so the UI can show every chip's count.
      verdictCounts[s.verdict] = (verdictCounts[s.verdict] ?? 0) + 1;
      if (inSet(q.verdict, s.verdict)) matched.push(s);
    }
  }
  const field = q.sort ?? 'name';
  const dir = q.order === 'desc' ? -1 : 1;
  matched.sort(
    (a, b) =>
      dir * compare(a, b, field) ||
      a.managementCluster.localeCompare(b.managementCluster) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 100;
  return { items: matched.slice(offset, offset + limit), totalCount: matched.length, verdictCounts };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type {
  ClusterSummary,
  ManagementClusterStatus,
  Verdict,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterListQuery } from '../api/CapiOpenstackApi';
import { mergeChanges, mergeManagementClusters } from '../lib/mergeChanges';
import { useLiveLoad } from './useLiveLoad';

/** The page of the fleet on screen. */
export interface FleetState {
  loading: boolean;
  error?: Error;
  rows: ClusterSummary[];
  totalCount: number;
  verdictCounts: Partial<Record<Verdict, number>>;
  managementClusters: ManagementClusterStatus[];
}

const EMPTY: FleetState = { loading: true, rows: [], totalCount: 0, verdictCounts: {}, managementClusters: [] };

/**
 * Loads one page of `GET /clusters` for `query` and keeps it live: stream
 * changes replace rows in place at once; counts and clusters entering or
 * leaving the page follow by a throttled background refetch (no spinner).
 */
export function useFleet(query: ClusterListQuery, refetchThrottleMs = 2000): FleetState & { retry(): void } {
  const queryKey = JSON.stringify(query);
  const { state, reload } = useLiveLoad({
    key: queryKey,
    initial: EMPTY,
    fetch: api => api.listClusters(JSON.parse(queryKey)),
    loaded: (result): FleetState => ({
      loading: false,
      rows: result.items,
      totalCount: result.totalCount,
      verdictCounts: result.verdictCounts,
      managementClusters: result.managementClusters,
    }),
    // A failed background refresh keeps the rows on screen.
    keepOnBackgroundError: true,
    throttleMs: refetchThrottleMs,
    onChanges: (changes, update, refresh) => {
      update(s => {
        if (s.loading || s.error) return s;
        const merged = mergeChanges(s.rows, changes);
        const managementClusters = mergeManagementClusters(s.managementClusters, changes.managementClusters);
        if (merged.rows === s.rows && managementClusters === s.managementClusters) return s;
        return { ...s, rows: merged.rows, managementClusters };
      });
      if (changes.upserted.length || changes.removed.length) refresh();
    },
  });
  return { ...state, retry: reload };
}

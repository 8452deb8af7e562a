/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import type {
  ClusterSummary,
  ManagementClusterStatus,
  Verdict,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { capiOpenstackApiRef, ClusterListQuery } from '../api/CapiOpenstackApi';
import { mergeChanges, mergeManagementClusters } from '../lib/mergeChanges';
import { useClusterStream } from './useClusterStream';
import { useThrottledCallback } from './useThrottledCallback';

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
  const api = useApi(capiOpenstackApiRef);
  const [state, setState] = useState<FleetState>(EMPTY);
  const sequence = useRef(0);
  const queryKey = JSON.stringify(query);

  const load = useCallback(
    (background: boolean) => {
      const id = ++sequence.current;
      if (!background) setState(s => ({ ...s, loading: true, error: undefined }));
      api.listClusters(JSON.parse(queryKey)).then(
        result => {
          if (id !== sequence.current) return;
          setState({
            loading: false,
            rows: result.items,
            totalCount: result.totalCount,
            verdictCounts: result.verdictCounts,
            managementClusters: result.managementClusters,
          });
        },
        error => {
          if (id !== sequence.current) return;
          // A failed background refresh keeps the rows on screen.
          setState(s => (background && !s.error ? s : { ...s, loading: false, error }));
        },
      );
    },
    [api, queryKey],
  );

  useEffect(() => load(false), [load]);
  const refresh = useThrottledCallback(() => load(true), refetchThrottleMs);

  useClusterStream(message => {
    if (message.type === 'open') {
      refresh();
      return;
    }
    const { changes } = message;
    setState(s => {
      if (s.loading || s.error) return s;
      const merged = mergeChanges(s.rows, changes);
      const managementClusters = mergeManagementClusters(s.managementClusters, changes.managementClusters);
      if (merged.rows === s.rows && managementClusters === s.managementClusters) return s;
      return { ...s, rows: merged.rows, managementClusters };
    });
    if (changes.upserted.length || changes.removed.length) refresh();
  });

  return { ...state, retry: () => load(false) };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  clusterKey,
  ClusterDetailResponse,
  ClusterRef,
  ClusterTimelineEntry,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { mergeManagementClusters } from '../lib/mergeChanges';
import { useLiveLoad } from './useLiveLoad';

/** One cluster's detail and timeline, kept live. */
export interface ClusterDetailState {
  loading: boolean;
  error?: Error;
  detail?: ClusterDetailResponse;
  events: ClusterTimelineEntry[];
  /** Reloads now (e.g. after a 409). */
  reload(): void;
}

/**
 * Loads `GET /clusters/:mc/:ns/:name` and its events, and reloads both
 * (throttled, without a spinner) whenever the stream reports a change of
 * this cluster or its management cluster's state.
 */
export function useClusterDetail(ref: ClusterRef, refetchThrottleMs = 1500): ClusterDetailState {
  const key = clusterKey(ref);
  const { state, reload } = useLiveLoad({
    key,
    initial: { loading: true, events: [] } as Omit<ClusterDetailState, 'reload'>,
    fetch: api => {
      const [managementCluster, namespace, name] = key.split('/');
      const target = { managementCluster, namespace, name };
      return Promise.all([api.getCluster(target), api.getClusterEvents(target).catch(() => ({ items: [] }))]);
    },
    loaded: ([detail, events]) => ({ loading: false, detail, events: events.items }),
    throttleMs: refetchThrottleMs,
    onChanges: (changes, update, refresh) => {
      if (changes.upserted.some(s => clusterKey(s) === key) || changes.removed.some(r => clusterKey(r) === key)) {
        refresh();
      }
      const mine = changes.managementClusters.filter(m => m.name === ref.managementCluster);
      if (mine.length) {
        update(s =>
          s.detail
            ? {
                ...s,
                detail: { ...s.detail, managementCluster: mergeManagementClusters([s.detail.managementCluster], mine)[0] },
              }
            : s,
        );
      }
    },
  });
  return { ...state, reload };
}

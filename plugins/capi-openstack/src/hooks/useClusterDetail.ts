/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import {
  clusterKey,
  ClusterDetailResponse,
  ClusterRef,
  ClusterTimelineEntry,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { capiOpenstackApiRef } from '../api/CapiOpenstackApi';
import { mergeManagementClusters } from '../lib/mergeChanges';
import { useClusterStream } from './useClusterStream';
import { useThrottledCallback } from './useThrottledCallback';

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
  const api = useApi(capiOpenstackApiRef);
  const key = clusterKey(ref);
  const [state, setState] = useState<Omit<ClusterDetailState, 'reload'>>({ loading: true, events: [] });
  const sequence = useRef(0);

  const load = useCallback(
    (background: boolean) => {
      const id = ++sequence.current;
      const [managementCluster, namespace, name] = key.split('/');
      const target = { managementCluster, namespace, name };
      if (!background) setState(s => ({ ...s, loading: true, error: undefined }));
      Promise.all([api.getCluster(target), api.getClusterEvents(target).catch(() => ({ items: [] }))]).then(
        ([detail, events]) => {
          if (id === sequence.current) setState({ loading: false, detail, events: events.items });
        },
        error => {
          if (id === sequence.current) setState(s => ({ ...s, loading: false, error }));
        },
      );
    },
    [api, key],
  );

  useEffect(() => load(false), [load]);
  const refresh = useThrottledCallback(() => load(true), refetchThrottleMs);

  useClusterStream(message => {
    if (message.type === 'open') {
      refresh();
      return;
    }
    const { changes } = message;
    if (changes.upserted.some(s => clusterKey(s) === key) || changes.removed.some(r => clusterKey(r) === key)) {
      refresh();
    }
    const mine = changes.managementClusters.filter(m => m.name === ref.managementCluster);
    if (mine.length) {
      setState(s =>
        s.detail
          ? {
              ...s,
              detail: { ...s.detail, managementCluster: mergeManagementClusters([s.detail.managementCluster], mine)[0] },
            }
          : s,
      );
    }
  });

  return { ...state, reload: () => load(false) };
}

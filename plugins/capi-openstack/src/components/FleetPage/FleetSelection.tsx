/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { clusterKey, type ClusterSummary } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useCallback, useState } from 'react';
import { capiOpenstackApiRef, type ClusterListQuery } from '../../api/CapiOpenstackApi';
import { FleetAction, FleetActionDialog } from './FleetActionDialog';

const PAGE = 500;

/** The clusters selected for a fleet-wide action (kept across pages and filters). */
export function useSelection(query: ClusterListQuery) {
  const api = useApi(capiOpenstackApiRef);
  const [selected, setSelected] = useState<Map<string, ClusterSummary>>(new Map());
  const [loadingAll, setLoadingAll] = useState(false);
  const toggle = useCallback((c: ClusterSummary, on: boolean) => {
    setSelected(prev => {
      const next = new Map(prev);
      if (on) next.set(clusterKey(c), c);
      else next.delete(clusterKey(c));
      return next;
    });
  }, []);
  const setMany = useCallback((cs: ClusterSummary[], on: boolean) => {
    setSelected(prev => {
      const next = new Map(prev);
      for (const c of cs) {
        if (on) next.set(clusterKey(c), c);
        else next.delete(clusterKey(c));
      }
      return next;
    });
  }, []);
  /** Every cluster matching the current filters, page by page from the backend. */
  const selectAllMatching = useCallback(async () => {
    setLoadingAll(true);
    try {
      const all: ClusterSummary[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await api.listClusters({ ...query, offset, limit: PAGE });
        all.push(...page.items);
        if (page.items.length < PAGE || all.length >= page.totalCount) break;
      }
      setMany(all, true);
    } finally {
      setLoadingAll(false);
    }
  }, [api, query, setMany]);
  return {
    keys: new Set(selected.keys()) as ReadonlySet<string>,
    clusters: [...selected.values()],
    toggle,
    setMany,
    clear: () => setSelected(new Map()),
    selectAllMatching,
    loadingAll,
  };
}

/** What to do with the selected clusters; opens the fleet action dialog. */
export function FleetSelectionBar(props: { selection: ReturnType<typeof useSelection>; totalCount: number }) {
  const { selection } = props;
  const [action, setAction] = useState<FleetAction>();
  const count = selection.clusters.length;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" mb={1} role="toolbar" aria-label="Selected clusters">
      <Typography variant="body2" style={{ marginRight: 12 }}>
        {count ? `${count} selected` : 'Select clusters to act on several at once.'}
      </Typography>
      <Button size="small" onClick={() => selection.selectAllMatching()} disabled={selection.loadingAll}>
        {selection.loadingAll ? 'Selecting…' : `Select all ${props.totalCount} matching`}
      </Button>
      {count > 0 && (
        <>
          <Button size="small" variant="outlined" style={{ marginLeft: 8 }} onClick={() => setAction('hibernate')}>
            Hibernate {count}
          </Button>
          <Button size="small" variant="outlined" style={{ marginLeft: 8 }} onClick={() => setAction('wake')}>
            Wake {count}
          </Button>
          <Button size="small" variant="outlined" style={{ marginLeft: 8 }} onClick={() => setAction('upgrade')}>
            Upgrade {count}
          </Button>
          <Button size="small" style={{ marginLeft: 8 }} onClick={selection.clear}>
            Clear
          </Button>
        </>
      )}
      {action && <FleetActionDialog action={action} clusters={selection.clusters} onClose={() => setAction(undefined)} />}
    </Box>
  );
}

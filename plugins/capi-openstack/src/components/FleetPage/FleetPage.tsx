/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Box } from '@material-ui/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ClusterListQuery } from '../../api/CapiOpenstackApi';
import { useFleet } from '../../hooks/useFleet';
import { ManagementClusterBanners } from '../ManagementClusterBanners';
import { FleetFilters, FleetFilterValues, NO_FILTERS } from './FleetFilters';
import { FleetSort, FleetTable } from './FleetTable';
import { FleetSelectionBar, useSelection } from './FleetSelection';
import { VerdictCounts } from './VerdictCounts';

function toQuery(filters: FleetFilterValues, sort: FleetSort, order: 'asc' | 'desc', page: number, pageSize: number) {
  const query: ClusterListQuery = { sort, order, offset: page * pageSize, limit: pageSize };
  if (filters.managementCluster) query.managementCluster = [filters.managementCluster];
  if (filters.namespace) query.namespace = [filters.namespace];
  if (filters.verdict) query.verdict = [filters.verdict];
  if (filters.owner) query.owner = [filters.owner];
  if (filters.search.trim()) query.search = filters.search.trim();
  return query;
}

/** Remembers every value seen of a field (filter suggestions). */
function useSeen(values: string[]): string[] {
  const seen = useRef(new Set<string>());
  values.forEach(v => seen.current.add(v));
  return [...seen.current].sort();
}

/** The fleet table with its filters, counts and banners (no page chrome). */
export function FleetView(props: { initialPageSize?: number }) {
  const [filters, setFilters] = useState<FleetFilterValues>(NO_FILTERS);
  const [sort, setSort] = useState<{ sort: FleetSort; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(props.initialPageSize ?? 50);
  const query = useMemo(
    () => toQuery(filters, sort.sort, sort.order, page, pageSize),
    [filters, sort, page, pageSize],
  );
  const fleet = useFleet(query);
  const namespaces = useSeen(fleet.rows.map(r => r.namespace));
  const owners = useSeen(fleet.rows.map(r => r.owner));
  const changeFilters = useCallback((next: FleetFilterValues) => {
    setFilters(next);
    setPage(0);
  }, []);

  const selection = useSelection(query);
  const filtered = Object.values(filters).some(Boolean);
  let body;
  if (fleet.loading && !fleet.rows.length) body = <Progress />;
  else if (fleet.error) body = <ResponseErrorPanel error={fleet.error} />;
  else if (!fleet.rows.length) {
    body = filtered ? (
      <EmptyState missing="data" title="No cluster matches" description="Change or clear the filters." />
    ) : (
      <EmptyState
        missing="data"
        title="No workload clusters"
        description="No management cluster reports a workload cluster you may see."
      />
    );
  } else {
    body = (
      <FleetTable
        rows={fleet.rows}
        totalCount={fleet.totalCount}
        page={page}
        pageSize={pageSize}
        sort={sort.sort}
        order={sort.order}
        showManagementCluster={fleet.managementClusters.length !== 1}
        onPage={setPage}
        onPageSize={size => {
          setPageSize(size);
          setPage(0);
        }}
        onSort={(s, o) => setSort({ sort: s, order: o })}
        selection={{
          keys: selection.keys,
          onSelect: selection.toggle,
          onSelectPage: on => selection.setMany(fleet.rows, on),
        }}
      />
    );
  }

  return (
    <>
      <ManagementClusterBanners managementClusters={fleet.managementClusters} />
      <VerdictCounts
        counts={fleet.verdictCounts}
        selected={filters.verdict}
        onSelect={verdict => changeFilters({ ...filters, verdict })}
      />
      <InfoCard noPadding={false}>
        <Box mb={2}>
          <FleetFilters
            value={filters}
            onChange={changeFilters}
            managementClusters={fleet.managementClusters}
            namespaces={namespaces}
            owners={owners}
          />
        </Box>
        <FleetSelectionBar selection={selection} totalCount={fleet.totalCount} />
        {body}
      </InfoCard>
    </>
  );
}

/** The fleet page: every workload cluster, live. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header title="Clusters" subtitle="Cluster API workload clusters on OpenStack" />
      <Content>
        <FleetView />
      </Content>
    </Page>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ManagementClusterStatus } from '@capi-openstack/backstage-plugin-capi-openstack-common';

function text(mc: ManagementClusterStatus): string {
  const since = new Date(mc.since).toLocaleString();
  switch (mc.state) {
    case 'syncing':
      return `Management cluster ${mc.title} is syncing: its clusters may be incomplete.`;
    case 'stale':
      return `Management cluster ${mc.title} is stale since ${since}: the data shown may be out of date.${mc.message ? ` ${mc.message}` : ''}`;
    default:
      return `Management cluster ${mc.title} is unreachable since ${since}.${mc.message ? ` ${mc.message}` : ''}`;
  }
}

const SEVERITY: Partial<Record<ManagementClusterStatus['state'], 'info' | 'warning' | 'error'>> = {
  syncing: 'info',
  stale: 'warning',
};

/** One banner per management cluster that is not in sync. */
export function ManagementClusterBanners(props: { managementClusters: ManagementClusterStatus[] }) {
  const troubled = props.managementClusters.filter(mc => mc.state !== 'synced');
  if (!troubled.length) return null;
  return (
    <Box mb={2}>
      {troubled.map(mc => (
        <Box key={mc.name} mb={1}>
          <Alert severity={SEVERITY[mc.state] ?? 'error'}>
            {text(mc)}
          </Alert>
        </Box>
      ))}
    </Box>
  );
}

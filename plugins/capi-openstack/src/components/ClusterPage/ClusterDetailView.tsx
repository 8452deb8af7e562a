/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Box, Grid, Typography } from '@material-ui/core';
import type { ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useState } from 'react';
import { capiOpenstackApiRef } from '../../api/CapiOpenstackApi';
import { useClusterDetail } from '../../hooks/useClusterDetail';
import { useClusterPermissions } from '../../hooks/useClusterPermissions';
import { actionDisabledReason, ActionKind } from '../../lib/actionAvailability';
import { NodeGroupTarget } from '../../lib/targets';
import { ManagementClusterBanners } from '../ManagementClusterBanners';
import { ActionButton } from './ActionButton';
import { useClusterLookup } from '../dialogs/useClusterLookup';
import { ClusterDialogs, OpenDialog } from './ClusterDialogs';
import { downloadKubeconfig } from './downloadKubeconfig';
import { HealthCard } from './HealthCard';
import { HealthChecksCard } from './HealthChecksCard';
import { MaintenanceCard } from './MaintenanceCard';
import { InfrastructureCard } from './InfrastructureCard';
import { MachinesCard } from './MachinesCard';
import { NodeGroupsCard } from './NodeGroupsCard';
import { TimelineCard } from './TimelineCard';

/** Everything about one cluster, live, with its actions. */
export function ClusterDetailView({ cluster }: { cluster: ClusterRef }) {
  const api = useApi(capiOpenstackApiRef);
  const alertApi = useApi(alertApiRef);
  const state = useClusterDetail(cluster);
  const permissions = useClusterPermissions(cluster);
  const [dialog, setDialog] = useState<OpenDialog>();
  // The cluster's cloud (cached by the backend), for the servers' Horizon links.
  const cloud = useClusterLookup(true, cluster, (a, c) => a.getClusterOpenStack(c));
  const detail = state.detail;
  const gone = state.error instanceof ResponseError && state.error.statusCode === 404;

  if (state.loading && !detail) return <Progress />;
  // Once the dialog shows a deletion's progress, a 404 means "done", not an error page.
  if (state.error && !(gone && dialog?.kind === 'delete')) {
    return <ResponseErrorPanel error={state.error} title={gone ? 'Cluster not found' : undefined} />;
  }
  if (!detail) return <Progress />;

  const tree = detail.tree;
  const reason = (kind: ActionKind, target?: NodeGroupTarget) => actionDisabledReason(kind, tree, permissions, target);
  const open = (kind: ActionKind, target?: NodeGroupTarget, machine?: string, healthCheck?: string) =>
    setDialog({ kind, target, machine, healthCheck });
  const replaceDisabled = reason('replace-machine') ?? (tree.paused ? 'The cluster is paused: resume it first.' : undefined);
  const consoleDisabled = reason('console');
  const openConsole = (machine: string) =>
    api.openConsole(cluster, machine).then(
      c => window.open(c.url, '_blank', 'noopener,noreferrer'),
      e => alertApi.post({ message: `No console for ${machine}: ${e.body?.error?.message ?? e.message}`, severity: 'error' }),
    );
  const clusterButton = (kind: ActionKind, label: string, color?: 'secondary') => (
    <ActionButton onClick={() => open(kind)} disabledReason={reason(kind)} color={color}>
      {label}
    </ActionButton>
  );

  return (
    <>
      <ManagementClusterBanners managementClusters={[detail.managementCluster]} />
      <Box display="flex" flexWrap="wrap" alignItems="center" mb={2} role="toolbar" aria-label="Cluster actions">
        {clusterButton('upgrade', 'Upgrade')}
        {tree.paused ? clusterButton('resume', 'Resume') : clusterButton('pause', 'Pause')}
        {detail.summary.hibernated ? clusterButton('wake', 'Wake') : clusterButton('hibernate', 'Hibernate')}
        {clusterButton('hibernation-schedule', 'Schedule')}
        {clusterButton('rotate-certificates', 'Rotate certificates')}
        <ActionButton
          disabledReason={reason('kubeconfig')}
          onClick={() =>
            downloadKubeconfig(api, cluster).catch(e =>
              alertApi.post({ message: `Could not download the kubeconfig: ${e.body?.error?.message ?? e.message}`, severity: 'error' }),
            )
          }
        >
          Kubeconfig
        </ActionButton>
        {clusterButton('delete', 'Delete', 'secondary')}
        <Typography variant="caption" color="textSecondary">
          {detail.managementCluster.title} · {cluster.namespace} · {tree.classy ? `class ${tree.topology?.className}` : 'plain cluster'}
        </Typography>
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
            <HealthCard detail={detail} onAction={open} disabledReason={reason} replaceDisabledReason={replaceDisabled} />
            <MaintenanceCard
              cluster={cluster}
              maintenance={detail.summary.maintenance}
              editDisabledReason={reason('maintenance-window')}
              onEdit={() => open('maintenance-window')}
              onChanged={state.reload}
            />
          </Box>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfrastructureCard infrastructure={tree.infrastructure} />
        </Grid>
        <Grid item xs={12}>
          <NodeGroupsCard tree={tree} onAction={open} disabledReason={reason} />
        </Grid>
        <Grid item xs={12}>
          <HealthChecksCard
            checks={tree.machineHealthChecks}
            onEdit={c => open('health-check', undefined, undefined, c.name)}
            editDisabledReason={reason('health-check')}
          />
        </Grid>
        <Grid item xs={12}>
          <MachinesCard
            machines={tree.machines}
            onReplace={machine => open('replace-machine', undefined, machine)}
            disabledReason={replaceDisabled}
            onConsole={openConsole}
            consoleDisabledReason={consoleDisabled}
            horizonUrl={cloud.value?.cloud?.horizonUrl}
          />
        </Grid>
        <Grid item xs={12}>
          <TimelineCard entries={state.events} />
        </Grid>
      </Grid>
      <ClusterDialogs
        open={dialog}
        cluster={cluster}
        detail={detail}
        gone={gone}
        onClose={() => setDialog(undefined)}
        onReload={state.reload}
      />
    </>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Progress } from '@backstage/core-components';
import { MenuItem, TextField, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { happeningNow } from '../../lib/happeningNow';
import { CONTROL_PLANE } from '../../lib/targets';
import { describeActionError } from './actionError';
import { ClusterActionDialog } from './ClusterActionDialog';
import { ClusterDialogProps } from './types';
import { useClusterLookup } from './useClusterLookup';
import { useOpenedState } from './useOpenedState';

/** Upgrade Kubernetes to one of the targets the backend allows. */
export function UpgradeDialog(props: ClusterDialogProps) {
  const tree = props.detail?.tree;
  const upgrades = useClusterLookup(props.open, props.cluster, (api, cluster) => api.getUpgrades(cluster));
  const [target, setTarget] = useOpenedState(props.open, () => '');
  const targets = upgrades.value?.targets ?? [];
  return (
    <ClusterActionDialog
      {...props}
      windowable
      title="Upgrade Kubernetes"
      // Plain clusters: the control plane is written first (classy: the Cluster).
      versionOf={CONTROL_PLANE}
      call={target ? { method: 'POST', path: actionPaths.upgrade, body: { version: target } } : { invalid: 'Choose a version.' }}
      progress={() => {
        const t = props.detail?.tree;
        const observed = t?.versions.observed ?? [];
        const done = observed.length > 0 && observed.every(v => v.version === target);
        const line = t ? happeningNow(t).find(l => l.startsWith('Upgrading')) : undefined;
        return { done, text: line ?? `Running: ${observed.map(v => `${v.version} ×${v.replicas ?? '?'}`).join(', ')}` };
      }}
    >
      <Typography variant="body2" gutterBottom>
        Current version: {upgrades.value?.current ?? tree?.versions.desired ?? 'not reported'}. The control plane is
        upgraded first, then each pool.
      </Typography>
      {upgrades.loading && <Progress />}
      {upgrades.error && <Alert severity="error">{describeActionError(upgrades.error).message}</Alert>}
      {upgrades.value && !targets.length && (
        <Alert severity="info">{upgrades.value.message ?? 'No upgrade is available for this cluster.'}</Alert>
      )}
      {targets.length > 0 && (
        <TextField
          select
          id="capi-openstack-upgrade-version"
          label="Version"
          value={target}
          onChange={e => setTarget(e.target.value as string)}
          style={{ minWidth: 200 }}
        >
          {targets.map(t => (
            <MenuItem key={t.version} value={t.version}>
              {t.version}
              {t.image ? ` (image ${t.image})` : ''}
            </MenuItem>
          ))}
        </TextField>
      )}
    </ClusterActionDialog>
  );
}

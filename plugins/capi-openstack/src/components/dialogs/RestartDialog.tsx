/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { NodeGroupTarget, targetCounters, targetLabel } from '../../lib/targets';
import { ClusterActionDialog } from './ClusterActionDialog';
import { useRolloutProgress } from './rolloutProgress';
import { ClusterDialogProps } from './types';

/** Rolling restart of the control plane or a pool (every machine replaced). */
export function RestartDialog(props: ClusterDialogProps & { target: NodeGroupTarget }) {
  const { target } = props;
  // Progress: every machine must become up to date again after the rollout starts.
  const rollout = useRolloutProgress(() => targetCounters(props.detail?.tree, target), 'up to date');
  const path = target.type === 'controlPlane' ? actionPaths.restartControlPlane : actionPaths.restartPool(target.pool);
  return (
    <ClusterActionDialog
      {...props}
      windowable
      onClose={() => {
        rollout.reset();
        props.onClose();
      }}
      title={`Restart ${targetLabel(target)}`}
      versionOf={target}
      call={{ method: 'POST', path, body: {} }}
      progress={rollout.progress}
    >
      <Typography variant="body2">
        Every machine of the {targetLabel(target)} is replaced by a new one, one at a time.
      </Typography>
    </ClusterActionDialog>
  );
}

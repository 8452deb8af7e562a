/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useRef } from 'react';
import { readyOfDesired } from '../../lib/format';
import { NodeGroupTarget, settled, targetCounters, targetLabel } from '../../lib/targets';
import { ActionDialog } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';

/** Rolling restart of the control plane or a pool (every machine replaced). */
export function RestartDialog(props: ClusterDialogProps & { target: NodeGroupTarget }) {
  const { target } = props;
  const version = useVersionSnapshot(props.open, props.detail?.tree, target);
  // Progress: every machine must become up to date again after the rollout starts.
  const sawRollout = useRef(false);
  const path = target.type === 'controlPlane' ? actionPaths.restartControlPlane : actionPaths.restartPool(target.pool);
  return (
    <ActionDialog
      open={props.open}
      onClose={() => {
        sawRollout.current = false;
        props.onClose();
      }}
      title={`Restart ${targetLabel(target)}`}
      cluster={props.cluster}
      onReload={() => {
        props.onReload();
        version.recapture();
      }}
      call={{ method: 'POST', path, body: { resourceVersion: version.resourceVersion } }}
      progress={() => {
        const c = targetCounters(props.detail?.tree, target);
        if (c && !settled(c)) sawRollout.current = true;
        return {
          done: sawRollout.current && settled(c),
          text: `${c?.upToDate ?? '?'} of ${c?.desired ?? '?'} machines up to date, ${readyOfDesired(c)} ready`,
        };
      }}
    >
      <Typography variant="body2">
        Every machine of the {targetLabel(target)} is replaced by a new one, one at a time.
      </Typography>
    </ActionDialog>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterActionDialog } from './ClusterActionDialog';
import { ClusterDialogProps } from './types';

/** Pause or resume reconciliation of the whole cluster. */
export function PauseDialog(props: ClusterDialogProps & { resume: boolean }) {
  return (
    <ClusterActionDialog
      {...props}
      title={props.resume ? 'Resume reconciliation' : 'Pause reconciliation'}
      call={{ method: 'POST', path: props.resume ? actionPaths.resume : actionPaths.pause, body: {} }}
      progress={() => {
        const paused = props.detail?.tree.paused;
        return {
          done: paused === !props.resume,
          text: paused ? 'The cluster is paused.' : 'The controllers reconcile the cluster.',
        };
      }}
    >
      <Typography variant="body2">
        {props.resume
          ? 'The controllers resume reconciling the cluster and apply any pending changes.'
          : 'The controllers stop changing the cluster: no scaling, rollouts or repairs until it is resumed.'}
      </Typography>
    </ClusterActionDialog>
  );
}

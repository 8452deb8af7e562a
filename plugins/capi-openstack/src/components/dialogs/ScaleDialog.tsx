/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TextField, Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import { readyOfDesired } from '../../lib/format';
import { NodeGroupTarget, settled, targetCounters, targetLabel } from '../../lib/targets';
import { ActionDialog } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';
import { validateReplicas } from './validation';

/** Scale the control plane or one pool to a number of machines. */
export function ScaleDialog(props: ClusterDialogProps & { target: NodeGroupTarget }) {
  const { target } = props;
  const tree = props.detail?.tree;
  const counters = targetCounters(tree, target);
  const current = counters?.desired ?? counters?.replicas;
  const [replicas, setReplicas] = useState('');
  useEffect(() => {
    if (props.open) setReplicas(current === undefined ? '' : String(current));
    // Only when opening: live updates must not overwrite what the user types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);
  const version = useVersionSnapshot(props.open, tree, target);
  const controlPlane = target.type === 'controlPlane';
  const invalid = validateReplicas(replicas, { controlPlane });
  const wanted = Number(replicas);
  return (
    <ActionDialog
      open={props.open}
      onClose={props.onClose}
      title={`Scale ${targetLabel(target)}`}
      cluster={props.cluster}
      onReload={() => {
        props.onReload();
        version.recapture();
      }}
      call={
        invalid
          ? { invalid }
          : {
              method: 'POST',
              path: controlPlane ? actionPaths.scaleControlPlane : actionPaths.scalePool(target.pool),
              body: { replicas: wanted, resourceVersion: version.resourceVersion },
            }
      }
      progress={() => {
        const c = targetCounters(props.detail?.tree, target);
        return { done: settled(c, wanted), text: `${readyOfDesired(c)} machines ready, ${c?.upToDate ?? '?'} up to date` };
      }}
    >
      <Typography variant="body2" gutterBottom>
        Now {readyOfDesired(counters)} ready.
        {controlPlane ? ' The control plane needs an odd number of machines.' : ''}
      </Typography>
      <TextField
        id="capi-openstack-replicas"
        label="Replicas"
        type="number"
        value={replicas}
        onChange={e => setReplicas(e.target.value)}
        error={Boolean(invalid)}
        helperText={invalid}
        inputProps={{ min: controlPlane ? 1 : 0, step: controlPlane ? 2 : 1 }}
      />
    </ActionDialog>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, FormControlLabel, Switch, TextField } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import { findPool } from '../../lib/targets';
import { ActionDialog } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';
import { validateBounds } from './validation';

/** Set or clear the cluster-autoscaler bounds of one pool. */
export function AutoscalerDialog(props: ClusterDialogProps & { pool: string }) {
  const tree = props.detail?.tree;
  const pool = findPool(tree, props.pool);
  const [enabled, setEnabled] = useState(false);
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  useEffect(() => {
    if (!props.open) return;
    setEnabled(Boolean(pool?.autoscaler));
    setMin(String(pool?.autoscaler?.min ?? pool?.counters.desired ?? 1));
    setMax(String(pool?.autoscaler?.max ?? Math.max(pool?.counters.desired ?? 1, 1) * 2));
    // Only when opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);
  const version = useVersionSnapshot(props.open, tree, { type: 'pool', pool: props.pool });
  const invalid = enabled ? validateBounds(min, max) : undefined;
  return (
    <ActionDialog
      open={props.open}
      onClose={props.onClose}
      title={`Autoscaler of pool ${props.pool}`}
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
              path: actionPaths.setAutoscaler(props.pool),
              body: {
                bounds: enabled ? { min: Number(min), max: Number(max) } : null,
                resourceVersion: version.resourceVersion,
              },
            }
      }
    >
      <FormControlLabel
        control={<Switch checked={enabled} onChange={e => setEnabled(e.target.checked)} color="primary" />}
        label="Let the cluster autoscaler size this pool"
      />
      {enabled && (
        <Box display="flex" mt={1}>
          <TextField id="capi-openstack-autoscaler-min" label="Minimum" type="number" value={min} onChange={e => setMin(e.target.value)} inputProps={{ min: 0 }} />
          <Box ml={2}>
            <TextField
              id="capi-openstack-autoscaler-max"
              label="Maximum"
              type="number"
              value={max}
              onChange={e => setMax(e.target.value)}
              inputProps={{ min: 1 }}
              error={Boolean(invalid)}
              helperText={invalid}
            />
          </Box>
        </Box>
      )}
    </ActionDialog>
  );
}

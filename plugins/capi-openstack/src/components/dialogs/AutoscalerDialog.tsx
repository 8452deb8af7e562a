/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, FormControlLabel, Switch } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { findPool } from '../../lib/targets';
import { ClusterActionDialog } from './ClusterActionDialog';
import { NumberField } from './NumberField';
import { ClusterDialogProps } from './types';
import { useOpenedState } from './useOpenedState';
import { validateBounds } from './validation';

/** Set or clear the cluster-autoscaler bounds of one pool. */
export function AutoscalerDialog(props: ClusterDialogProps & { pool: string }) {
  const pool = findPool(props.detail?.tree, props.pool);
  const [enabled, setEnabled] = useOpenedState(props.open, () => Boolean(pool?.autoscaler));
  const [min, setMin] = useOpenedState(props.open, () => String(pool?.autoscaler?.min ?? pool?.counters.desired ?? 1));
  const [max, setMax] = useOpenedState(props.open, () =>
    String(pool?.autoscaler?.max ?? Math.max(pool?.counters.desired ?? 1, 1) * 2),
  );
  const invalid = enabled ? validateBounds(min, max) : undefined;
  return (
    <ClusterActionDialog
      {...props}
      title={`Autoscaler of pool ${props.pool}`}
      versionOf={{ type: 'pool', pool: props.pool }}
      call={
        invalid
          ? { invalid }
          : {
              method: 'POST',
              path: actionPaths.setAutoscaler(props.pool),
              body: { bounds: enabled ? { min: Number(min), max: Number(max) } : null },
            }
      }
    >
      <FormControlLabel
        control={<Switch checked={enabled} onChange={e => setEnabled(e.target.checked)} color="primary" />}
        label="Let the cluster autoscaler size this pool"
      />
      {enabled && (
        <Box display="flex" mt={1}>
          <NumberField id="capi-openstack-autoscaler-min" label="Minimum" value={min} onChange={setMin} min={0} />
          <Box ml={2}>
            <NumberField id="capi-openstack-autoscaler-max" label="Maximum" value={max} onChange={setMax} invalid={invalid} min={1} />
          </Box>
        </Box>
      )}
    </ClusterActionDialog>
  );
}

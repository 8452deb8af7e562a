/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TextField, Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import { readyOfDesired } from '../../lib/format';
import { findPool, NodeGroupTarget, settled, targetCounters, targetLabel } from '../../lib/targets';
import { ActionDialog } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';
import { validateFlavor } from './validation';

/** Change the Nova flavor of the control plane or a pool (rolling replacement). */
export function FlavorDialog(props: ClusterDialogProps & { target: NodeGroupTarget }) {
  const { target } = props;
  const tree = props.detail?.tree;
  const currentFlavor =
    target.type === 'controlPlane' ? tree?.controlPlane?.flavor?.name : findPool(tree, target.pool)?.flavor?.name;
  const [flavor, setFlavor] = useState('');
  useEffect(() => {
    if (props.open) setFlavor(currentFlavor ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);
  const version = useVersionSnapshot(props.open, tree, target);
  const invalid = validateFlavor(flavor, currentFlavor);
  return (
    <ActionDialog
      open={props.open}
      onClose={props.onClose}
      title={`Change the flavor of ${targetLabel(target)}`}
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
              path: target.type === 'controlPlane' ? actionPaths.setControlPlaneFlavor : actionPaths.setPoolFlavor(target.pool),
              body: { flavor: flavor.trim(), resourceVersion: version.resourceVersion },
            }
      }
      progress={() => {
        const c = targetCounters(props.detail?.tree, target);
        return { done: settled(c), text: `${c?.upToDate ?? '?'} of ${c?.desired ?? '?'} machines replaced, ${readyOfDesired(c)} ready` };
      }}
    >
      <Typography variant="body2" gutterBottom>
        Current flavor: {currentFlavor ?? 'not reported'}. Every machine is replaced, one at a time.
      </Typography>
      <TextField
        id="capi-openstack-flavor"
        label="Flavor"
        value={flavor}
        onChange={e => setFlavor(e.target.value)}
        error={Boolean(flavor) && Boolean(invalid)}
        helperText={flavor ? invalid : undefined}
      />
    </ActionDialog>
  );
}

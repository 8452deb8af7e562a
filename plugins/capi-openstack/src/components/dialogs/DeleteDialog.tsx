/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TextField, Typography } from '@material-ui/core';
import { useEffect, useState } from 'react';
import { happeningNow } from '../../lib/happeningNow';
import { ActionDialog } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';
import { validateConfirmName } from './validation';

/** Delete the cluster: the name must be typed; progress until it is gone. */
export function DeleteDialog(props: ClusterDialogProps & { gone: boolean }) {
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (props.open) setTyped('');
  }, [props.open]);
  const version = useVersionSnapshot(props.open, props.detail?.tree);
  const name = props.cluster.name;
  const invalid = validateConfirmName(typed, name);
  return (
    <ActionDialog
      open={props.open}
      onClose={props.onClose}
      title={`Delete cluster ${name}`}
      cluster={props.cluster}
      confirmLabel="Delete"
      onReload={() => {
        props.onReload();
        version.recapture();
      }}
      call={invalid ? { invalid } : { method: 'DELETE', path: '', body: { confirmName: typed, resourceVersion: version.resourceVersion } }}
      progress={() => {
        const tree = props.detail?.tree;
        if (props.gone) return { done: true, text: 'The cluster is gone.' };
        return { done: false, text: (tree && happeningNow(tree)[0]) ?? 'Deleting the cluster.' };
      }}
    >
      <Typography variant="body2" gutterBottom>
        Deletes every machine, the OpenStack network, router and load balancer of {name}. This cannot be undone.
      </Typography>
      <TextField
        id="capi-openstack-confirm-name"
        label="Type the cluster name to confirm"
        value={typed}
        onChange={e => setTyped(e.target.value)}
        fullWidth
      />
    </ActionDialog>
  );
}

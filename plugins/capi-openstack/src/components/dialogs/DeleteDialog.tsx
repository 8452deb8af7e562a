/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TextField, Typography } from '@material-ui/core';
import { happeningNow } from '../../lib/happeningNow';
import { ClusterActionDialog } from './ClusterActionDialog';
import { ClusterDialogProps } from './types';
import { useOpenedState } from './useOpenedState';
import { validateConfirmName } from './validation';

/** Delete the cluster: the name must be typed; progress until it is gone. */
export function DeleteDialog(props: ClusterDialogProps & { gone: boolean }) {
  const [typed, setTyped] = useOpenedState(props.open, () => '');
  const name = props.cluster.name;
  const invalid = validateConfirmName(typed, name);
  return (
    <ClusterActionDialog
      {...props}
      title={`Delete cluster ${name}`}
      confirmLabel="Delete"
      call={invalid ? { invalid } : { method: 'DELETE', path: '', body: { confirmName: typed } }}
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
    </ClusterActionDialog>
  );
}

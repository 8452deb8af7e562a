/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import { Box, LinearProgress, MenuItem, TextField, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { capiOpenstackApiRef } from '../../api/CapiOpenstackApi';
import { readyOfDesired } from '../../lib/format';
import { fallbackNote, flavorLabel } from '../../lib/openstack';
import { findPool, NodeGroupTarget, settled, targetCounters, targetLabel } from '../../lib/targets';
import { ActionDialog } from './ActionDialog';
import { describeActionError } from './actionError';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';
import { validateFlavor } from './validation';

/**
 * Change the Nova flavor of the control plane or a pool (rolling replacement).
 * Offers the flavors of the cluster's cloud (the configured ones, with a note,
 * when the cloud cannot be reached; free text when there is no list).
 */
export function FlavorDialog(props: ClusterDialogProps & { target: NodeGroupTarget }) {
  const { target } = props;
  const api = useApi(capiOpenstackApiRef);
  const cloud = useAsync(
    async () => (props.open ? api.getClusterOpenStack(props.cluster) : undefined),
    [api, props.open, props.cluster.managementCluster, props.cluster.namespace, props.cluster.name],
  );
  const flavors = cloud.value?.flavors ?? [];
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
  // A select shows only listed values: keep the current (or typed) flavor choosable.
  const unlisted = flavors.length
    ? [...new Set([currentFlavor, flavor.trim()])].filter((n): n is string => Boolean(n) && !flavors.some(f => f.name === n))
    : [];
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
      {cloud.loading && (
        <Box my={1}>
          <LinearProgress aria-label="Loading the cloud's flavors" />
        </Box>
      )}
      {cloud.value && !cloud.value.available && (
        <Alert severity="warning">{fallbackNote(cloud.value, 'flavors', flavors.length > 0)}</Alert>
      )}
      {cloud.error && (
        <Alert severity="info">
          Could not list the cloud's flavors: {describeActionError(cloud.error).message.replace(/\.$/, '')}. Type a flavor
          name.
        </Alert>
      )}
      {/* Free text until (or unless) a list arrives. */}
      <TextField
        id="capi-openstack-flavor"
        label="Flavor"
        select={flavors.length > 0}
        value={flavor}
        onChange={e => setFlavor(e.target.value as string)}
        error={Boolean(flavor) && Boolean(invalid)}
        helperText={flavor ? invalid : undefined}
        style={{ minWidth: 320 }}
      >
        {unlisted.map(name => (
          <MenuItem key={`unlisted-${name}`} value={name}>
            {name} ({name === currentFlavor ? 'current' : 'typed'}, not in the list)
          </MenuItem>
        ))}
        {flavors.map(f => (
          <MenuItem key={f.id} value={f.name}>
            {flavorLabel(f)}
            {f.name === currentFlavor ? ' (current)' : ''}
          </MenuItem>
        ))}
      </TextField>
    </ActionDialog>
  );
}

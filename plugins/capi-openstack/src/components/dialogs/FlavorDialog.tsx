/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, LinearProgress, MenuItem, TextField, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { fallbackNote, flavorLabel } from '../../lib/openstack';
import { findPool, NodeGroupTarget, settled, targetCounters, targetLabel } from '../../lib/targets';
import { describeActionError } from './actionError';
import { ClusterActionDialog } from './ClusterActionDialog';
import { replacedText } from './rolloutProgress';
import { ClusterDialogProps } from './types';
import { useClusterLookup } from './useClusterLookup';
import { useOpenedState } from './useOpenedState';
import { validateFlavor } from './validation';

/**
 * Change the Nova flavor of the control plane or a pool (rolling replacement).
 * Offers the flavors of the cluster's cloud (the configured ones, with a note,
 * when the cloud cannot be reached; free text when there is no list).
 */
export function FlavorDialog(props: ClusterDialogProps & { target: NodeGroupTarget }) {
  const { target } = props;
  const cloud = useClusterLookup(props.open, props.cluster, (api, cluster) => api.getClusterOpenStack(cluster));
  const flavors = cloud.value?.flavors ?? [];
  const tree = props.detail?.tree;
  const currentFlavor =
    target.type === 'controlPlane' ? tree?.controlPlane?.flavor?.name : findPool(tree, target.pool)?.flavor?.name;
  const [flavor, setFlavor] = useOpenedState(props.open, () => currentFlavor ?? '');
  const invalid = validateFlavor(flavor, currentFlavor);
  // A select shows only listed values: keep the current (or typed) flavor choosable.
  const unlisted = flavors.length
    ? [...new Set([currentFlavor, flavor.trim()])].filter((n): n is string => Boolean(n) && !flavors.some(f => f.name === n))
    : [];
  return (
    <ClusterActionDialog
      {...props}
      windowable
      title={`Change the flavor of ${targetLabel(target)}`}
      versionOf={target}
      call={
        invalid
          ? { invalid }
          : {
              method: 'POST',
              path: target.type === 'controlPlane' ? actionPaths.setControlPlaneFlavor : actionPaths.setPoolFlavor(target.pool),
              body: { flavor: flavor.trim() },
            }
      }
      progress={() => {
        const c = targetCounters(props.detail?.tree, target);
        return { done: settled(c), text: replacedText(c, 'replaced') };
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
    </ClusterActionDialog>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { readyOfDesired } from '../../lib/format';
import { NodeGroupTarget, settled, targetCounters, targetLabel } from '../../lib/targets';
import { ClusterActionDialog } from './ClusterActionDialog';
import { NumberField } from './NumberField';
import { ClusterDialogProps } from './types';
import { useOpenedState } from './useOpenedState';
import { validateReplicas } from './validation';

/** Scale the control plane or one pool to a number of machines. */
export function ScaleDialog(props: ClusterDialogProps & { target: NodeGroupTarget }) {
  const { target } = props;
  const counters = targetCounters(props.detail?.tree, target);
  const current = counters?.desired ?? counters?.replicas;
  const [replicas, setReplicas] = useOpenedState(props.open, () => (current === undefined ? '' : String(current)));
  const controlPlane = target.type === 'controlPlane';
  const invalid = validateReplicas(replicas, { controlPlane });
  const wanted = Number(replicas);
  return (
    <ClusterActionDialog
      {...props}
      title={`Scale ${targetLabel(target)}`}
      versionOf={target}
      call={
        invalid
          ? { invalid }
          : {
              method: 'POST',
              path: controlPlane ? actionPaths.scaleControlPlane : actionPaths.scalePool(target.pool),
              body: { replicas: wanted },
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
      <NumberField
        id="capi-openstack-replicas"
        label="Replicas"
        value={replicas}
        onChange={setReplicas}
        invalid={invalid}
        min={controlPlane ? 1 : 0}
        step={controlPlane ? 2 : 1}
      />
    </ClusterActionDialog>
  );
}

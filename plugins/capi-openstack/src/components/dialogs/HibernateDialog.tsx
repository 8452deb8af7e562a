/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { readyOfDesired } from '../../lib/format';
import { poolName, settled } from '../../lib/targets';
import { ClusterActionDialog } from './ClusterActionDialog';
import { ClusterDialogProps } from './types';

/**
 * Hibernate (every worker pool to 0, the control plane keeps running) or
 * wake (the pools back as they were, after a quota preflight).
 */
export function HibernateDialog(props: ClusterDialogProps & { wake: boolean }) {
  const { wake, detail } = props;
  const tree = detail?.tree;
  const pools = tree?.pools ?? [];
  const workers = () => props.detail?.tree.counters.workers;
  return (
    <ClusterActionDialog
      {...props}
      title={wake ? 'Wake the cluster' : 'Hibernate the cluster'}
      confirmLabel={wake ? 'Wake' : 'Hibernate'}
      call={{ method: 'POST', path: wake ? actionPaths.wake : actionPaths.hibernate, body: {} }}
      progress={() => {
        const w = workers();
        const done = wake
          ? !props.detail?.summary.hibernated && settled(w) && (w?.desired ?? 0) > 0
          : Boolean(props.detail?.summary.hibernated) && (w?.replicas ?? 0) === 0;
        return { done, text: `Workers ${readyOfDesired(w)} ready` };
      }}
    >
      {wake ? (
        <Typography variant="body2">
          The worker pools get back the machines (and autoscaler bounds) they had before the cluster was hibernated. The
          preview checks the project's quota first: it may have been used meanwhile.
        </Typography>
      ) : (
        <Typography variant="body2">
          Every worker pool goes to 0 machines ({pools.map(p => `${poolName(p)}: ${p.counters.desired ?? '?'}`).join(', ') || 'no pool'}),
          which frees their OpenStack servers and quota. The control plane keeps running. The cluster remembers each pool's
          size and autoscaler bounds; Wake restores them.
        </Typography>
      )}
    </ClusterActionDialog>
  );
}

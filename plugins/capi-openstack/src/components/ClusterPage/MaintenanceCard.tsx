/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Button, List, ListItem, ListItemSecondaryAction, ListItemText, Typography } from '@material-ui/core';
import type { ClusterMaintenance, ClusterRef, PendingOperation } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useState } from 'react';
import { capiOpenstackApiRef } from '../../api/CapiOpenstackApi';
import { describeActionError } from '../dialogs/actionError';
import { windowText } from '../dialogs/WhenField';

/** What a waiting operation does, in a few words. */
export function operationText(op: PendingOperation): string {
  const of = op.pool ? `pool ${op.pool}` : 'the control plane';
  switch (op.action) {
    case 'upgrade':
      return `Upgrade to ${op.fields.version}`;
    case 'set-control-plane-flavor':
    case 'set-pool-flavor':
      return `Flavor of ${of} to ${op.fields.flavor}`;
    case 'restart-control-plane':
    case 'restart-pool':
      return `Restart ${of}`;
    default:
      return op.action;
  }
}

/** The cluster's maintenance window and the operations waiting for it, each cancellable. */
export function MaintenanceCard(props: {
  cluster: ClusterRef;
  maintenance?: ClusterMaintenance;
  /** Why the window cannot be changed (no permission), if so. */
  editDisabledReason?: string;
  onEdit(): void;
  onChanged(): void;
}) {
  const api = useApi(capiOpenstackApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<string>();
  const { maintenance } = props;
  const cancel = async (op: PendingOperation) => {
    setBusy(op.id);
    try {
      const res = await api.cancelPendingOperation(props.cluster, op.id);
      alertApi.post({ message: res.message, severity: 'success', display: 'transient' });
      props.onChanged();
    } catch (e) {
      alertApi.post({ message: `Could not cancel: ${describeActionError(e).message}`, severity: 'error' });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <InfoCard
      title="Maintenance window"
      action={
        <Button size="small" onClick={props.onEdit} disabled={!!props.editDisabledReason} title={props.editDisabledReason}>
          {maintenance?.window ? 'Change' : 'Set'}
        </Button>
      }
    >
      {maintenance?.window ? (
        <Typography variant="body2" gutterBottom>
          {windowText(maintenance.window)}
          {maintenance.openUntil
            ? ` · open now, until ${new Date(maintenance.openUntil).toLocaleString()}`
            : maintenance.nextStart && ` · next from ${new Date(maintenance.nextStart).toLocaleString()}`}
        </Typography>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No maintenance window: changes run when they are asked for. Set one to let upgrades, restarts and flavor
          changes wait for it.
        </Typography>
      )}
      {maintenance?.pending.length ? (
        <List dense aria-label="Waiting operations">
          {maintenance.pending.map(op => (
            <ListItem key={op.id} data-operation={op.id}>
              <ListItemText
                primary={operationText(op)}
                secondary={
                  <>
                    Asked by {op.requestedBy} on {new Date(op.requestedAt).toLocaleString()}
                    {op.lastError && (
                      <Typography component="span" variant="body2" color="error" display="block">
                        Last attempt failed: {op.lastError.message}
                      </Typography>
                    )}
                  </>
                }
              />
              <ListItemSecondaryAction>
                <Button size="small" onClick={() => cancel(op)} disabled={busy === op.id}>
                  {busy === op.id ? 'Cancelling…' : 'Cancel'}
                </Button>
              </ListItemSecondaryAction>
            </ListItem>
          ))}
        </List>
      ) : (
        maintenance?.window && (
          <Typography variant="body2" color="textSecondary">
            Nothing waits for the window.
          </Typography>
        )
      )}
    </InfoCard>
  );
}

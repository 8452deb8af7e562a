/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ReactNode } from 'react';
import { useOpenedState } from './useOpenedState';
import { WhenField } from './WhenField';
import { ClusterActionCall } from '../../api/CapiOpenstackApi';
import { VersionTarget } from '../../lib/targets';
import { ActionDialog, ActionProgress } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';

export interface ClusterActionDialogProps extends ClusterDialogProps {
  title: string;
  /** Whose resourceVersion the write carries: a node group's or a health check's, else the Cluster's. */
  versionOf?: VersionTarget;
  /** The write without its resourceVersion, or a validation message. */
  call: ClusterActionCall | { invalid: string };
  confirmLabel?: string;
  progress?: () => ActionProgress;
  /** The action may wait for the cluster's maintenance window (offered when it has one). */
  windowable?: boolean;
  children?: ReactNode;
}

/**
 * The ActionDialog of one cluster action: its write carries the
 * resourceVersion seen when the dialog opened, taken again after "Reload".
 * Takes the props of the dialog that renders it (extra ones are ignored).
 */
export function ClusterActionDialog(props: ClusterActionDialogProps) {
  const { call } = props;
  const version = useVersionSnapshot(props.open, props.detail?.tree, props.versionOf);
  const maintenance = props.windowable ? props.detail?.summary.maintenance : undefined;
  const [when, setWhen] = useOpenedState<'now' | 'window'>(props.open, () => 'now');
  const later = !!maintenance?.window && when === 'window';
  return (
    <ActionDialog
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      cluster={props.cluster}
      confirmLabel={later ? 'Schedule' : props.confirmLabel}
      // A change that waits for the window is done once it is scheduled.
      progress={later ? () => ({ done: true, text: 'It waits for the maintenance window (see the Maintenance window card).' }) : props.progress}
      onReload={() => {
        props.onReload();
        version.recapture();
      }}
      call={
        'invalid' in call
          ? call
          : { ...call, body: { ...call.body, resourceVersion: version.resourceVersion, ...(later ? { when: 'window' } : {}) } }
      }
    >
      {props.children}
      <WhenField maintenance={maintenance} value={when} onChange={setWhen} />
    </ActionDialog>
  );
}

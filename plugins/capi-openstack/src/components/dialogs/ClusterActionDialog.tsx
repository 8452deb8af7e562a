/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ReactNode } from 'react';
import { ClusterActionCall } from '../../api/CapiOpenstackApi';
import { NodeGroupTarget } from '../../lib/targets';
import { ActionDialog, ActionProgress } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';

export interface ClusterActionDialogProps extends ClusterDialogProps {
  title: string;
  /** Whose resourceVersion the write carries: a node group's, else the Cluster's. */
  versionOf?: NodeGroupTarget;
  /** The write without its resourceVersion, or a validation message. */
  call: ClusterActionCall | { invalid: string };
  confirmLabel?: string;
  progress?: () => ActionProgress;
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
  return (
    <ActionDialog
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      cluster={props.cluster}
      confirmLabel={props.confirmLabel}
      progress={props.progress}
      onReload={() => {
        props.onReload();
        version.recapture();
      }}
      call={'invalid' in call ? call : { ...call, body: { ...call.body, resourceVersion: version.resourceVersion } }}
    >
      {props.children}
    </ActionDialog>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Typography } from '@material-ui/core';
import { actionPaths, type MachineNode } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useRef } from 'react';
import { ActionDialog, ActionProgress } from './ActionDialog';
import { ClusterDialogProps } from './types';

/**
 * Replace one machine: the backend deletes it and its MachineSet or control
 * plane creates a new one. No resourceVersion: a Machine's changes with every
 * status write, the backend checks against the one it reads.
 */
export function ReplaceMachineDialog(props: ClusterDialogProps & { machine: string }) {
  const { machine, detail } = props;
  // The machine as first seen: it leaves the tree while the dialog follows the replacement.
  const seen = useRef<MachineNode>();
  const found = detail?.tree.machines.find(m => m.name === machine);
  if (found && seen.current?.name !== machine) seen.current = found;
  const node = found ?? (seen.current?.name === machine ? seen.current : undefined);
  const group = node?.role === 'control-plane' ? 'the control plane' : `MachineSet ${node?.machineSet ?? node?.pool ?? ''}`;
  // Done once the machine has left the tree and its group has as many running machines as before.
  const before = useRef<number>();
  const count = () =>
    detail?.tree.machines.filter(m => m.role === node?.role && m.pool === node?.pool && m.phase === 'Running' && !m.deleting)
      .length ?? 0;
  const progress = (): ActionProgress => {
    const gone = !detail?.tree.machines.some(m => m.name === machine);
    const running = count();
    const done = gone && before.current !== undefined && running >= before.current;
    return {
      done,
      text: gone ? `${machine} deleted; ${running} of ${before.current ?? '?'} machines running` : `Draining and deleting ${machine}…`,
    };
  };
  return (
    <ActionDialog
      open={props.open}
      onClose={() => {
        before.current = undefined;
        props.onClose();
      }}
      onReload={props.onReload}
      title={`Replace machine ${machine}`}
      cluster={props.cluster}
      confirmLabel="Replace"
      progress={() => {
        before.current ??= Math.max(1, count() + (node?.phase === 'Running' ? 0 : 1));
        return progress();
      }}
      call={{ method: 'POST', path: actionPaths.replaceMachine(machine), body: {} }}
    >
      <Typography variant="body2" gutterBottom>
        Machine {machine} is drained and deleted together with its OpenStack server; {group} creates a new machine with a
        new server in its place.
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Refused when it would break etcd quorum, for the last healthy machine of a pool and while a rollout runs.
      </Typography>
    </ActionDialog>
  );
}

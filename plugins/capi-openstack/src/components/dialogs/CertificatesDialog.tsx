/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { FormControlLabel, Radio, RadioGroup, TextField, Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useRef, useState } from 'react';
import { readyOfDesired, relativeDays } from '../../lib/format';
import { settled } from '../../lib/targets';
import { ActionDialog } from './ActionDialog';
import { ClusterDialogProps } from './types';
import { useVersionSnapshot } from './useVersionSnapshot';
import { validateExpiryDays } from './validation';

type Mode = 'now' | 'automatic' | 'off';
const CONTROL_PLANE = { type: 'controlPlane' } as const;

/**
 * Control plane certificates: replace the machines now, or let KCP replace
 * them automatically some days before expiry (or stop doing so).
 */
export function CertificatesDialog(props: ClusterDialogProps) {
  const cp = props.detail?.tree.controlPlane;
  const configured = cp?.rollout.before?.certificatesExpiryDays;
  const [mode, setMode] = useState<Mode>('now');
  const [days, setDays] = useState('');
  useEffect(() => {
    if (props.open) setDays(String(configured ?? 21));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);
  const version = useVersionSnapshot(props.open, props.detail?.tree, CONTROL_PLANE);
  const sawRollout = useRef(false);
  const invalid = mode === 'automatic' ? validateExpiryDays(days) : undefined;
  let call: Parameters<typeof ActionDialog>[0]['call'];
  if (invalid) call = { invalid };
  else if (mode === 'now') {
    call = { method: 'POST', path: actionPaths.rotateCertificates, body: { resourceVersion: version.resourceVersion } };
  } else {
    call = {
      method: 'POST',
      path: actionPaths.setCertificateRotation,
      body: { certificatesExpiryDays: mode === 'off' ? null : Number(days), resourceVersion: version.resourceVersion },
    };
  }
  const earliest = cp?.certificates
    .map(c => c.expiry)
    .filter((e): e is string => Boolean(e))
    .sort()[0];
  return (
    <ActionDialog
      open={props.open}
      onClose={props.onClose}
      title="Control plane certificates"
      cluster={props.cluster}
      onReload={() => {
        props.onReload();
        version.recapture();
      }}
      call={call}
      progress={
        mode === 'now'
          ? () => {
              const c = props.detail?.tree.controlPlane?.counters;
              if (c && !settled(c)) sawRollout.current = true;
              return {
                done: sawRollout.current && settled(c),
                text: `${c?.upToDate ?? '?'} of ${c?.desired ?? '?'} machines renewed, ${readyOfDesired(c)} ready`,
              };
            }
          : undefined
      }
    >
      <Typography variant="body2" gutterBottom>
        Earliest expiry: {earliest ? `${relativeDays(earliest)} (${new Date(earliest).toLocaleDateString()})` : 'not reported'}.
        Automatic rotation: {configured === undefined ? 'off' : `${configured} days before expiry`}.
      </Typography>
      <RadioGroup aria-label="Rotation" value={mode} onChange={e => setMode(e.target.value as Mode)}>
        <FormControlLabel value="now" control={<Radio color="primary" />} label="Replace the control plane machines now" />
        <FormControlLabel value="automatic" control={<Radio color="primary" />} label="Replace them automatically before expiry" />
        <FormControlLabel value="off" control={<Radio color="primary" />} label="Turn automatic rotation off" disabled={configured === undefined} />
      </RadioGroup>
      {mode === 'automatic' && (
        <TextField
          id="capi-openstack-expiry-days"
          label="Days before expiry"
          type="number"
          value={days}
          onChange={e => setDays(e.target.value)}
          error={Boolean(invalid)}
          helperText={invalid}
          inputProps={{ min: 7 }}
        />
      )}
    </ActionDialog>
  );
}

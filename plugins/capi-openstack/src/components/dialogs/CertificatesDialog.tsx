/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { FormControlLabel, Radio, RadioGroup, Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useState } from 'react';
import { relativeDays } from '../../lib/format';
import { CONTROL_PLANE } from '../../lib/targets';
import { ClusterActionDialog, ClusterActionDialogProps } from './ClusterActionDialog';
import { NumberField } from './NumberField';
import { useRolloutProgress } from './rolloutProgress';
import { ClusterDialogProps } from './types';
import { useOpenedState } from './useOpenedState';
import { validateExpiryDays } from './validation';

type Mode = 'now' | 'automatic' | 'off';

/**
 * Control plane certificates: replace the machines now, or let KCP replace
 * them automatically some days before expiry (or stop doing so).
 */
export function CertificatesDialog(props: ClusterDialogProps) {
  const cp = props.detail?.tree.controlPlane;
  const configured = cp?.rollout.before?.certificatesExpiryDays;
  const [mode, setMode] = useState<Mode>('now');
  const [days, setDays] = useOpenedState(props.open, () => String(configured ?? 21));
  const rollout = useRolloutProgress(() => props.detail?.tree.controlPlane?.counters, 'renewed');
  const invalid = mode === 'automatic' ? validateExpiryDays(days) : undefined;
  let call: ClusterActionDialogProps['call'];
  if (invalid) call = { invalid };
  else if (mode === 'now') {
    call = { method: 'POST', path: actionPaths.rotateCertificates, body: {} };
  } else {
    call = {
      method: 'POST',
      path: actionPaths.setCertificateRotation,
      body: { certificatesExpiryDays: mode === 'off' ? null : Number(days) },
    };
  }
  const earliest = cp?.certificates
    .map(c => c.expiry)
    .filter((e): e is string => Boolean(e))
    .sort()[0];
  return (
    <ClusterActionDialog
      {...props}
      title="Control plane certificates"
      versionOf={CONTROL_PLANE}
      call={call}
      progress={mode === 'now' ? rollout.progress : undefined}
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
        <NumberField id="capi-openstack-expiry-days" label="Days before expiry" value={days} onChange={setDays} invalid={invalid} min={7} />
      )}
    </ClusterActionDialog>
  );
}

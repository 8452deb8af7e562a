/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Typography } from '@material-ui/core';
import type { ClusterMaintenance } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** How a maintenance window reads, e.g. "sat, sun 02:00–05:00 (Europe/Zurich)". */
export function windowText(window: NonNullable<ClusterMaintenance['window']>): string {
  return `${window.days.join(', ')} ${window.start}–${window.end} (${window.timeZone})`;
}

/** Now, or in the cluster's next maintenance window (offered when it has one). */
export function WhenField(props: { maintenance?: ClusterMaintenance; value: 'now' | 'window'; onChange(v: 'now' | 'window'): void }) {
  const window = props.maintenance?.window;
  if (!window) return null;
  const next = props.maintenance?.nextStart ? new Date(props.maintenance.nextStart).toLocaleString() : undefined;
  const open = props.maintenance?.openUntil;
  return (
    <FormControl component="fieldset" style={{ marginTop: 12 }}>
      <FormLabel component="legend">When</FormLabel>
      <RadioGroup row value={props.value} onChange={e => props.onChange(e.target.value as 'now' | 'window')}>
        <FormControlLabel value="now" control={<Radio color="primary" />} label="Now" />
        <FormControlLabel value="window" control={<Radio color="primary" />} label="In the maintenance window" />
      </RadioGroup>
      <Typography variant="caption" color="textSecondary">
        Window {windowText(window)}
        {open ? `, open until ${new Date(open).toLocaleTimeString()}` : ''}
        {next ? `; next from ${next}` : ''}. A waiting change runs once, with your permissions checked again then.
      </Typography>
    </FormControl>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Chip, makeStyles } from '@material-ui/core';
import type { Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Every verdict in display order. */
export const VERDICTS: Verdict[] = ['Healthy', 'Progressing', 'Degraded', 'Failed', 'Deleting', 'Paused', 'Unknown'];

const COLORS: Record<Verdict, string> = {
  Healthy: '#2e7d32',
  Progressing: '#1565c0',
  Degraded: '#ef6c00',
  Failed: '#c62828',
  Deleting: '#6a1b9a',
  Paused: '#546e7a',
  Unknown: '#757575',
};

const useStyles = makeStyles({
  chip: { color: '#fff', fontWeight: 500, margin: 0 },
});

/** A coloured chip with the verdict word. */
export function VerdictChip(props: { verdict: Verdict; size?: 'small' | 'medium'; label?: string }) {
  const classes = useStyles();
  return (
    <Chip
      className={classes.chip}
      size={props.size ?? 'small'}
      label={props.label ?? props.verdict}
      style={{ backgroundColor: COLORS[props.verdict] }}
      data-verdict={props.verdict}
    />
  );
}

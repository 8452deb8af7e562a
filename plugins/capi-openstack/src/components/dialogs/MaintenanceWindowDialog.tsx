/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, Checkbox, FormControlLabel, FormGroup, Switch, TextField, Typography } from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterActionDialog } from './ClusterActionDialog';
import { ClusterDialogProps } from './types';
import { useOpenedState } from './useOpenedState';
import { windowText } from './WhenField';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** When upgrades, restarts and flavor changes may run: weekdays, a time range and a time zone. */
export function MaintenanceWindowDialog(props: ClusterDialogProps) {
  const maintenance = props.detail?.summary.maintenance;
  const current = maintenance?.window;
  const pending = maintenance?.pending.length ?? 0;
  const [enabled, setEnabled] = useOpenedState(props.open, () => true);
  const [days, setDays] = useOpenedState<string[]>(props.open, () => current?.days ?? ['sat']);
  const [start, setStart] = useOpenedState(props.open, () => current?.start ?? '02:00');
  const [end, setEnd] = useOpenedState(props.open, () => current?.end ?? '05:00');
  const [timeZone, setTimeZone] = useOpenedState(
    props.open,
    () => current?.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  );
  let invalid: string | undefined;
  if (enabled && days.length === 0) invalid = 'Days: choose at least one.';
  else if (enabled && (!TIME.test(start) || !TIME.test(end))) invalid = 'Start and end: a time of day HH:MM.';
  else if (enabled && start === end) invalid = 'End: must differ from the start.';
  else if (enabled && !timeZone.trim()) invalid = 'Time zone: an IANA name such as Europe/Zurich.';
  else if (!enabled && pending > 0) invalid = `Cancel the ${pending} waiting operation${pending === 1 ? '' : 's'} first.`;
  const toggle = (day: string, on: boolean) => setDays(d => (on ? DAYS.filter(x => x === day || d.includes(x)) : d.filter(x => x !== day)));
  return (
    <ClusterActionDialog
      {...props}
      title="Maintenance window"
      progress={() => ({ done: true, text: 'The window is saved on the Cluster.' })}
      call={
        invalid
          ? { invalid }
          : {
              method: 'POST',
              path: actionPaths.setMaintenanceWindow,
              body: { window: enabled ? { days, start, end, timeZone: timeZone.trim() } : null },
            }
      }
    >
      <Typography variant="body2" gutterBottom>
        Upgrades, restarts and flavor changes can wait for this window instead of running at once. An end before the
        start runs over midnight.
        {current && ` Now: ${windowText(current)}.`}
      </Typography>
      <FormControlLabel
        control={<Switch checked={enabled} onChange={e => setEnabled(e.target.checked)} color="primary" />}
        label="This cluster has a maintenance window"
      />
      {enabled && (
        <Box display="flex" flexDirection="column" mt={1} style={{ gap: 12 }}>
          <FormGroup row aria-label="Days">
            {DAYS.map(d => (
              <FormControlLabel
                key={d}
                control={<Checkbox checked={days.includes(d)} onChange={e => toggle(d, e.target.checked)} color="primary" />}
                label={d}
              />
            ))}
          </FormGroup>
          <Box display="flex" style={{ gap: 12 }}>
            <TextField id="capi-openstack-window-start" label="Start (HH:MM)" value={start} onChange={e => setStart(e.target.value)} />
            <TextField id="capi-openstack-window-end" label="End (HH:MM)" value={end} onChange={e => setEnd(e.target.value)} />
          </Box>
          <TextField
            id="capi-openstack-window-zone"
            label="Time zone"
            value={timeZone}
            onChange={e => setTimeZone(e.target.value)}
            helperText="IANA name, e.g. Europe/Zurich"
          />
        </Box>
      )}
      {invalid && (
        <Typography variant="body2" color="error">
          {invalid}
        </Typography>
      )}
    </ClusterActionDialog>
  );
}

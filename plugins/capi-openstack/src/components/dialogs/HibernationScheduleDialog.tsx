/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  Box,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import { actionPaths } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterActionDialog } from './ClusterActionDialog';
import { ClusterDialogProps } from './types';
import { useOpenedState } from './useOpenedState';

const fiveFields = (s: string) => s.trim().split(/\s+/).length === 5;

/** When the backend hibernates and wakes the cluster: two cron expressions in a time zone. */
export function HibernationScheduleDialog(props: ClusterDialogProps) {
  const current = props.detail?.summary.hibernationSchedule;
  // Opened to set a schedule: on, with the current one or office hours.
  const [enabled, setEnabled] = useOpenedState(props.open, () => true);
  const [hibernate, setHibernate] = useOpenedState(
    props.open,
    () => current?.hibernate ?? '0 20 * * 1-5',
  );
  const [wake, setWake] = useOpenedState(
    props.open,
    () => current?.wake ?? '0 7 * * 1-5',
  );
  const [timeZone, setTimeZone] = useOpenedState(
    props.open,
    () =>
      current?.timeZone ??
      new Intl.DateTimeFormat().resolvedOptions().timeZone ??
      'UTC',
  );
  let invalid: string | undefined;
  if (enabled && !fiveFields(hibernate))
    invalid =
      'Hibernate: a cron expression of 5 fields (minute hour day month weekday).';
  else if (enabled && !fiveFields(wake))
    invalid =
      'Wake: a cron expression of 5 fields (minute hour day month weekday).';
  else if (enabled && !timeZone.trim())
    invalid = 'Time zone: an IANA name such as Europe/Zurich.';
  const next = current?.next;
  const fields = [
    {
      id: 'hibernate',
      label: 'Hibernate at (cron)',
      value: hibernate,
      set: setHibernate,
      help: 'e.g. 0 20 * * 1-5: weekdays at 20:00',
    },
    {
      id: 'wake',
      label: 'Wake at (cron)',
      value: wake,
      set: setWake,
      help: 'e.g. 0 7 * * 1-5: weekdays at 07:00',
    },
    {
      id: 'zone',
      label: 'Time zone',
      value: timeZone,
      set: setTimeZone,
      help: 'IANA name, e.g. Europe/Zurich',
    },
  ];
  return (
    <ClusterActionDialog
      {...props}
      title="Hibernation schedule"
      call={
        invalid
          ? { invalid }
          : {
              method: 'POST',
              path: actionPaths.setHibernationSchedule,
              body: {
                schedule: enabled
                  ? {
                      hibernate: hibernate.trim(),
                      wake: wake.trim(),
                      timeZone: timeZone.trim(),
                    }
                  : null,
              },
            }
      }
    >
      <Typography variant="body2" gutterBottom>
        The backend hibernates the cluster (worker pools to 0) and wakes it at
        these times. A manual wake or hibernate in between holds until the next
        scheduled change.
        {next &&
          ` Next: ${next.action} at ${new Date(next.at).toLocaleString()}.`}
      </Typography>
      <FormControlLabel
        control={
          <Switch
            checked={enabled}
            onChange={e => setEnabled(e.target.checked)}
            color="primary"
          />
        }
        label="Hibernate and wake on a schedule"
      />
      {enabled && (
        <Box display="flex" flexDirection="column" mt={1} style={{ gap: 12 }}>
          {fields.map(f => (
            <TextField
              key={f.id}
              id={`capi-openstack-schedule-${f.id}`}
              label={f.label}
              value={f.value}
              onChange={e => f.set(e.target.value)}
              helperText={f.help}
            />
          ))}
          {invalid && (
            <Typography variant="body2" color="error">
              {invalid}
            </Typography>
          )}
        </Box>
      )}
    </ClusterActionDialog>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, Button, IconButton, MenuItem, TextField, Typography } from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { actionPaths, type MachineHealthCheckNode } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterActionDialog } from './ClusterActionDialog';
import { ClusterDialogProps } from './types';
import { useOpenedState } from './useOpenedState';

type Condition = { type: string; status: string; timeoutSeconds: string };

const STATUSES = ['False', 'Unknown', 'True'];
const WHOLE = /^\d+$/;

/** The form's problem, naming the field, or undefined. */
function problemOf(conditions: Condition[], startup: string, maxUnhealthy: string, range: string): string | undefined {
  if (startup && !WHOLE.test(startup)) return 'Node startup timeout: whole seconds, or empty for the default.';
  const bad = conditions.findIndex(c => !c.type.trim() || !WHOLE.test(c.timeoutSeconds));
  if (bad >= 0) return `Condition ${bad + 1}: a node condition type and a timeout in whole seconds.`;
  if (maxUnhealthy && !/^\d+%?$/.test(maxUnhealthy)) return 'Max unhealthy: a count or a percentage (3, 40%).';
  if (range && !/^\[\d+-\d+\]$/.test(range)) return 'Unhealthy range: [min-max], e.g. [1-3].';
  if (maxUnhealthy && range) return 'Set max unhealthy or an unhealthy range, not both.';
  return undefined;
}

/** Edits one health check: what makes a machine unhealthy, and when remediation runs. */
export function HealthCheckDialog(props: ClusterDialogProps & { check: MachineHealthCheckNode }) {
  const { check } = props;
  const target = check.target ?? check.name;
  const [conditions, setConditions] = useOpenedState<Condition[]>(props.open, () =>
    (check.unhealthyNodeConditions ?? []).map(c => ({ type: c.type, status: c.status, timeoutSeconds: String(c.timeoutSeconds ?? 300) })),
  );
  const [startup, setStartup] = useOpenedState(props.open, () =>
    check.nodeStartupTimeoutSeconds === undefined ? '' : String(check.nodeStartupTimeoutSeconds),
  );
  const [maxUnhealthy, setMaxUnhealthy] = useOpenedState(props.open, () => check.maxUnhealthy ?? '');
  const [range, setRange] = useOpenedState(props.open, () => check.unhealthyRange ?? '');
  const invalid = problemOf(conditions, startup, maxUnhealthy.trim(), range.trim());
  const edit = (i: number, change: Partial<Condition>) => setConditions(cs => cs.map((c, j) => (j === i ? { ...c, ...change } : c)));
  let what = `pool ${target}`;
  if (target === 'control-plane') what = 'the control plane';
  else if (target === check.name) what = check.name;
  return (
    <ClusterActionDialog
      {...props}
      // A health check's settings are not part of the cluster's summary, whose changes the page follows.
      onClose={() => {
        props.onReload();
        props.onClose();
      }}
      title={`Health check of ${what}`}
      versionOf={{ type: 'healthCheck', name: check.name }}
      progress={() => ({ done: true, text: 'The health check controller applies it to the machines it watches.' })}
      call={
        invalid
          ? { invalid }
          : {
              method: 'POST',
              path: actionPaths.setHealthCheck(target),
              body: {
                nodeStartupTimeoutSeconds: startup ? Number(startup) : null,
                unhealthyNodeConditions: conditions.map(c => ({ type: c.type.trim(), status: c.status, timeoutSeconds: Number(c.timeoutSeconds) })),
                maxUnhealthy: maxUnhealthy.trim(),
                unhealthyRange: range.trim(),
              },
            }
      }
    >
      <Typography variant="body2" gutterBottom>
        A machine is unhealthy when its node has one of these conditions for longer than its timeout, or gets no node
        within the startup timeout; the controller then replaces it, unless too many are unhealthy at once.
      </Typography>
      <Box display="flex" flexDirection="column" style={{ gap: 8 }} role="group" aria-label="Unhealthy node conditions">
        {conditions.map((c, i) => (
          <Box key={i} display="flex" alignItems="center" style={{ gap: 8 }}>
            <TextField id={`capi-openstack-hc-${i}-type`} label={`Condition ${i + 1} type`} value={c.type} onChange={e => edit(i, { type: e.target.value })} />
            <TextField
              select
              style={{ minWidth: 160 }}
              id={`capi-openstack-hc-${i}-status`}
              label={`Condition ${i + 1} status`}
              value={c.status} onChange={e => edit(i, { status: e.target.value as string })}>
              {STATUSES.map(s => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              id={`capi-openstack-hc-${i}-timeout`}
              label={`Condition ${i + 1} timeout (s)`}
              value={c.timeoutSeconds}
              onChange={e => edit(i, { timeoutSeconds: e.target.value })}
            />
            <IconButton aria-label={`Remove condition ${i + 1}`} onClick={() => setConditions(cs => cs.filter((_, j) => j !== i))}>
              <DeleteIcon />
            </IconButton>
          </Box>
        ))}
        <Box>
          <Button size="small" onClick={() => setConditions(cs => [...cs, { type: 'Ready', status: 'False', timeoutSeconds: '300' }])}>
            Add a condition
          </Button>
        </Box>
      </Box>
      <Box display="flex" mt={2} style={{ gap: 12 }}>
        <TextField id="capi-openstack-hc-startup" label="Node startup timeout (s)" value={startup} onChange={e => setStartup(e.target.value)} helperText="Empty: the default" />
        <TextField id="capi-openstack-hc-max" label="Max unhealthy" value={maxUnhealthy} onChange={e => setMaxUnhealthy(e.target.value)} helperText="3 or 40%; empty: no limit" />
        <TextField id="capi-openstack-hc-range" label="Unhealthy range" value={range} onChange={e => setRange(e.target.value)} helperText="[1-3]; empty: none" />
      </Box>
      {invalid && (
        <Typography variant="body2" color="error">
          {invalid}
        </Typography>
      )}
    </ClusterActionDialog>
  );
}

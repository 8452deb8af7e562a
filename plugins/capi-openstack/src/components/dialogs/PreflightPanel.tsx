/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, List, ListItem, ListItemIcon, ListItemText, makeStyles } from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import { Alert, AlertTitle } from '@material-ui/lab';
import type { PreflightResult, PreflightStatus } from '@capi-openstack/backstage-plugin-capi-openstack-common';

const useStyles = makeStyles(theme => ({
  pass: { color: theme.palette.success.main },
  warn: { color: theme.palette.warning.main },
  fail: { color: theme.palette.error.main },
  icon: { minWidth: theme.spacing(4) },
  // Messages are sentences with numbers: wrap them, never cut them off.
  message: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
}));

const TITLE: Record<PreflightStatus, string> = {
  pass: 'Quota and resource checks passed',
  warn: 'Quota and resource checks passed with warnings',
  fail: 'Quota and resource checks failed',
};
const SEVERITY = { pass: 'success', warn: 'warning', fail: 'error' } as const;
const WORD: Record<PreflightStatus, string> = { pass: 'Passed', warn: 'Warning', fail: 'Failed' };
const ICON = { pass: CheckCircleIcon, warn: WarningIcon, fail: ErrorIcon };

/** The preflight of a dry run or a write: overall status, then each check with its message. */
export function PreflightPanel(props: { preflight: PreflightResult }) {
  const { preflight } = props;
  const classes = useStyles();
  return (
    <Box mt={2} role="region" aria-label="Preflight checks">
      <Alert severity={SEVERITY[preflight.status]}>
        <AlertTitle>{TITLE[preflight.status]}</AlertTitle>
        {preflight.summary}
        {preflight.forced && ' Applied anyway (forced).'}
      </Alert>
      {preflight.checks.length > 0 && (
        <List dense disablePadding>
          {preflight.checks.map(check => {
            const CheckIcon = ICON[check.status];
            return (
              <ListItem key={check.id} data-status={check.status} disableGutters>
                <ListItemIcon className={classes.icon}>
                  <CheckIcon className={classes[check.status]} titleAccess={WORD[check.status]} fontSize="small" />
                </ListItemIcon>
                <ListItemText primary={check.message} primaryTypographyProps={{ className: classes.message }} />
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
}

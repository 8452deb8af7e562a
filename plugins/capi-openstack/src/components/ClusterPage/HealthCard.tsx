/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard } from '@backstage/core-components';
import { Box, List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ClusterDetailResponse, VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { explainReason } from '../../lib/explainReason';
import { happeningNow } from '../../lib/happeningNow';
import { MAGNUM_READ_ONLY } from '../../lib/actionAvailability';
import { VerdictChip } from '../VerdictChip';

function since(reason: VerdictReason): string {
  return reason.since ? ` since ${new Date(reason.since).toLocaleString()}` : '';
}

/** The verdict, what is happening now and every reason in plain words. */
export function HealthCard({ detail }: { detail: ClusterDetailResponse }) {
  const { health, tree } = detail;
  const now = happeningNow(tree);
  return (
    <InfoCard title="Health">
      <Box display="flex" alignItems="center" mb={1} role="group" aria-label="Verdict">
        <VerdictChip verdict={health.verdict} size="medium" />
        {health.lastKnownVerdict && (
          <Box ml={1} display="flex" alignItems="center">
            <Typography variant="body2" color="textSecondary" style={{ marginRight: 8 }}>
              last known:
            </Typography>
            <VerdictChip verdict={health.lastKnownVerdict} />
          </Box>
        )}
      </Box>
      {tree.magnum.managed && (
        <Box mb={1}>
          <Alert severity="info">{MAGNUM_READ_ONLY}</Alert>
        </Box>
      )}
      {now.length > 0 && (
        <Typography variant="body1" aria-label="What is happening now" gutterBottom>
          <strong>Now: </strong>
          {now.join(' · ')}
        </Typography>
      )}
      {health.reasons.length === 0 ? (
        <Typography variant="body2">Everything is as wanted: all machines are ready and up to date.</Typography>
      ) : (
        <List dense aria-label="Reasons">
          {health.reasons.map((reason, i) => {
            const text = explainReason(reason);
            return (
              <ListItem key={i} disableGutters alignItems="flex-start">
                <ListItemText
                  primary={
                    <span>
                      <Typography component="span" color={reason.severity === 'error' ? 'error' : 'textPrimary'}>
                        {text.summary}
                      </Typography>{' '}
                      <Typography component="span" variant="body2" color="textSecondary">
                        ({reason.object.kind} {reason.object.name}
                        {since(reason)})
                      </Typography>
                    </span>
                  }
                  secondary={text.detail}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </InfoCard>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ClusterDetailResponse, VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { happeningNow } from '../../lib/happeningNow';
import { MAGNUM_READ_ONLY } from '../../lib/actionAvailability';
import { VerdictChip } from '../VerdictChip';
import { FixActionHandlers, FixGuideItem } from './FixGuideItem';

/** Reasons with the same guide and message (one failure seen on several objects) shown once, in order. */
function groupByGuide(reasons: VerdictReason[]): VerdictReason[][] {
  const groups = new Map<string, VerdictReason[]>();
  reasons.forEach((r, i) => {
    const key = r.fix ? `${r.severity} ${r.fix.summary} ${r.fix.nextStep} ${r.message ?? ''}` : String(i);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  });
  return [...groups.values()];
}

/**
 * The verdict, what is happening now and every reason with its fix guide:
 * the cause in plain words, the next step and the actions that fix it.
 */
export function HealthCard({ detail, ...handlers }: { detail: ClusterDetailResponse } & FixActionHandlers) {
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
        <Box component="ul" aria-label="Reasons" m={0} p={0} style={{ listStyle: 'none' }}>
          {groupByGuide(health.reasons).map(([reason, ...alsoOn], i) => (
            <li key={i}>
              <FixGuideItem reason={reason} alsoOn={alsoOn} handlers={handlers} />
            </li>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}

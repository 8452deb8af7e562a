/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, ButtonBase, Typography } from '@material-ui/core';
import type { Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { VERDICTS, VerdictChip } from '../VerdictChip';

/** Count per verdict; clicking one filters by it (again: clears the filter). */
export function VerdictCounts(props: {
  counts: Partial<Record<Verdict, number>>;
  selected: Verdict | '';
  onSelect(verdict: Verdict | ''): void;
}) {
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" mb={2} role="group" aria-label="Clusters per verdict">
      {VERDICTS.map(verdict => (
        <Box key={verdict} mr={2} mb={1} display="flex" alignItems="center">
          <ButtonBase
            aria-pressed={props.selected === verdict}
            aria-label={`${verdict}: ${props.counts[verdict] ?? 0}`}
            onClick={() => props.onSelect(props.selected === verdict ? '' : verdict)}
            style={{ borderRadius: 16, opacity: props.selected && props.selected !== verdict ? 0.5 : 1 }}
          >
            <VerdictChip verdict={verdict} size="medium" label={`${verdict} ${props.counts[verdict] ?? 0}`} />
          </ButtonBase>
        </Box>
      ))}
      <Typography variant="body2" color="textSecondary" component="span">
        {Object.values(props.counts).reduce((a, b) => a + (b ?? 0), 0)} clusters
      </Typography>
    </Box>
  );
}

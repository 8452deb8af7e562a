/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard } from '@backstage/core-components';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import type { ClusterTimelineEntry } from '@capi-openstack/backstage-plugin-capi-openstack-common';

function title(e: ClusterTimelineEntry): string {
  if (e.source === 'condition' && e.condition) {
    return `${e.condition.type} → ${e.condition.status}${e.reason ? ` (${e.reason})` : ''}`;
  }
  return `${e.reason ?? 'Event'}${e.count && e.count > 1 ? ` ×${e.count}` : ''}`;
}

/** Events and condition transitions, newest first. */
export function TimelineCard({ entries }: { entries: ClusterTimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => b.time.localeCompare(a.time));
  return (
    <InfoCard title="Timeline">
      {sorted.length === 0 ? (
        <Typography variant="body2">Nothing recorded yet.</Typography>
      ) : (
        <List dense aria-label="Timeline" style={{ maxHeight: 480, overflow: 'auto' }}>
          {sorted.map((e, i) => (
            <ListItem key={`${e.time}-${i}`} disableGutters>
              <ListItemText
                primary={
                  <Typography color={e.type === 'Warning' ? 'error' : 'textPrimary'} variant="body2">
                    {new Date(e.time).toLocaleString()} · {e.object.kind} {e.object.name} · {title(e)}
                  </Typography>
                }
                secondary={e.message}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}

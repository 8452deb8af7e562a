/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard } from '@backstage/core-components';
import { Button, TableCell, TableRow, Typography } from '@material-ui/core';
import type { MachineHealthCheckNode } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { NoWrapTable } from '../NoWrapTable';

const COLUMNS = ['Name', 'Machines healthy', 'Unhealthy when', 'Node startup', 'Remediation', 'Unhealthy machines', ''];

function seconds(s: number | undefined): string {
  if (s === undefined) return '—';
  return s >= 60 && s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}

function remediation(c: MachineHealthCheckNode): string {
  const limits = [c.maxUnhealthy && `up to ${c.maxUnhealthy} unhealthy`, c.unhealthyRange && `while ${c.unhealthyRange} unhealthy`]
    .filter(Boolean)
    .join(', ');
  const state = c.remediationAllowed === 'False' ? 'blocked' : 'allowed';
  return limits ? `${state} (${limits})` : state;
}

/** The cluster's MachineHealthChecks: what makes a machine unhealthy, and which machines are being remediated. */
export function HealthChecksCard({
  checks,
  onEdit,
  editDisabledReason,
}: {
  checks: MachineHealthCheckNode[];
  onEdit?(check: MachineHealthCheckNode): void;
  /** Why editing is not possible (permission, Magnum), if so. */
  editDisabledReason?: string;
}) {
  return (
    <InfoCard title="Health checks">
      {checks.length === 0 ? (
        <Typography variant="body2">
          No MachineHealthCheck: a machine whose node fails is not replaced automatically (replace it by hand, or add
          a health check to the cluster or its ClusterClass).
        </Typography>
      ) : (
        <NoWrapTable aria-label="Health checks" columns={COLUMNS}>
          {checks.map(c => (
            <TableRow key={c.name}>
              <TableCell>{c.name}</TableCell>
              <TableCell>
                {c.currentHealthy ?? '?'}/{c.expectedMachines ?? c.targets.length}
              </TableCell>
              <TableCell>
                {c.unhealthyNodeConditions?.map(u => `${u.type}=${u.status} for ${seconds(u.timeoutSeconds)}`).join(', ') || '—'}
              </TableCell>
              <TableCell>{seconds(c.nodeStartupTimeoutSeconds)}</TableCell>
              <TableCell>
                <Typography variant="body2" color={c.remediationAllowed === 'False' ? 'error' : 'textPrimary'}>
                  {remediation(c)}
                </Typography>
              </TableCell>
              <TableCell>{c.unhealthyMachines.join(', ') || 'none'}</TableCell>
              <TableCell>
                {onEdit && c.target && (
                  <Button
                    size="small"
                    aria-label={`Edit health check ${c.name}`}
                    onClick={() => onEdit(c)}
                    disabled={!!editDisabledReason}
                    title={editDisabledReason}
                  >
                    Edit
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </NoWrapTable>
      )}
    </InfoCard>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard, Link } from '@backstage/core-components';
import { makeStyles, TableCell, TableRow, Typography } from '@material-ui/core';
import type { MachineNode } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { explainReason } from '../../lib/explainReason';
import { NoWrapTable } from '../NoWrapTable';
import { ActionButton } from './ActionButton';
import { flavorText, imageText } from './NodeGroupsCard';

const useStyles = makeStyles(theme => ({
  failed: {
    backgroundColor: theme.palette.type === 'dark' ? '#4a1c1c' : '#fdecea',
  },
}));

/** Why a machine failed, in plain words, or undefined. */
export function machineFailure(m: MachineNode): string | undefined {
  const server = m.server;
  const failing = [...(server?.conditions ?? []), ...m.conditions].find(
    c =>
      c.status === 'False' &&
      [
        'InstanceCreateFailed',
        'InstanceStateError',
        'InstanceNotFound',
        'InvalidMachineSpec',
        'DependencyFailed',
      ].includes(c.reason ?? ''),
  );
  if (server?.state === 'ERROR' || server?.failureMessage || failing) {
    const source = server?.failureMessage ?? failing?.message;
    return explainReason({
      reason: failing?.reason ?? 'InstanceStateError',
      message: source,
    }).summary;
  }
  if (m.phase === 'Failed') return 'The machine failed.';
  return undefined;
}

/**
 * What a health check found and did about a machine: unhealthy
 * (`HealthCheckSucceeded=False`), then its owner remediating it
 * (`OwnerRemediated=False` until the owner replaces it).
 */
export function remediationOf(m: MachineNode): string | undefined {
  const cond = (type: string) => m.conditions.find(c => c.type === type && c.status === 'False');
  const owner = cond('OwnerRemediated');
  if (owner) return `Remediation: ${owner.message || owner.reason || 'waiting for its owner to replace it'}`;
  const check = cond('HealthCheckSucceeded');
  if (check) return `Unhealthy: ${check.message || check.reason || 'failed its health check'}`;
  return undefined;
}

const MACHINE_COLUMNS = ['Name', 'Role', 'Phase', 'OpenStack state', 'Flavor', 'Image', 'Zone', 'Addresses', 'Node', 'Actions'];

/**
 * Every machine with its OpenStack server; failures highlighted; a button to
 * replace each (`disabledReason` says why not, for the cluster).
 */
export function MachinesCard({
  machines,
  onReplace,
  disabledReason,
  onConsole,
  consoleDisabledReason,
  horizonUrl,
}: {
  machines: MachineNode[];
  onReplace?(machine: string): void;
  disabledReason?: string;
  /** Opens the server's remote console. */
  onConsole?(machine: string): void;
  consoleDisabledReason?: string;
  /** Horizon of the cluster's cloud: each server links to its instance page. */
  horizonUrl?: string;
}) {
  const classes = useStyles();
  return (
    <InfoCard title="Machines">
      {machines.length === 0 ? (
        <Typography variant="body2">No machines.</Typography>
      ) : (
        <NoWrapTable aria-label="Machines" columns={MACHINE_COLUMNS}>
          {machines.map(m => {
            const failure = machineFailure(m);
            return (
              <TableRow
                key={m.name}
                className={failure ? classes.failed : undefined}
                data-failed={failure ? 'true' : undefined}
              >
                <TableCell>
                  {m.name}
                  {failure && (
                    <Typography variant="body2" color="error" role="alert">
                      {failure}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {m.role === 'control-plane'
                    ? 'control plane'
                    : `worker${m.pool ? ` (${m.pool})` : ''}`}
                </TableCell>
                <TableCell>
                  {m.phase ?? '—'}
                  {m.deleting ? ' (deleting)' : ''}
                  {remediationOf(m) && (
                    <Typography variant="caption" color="error" display="block" data-remediation="true">
                      {remediationOf(m)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {horizonUrl && m.server?.instanceId ? (
                    <Link to={`${horizonUrl}/project/instances/${encodeURIComponent(m.server.instanceId)}/`} target="_blank">
                      {m.server.state ?? 'server'}
                    </Link>
                  ) : (
                    m.server?.state ?? '—'
                  )}
                </TableCell>
                <TableCell>{flavorText(m.server?.flavor)}</TableCell>
                <TableCell>{imageText(m.server?.image)}</TableCell>
                <TableCell>
                  {m.server?.availabilityZone ?? m.failureDomain ?? '—'}
                </TableCell>
                <TableCell>
                  {m.server?.addresses.map(a => a.address).join(', ') ||
                    '—'}
                </TableCell>
                <TableCell>{m.nodeName ?? '—'}</TableCell>
                <TableCell>
                  {onConsole && (
                    <ActionButton
                      aria-label={`Console of machine ${m.name}`}
                      onClick={() => onConsole(m.name)}
                      disabledReason={consoleDisabledReason ?? (m.server?.instanceId ? undefined : 'The machine has no OpenStack server yet.')}
                    >
                      Console
                    </ActionButton>
                  )}
                  {onReplace && (
                    <ActionButton
                      aria-label={`Replace machine ${m.name}`}
                      onClick={() => onReplace(m.name)}
                      disabledReason={disabledReason ?? (m.deleting ? 'The machine is being deleted.' : undefined)}
                    >
                      Replace
                    </ActionButton>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </NoWrapTable>
      )}
    </InfoCard>
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { actionPaths, clusterKey, type ClusterSummary } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useState } from 'react';
import { capiOpenstackApiRef } from '../../api/CapiOpenstackApi';
import { runEach } from '../../lib/runEach';
import { describeActionError } from '../dialogs/actionError';

/** The actions offered for many clusters at once. */
export type FleetAction = 'hibernate' | 'wake';

const TITLES: Record<FleetAction, string> = { hibernate: 'Hibernate', wake: 'Wake' };
const DEFAULT_PARALLEL = 3;

type RowState = { state: 'queued' | 'running' | 'done' | 'unchanged' | 'failed' | 'skipped'; message?: string };

/**
 * One action on many clusters: a dry run of each first, then the action,
 * one request per cluster (each with its own permission check, preflight
 * and audit event in the backend), never more than
 * `capiOpenstack.fleetActions.maxParallel` at once, stopping at the first
 * failure or carrying on.
 */
export function FleetActionDialog(props: { action: FleetAction; clusters: ClusterSummary[]; onClose(): void }) {
  const api = useApi(capiOpenstackApiRef);
  const limit = useApi(configApiRef).getOptionalNumber('capiOpenstack.fleetActions.maxParallel') ?? DEFAULT_PARALLEL;
  const [stopOnFailure, setStopOnFailure] = useState(true);
  const [phase, setPhase] = useState<'ready' | 'previewing' | 'previewed' | 'running' | 'finished'>('ready');
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const title = `${TITLES[props.action]} ${props.clusters.length} cluster${props.clusters.length === 1 ? '' : 's'}`;

  const go = async (dryRun: boolean) => {
    setPhase(dryRun ? 'previewing' : 'running');
    setRows(Object.fromEntries(props.clusters.map(c => [clusterKey(c), { state: 'queued' as const }])));
    const set = (c: ClusterSummary, s: RowState) => setRows(r => ({ ...r, [clusterKey(c)]: s }));
    await runEach(
      props.clusters,
      c => api.runAction(c, { method: 'POST', path: actionPaths[props.action], body: {} }, { dryRun }),
      {
        limit,
        stopOnFailure: stopOnFailure && !dryRun,
        onStart: i => set(props.clusters[i], { state: 'running' }),
        onOutcome: (i, o) => {
          const c = props.clusters[i];
          if (o.state === 'done') set(c, { state: o.result.changed ? 'done' : 'unchanged', message: o.result.message });
          else if (o.state === 'failed') set(c, { state: 'failed', message: describeActionError(o.error).message });
          else set(c, { state: 'skipped', message: 'Not started: an earlier cluster failed.' });
        },
      },
    );
    setPhase(dryRun ? 'previewed' : 'finished');
  };

  const busy = phase === 'previewing' || phase === 'running';
  const settled = Object.values(rows).filter(r => !['queued', 'running'].includes(r.state)).length;
  return (
    <Dialog open onClose={busy ? undefined : props.onClose} maxWidth="md" fullWidth aria-labelledby="capi-fleet-action-title">
      <DialogTitle id="capi-fleet-action-title">{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          {props.action === 'hibernate'
            ? 'Every worker pool of each cluster goes to 0 machines; the control planes keep running.'
            : "Each cluster's worker pools get back the machines they had; the backend checks each project's quota first."}{' '}
          One request per cluster, each checked against your permissions, at most {limit} at once.
        </Typography>
        <FormControlLabel
          control={<Checkbox checked={stopOnFailure} disabled={busy} onChange={e => setStopOnFailure(e.target.checked)} color="primary" />}
          label="Stop at the first failure"
        />
        {busy && <LinearProgress variant="determinate" value={(settled / props.clusters.length) * 100} aria-label="Overall progress" />}
        <Table size="small" aria-label="Clusters of the action">
          <TableHead>
            <TableRow>
              <TableCell>Cluster</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Message</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.clusters.map(c => {
              const row = rows[clusterKey(c)];
              return (
                <TableRow key={clusterKey(c)} data-state={row?.state}>
                  <TableCell>
                    {c.namespace}/{c.name}
                  </TableCell>
                  <TableCell>{row?.state ?? '—'}</TableCell>
                  <TableCell>
                    <Typography variant="body2" color={row?.state === 'failed' ? 'error' : 'textPrimary'}>
                      {row?.message ?? ''}
                    </Typography>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={busy}>
          {phase === 'finished' ? 'Close' : 'Cancel'}
        </Button>
        <Button onClick={() => go(true)} disabled={busy || phase === 'finished'} color="primary">
          Preview
        </Button>
        <Button onClick={() => go(false)} disabled={phase !== 'previewed'} color="primary" variant="contained">
          {TITLES[props.action]}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

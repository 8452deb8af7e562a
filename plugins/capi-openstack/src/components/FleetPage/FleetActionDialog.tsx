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
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  actionRequest,
  clusterKey,
  type ClusterSummary,
  type UpgradesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useEffect, useState } from 'react';
import { capiOpenstackApiRef } from '../../api/CapiOpenstackApi';
import { commonUpgradeTargets, describeUpgrades } from '../../lib/commonVersions';
import { runEach } from '../../lib/runEach';
import { describeActionError } from '../dialogs/actionError';

/** The actions offered for many clusters at once. */
export type FleetAction = 'hibernate' | 'wake' | 'upgrade';

/** What the dialog asks before an action: the upgrade's target, and whether it waits for each cluster's window. */
interface FleetChoices {
  version: string;
  inWindow: boolean;
}

const ACTIONS: Record<FleetAction, { title: string; about: string; body(choices: FleetChoices): object }> = {
  hibernate: {
    title: 'Hibernate',
    about: 'Every worker pool of each cluster goes to 0 machines; the control planes keep running.',
    body: () => ({}),
  },
  wake: {
    title: 'Wake',
    about: "Each cluster's worker pools get back the machines they had; the backend checks each project's quota first.",
    body: () => ({}),
  },
  upgrade: {
    title: 'Upgrade',
    about: 'Each cluster goes to the chosen Kubernetes version: its control plane first, then each pool.',
    body: ({ version, inWindow }) => ({ version, ...(inWindow ? { when: 'window' } : {}) }),
  },
};
const DEFAULT_PARALLEL = 3;

type RowState = { state: 'queued' | 'running' | 'done' | 'unchanged' | 'failed' | 'skipped'; message?: string };
type VersionsState = { state: 'loading' } | { state: 'loaded'; answer: UpgradesResponse } | { state: 'failed'; message: string };

/**
 * The upgrade targets of each cluster (`GET .../upgrades`), never more than
 * `limit` requests at once; nothing when `enabled` is false.
 */
function useUpgradeTargets(enabled: boolean, clusters: readonly ClusterSummary[], limit: number) {
  const api = useApi(capiOpenstackApiRef);
  const [versions, setVersions] = useState<Record<string, VersionsState>>({});
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    setVersions(Object.fromEntries(clusters.map(c => [clusterKey(c), { state: 'loading' as const }])));
    const set = (c: ClusterSummary, v: VersionsState) => {
      if (live) setVersions(prev => ({ ...prev, [clusterKey(c)]: v }));
    };
    runEach(clusters, c => (live ? api.getUpgrades(c) : Promise.reject(new Error('closed'))), {
      limit,
      stopOnFailure: false,
      onOutcome: (i, o) => {
        if (o.state === 'done') set(clusters[i], { state: 'loaded', answer: o.result });
        else if (o.state === 'failed') set(clusters[i], { state: 'failed', message: describeActionError(o.error).message });
      },
    });
    return () => {
      live = false;
    };
  }, [enabled, clusters, api, limit]);
  return versions;
}

/**
 * One action on many clusters: a dry run of each first, then the action,
 * one request per cluster (each with its own permission check, preflight
 * and audit event in the backend), never more than
 * `capiOpenstack.fleetActions.maxParallel` at once, stopping at the first
 * failure or carrying on. An upgrade first asks for a version all clusters
 * can go to; clusters whose targets cannot be loaded are left out.
 */
export function FleetActionDialog(props: { action: FleetAction; clusters: ClusterSummary[]; onClose(): void }) {
  const api = useApi(capiOpenstackApiRef);
  const limit = useApi(configApiRef).getOptionalNumber('capiOpenstack.fleetActions.maxParallel') ?? DEFAULT_PARALLEL;
  const spec = ACTIONS[props.action];
  const upgrade = props.action === 'upgrade';
  // The clusters the dialog was opened with (the selection is re-created on each render of the page).
  const [clusters] = useState(props.clusters);
  const [stopOnFailure, setStopOnFailure] = useState(true);
  const [inWindow, setInWindow] = useState(false);
  const [phase, setPhase] = useState<'ready' | 'previewing' | 'previewed' | 'running' | 'finished'>('ready');
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [version, setVersion] = useState('');
  const versions = useUpgradeTargets(upgrade, clusters, limit);
  const title = `${spec.title} ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}`;

  const loads = Object.values(versions);
  const loading = upgrade && (loads.length < clusters.length || loads.some(v => v.state === 'loading'));
  const answers = clusters.flatMap(c => {
    const v = versions[clusterKey(c)];
    return v?.state === 'loaded' ? [{ cluster: c, answer: v.answer }] : [];
  });
  const common = upgrade && !loading ? commonUpgradeTargets(answers.map(a => a.answer)) : [];
  // An upgrade runs on the clusters whose targets are known only.
  const targets = upgrade ? answers.map(a => a.cluster) : clusters;
  const leftOut = clusters.length - targets.length;

  const go = async (dryRun: boolean) => {
    setPhase(dryRun ? 'previewing' : 'running');
    setRows(Object.fromEntries(targets.map(c => [clusterKey(c), { state: 'queued' as const }])));
    const set = (c: ClusterSummary, s: RowState) => setRows(r => ({ ...r, [clusterKey(c)]: s }));
    const { method, path } = actionRequest(props.action);
    const body = spec.body({ version, inWindow });
    await runEach(targets, c => api.runAction(c, { method, path, body }, { dryRun }), {
      limit,
      stopOnFailure: stopOnFailure && !dryRun,
      onStart: i => set(targets[i], { state: 'running' }),
      onOutcome: (i, o) => {
        const c = targets[i];
        if (o.state === 'done') set(c, { state: o.result.changed ? 'done' : 'unchanged', message: o.result.message });
        else if (o.state === 'failed') set(c, { state: 'failed', message: describeActionError(o.error).message });
        else set(c, { state: 'skipped', message: 'Not started: an earlier cluster failed.' });
      },
    });
    setPhase(dryRun ? 'previewed' : 'finished');
  };

  /** A cluster's row: its run state, else (upgrade) what it can go to. */
  const rowOf = (c: ClusterSummary): { state?: string; message?: string } | undefined => {
    const run = rows[clusterKey(c)];
    if (run || !upgrade) return run;
    const v = versions[clusterKey(c)];
    if (!v || v.state === 'loading') return { state: 'loading', message: 'Loading its versions…' };
    if (v.state === 'failed') return { state: 'failed', message: `Its versions could not be loaded (${v.message}); left out of the run.` };
    return { message: describeUpgrades(v.answer) };
  };

  const busy = phase === 'previewing' || phase === 'running';
  const settled = Object.values(rows).filter(r => !['queued', 'running'].includes(r.state)).length;
  const cannotStart = targets.length === 0 || (upgrade && (loading || !version));
  return (
    <Dialog open onClose={busy ? undefined : props.onClose} maxWidth="md" fullWidth aria-labelledby="capi-fleet-action-title">
      <DialogTitle id="capi-fleet-action-title">{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          {spec.about} One request per cluster, each checked against your permissions, at most {limit} at once.
        </Typography>
        {upgrade && loading && (
          <>
            <Typography variant="body2">Loading the versions each cluster can go to…</Typography>
            <LinearProgress
              variant="determinate"
              value={(loads.filter(v => v.state !== 'loading').length / clusters.length) * 100}
              aria-label="Loading versions"
            />
          </>
        )}
        {upgrade && !loading && leftOut > 0 && (
          <Alert severity="warning">
            {leftOut === clusters.length
              ? 'The versions of no cluster could be loaded.'
              : `${leftOut} cluster${leftOut === 1 ? '' : 's'} left out: ${leftOut === 1 ? 'its' : 'their'} versions could not be loaded.`}
          </Alert>
        )}
        {upgrade && !loading && targets.length > 0 && !common.length && (
          <Alert severity="info">
            {targets.length === 1 && 'There is no version to go to; the Message column says why.'}
            {targets.length > 1 &&
              (answers.some(a => a.answer.targets.length === 0)
                ? 'Not every cluster has an upgrade to go to. The Message column says what each can go to, or why not.'
                : `No version is common to all ${targets.length} clusters (they may be on different minors). The Message column says what each can go to.`)}
          </Alert>
        )}
        {common.length > 0 && (
          <TextField
            select
            id="capi-fleet-upgrade-version"
            label="Version"
            value={version}
            disabled={busy || phase === 'finished'}
            onChange={e => {
              setVersion(e.target.value as string);
              setPhase('ready');
              setRows({});
            }}
            style={{ minWidth: 200 }}
          >
            {common.map(v => (
              <MenuItem key={v} value={v}>
                {v}
              </MenuItem>
            ))}
          </TextField>
        )}
        {upgrade && (
          <FormControlLabel
            control={
              <Checkbox
                checked={inWindow}
                disabled={busy || phase === 'finished'}
                onChange={e => {
                  setInWindow(e.target.checked);
                  setPhase('ready');
                  setRows({});
                }}
                color="primary"
              />
            }
            label="In each cluster's maintenance window (clusters without one are refused)"
          />
        )}
        <FormControlLabel
          control={<Checkbox checked={stopOnFailure} disabled={busy} onChange={e => setStopOnFailure(e.target.checked)} color="primary" />}
          label="Stop at the first failure"
        />
        {busy && <LinearProgress variant="determinate" value={(settled / targets.length) * 100} aria-label="Overall progress" />}
        <Table size="small" aria-label="Clusters of the action">
          <TableHead>
            <TableRow>
              <TableCell>Cluster</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Message</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {clusters.map(c => {
              const row = rowOf(c);
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
        <Button onClick={() => go(true)} disabled={busy || phase === 'finished' || cannotStart} color="primary">
          Preview
        </Button>
        <Button onClick={() => go(false)} disabled={phase !== 'previewed'} color="primary" variant="contained">
          {spec.title}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

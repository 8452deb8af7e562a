/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  ActionResult,
  ClusterRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ReactNode, useEffect, useState } from 'react';
import {
  capiOpenstackApiRef,
  ClusterActionCall,
} from '../../api/CapiOpenstackApi';
import { NoWrapTable } from '../NoWrapTable';
import { ActionErrorView, describeActionError } from './actionError';
import { PreflightPanel } from './PreflightPanel';

/** Progress of a confirmed action, read from the live cluster detail. */
export interface ActionProgress {
  done: boolean;
  text: string;
}

const CHANGE_COLUMNS = ['Object', 'Field', 'From', 'To'];

type Step =
  | { name: 'form' }
  | { name: 'busy'; dryRun: boolean }
  | { name: 'previewed'; result: ActionResult }
  | { name: 'applied'; result: ActionResult };

export interface ActionDialogProps {
  open: boolean;
  title: string;
  cluster: ClusterRef;
  /** The form (may be empty for actions without input). */
  children?: ReactNode;
  /** The call the form describes, or a validation message (Preview disabled; the form shows it). */
  call: ClusterActionCall | { invalid: string };
  /** Label of the final button (default "Confirm"). */
  confirmLabel?: string;
  /** Live progress after the action ran; omitted: done at once. */
  progress?: () => ActionProgress;
  onClose(): void;
  /** Reloads the cluster (after a 409) so the next preview uses fresh versions. */
  onReload(): void;
}

/**
 * Form → Preview (dry run: message, field changes and the quota/resource
 * preflight) → Confirm → live progress. A changed form invalidates the
 * preview. A failed preflight blocks Confirm until the user ticks "Apply
 * anyway", which sends `force: true`. 409 offers a reload, 400/422 show the
 * server message beside the form.
 */
export function ActionDialog(props: ActionDialogProps) {
  const api = useApi(capiOpenstackApiRef);
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [error, setError] = useState<ActionErrorView>();
  const [force, setForce] = useState(false);
  const callKey = JSON.stringify(props.call);

  // Editing the form after a preview discards the preview.
  useEffect(() => {
    setStep(s => (s.name === 'previewed' ? { name: 'form' } : s));
    setForce(false);
  }, [callKey]);
  useEffect(() => {
    if (!props.open) {
      setStep({ name: 'form' });
      setError(undefined);
      setForce(false);
    }
  }, [props.open]);

  const call = 'invalid' in props.call ? undefined : props.call;
  const run = async (dryRun: boolean) => {
    if (!call) return;
    setError(undefined);
    setStep({ name: 'busy', dryRun });
    // Only the real write is forced: the dry run must report the preflight as it is.
    const sent = !dryRun && force ? { ...call, body: { ...call.body, force: true } } : call;
    if (dryRun) setForce(false);
    try {
      const result = await api.runAction(props.cluster, sent, { dryRun });
      setStep(
        dryRun ? { name: 'previewed', result } : { name: 'applied', result },
      );
    } catch (e) {
      setError(describeActionError(e));
      setStep({ name: 'form' });
    }
  };

  const progress =
    step.name === 'applied' && step.result.changed
      ? props.progress?.()
      : undefined;
  const result =
    step.name === 'previewed' || step.name === 'applied'
      ? step.result
      : undefined;
  const blocked =
    step.name === 'previewed' && step.result.preflight?.status === 'fail';

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="capi-action-title"
    >
      <DialogTitle id="capi-action-title">{props.title}</DialogTitle>
      <DialogContent>
        <fieldset
          disabled={step.name !== 'form' && step.name !== 'previewed'}
          style={{ border: 0, padding: 0, margin: 0 }}
        >
          {props.children}
        </fieldset>
        {error && (
          <Box mt={2}>
            <Alert
              severity="error"
              role="alert"
              action={
                error.kind === 'conflict' ? (
                  <Button
                    color="inherit"
                    size="small"
                    onClick={() => {
                      props.onReload();
                      setError(undefined);
                    }}
                  >
                    Reload
                  </Button>
                ) : undefined
              }
            >
              {error.message}
            </Alert>
          </Box>
        )}
        {step.name === 'busy' && (
          <Box mt={2}>
            <LinearProgress />
          </Box>
        )}
        {result && (
          <Box
            mt={2}
            minWidth={0}
            aria-label={step.name === 'previewed' ? 'Preview' : 'Result'}
            role="region"
          >
            <Alert severity={step.name === 'previewed' ? 'info' : 'success'}>
              {/* The backend's dry-run message already says so. */}
              {step.name === 'previewed' && !/^dry run/i.test(result.message)
                ? 'Dry run: '
                : ''}
              {result.message}
            </Alert>
            {result.changes.length > 0 && (
              <NoWrapTable columns={CHANGE_COLUMNS}>
                {result.changes.map((c, i) => (
                  <TableRow key={i}>
                    <TableCell>
                      {c.kind} {c.name}
                    </TableCell>
                    <TableCell>{c.field}</TableCell>
                    <TableCell>
                      {c.from === undefined ? '—' : JSON.stringify(c.from)}
                    </TableCell>
                    <TableCell>
                      {c.to === undefined ? '—' : JSON.stringify(c.to)}
                    </TableCell>
                  </TableRow>
                ))}
              </NoWrapTable>
            )}
            {result.preflight && (
              <PreflightPanel preflight={result.preflight} />
            )}
            {blocked && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={force}
                    onChange={e => setForce(e.target.checked)}
                  />
                }
                label="Apply anyway (I know the quota/resource check failed)"
              />
            )}
          </Box>
        )}
        {progress && (
          <Box mt={2} role="status" aria-label="Progress">
            {!progress.done && <LinearProgress variant="indeterminate" />}
            <Typography variant="body2">
              {progress.done ? `Done. ${progress.text}` : progress.text}
            </Typography>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>
          {step.name === 'applied' ? 'Close' : 'Cancel'}
        </Button>
        {step.name !== 'applied' && (
          <Button
            onClick={() => run(true)}
            disabled={!call || step.name === 'busy'}
            color="primary"
          >
            Preview
          </Button>
        )}
        {step.name !== 'applied' && (
          <Button
            onClick={() => run(false)}
            disabled={step.name !== 'previewed' || (blocked && !force)}
            color={props.confirmLabel === 'Delete' ? 'secondary' : 'primary'}
            variant="contained"
          >
            {props.confirmLabel ?? 'Confirm'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

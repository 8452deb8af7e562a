/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Box, Chip, Typography } from '@material-ui/core';
import type { FixAction, VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ActionKind } from '../../lib/actionAvailability';
import { explainReason, tidy } from '../../lib/explainReason';
import { CONTROL_PLANE, NodeGroupTarget } from '../../lib/targets';
import { ActionButton } from './ActionButton';

/** Opens an action's dialog; says why it is not offered. */
export interface FixActionHandlers {
  onAction?(kind: ActionKind, target?: NodeGroupTarget, machine?: string): void;
  disabledReason?(kind: ActionKind, target?: NodeGroupTarget): string | undefined;
  /** Why machines cannot be replaced (permission, paused, …). */
  replaceDisabledReason?: string;
}

function targetOf(a: FixAction): NodeGroupTarget | undefined {
  if (a.controlPlane) return CONTROL_PLANE;
  return a.pool ? { type: 'pool', pool: a.pool } : undefined;
}

function since(reason: VerdictReason): string {
  return reason.since ? ` since ${new Date(reason.since).toLocaleString()}` : '';
}

/**
 * One verdict reason with its fix guide: cause, next step, the controller's
 * words and the fixing actions; `alsoOn` are reasons of other objects with
 * the same guide (e.g. an OpenStackMachine and its OpenStackServer).
 */
export function FixGuideItem({
  reason,
  alsoOn = [],
  handlers,
}: {
  reason: VerdictReason;
  alsoOn?: VerdictReason[];
  handlers: FixActionHandlers;
}) {
  const fix = reason.fix;
  const summary = fix?.summary ?? explainReason(reason).summary;
  const message = reason.message ? tidy(reason.message) : undefined;
  const { onAction, disabledReason } = handlers;
  return (
    <Box mb={1.5} data-cause={fix?.cause}>
      <Typography component="span" color={reason.severity === 'error' ? 'error' : 'textPrimary'}>
        {summary}
      </Typography>{' '}
      {fix?.needsAction && <Chip size="small" color="secondary" label="Needs action" style={{ marginRight: 4 }} />}
      <Typography component="span" variant="body2" color="textSecondary">
        ({[reason, ...alsoOn].map(r => `${r.object.kind} ${r.object.name}`).join(', ')}
        {since(reason)})
      </Typography>
      {fix && (
        <Typography variant="body2" aria-label="Next step">
          <strong>Next step: </strong>
          {fix.nextStep}
        </Typography>
      )}
      {message && message !== summary && (
        <Typography variant="caption" color="textSecondary" component="div" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Typography>
      )}
      {onAction && fix?.actions && (
        <Box mt={0.5} role="group" aria-label={`Fix: ${summary}`}>
          {fix.actions.map(a => {
            const target = targetOf(a);
            const why =
              a.kind === 'replace-machine' ? handlers.replaceDisabledReason : disabledReason?.(a.kind, target);
            return (
              <ActionButton
                key={`${a.kind}-${a.machine ?? a.pool ?? ''}`}
                color="primary"
                disabledReason={why}
                onClick={() => onAction(a.kind, target, a.machine)}
              >
                {a.label}
              </ActionButton>
            );
          })}
        </Box>
      )}
    </Box>
  );
}

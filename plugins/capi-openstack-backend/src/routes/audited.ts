/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The one audit wrapper of every write and secret read (actions, create,
// kubeconfig): exactly one event per request, opened before anything is
// checked, closed with the outcome, failures included.

import { AuditorService, AuditorServiceEvent } from '@backstage/backend-plugin-api';
import { Request } from 'express';

type Meta = Record<string, unknown>;

export interface AuditedEvent {
  eventId: string;
  severityLevel: 'low' | 'medium' | 'high' | 'critical';
  meta: Meta;
}

/** What a handler gives back: the success metadata and how to answer. */
export interface AuditedOutcome {
  meta?: Meta;
  respond(): void;
}

/**
 * Runs `handle` inside one audit event. `failure.meta` is what the handler
 * learnt before failing (e.g. the parsed parameters); a failed event also
 * records `outcome` (`denied` for a refused permission, else `failed`) and
 * the HTTP status of the error.
 */
export async function audited(
  auditor: AuditorService,
  req: Request,
  event: AuditedEvent,
  handle: (failure: { meta: Meta }) => Promise<AuditedOutcome>,
): Promise<void> {
  const auditEvent: AuditorServiceEvent = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: event.severityLevel,
    request: req,
    meta: event.meta as any,
  });
  const failure = { meta: {} as Meta };
  let outcome: AuditedOutcome;
  try {
    outcome = await handle(failure);
  } catch (e) {
    const status = (e as any).statusCode ?? (e as any).status;
    const result = (e as Error).name === 'NotAllowedError' ? 'denied' : 'failed';
    await auditEvent.fail({
      error: e as Error,
      meta: { ...failure.meta, outcome: result, ...(status ? { status } : {}) } as any,
    });
    throw e;
  }
  await auditEvent.success(outcome.meta ? { meta: outcome.meta as any } : undefined);
  outcome.respond();
}

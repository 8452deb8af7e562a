/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ConflictError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { KubeRequestError, UnprocessableError, UpstreamError } from '../errors';

/** Drops the objects the API server quotes in its messages (a merge patch's whole result). */
function readable(message: string): string {
  const short = message.replace(/Invalid value: "(?:[^"\\]|\\.){80,}"/g, 'Invalid value').replace(/\s+/g, ' ').trim();
  return short.length > 300 ? `${short.slice(0, 297)}...` : short;
}

const STALE = 'was changed since you loaded it';

/** Whether `e` is mapKubeError's answer to a failed resourceVersion precondition (not "already exists"). */
export function isStaleWrite(e: unknown): boolean {
  return e instanceof ConflictError && e.message.includes(STALE);
}

/** API server errors as readable messages (no request paths, no raw Status objects). */
export function mapKubeError(e: unknown, kind: string, name: string): Error {
  if (!(e instanceof KubeRequestError)) return e as Error;
  const what = `${kind} ${name}`;
  const message = e.status?.message || e.reason || `status ${e.statusCode}`;
  if (e.statusCode === 0) return new ServiceUnavailableError(`the management cluster is unreachable (${what})`);
  if (/admission webhook|ValidatingAdmissionPolicy .* denied request/i.test(message)) {
    const reason = message.replace(/^.*denied (?:the )?request:\s*/i, '');
    return new UnprocessableError(`${what} was refused by the management cluster's admission control: ${readable(reason)}`);
  }
  // fieldValidation=Strict: a field this CAPI version does not have.
  const unknown = [...new Set([...message.matchAll(/unknown field "([^"]+)"/g)].map(m => m[1]))];
  if (unknown.length) {
    return new UnprocessableError(
      `${what}: this management cluster's Cluster API version does not support ${unknown.join(', ')}`,
    );
  }
  switch (e.statusCode) {
    case 409:
      if (e.reason === 'AlreadyExists') return new ConflictError(`${what} already exists`);
      return new ConflictError(`${what} ${STALE}: reload and try again`);
    case 404:
      return new NotFoundError(`${what} no longer exists`);
    case 422: {
      const causes: Array<{ field?: string; message?: string }> = e.status?.details?.causes ?? [];
      const detail = causes.length
        ? causes.map(c => `${c.field ?? ''}${c.field ? ': ' : ''}${c.message ?? ''}`).join('; ')
        : message;
      return new UnprocessableError(`${what} is invalid: ${readable(detail)}`);
    }
    case 400:
      return new UnprocessableError(`${what} was refused: ${readable(message)}`);
    case 403:
      return new UpstreamError(`the backend's credentials for the management cluster may not change ${what}`);
    default:
      return new UpstreamError(`the management cluster answered ${e.statusCode} for ${what}`);
  }
}

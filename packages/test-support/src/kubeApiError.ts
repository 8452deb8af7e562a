/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** A non-2xx answer of the API server, with its Status. */
export class KubeApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly status: { reason?: string; message?: string; details?: unknown },
    method: string,
    path: string,
  ) {
    super(
      `${method} ${path}: ${statusCode} ${status.reason ?? ''} ${
        status.message ?? ''
      }`.trim(),
    );
    this.name = 'KubeApiError';
  }

  /** The Status reason (NotFound, AlreadyExists, Conflict, ...). */
  get reason(): string | undefined {
    return this.status.reason;
  }
}

export function isNotFound(e: unknown): boolean {
  return e instanceof KubeApiError && e.statusCode === 404;
}

export function isConflict(e: unknown): boolean {
  return e instanceof KubeApiError && e.statusCode === 409;
}

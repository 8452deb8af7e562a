/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** A failure for the log: the backend's HTTP status, when it answered, and its message. */
export function errorText(error: unknown): string {
  const status = (error as { statusCode?: unknown })?.statusCode;
  const message = (error as Error)?.message ?? String(error);
  return typeof status === 'number' ? `${status} ${message}` : message;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ResponseError } from '@backstage/errors';

/** A failed action, said for people. */
export interface ActionErrorView {
  kind: 'conflict' | 'invalid' | 'forbidden' | 'other';
  message: string;
}

/** Maps a client error to what a dialog shows: 409 offers a reload, 400/422 name the field. */
export function describeActionError(error: unknown): ActionErrorView {
  if (error instanceof ResponseError) {
    const serverMessage = error.body?.error?.message ?? error.message;
    switch (error.statusCode) {
      case 409:
        return { kind: 'conflict', message: `The cluster changed since you loaded it. ${serverMessage}` };
      case 400:
      case 422:
        return { kind: 'invalid', message: serverMessage };
      case 403:
        return { kind: 'forbidden', message: `Not allowed: ${serverMessage}` };
      default:
        return { kind: 'other', message: serverMessage };
    }
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

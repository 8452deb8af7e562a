/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** A failed OpenStack call, with a message safe to show (no secret, no token, no remote text). */
export class OpenStackError extends Error {
  constructor(
    message: string,
    /** HTTP status of OpenStack's answer; 0 when unreachable or timed out. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'OpenStackError';
  }
}

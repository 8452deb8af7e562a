/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomErrorBase } from '@backstage/errors';

/**
 * 422: the request is well-formed but not allowed for this cluster. The
 * message names the field. `@backstage/errors` has no such class; the error
 * middleware answers the `statusCode` an error carries.
 */
export class UnprocessableError extends CustomErrorBase {
  readonly statusCode = 422;
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEntityError';
  }
}

/** The API server or the management cluster failed (502), with a safe message. */
export class UpstreamError extends CustomErrorBase {
  readonly statusCode = 502;
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CustomErrorBase } from '@backstage/errors';

/**
 * 422: a well-formed create request with a value that is not allowed (the
 * message names the field). The error middleware answers `statusCode`.
 */
export class CreateRequestError extends CustomErrorBase {
  readonly statusCode = 422;
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEntityError';
  }
}

/** The management cluster failed or refused the backend's credentials (502). */
export class ManagementClusterError extends CustomErrorBase {
  readonly statusCode = 502;
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Every error class of the plugin, one name each. The first three reach
// callers: Backstage's error middleware answers the `statusCode` an error
// carries (with @backstage/errors' InputError 400, NotAllowedError 403,
// NotFoundError 404, ConflictError 409 beside them). The last three are the
// transport's; the services turn them into safe answers.

import { CustomErrorBase } from '@backstage/errors';

/** A CustomErrorBase class answering `statusCode`, its instances named `name`. */
function errorWithStatus<S extends number>(statusCode: S, name: string) {
  return class extends CustomErrorBase {
    readonly statusCode: S = statusCode;
    constructor(message: string) {
      super(message);
      this.name = name;
    }
  };
}

/**
 * 422: the request is well-formed but not allowed for this cluster (the
 * message names the field). `@backstage/errors` has no such class.
 */
export class UnprocessableError extends errorWithStatus(422, 'UnprocessableEntityError') {}

/** 502: the API server or the management cluster failed, with a safe message. */
export class UpstreamError extends errorWithStatus(502, 'UpstreamError') {}

/** 429: the caller has too many streams open. */
export class TooManyRequestsError extends errorWithStatus(429, 'TooManyRequestsError') {}

/** A Kubernetes API error with its status code and a safe message. */
export class KubeRequestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string | undefined,
    message: string,
    /** The API server's Status object (details of validation errors). */
    readonly status?: { reason?: string; message?: string; details?: any },
  ) {
    super(message);
    this.name = 'KubeRequestError';
  }
}

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

/** An HTTP server (OpenStack) could not be reached or did not answer in time. */
export class UnreachableError extends Error {
  constructor(readonly url: string, readonly reason: string) {
    super(`${url}: ${reason}`);
    this.name = 'UnreachableError';
  }
}

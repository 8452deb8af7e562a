/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The create path answers with the same error classes as the lifecycle
// actions: 422 for a value that is not allowed (the message names the
// field), 502 when the management cluster fails.
export {
  UnprocessableError as CreateRequestError,
  UpstreamError as ManagementClusterError,
} from '../actions/errors';

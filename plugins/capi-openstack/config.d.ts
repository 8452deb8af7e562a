/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

export interface Config {
  capiOpenstack?: {
    /** Fleet-wide actions of the fleet page (hibernate or wake many clusters at once). */
    fleetActions?: {
      /**
       * Most clusters acted on at the same time; each gets its own request
       * (permission check, preflight, audit event). Default 3.
       * @visibility frontend
       */
      maxParallel?: number;
    };
  };
}

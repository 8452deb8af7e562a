/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { healthOf } from './health';

describe('healthOf', () => {
  it('is starting (503) while any cache has not synced once', () => {
    expect(healthOf(['synced', 'syncing'])).toEqual({ status: 'starting', httpStatus: 503 });
  });

  it('is degraded (200) while a cache is stale or failing', () => {
    expect(healthOf(['synced', 'stale'])).toEqual({ status: 'degraded', httpStatus: 200 });
    expect(healthOf(['error'])).toEqual({ status: 'degraded', httpStatus: 200 });
  });

  it('is ok when every cache is synced, or none is configured', () => {
    expect(healthOf(['synced', 'synced'])).toEqual({ status: 'ok', httpStatus: 200 });
    expect(healthOf([])).toEqual({ status: 'ok', httpStatus: 200 });
  });
});

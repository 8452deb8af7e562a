/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { SyncState } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** What `GET /health` answers: no names, no counts (it is unauthenticated). */
export interface BackendHealth {
  /**
   * `starting` until every management cluster's cache has synced once (503,
   * so that a load balancer waits for this replica), `degraded` while some
   * cache is stale or failing (200: the others are served), else `ok`.
   */
  status: 'ok' | 'starting' | 'degraded';
  httpStatus: 200 | 503;
}

/** The backend's health from the sync states of its management clusters' caches. */
export function healthOf(states: SyncState[]): BackendHealth {
  if (states.includes('syncing')) return { status: 'starting', httpStatus: 503 };
  if (states.some(s => s === 'stale' || s === 'error')) return { status: 'degraded', httpStatus: 200 };
  return { status: 'ok', httpStatus: 200 };
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { WriteAction } from './actionTable';

/**
 * When a cluster may be disrupted: weekdays, a start and end time of day
 * and an IANA time zone (the Cluster's `capi-openstack.dev/maintenance-window`
 * annotation). A window whose end is before its start runs over midnight.
 * @public
 */
export interface MaintenanceWindow {
  /** Days the window starts on: `mon` … `sun`. */
  days: string[];
  /** `HH:MM`, local time. */
  start: string;
  /** `HH:MM`, local time; before `start`: the next day. */
  end: string;
  /** IANA time zone, e.g. `Europe/Zurich`. */
  timeZone: string;
}

/**
 * An action waiting for the cluster's next maintenance window (one entry of
 * the Cluster's `capi-openstack.dev/pending-operations` annotation, as the
 * API shows it). It runs once, with the permissions of `requestedBy`
 * checked again at run time.
 * @public
 */
export interface PendingOperation {
  /** Unique within the cluster; `DELETE .../pending-operations/:id` cancels it. */
  id: string;
  action: WriteAction;
  /** The worker pool of pool actions. */
  pool?: string;
  /** The action's body fields, e.g. `{ version: 'v1.33.4' }`. */
  fields: Record<string, unknown>;
  /** The user who scheduled it (entity ref). */
  requestedBy: string;
  /** ISO 8601. */
  requestedAt: string;
  /** The last failed attempt; the operation is tried again while the window is open, then in the next one. */
  lastError?: { at: string; message: string; windowStart: string };
}

/** The maintenance state of a cluster, on its summary. @public */
export interface ClusterMaintenance {
  window?: MaintenanceWindow;
  /** Start of the next window (ISO 8601); while one is open, the start of the following one. */
  nextStart?: string;
  /** End of the window open now (ISO 8601). */
  openUntil?: string;
  pending: PendingOperation[];
}

/** `DELETE .../pending-operations/:id`. @public */
export interface CancelPendingOperationResponse {
  cancelled: PendingOperation;
  message: string;
}

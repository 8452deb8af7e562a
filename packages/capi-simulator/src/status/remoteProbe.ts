/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The remote connection probe to a workload cluster's API server, failing
// once the API-unreachable annotation has outlasted its grace period.

import { ClusterScope } from '../context';

/**
 * When the remote connection probe started failing (after its grace period
 * with the API-unreachable annotation), or undefined while it succeeds.
 */
export function remoteProbeFailedSince(
  scope: ClusterScope,
): number | undefined {
  const id = scope.cluster.metadata.uid!;
  if (!scope.apiUnreachable) {
    scope.rt.clock.reset(id, 'remoteConnectionGrace');
    return undefined;
  }
  const remaining = scope.rt.clock.remaining(id, 'remoteConnectionGrace');
  if (remaining > 0) {
    scope.requeue(remaining);
    return undefined;
  }
  return scope.rt.clock.startedAt(id, 'remoteConnectionGrace');
}

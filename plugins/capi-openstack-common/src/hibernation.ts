/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { HibernationRecord } from './actions';
import { HIBERNATION_ANNOTATION } from './vocabulary/annotations';

/**
 * The hibernation record of a Cluster (its `capi-openstack.dev/hibernated`
 * annotation), or undefined when it is not hibernated. A value that is not a
 * record (hand-written) still marks the cluster hibernated, with no pools to restore.
 * @public
 */
export function hibernationOf(cluster: { metadata?: { annotations?: Record<string, string> } }): HibernationRecord | undefined {
  const raw = cluster.metadata?.annotations?.[HIBERNATION_ANNOTATION];
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed.at === 'string' && Array.isArray(parsed.pools)) return parsed as HibernationRecord;
  } catch {
    // fall through
  }
  return { at: '', pools: [] };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { clusterPatch, primaryOf } from './writes';
import { LiveObjects, Plan } from './types';

/** `spec.paused` of the Cluster pauses reconciliation of its whole tree. */
export function planPause(objs: LiveObjects, paused: boolean): Plan {
  const cluster = objs.cluster;
  const action = paused ? 'pause' : 'resume';
  const current = cluster.spec?.paused === true;
  if (current === paused) {
    return {
      action,
      primary: primaryOf(cluster),
      writes: [],
      changes: [],
      message: `Cluster ${cluster.metadata.name} is already ${paused ? 'paused' : 'reconciled (not paused)'}.`,
    };
  }
  return {
    action,
    primary: primaryOf(cluster),
    writes: [clusterPatch(cluster, { spec: { paused } })],
    changes: [{ kind: 'Cluster', name: cluster.metadata.name, field: 'spec.paused', from: current, to: paused }],
    message: paused
      ? `Paused Cluster ${cluster.metadata.name}: the controllers leave it alone until it is resumed.`
      : `Resumed Cluster ${cluster.metadata.name}: the controllers reconcile it again.`,
  };
}

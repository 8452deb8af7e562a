/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { clusterKey, ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterService } from '../clusters/ClusterService';
import { ActionService } from './ActionService';

/**
 * Drives plain-cluster upgrades: a pass over the clusters whose summaries
 * changed (coalesced; a summary carries the Cluster's resourceVersion, so
 * any write to the Cluster counts) and a pass over every cluster each
 * `resyncMs`. Only clusters carrying the upgrade annotation cost API
 * requests. Passes never overlap; state lives in the objects only, so any
 * backend replica may run it.
 */
export function startUpgradeReconciler(actions: ActionService, clusters: ClusterService, resyncMs: number) {
  let running = false;
  let stopped = false;
  let debounce: NodeJS.Timeout | undefined;
  /** What the next pass looks at: 'all', or the clusters changed since the last pass. */
  let queued: 'all' | Map<string, ClusterRef> = new Map();
  const isQueued = () => queued === 'all' || queued.size > 0;
  const pass = async () => {
    if (stopped || running) return; // a running pass takes what is queued when it ends
    running = true;
    try {
      while (isQueued() && !stopped) {
        const batch = queued;
        queued = new Map();
        await actions.reconcileUpgrades(batch === 'all' ? undefined : [...batch.values()]);
      }
    } finally {
      running = false;
    }
  };
  const interval = setInterval(() => {
    queued = 'all';
    void pass();
  }, resyncMs);
  const unsubscribe = clusters.subscribe(changes => {
    if (changes.upserted.length === 0 || queued === 'all') return;
    for (const s of changes.upserted) queued.set(clusterKey(s), s);
    debounce ??= setTimeout(() => {
      debounce = undefined;
      void pass();
    }, 250);
  });
  return {
    stop() {
      stopped = true;
      clearInterval(interval);
      if (debounce) clearTimeout(debounce);
      unsubscribe();
    },
  };
}

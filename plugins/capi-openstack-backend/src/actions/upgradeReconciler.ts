/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ClusterService } from '../service/ClusterService';
import { ActionService } from './ActionService';

/**
 * Drives plain-cluster upgrades: a pass on every cache change (coalesced)
 * and every `resyncMs`. Passes never overlap; state lives in the objects
 * only, so any backend replica may run it.
 */
export function startUpgradeReconciler(actions: ActionService, clusters: ClusterService, resyncMs: number) {
  let running = false;
  let again = false;
  let stopped = false;
  let debounce: NodeJS.Timeout | undefined;
  const pass = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await actions.reconcileUpgrades();
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };
  const interval = setInterval(() => void pass(), resyncMs);
  const unsubscribe = clusters.subscribe(() => {
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

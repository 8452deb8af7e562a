/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { Condition, v1beta1Conditions, v1beta2Conditions } from './conditions';
import { ClusterCounters, clusterCounters } from './counters';
import { ClusterObjects } from './objects';

/** v1beta1 stand-ins for v1beta2 Cluster condition types. */
const V1BETA1_EQUIVALENT: Record<string, string> = {
  Available: 'Ready',
  ControlPlaneAvailable: 'ControlPlaneReady',
};

/** The Cluster seen through one condition generation. */
export interface ClusterView {
  /** `v1beta2`: new conditions (native or `status.v1beta2`); `v1beta1`: legacy conditions only. */
  mode: 'v1beta2' | 'v1beta1';
  /** A Cluster condition by its v1beta2 type name. */
  cond(type: string): Condition | undefined;
  counters: ClusterCounters;
}

/** Reads the Cluster through v1beta2 conditions when it has any, else through the v1beta1 equivalents. */
export function clusterView(objs: ClusterObjects): ClusterView {
  const c = objs.cluster;
  const counters = clusterCounters(objs);
  const v2 = v1beta2Conditions(c);
  if (v2 && v2.length > 0) {
    return { mode: 'v1beta2', cond: t => v2.find(x => x.type === t), counters };
  }
  const v1 = v1beta1Conditions(c) ?? [];
  return {
    mode: 'v1beta1',
    cond: t => {
      const found = v1.find(x => x.type === (V1BETA1_EQUIVALENT[t] ?? t));
      if (
        !found &&
        t === 'ControlPlaneInitialized' &&
        c.status?.controlPlaneReady === true
      ) {
        return { type: t, status: 'True' };
      }
      return found;
    },
    counters,
  };
}

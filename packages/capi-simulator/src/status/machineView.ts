/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// What the status summaries know about Machines: one view per Machine and
// the replica counters and version counts computed from a list of them.

import { compareVersions } from '../shapes';
import { KObj } from '../kube';

/** What the summaries need to know about one Machine. */
export interface MachineView {
  obj: KObj;
  name: string;
  role: 'control-plane' | 'worker';
  deleting: boolean;
  version: string;
  /** Infrastructure provisioned (the server is ACTIVE). */
  provisioned: boolean;
  /** Has a healthy Node (Machine Ready). */
  ready: boolean;
  available: boolean;
  upToDate: boolean;
  /** Why it is not up-to-date (bullets without the leading "* "). */
  notUpToDate: string[];
  /** Why it is not ready (a condition summary line). */
  notReadyMessage: string;
  created: number;
}

export interface Counters {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  upToDateReplicas: number;
}

export function counters(views: MachineView[]): Counters {
  return {
    replicas: views.length,
    readyReplicas: views.filter(v => v.ready).length,
    availableReplicas: views.filter(v => v.available).length,
    upToDateReplicas: views.filter(v => v.upToDate).length,
  };
}

/** The counters a v1beta1 object carries under `status.v1beta2`. */
export function v1beta2Counters(c: Counters) {
  return {
    readyReplicas: c.readyReplicas,
    availableReplicas: c.availableReplicas,
    upToDateReplicas: c.upToDateReplicas,
  };
}

/** A MachineSet's or MachineDeployment's v1beta2 counters, selector and versions. */
export function replicaFields(
  c: Counters,
  views: MachineView[],
  selector: string | undefined,
) {
  return {
    ...c,
    ...(selector ? { selector } : {}),
    ...(views.length ? { versions: versionCounts(views) } : {}),
  };
}

export function versionCounts(views: MachineView[]) {
  const byVersion = new Map<string, number>();
  for (const v of views)
    byVersion.set(v.version, (byVersion.get(v.version) ?? 0) + 1);
  return [...byVersion.entries()]
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([version, replicas]) => ({ version, replicas }));
}

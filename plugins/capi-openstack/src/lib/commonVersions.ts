/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { UpgradesResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Orders `v1.33.5` before `v1.34.2` (numerically, part by part). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split(/[.+-]/).map(p => Number.parseInt(p, 10) || 0);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return a.localeCompare(b);
}

/**
 * The versions every cluster can be upgraded to, oldest first: a version is
 * offered when it is an upgrade target of at least one cluster and, for each
 * of the others, a target or the version it already runs (the backend answers
 * those "unchanged"). None for no cluster.
 */
export function commonUpgradeTargets(answers: readonly UpgradesResponse[]): string[] {
  if (!answers.length) return [];
  const reachable = answers.map(a => new Set([...a.targets.map(t => t.version), ...(a.current ? [a.current] : [])]));
  const candidates = new Set(answers.flatMap(a => a.targets.map(t => t.version)));
  return [...candidates].filter(v => reachable.every(r => r.has(v))).sort(compareVersions);
}

/** What one cluster can go to, in a sentence, e.g. "At v1.33.5; can go to v1.33.6, v1.34.2." */
export function describeUpgrades(answer: UpgradesResponse): string {
  const at = answer.current ? `At ${answer.current}; ` : '';
  if (answer.targets.length) {
    const versions = answer.targets.map(t => t.version).sort(compareVersions);
    return `${at}can go to ${versions.join(', ')}.`;
  }
  return `${at}no upgrade: ${answer.message ?? 'none is offered.'}`;
}

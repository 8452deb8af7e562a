/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type {
  ClusterTree,
  ReplicaCounters,
  VersionCount,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { explainReason } from './explainReason';

function sum(counts: VersionCount[], version?: string): number {
  return counts.filter(c => version === undefined || c.version === version).reduce((n, c) => n + (c.replicas ?? 0), 0);
}

function scaling(what: string, c: ReplicaCounters): string | undefined {
  if (c.desired === undefined || c.replicas === undefined || c.desired === c.replicas) return undefined;
  const verb = c.desired > c.replicas ? 'Scaling up' : 'Scaling down';
  const ready = c.ready === undefined ? '' : ` (${c.ready} ready)`;
  return `${verb} ${what} from ${c.replicas} to ${c.desired} machines${ready}`;
}

function rolling(what: string, c: ReplicaCounters, restartAfter?: string): string | undefined {
  const total = c.desired ?? c.replicas;
  if (total === undefined || c.upToDate === undefined || c.upToDate >= total) return undefined;
  const cause = restartAfter ? 'Restarting' : 'Replacing machines of';
  return `${cause} ${what}: ${c.upToDate} of ${total} up to date`;
}

/** The upgrade in progress, from the desired version and what runs. */
function upgrade(tree: ClusterTree): string | undefined {
  const target = tree.versions.desired;
  const plan = [...(tree.versions.upgradePlan?.controlPlane ?? []), ...(tree.versions.upgradePlan?.workers ?? [])];
  if (!target) return undefined;
  const observed = tree.versions.observed;
  const cp = observed.filter(v => v.scope === 'controlPlane');
  const workers = observed.filter(v => v.scope === 'workers');
  const cpBehind = sum(cp) > sum(cp, target);
  const workersBehind = sum(workers) > sum(workers, target);
  if (!cpBehind && !workersBehind && !plan.length) return undefined;
  const via = plan.length > 1 ? ` via ${plan.join(', ')}` : '';
  if (cpBehind || (plan.length && tree.versions.upgradePlan?.controlPlane?.length)) {
    return `Upgrading the control plane to ${target}${via}: ${sum(cp, target)} of ${sum(cp)} machines on ${target}`;
  }
  return `Upgrading workers to ${target}${via}: ${sum(workers, target)} of ${sum(workers)} machines on ${target}`;
}

/**
 * What is happening to a cluster right now, derived from its tree: deletion,
 * pause, upgrade, scaling and rollouts of the control plane and each pool.
 * Empty when the cluster is at rest.
 */
export function happeningNow(tree: ClusterTree): string[] {
  if (tree.deletion) {
    const why = tree.deletion.reason ? explainReason({ reason: tree.deletion.reason }).summary : 'Deleting the cluster.';
    return [why];
  }
  if (tree.paused) return ['Paused: controllers make no changes until the cluster is resumed.'];
  const lines: string[] = [];
  const cp = tree.controlPlane;
  if (cp && cp.initialized === false) lines.push('Provisioning: waiting for the first control plane machine.');
  else if (!cp && tree.conditions.some(c => c.type === 'ControlPlaneInitialized' && c.status !== 'True')) {
    lines.push('Provisioning: waiting for the control plane to be initialized.');
  }
  if (tree.infrastructure && tree.infrastructure.ready === false) {
    lines.push('Creating the OpenStack network, router and API load balancer.');
  }
  const up = upgrade(tree);
  if (up) lines.push(up);
  if (cp) {
    const s = scaling('the control plane', cp.counters);
    if (s) lines.push(s);
    else if (!up) {
      const r = rolling('the control plane', cp.counters, cp.rollout.after);
      if (r) lines.push(r);
    }
  }
  for (const pool of tree.pools) {
    const what = `pool ${pool.topologyName ?? pool.name}`;
    if (pool.deleting) {
      lines.push(`Deleting ${what}`);
      continue;
    }
    const s = scaling(what, pool.counters);
    if (s) lines.push(s);
    else if (!up) {
      const r = rolling(what, pool.counters, pool.rollout.after);
      if (r) lines.push(r);
    }
  }
  return lines;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  hibernationOf,
  type ClusterHealth,
  type HibernationRecord,
  type Verdict,
  type VerdictReason,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { evaluateBastion } from './bastionVerdict';
import { busySignals } from './busySignals';
import { clusterView } from './clusterView';
import { hasAnyConditions, isTrue } from './conditions';
import { failureSignals } from './failureSignals';
import { withFixGuides } from './fixGuide';
import { hardSignals } from './hardSignals';
import { bastionServerOf, isClusterPaused, scopeToCluster } from './links';
import { ClusterObjects, KubeObject, num, parseTime, str } from './objects';
import { problems } from './problems';
import {
  condReason,
  oldestSince,
  reason,
  withSeverity,
} from './verdictReasons';
import {
  PROGRESSING_WINDOW_MS,
  STALE_GENERATION_MS,
} from './verdictThresholds';

/**
 * Health verdict of one workload cluster: the ordered algorithm of section 2
 * of the domain doc ("Recommended verdict", first match wins):
 * Deleting → Paused → Unknown → Failed → Degraded (hard signals) →
 * Progressing / Degraded → Healthy. Pure: the clock is a parameter.
 */

/** Step 3: when `observedGeneration` has lagged, or undefined when it has not. */
function staleGenerationSince(
  cluster: KubeObject,
): Date | 'unknown' | undefined {
  const gen = num(cluster.metadata.generation);
  const observed = num(cluster.status?.observedGeneration);
  if (gen === undefined || observed === undefined || observed >= gen) {
    return undefined;
  }
  // The generation was bumped by a spec write, so it lags at least since the
  // latest non-status write (managedFields) or the creation: a safe lower bound.
  const times = [
    ...(cluster.metadata.managedFields ?? [])
      .filter(f => f.subresource !== 'status')
      .map(f => parseTime(f.time)),
    parseTime(cluster.metadata.creationTimestamp),
  ].filter((d): d is Date => d !== undefined);
  if (times.length === 0) return 'unknown';
  return new Date(Math.max(...times.map(d => d.getTime())));
}

/** A problem of the worker pools (what hibernation causes on purpose). */
function isWorkerProblem(r: VerdictReason): boolean {
  return (
    r.object.kind === 'MachineDeployment' ||
    /Worker/.test(r.conditionType ?? '') ||
    (r.reason === 'ReplicasNotReady' && /^Workers/.test(r.message ?? ''))
  );
}

function hibernatedReason(cluster: KubeObject, h: HibernationRecord): VerdictReason {
  const pools = h.pools.map(p => `${p.name} (${p.replicas})`).join(', ');
  return reason(cluster, 'info', {
    reason: 'Hibernated',
    message: `Hibernated${h.by ? ` by ${h.by}` : ''}: the worker pools are at 0 machines; waking restores ${pools}`,
    since: h.at || undefined,
  });
}

interface EvaluateOptions {
  ignorePause: boolean;
}

function evaluate(
  objs: ClusterObjects,
  now: Date,
  opts: EvaluateOptions,
): ClusterHealth {
  const evaluatedAt = now.toISOString();
  const cluster = objs.cluster;
  const view = clusterView(objs);
  const done = (verdict: Verdict, reasons: VerdictReason[]): ClusterHealth => ({
    verdict,
    reasons,
    evaluatedAt,
  });

  // 1. Deleting (since = deletionTimestamp: when the deletion was requested)
  const deletionTimestamp = str(cluster.metadata.deletionTimestamp);
  if (deletionTimestamp) {
    const c = view.cond('Deleting');
    return done('Deleting', [
      reason(cluster, 'info', {
        conditionType: c ? c.type : undefined,
        reason: c?.reason ?? 'Deleting',
        message: c?.message ?? 'Cluster is being deleted',
        since: deletionTimestamp,
      }),
    ]);
  }

  // 2. Paused (status is frozen; the caller adds the last-known verdict)
  if (!opts.ignorePause && isClusterPaused(cluster)) {
    const c = view.cond('Paused');
    return done('Paused', [
      isTrue(c)
        ? condReason(cluster, c!, 'info')
        : reason(cluster, 'info', {
            conditionType: 'Paused',
            reason: 'Paused',
            message:
              cluster.spec?.paused === true
                ? 'Cluster spec.paused is set to true'
                : 'Cluster has the cluster.x-k8s.io/paused annotation',
          }),
    ]);
  }

  // 3. Unknown
  if (!cluster.status || Object.keys(cluster.status).length === 0) {
    return done('Unknown', [
      reason(cluster, 'warning', {
        reason: 'NoStatus',
        message: 'Cluster has no status yet',
      }),
    ]);
  }
  if (!hasAnyConditions(cluster)) {
    return done('Unknown', [
      reason(cluster, 'warning', {
        reason: 'NoConditions',
        message: 'Cluster has no conditions yet',
      }),
    ]);
  }
  const stale = staleGenerationSince(cluster);
  if (
    stale instanceof Date &&
    now.getTime() - stale.getTime() >= STALE_GENERATION_MS
  ) {
    return done('Unknown', [
      reason(cluster, 'warning', {
        reason: 'StaleObservedGeneration',
        message: `Cluster status reflects generation ${cluster.status.observedGeneration}, spec is at generation ${cluster.metadata.generation}: the controllers have not caught up`,
        since: stale.toISOString(),
      }),
    ]);
  }

  const bastion = evaluateBastion(objs, now);
  const bastionReasons: VerdictReason[] =
    bastion.badge && bastion.badge !== 'Healthy' && objs.openStackCluster
      ? [
          reason(
            bastionServerOf(objs) ?? objs.openStackCluster,
            bastion.badge === 'Failed' ? 'warning' : 'info',
            {
              reason: `Bastion${bastion.badge}`,
              message: `${
                bastion.message ?? 'Bastion not ready'
              } (does not affect the cluster verdict)`,
            },
          ),
        ]
      : [];

  // 4. Failed
  const failures = failureSignals(objs, view, now);
  if (failures.failed.length > 0) {
    return done('Failed', [
      ...failures.failed,
      ...failures.pending,
      ...bastionReasons,
    ]);
  }

  // 5. Degraded: hard signals, even while busy
  const init = view.cond('ControlPlaneInitialized');
  const initialized = init
    ? isTrue(init)
    : cluster.status?.initialization?.controlPlaneInitialized === true;
  if (initialized) {
    const hard = hardSignals(objs, view, now);
    if (hard.length > 0) {
      return done('Degraded', [
        ...hard,
        ...failures.pending,
        ...bastionReasons,
      ]);
    }
  }

  // 6. Progressing / Degraded. A hibernated cluster's workers are at 0 on purpose.
  const hibernation = hibernationOf(cluster);
  // Informational reasons every verdict of steps 6 and 7 ends with.
  const tail = [...(hibernation ? [hibernatedReason(cluster, hibernation)] : []), ...bastionReasons];
  const busy = busySignals(objs, view, now);
  const probs = problems(objs, view, now).filter(r => !hibernation || !isWorkerProblem(r));
  if (probs.length > 0) {
    const oldest = oldestSince(probs);
    // Problems without a timestamp count as fresh.
    const age = oldest === undefined ? 0 : now.getTime() - oldest;
    if (busy.length > 0 && age < PROGRESSING_WINDOW_MS) {
      return done('Progressing', [
        ...withSeverity(probs, 'info'),
        ...busy,
        ...failures.pending,
        ...tail,
      ]);
    }
    return done('Degraded', [
      ...probs,
      ...failures.pending,
      ...busy,
      ...tail,
    ]);
  }
  if (busy.length > 0) {
    return done('Progressing', [
      ...busy,
      ...failures.pending,
      ...tail,
    ]);
  }

  // 7. Healthy
  return done('Healthy', [...failures.pending, ...tail]);
}

/**
 * Evaluates the health verdict of one workload cluster at `now`.
 * Works for CAPI v1beta2 and v1beta1 objects (with or without
 * `status.v1beta2`) and CAPO v1beta1/v1beta2 objects. With `fixGuides`,
 * every reason carries its fix guide (fixGuide.ts).
 */
export function evaluateHealth(
  objs: ClusterObjects,
  now: Date,
  options: { fixGuides?: boolean } = {},
): ClusterHealth {
  const scoped = scopeToCluster(objs);
  const health = evaluate(scoped, now, { ignorePause: false });
  if (health.verdict === 'Paused') {
    health.lastKnownVerdict = evaluate(scoped, now, {
      ignorePause: true,
    }).verdict;
  }
  return options.fixGuides ? withFixGuides(health, scoped) : health;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  ClusterHealth,
  ReasonSeverity,
  ReplicaCounters,
  Verdict,
  VerdictReason,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  Condition,
  conditionAgeMs,
  getCondition,
  hasAnyConditions,
  isFalse,
  isTrue,
  legacyFailure,
  v1beta1Conditions,
  v1beta2Conditions,
} from './conditions';
import {
  ClusterCounters,
  clusterCounters,
  replicaCountersOf,
} from './counters';
import {
  bastionServerOf,
  certificatesExpiryOf,
  isBastionServer,
  isClusterPaused,
  isControlPlaneMachine,
  scopeToCluster,
} from './links';
import {
  ClusterObjects,
  KubeObject,
  isoTime,
  num,
  parseTime,
  str,
} from './objects';

/**
 * Health verdict of one workload cluster: the ordered algorithm of section 2
 * of the domain doc ("Recommended verdict", first match wins):
 * Deleting → Paused → Unknown → Failed → Degraded (hard signals) →
 * Progressing / Degraded → Healthy. Pure: the clock is a parameter.
 */

const MINUTE_MS = 60_000;
/** Step 4: a failure signal must have lasted this long (inclusive). */
export const FAILED_AFTER_MS = 15 * MINUTE_MS;
/** Step 6: a busy cluster's problems younger than this are Progressing. */
export const PROGRESSING_WINDOW_MS = 30 * MINUTE_MS;
/** Step 3: `observedGeneration` behind `generation` this long means Unknown (inclusive). */
export const STALE_GENERATION_MS = 5 * MINUTE_MS;
/** Step 5: control-plane certificates expiring sooner than this are a hard signal. */
export const CERTIFICATE_EXPIRY_WARNING_MS = 7 * 24 * 60 * MINUTE_MS;

/** CAPO `InstanceReady=False` reasons that mean "this will not heal by itself". */
export const INSTANCE_FAILED_REASONS: readonly string[] = [
  'InstanceCreateFailed',
  'InstanceStateError',
  'InvalidMachineSpec',
  'DependencyFailed',
  'InstanceNotFound',
];

/** `TopologyReconciled=False` reasons counted as failures (v1beta2 names plus the v1beta1 `TopologyReconcileFailed`). */
export const TOPOLOGY_FAILED_REASONS: readonly string[] = [
  'ReconcileFailed',
  'ClusterClassNotReconciled',
  'TopologyReconcileFailed',
];

/** v1beta1 stand-ins for v1beta2 Cluster condition types. */
const V1BETA1_EQUIVALENT: Record<string, string> = {
  Available: 'Ready',
  ControlPlaneAvailable: 'ControlPlaneReady',
};

/** The Cluster seen through one condition generation. */
interface ClusterView {
  /** `v1beta2`: new conditions (native or `status.v1beta2`); `v1beta1`: legacy conditions only. */
  mode: 'v1beta2' | 'v1beta1';
  /** A Cluster condition by its v1beta2 type name. */
  cond(type: string): Condition | undefined;
  counters: ClusterCounters;
}

function clusterView(objs: ClusterObjects): ClusterView {
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

function ref(obj: KubeObject) {
  return { kind: obj.kind, name: obj.metadata.name };
}

/** Builds a reason without undefined fields (keeps the DTO minimal and JSON-stable). */
function reason(
  obj: KubeObject,
  severity: ReasonSeverity,
  fields: Omit<VerdictReason, 'object' | 'severity'>,
): VerdictReason {
  const r: VerdictReason = { object: ref(obj), severity };
  if (fields.conditionType) r.conditionType = fields.conditionType;
  if (fields.reason) r.reason = fields.reason;
  if (fields.message) r.message = fields.message;
  const since = isoTime(fields.since);
  if (since) r.since = since;
  return r;
}

function condReason(
  obj: KubeObject,
  c: Condition,
  severity: ReasonSeverity,
): VerdictReason {
  return reason(obj, severity, {
    conditionType: c.type,
    reason: c.reason,
    message: c.message,
    since: c.lastTransitionTime,
  });
}

function withSeverity(rs: VerdictReason[], severity: ReasonSeverity) {
  return rs.map(r => ({ ...r, severity }));
}

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

/** Step 4 signals: `failed` have lasted ≥ 15 min (or are legacy terminal failures), `pending` not yet. */
function failureSignals(objs: ClusterObjects, view: ClusterView, now: Date) {
  const failed: VerdictReason[] = [];
  const pending: VerdictReason[] = [];
  const check = (
    obj: KubeObject | undefined,
    c: Condition | undefined,
    match: boolean,
  ) => {
    if (!obj || !c || !match) return;
    const age = conditionAgeMs(c, now);
    if (age !== undefined && age >= FAILED_AFTER_MS)
      failed.push(condReason(obj, c, 'error'));
    else pending.push(condReason(obj, c, 'warning'));
  };
  const clusterName = objs.cluster.metadata.name;
  // Bastion problems never change the verdict.
  const servers = objs.openStackServers.filter(
    s => !isBastionServer(s, clusterName, objs.openStackCluster),
  );
  const osc = objs.openStackCluster;
  for (const o of [
    ...(osc ? [osc] : []),
    ...objs.openStackMachines,
    ...servers,
  ]) {
    const c = getCondition(o, 'OpenStackAuthenticationSucceeded');
    check(o, c, isFalse(c));
  }
  for (const o of [...objs.openStackMachines, ...servers]) {
    const c = getCondition(o, 'InstanceReady');
    check(
      o,
      c,
      isFalse(c) && INSTANCE_FAILED_REASONS.includes(c?.reason ?? ''),
    );
  }
  const topo = view.cond('TopologyReconciled');
  check(
    objs.cluster,
    topo,
    isFalse(topo) && TOPOLOGY_FAILED_REASONS.includes(topo?.reason ?? ''),
  );
  for (const mhc of objs.machineHealthChecks) {
    const c = getCondition(mhc, 'RemediationAllowed');
    check(mhc, c, isFalse(c));
  }
  // Legacy terminal failures (v1beta1 failureReason, v1beta2 status.deprecated.v1beta1).
  const legacy = [
    objs.cluster,
    ...(objs.controlPlane ? [objs.controlPlane] : []),
    ...(osc ? [osc] : []),
    ...objs.machineDeployments,
    ...objs.machineSets,
    ...objs.machines,
    ...objs.openStackMachines,
  ];
  for (const o of legacy) {
    const f = legacyFailure(o);
    if (f) {
      failed.push(
        reason(o, 'error', {
          reason: f.reason ?? 'Failed',
          message: f.message,
        }),
      );
    }
  }
  return { failed, pending };
}

/**
 * Step 5 detail: a certificate-driven rollout is renewing this machine's
 * certificates: KCP `rollout.before.certificatesExpiryDays` (v1beta1
 * `rolloutBefore`) covers the expiry and a control-plane rollout is running.
 */
function certificateRolloutRunning(
  objs: ClusterObjects,
  view: ClusterView,
  expiresInMs: number,
): boolean {
  const kcp = objs.controlPlane;
  const days =
    num(kcp?.spec?.rollout?.before?.certificatesExpiryDays) ??
    num(kcp?.spec?.rolloutBefore?.certificatesExpiryDays);
  if (days === undefined || expiresInMs > days * 24 * 60 * MINUTE_MS)
    return false;
  const c = replicaCountersOf(kcp);
  return (
    isTrue(view.cond('RollingOut')) ||
    isTrue(getCondition(kcp, 'RollingOut')) ||
    (c.upToDate !== undefined &&
      c.replicas !== undefined &&
      c.upToDate < c.replicas)
  );
}

/** Step 5: hard Degraded signals, evaluated only once the control plane is initialized. */
function hardSignals(
  objs: ClusterObjects,
  view: ClusterView,
  now: Date,
): VerdictReason[] {
  const out: VerdictReason[] = [];
  const cluster = objs.cluster;
  const probe = view.cond('RemoteConnectionProbe');
  if (isFalse(probe)) out.push(condReason(cluster, probe!, 'error'));
  const kcp = objs.controlPlane;
  const etcd = getCondition(kcp, 'EtcdClusterHealthy');
  if (kcp && isFalse(etcd)) out.push(condReason(kcp, etcd!, 'error'));
  const remediating = view.cond('Remediating');
  if (isTrue(remediating))
    out.push(condReason(cluster, remediating!, 'warning'));
  for (const o of [...(kcp ? [kcp] : []), ...objs.machineDeployments]) {
    const c = getCondition(o, 'Remediating', 'v1beta2');
    if (isTrue(c)) out.push(condReason(o, c!, 'warning'));
  }
  for (const m of objs.machines.filter(isControlPlaneMachine)) {
    const expiry = certificatesExpiryOf(m, objs.kubeadmConfigs);
    const at = parseTime(expiry);
    if (!at) continue;
    const inMs = at.getTime() - now.getTime();
    if (
      inMs < CERTIFICATE_EXPIRY_WARNING_MS &&
      !certificateRolloutRunning(objs, view, inMs)
    ) {
      const days = Math.floor(inMs / (24 * 60 * MINUTE_MS));
      out.push(
        reason(m, 'error', {
          reason:
            inMs <= 0 ? 'CertificatesExpired' : 'CertificatesExpiringSoon',
          message:
            inMs <= 0
              ? `Control plane certificates expired at ${isoTime(expiry)}`
              : `Control plane certificates expire at ${isoTime(
                  expiry,
                )} (in ${days} days) and no rollout is renewing them`,
        }),
      );
    }
  }
  return out;
}

/** Step 6: what makes the cluster busy (reasons with severity info). */
function busySignals(objs: ClusterObjects, view: ClusterView): VerdictReason[] {
  const out: VerdictReason[] = [];
  const cluster = objs.cluster;
  for (const t of ['RollingOut', 'ScalingUp', 'ScalingDown']) {
    const c = view.cond(t);
    if (isTrue(c)) out.push(condReason(cluster, c!, 'info'));
  }
  const topo = view.cond('TopologyReconciled');
  if (isFalse(topo) && !TOPOLOGY_FAILED_REASONS.includes(topo!.reason ?? '')) {
    out.push(condReason(cluster, topo!, 'info'));
  }
  const init = view.cond('ControlPlaneInitialized');
  const initialized = init
    ? isTrue(init)
    : cluster.status?.initialization?.controlPlaneInitialized === true;
  if (!initialized) {
    out.push(
      init
        ? condReason(cluster, init, 'info')
        : reason(cluster, 'info', {
            conditionType: 'ControlPlaneInitialized',
            reason: 'NotInitialized',
            message: 'Control plane not initialized yet',
          }),
    );
  }
  if (view.mode === 'v1beta1') {
    // Old CAPI has no RollingOut/Scaling* conditions: derive them from the counters.
    for (const o of [
      ...(objs.controlPlane ? [objs.controlPlane] : []),
      ...objs.machineDeployments,
    ]) {
      const c = replicaCountersOf(o);
      if (
        c.desired !== undefined &&
        c.replicas !== undefined &&
        c.desired !== c.replicas
      ) {
        out.push(
          reason(o, 'info', {
            reason: c.desired > c.replicas ? 'ScalingUp' : 'ScalingDown',
            message: `Scaling from ${c.replicas} to ${c.desired} replicas`,
          }),
        );
      } else if (
        c.upToDate !== undefined &&
        c.replicas !== undefined &&
        c.upToDate < c.replicas
      ) {
        out.push(
          reason(o, 'info', {
            reason: 'RollingOut',
            message: `${c.upToDate} of ${c.replicas} replicas up to date`,
          }),
        );
      } else if (
        o.status?.phase === 'ScalingUp' ||
        o.status?.phase === 'ScalingDown'
      ) {
        out.push(reason(o, 'info', { reason: o.status.phase }));
      }
    }
  }
  return out;
}

function countersLabel(scope: 'controlPlane' | 'workers') {
  return scope === 'controlPlane' ? 'Control plane' : 'Workers';
}

/** Step 7 counter rule: ready == available == upToDate == desired (an empty scope passes). */
function countersMatch(
  c: ReplicaCounters,
  availableFallsBackToReady: boolean,
): boolean {
  const desired = c.desired ?? c.replicas;
  if (desired === undefined) return true;
  const orZero = (v: number | undefined) =>
    v === undefined && desired === 0 ? 0 : v;
  const available =
    c.available ?? (availableFallsBackToReady ? c.ready : undefined);
  return (
    orZero(c.ready) === desired &&
    orZero(available) === desired &&
    orZero(c.upToDate) === desired
  );
}

/** Step 6: problems of the cluster; their `since` feeds the 30-minute rule. */
function problems(objs: ClusterObjects, view: ClusterView): VerdictReason[] {
  const out: VerdictReason[] = [];
  const cluster = objs.cluster;
  const available = view.cond('Available');
  if (!isTrue(available)) {
    out.push(
      available
        ? condReason(cluster, available, 'warning')
        : reason(cluster, 'warning', {
            conditionType: 'Available',
            reason: 'ConditionMissing',
            message: 'Cluster has no Available condition',
          }),
    );
  }
  if (view.mode === 'v1beta2') {
    for (const t of ['ControlPlaneMachinesReady', 'WorkerMachinesReady']) {
      const c = view.cond(t);
      if (isFalse(c)) out.push(condReason(cluster, c!, 'warning'));
    }
  } else {
    for (const t of ['ControlPlaneReady', 'InfrastructureReady']) {
      const c = getCondition(cluster, t, 'v1beta1');
      if (isFalse(c)) out.push(condReason(cluster, c!, 'warning'));
    }
    // v1beta1 Ready does not cover workers; MachineDeployment Available does.
    for (const md of objs.machineDeployments) {
      const c = getCondition(md, 'Available');
      if (isFalse(c)) out.push(condReason(md, c!, 'warning'));
    }
  }
  // upToDate < replicas: on the Cluster counters when CAPI reports them, else per object.
  const notUpToDate = new Set<'controlPlane' | 'workers'>();
  const flag = (c: ReplicaCounters) =>
    c.upToDate !== undefined &&
    c.replicas !== undefined &&
    c.upToDate < c.replicas;
  if (view.counters.source === 'cluster') {
    for (const scope of ['controlPlane', 'workers'] as const) {
      const c = view.counters[scope];
      if (!flag(c)) continue;
      notUpToDate.add(scope);
      const cond = view.cond(
        scope === 'controlPlane'
          ? 'ControlPlaneMachinesUpToDate'
          : 'WorkerMachinesUpToDate',
      );
      out.push(
        reason(cluster, 'warning', {
          conditionType: isFalse(cond) ? cond!.type : undefined,
          reason: 'NotUpToDate',
          message: `${countersLabel(scope)}: ${c.upToDate} of ${
            c.replicas
          } replicas up to date`,
          since: isFalse(cond) ? cond!.lastTransitionTime : undefined,
        }),
      );
    }
  } else {
    const kcp = objs.controlPlane;
    const items = [
      ...(kcp ? [{ o: kcp, scope: 'controlPlane' as const }] : []),
      ...objs.machineDeployments.map(o => ({ o, scope: 'workers' as const })),
    ];
    for (const { o, scope } of items) {
      const c = replicaCountersOf(o);
      if (!flag(c)) continue;
      notUpToDate.add(scope);
      const cond = getCondition(o, 'MachinesUpToDate', 'v1beta2');
      out.push(
        reason(o, 'warning', {
          reason: 'NotUpToDate',
          message: `${c.upToDate} of ${c.replicas} replicas up to date`,
          since: isFalse(cond) ? cond!.lastTransitionTime : undefined,
        }),
      );
    }
  }
  // Step 7's counter rule, as a problem so that a mismatch is never "Healthy".
  for (const scope of ['controlPlane', 'workers'] as const) {
    if (notUpToDate.has(scope)) continue;
    const c = view.counters[scope];
    // v1beta1 KCP has no availableReplicas: ready stands in for it.
    if (!countersMatch(c, view.counters.source === 'aggregated')) {
      const show = (v: number | undefined) =>
        v === undefined ? '?' : String(v);
      out.push(
        reason(cluster, 'warning', {
          reason: 'ReplicasNotReady',
          message: `${countersLabel(scope)}: ${show(c.ready)} ready, ${show(
            c.available,
          )} available, ${show(c.upToDate)} up to date of ${show(
            c.desired ?? c.replicas,
          )} desired`,
        }),
      );
    }
  }
  return out;
}

/** Oldest `since` among reasons, in ms; undefined when none carries a time. */
function oldestSince(rs: VerdictReason[]): number | undefined {
  const times = rs
    .map(r => parseTime(r.since)?.getTime())
    .filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/**
 * Bastion component badge (never part of the cluster verdict): absent when
 * the bastion is disabled; Failed on Nova ERROR, or (only when `now` is given)
 * a failure condition False for 15 minutes; Healthy when the server is
 * ready; otherwise Progressing.
 */
export function evaluateBastion(
  objs: ClusterObjects,
  now?: Date,
): { badge?: Verdict; message?: string; ready?: boolean } {
  const osc = objs.openStackCluster;
  const spec = osc?.spec?.bastion;
  const enabled = !!spec && spec.enabled !== false;
  const server = bastionServerOf(objs);
  const statusBastion = osc?.status?.bastion;
  if (!enabled && !server && !statusBastion) return {};
  const ready: boolean | undefined =
    typeof server?.status?.ready === 'boolean'
      ? server.status.ready
      : undefined;
  if (!enabled || server?.metadata.deletionTimestamp) {
    return { badge: 'Deleting', message: 'Bastion is being removed', ready };
  }
  const state = str(server?.status?.instanceState) ?? str(statusBastion?.state);
  const ir = getCondition(server, 'InstanceReady');
  const auth = getCondition(server, 'OpenStackAuthenticationSucceeded');
  const longFalse = (c: Condition | undefined) =>
    now !== undefined &&
    isFalse(c) &&
    (conditionAgeMs(c, now) ?? 0) >= FAILED_AFTER_MS;
  if (state === 'ERROR') {
    return {
      badge: 'Failed',
      message: ir?.message ?? 'Bastion server is in state ERROR',
      ready,
    };
  }
  if (
    (longFalse(ir) && INSTANCE_FAILED_REASONS.includes(ir!.reason ?? '')) ||
    longFalse(auth)
  ) {
    const c = longFalse(auth) ? auth! : ir!;
    return { badge: 'Failed', message: c.message ?? c.reason, ready };
  }
  if (ready === true || (ready === undefined && state === 'ACTIVE')) {
    return { badge: 'Healthy', ready };
  }
  if (!server && !state) {
    return { badge: 'Progressing', message: 'Bastion not created yet', ready };
  }
  return {
    badge: 'Progressing',
    message: `Bastion server ${state ? `is ${state}` : 'is not ready'}`,
    ready,
  };
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

  // 6. Progressing / Degraded
  const busy = busySignals(objs, view);
  const probs = problems(objs, view);
  if (probs.length > 0) {
    const oldest = oldestSince(probs);
    // Problems without a timestamp count as fresh.
    const age = oldest === undefined ? 0 : now.getTime() - oldest;
    if (busy.length > 0 && age < PROGRESSING_WINDOW_MS) {
      return done('Progressing', [
        ...withSeverity(probs, 'info'),
        ...busy,
        ...failures.pending,
        ...bastionReasons,
      ]);
    }
    return done('Degraded', [
      ...probs,
      ...failures.pending,
      ...busy,
      ...bastionReasons,
    ]);
  }
  if (busy.length > 0) {
    return done('Progressing', [
      ...busy,
      ...failures.pending,
      ...bastionReasons,
    ]);
  }

  // 7. Healthy
  return done('Healthy', [...failures.pending, ...bastionReasons]);
}

/**
 * Evaluates the health verdict of one workload cluster at `now`.
 * Works for CAPI v1beta2 and v1beta1 objects (with or without
 * `status.v1beta2`) and CAPO v1beta1/v1beta2 objects.
 */
export function evaluateHealth(objs: ClusterObjects, now: Date): ClusterHealth {
  const scoped = scopeToCluster(objs);
  const health = evaluate(scoped, now, { ignorePause: false });
  if (health.verdict === 'Paused') {
    health.lastKnownVerdict = evaluate(scoped, now, {
      ignorePause: true,
    }).verdict;
  }
  return health;
}

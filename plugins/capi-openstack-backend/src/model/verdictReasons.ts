/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  ReasonSeverity,
  VerdictReason,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { ClusterView } from './clusterView';
import { Condition } from './conditions';
import { ClusterObjects, KubeObject, isoTime, parseTime } from './objects';

/** Builders of the verdict's reasons. */

/** One step of the verdict: the reasons it reads from a cluster's objects. */
export type VerdictStep = (
  objs: ClusterObjects,
  view: ClusterView,
  now: Date,
) => VerdictReason[];

function ref(obj: KubeObject) {
  return { kind: obj.kind, name: obj.metadata.name };
}

/** Builds a reason without undefined fields (keeps the DTO minimal and JSON-stable). */
export function reason(
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

/** A reason quoting one condition (type, reason, message, since its last transition). */
export function condReason(
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

/** What a cluster that does not report these conditions at all is told. */
export const MISSING_CONDITION = {
  Available: { conditionType: 'Available', reason: 'ConditionMissing', message: 'Cluster has no Available condition' },
  ControlPlaneInitialized: {
    conditionType: 'ControlPlaneInitialized',
    reason: 'NotInitialized',
    message: 'Control plane not initialized yet',
  },
};

/** The reason quoting condition `c`; `missing` when the object has no such condition. */
export function condReasonOr(
  obj: KubeObject,
  c: Condition | undefined,
  severity: ReasonSeverity,
  missing: Omit<VerdictReason, 'object' | 'severity'>,
): VerdictReason {
  return c ? condReason(obj, c, severity) : reason(obj, severity, missing);
}

export function withSeverity(rs: VerdictReason[], severity: ReasonSeverity) {
  return rs.map(r => ({ ...r, severity }));
}

/** Oldest `since` among reasons, in ms; undefined when none carries a time. */
export function oldestSince(rs: VerdictReason[]): number | undefined {
  const times = rs
    .map(r => parseTime(r.since)?.getTime())
    .filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

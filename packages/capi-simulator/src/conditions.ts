/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Conditions: CAPI v1beta2 (metav1.Condition) and the older CAPI v1beta1
// shape (severity, optional reason/message) that CAPO v1beta1 objects and
// CAPI v1beta1 `status.conditions` still use. lastTransitionTime only
// changes when the status does.

import {
  type ConditionStatus,
  findCondition,
  type V1beta2Condition as Condition,
  type V1beta1Condition as LegacyCondition,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { isoTime } from './clock';

export type {
  ConditionStatus,
  V1beta2Condition as Condition,
  V1beta1Condition as LegacyCondition,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** A condition before times are attached. */
export interface Cond {
  type: string;
  status: ConditionStatus;
  reason: string;
  message?: string;
}

export function cond(
  type: string,
  status: ConditionStatus,
  reason: string,
  message = '',
): Cond {
  return { type, status, reason, message };
}

/** True/False by `ok`, with the reasons for each. */
export function when(
  type: string,
  ok: boolean,
  reasons: [string, string],
  message = '',
): Cond {
  return cond(
    type,
    ok ? 'True' : 'False',
    ok ? reasons[0] : reasons[1],
    message,
  );
}

/** Attaches lastTransitionTime (kept from `previous` when the status is unchanged) and observedGeneration. */
export function finalize(
  conds: Cond[],
  previous: Condition[] | undefined,
  generation?: number,
  now = Date.now(),
): Condition[] {
  return conds.map(c => {
    const prev = findCondition(previous, c.type);
    return {
      type: c.type,
      status: c.status,
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
      lastTransitionTime:
        prev && prev.status === c.status
          ? prev.lastTransitionTime
          : isoTime(now),
      reason: c.reason,
      message: c.message ?? '',
    };
  });
}

/**
 * v1beta1 conditions from v1beta2 ones: `mapping` gives legacy type -> v1beta2
 * type (or a condition computed for it). Reason and message are only set
 * when not True (the v1beta1 convention); severity Warning unless given.
 */
export function legacyConditions(
  source: Cond[],
  mapping: Array<[legacyType: string, from: string | Cond]>,
  previous: LegacyCondition[] | undefined,
  now = Date.now(),
): LegacyCondition[] {
  const out: LegacyCondition[] = [];
  for (const [type, from] of mapping) {
    const c = typeof from === 'string' ? findCondition(source, from) : from;
    if (!c) continue;
    out.push(legacy({ ...c, type }, previous, now));
  }
  return out;
}

/** One v1beta1 condition; `severity` for False ones (default Warning). */
export function legacy(
  c: Cond & { severity?: LegacyCondition['severity'] },
  previous: LegacyCondition[] | undefined,
  now = Date.now(),
): LegacyCondition {
  const prev = findCondition(previous, c.type);
  const positive = c.status === 'True';
  return {
    type: c.type,
    status: c.status,
    ...(positive
      ? {}
      : {
          severity: c.severity ?? (c.status === 'False' ? 'Warning' : 'Info'),
        }),
    ...(!positive && c.reason ? { reason: c.reason } : {}),
    ...(!positive && c.message ? { message: c.message } : {}),
    lastTransitionTime:
      prev && prev.status === c.status ? prev.lastTransitionTime : isoTime(now),
  };
}

/** A False v1beta1 condition with its severity. */
export function legacyFalse(
  type: string,
  reason: string,
  message: string,
  severity: LegacyCondition['severity'],
  previous: LegacyCondition[] | undefined,
): LegacyCondition {
  return legacy(
    { ...cond(type, 'False', reason, message), severity },
    previous,
  );
}

/** A bullet list as CAPI writes summary messages. */
export function bullets(items: string[]): string {
  return items.map(i => `* ${i}`).join('\n');
}

/** Indents a (bulleted) message under a bullet. */
export function nested(message: string): string {
  return message
    .split('\n')
    .map(l => `  ${l}`)
    .join('\n');
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Writing status in the layout of the CAPI generation: v1beta2
// `status.conditions` plus fields, or v1beta1 legacy conditions with the new
// ones under `status.v1beta2`.

import { Kind } from '../apiVersions';
import {
  Cond,
  Condition,
  finalize,
  LegacyCondition,
  legacyConditions,
} from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { pausedCond } from './machineConditions';

/** Writes status in the generation's layout (v1beta1 gets legacy conditions). */
export async function write(
  scope: ClusterScope,
  kind: Kind,
  obj: KObj,
  v2: { fields: Record<string, unknown>; conditions: Cond[] },
  v1: {
    fields: Record<string, unknown>;
    v1beta2Fields?: Record<string, unknown>;
    legacy: Array<[string, string | Cond]>;
  },
) {
  const generation = obj.metadata.generation;
  if (scope.gen === 'v1beta2') {
    const previous: Condition[] | undefined = obj.status?.conditions;
    await scope.rt.writer.applyStatus(kind, obj, {
      observedGeneration: generation,
      ...v2.fields,
      conditions: finalize(v2.conditions, previous, generation),
    });
    return;
  }
  const previousV2: Condition[] | undefined = obj.status?.v1beta2?.conditions;
  const previousLegacy: LegacyCondition[] | undefined = obj.status?.conditions;
  await scope.rt.writer.applyStatus(kind, obj, {
    observedGeneration: generation,
    ...v1.fields,
    conditions: legacyConditions(v2.conditions, v1.legacy, previousLegacy),
    v1beta2: {
      ...v1.v1beta2Fields,
      conditions: finalize(v2.conditions, previousV2, generation),
    },
  });
}

export function selectorString(
  matchLabels: Record<string, string> | undefined,
): string | undefined {
  const entries = Object.entries(matchLabels ?? {});
  return entries.length
    ? entries.map(([k, v]) => (v ? `${k}=${v}` : k)).join(',')
    : undefined;
}

/** Sets only the Paused condition of an object, leaving the rest of its status as it is. */
export async function writePausedOnly(
  scope: ClusterScope,
  kind: Kind,
  obj: KObj,
  paused: boolean,
) {
  const generation = obj.metadata.generation;
  const status = obj.status ?? {};
  const list: Condition[] =
    (scope.gen === 'v1beta2'
      ? status.conditions
      : status.v1beta2?.conditions) ?? [];
  const others = list.filter(c => c.type !== 'Paused');
  const pausedFinal = finalize([pausedCond(paused)], list, generation)[0];
  const conditions = [...others, pausedFinal];
  await scope.rt.writer.applyStatus(
    kind,
    obj,
    scope.gen === 'v1beta2'
      ? { ...status, conditions }
      : { ...status, v1beta2: { ...status.v1beta2, conditions } },
  );
}

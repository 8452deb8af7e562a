/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  AUTOSCALER_MAX_ANNOTATION,
  AUTOSCALER_MIN_ANNOTATION,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { autoscalerBounds, editTopologyPool, isClassy } from '../model/shapes';
import { clusterPatch, objectPatch, primaryOf, withoutAutoscalerBounds } from './writes';
import { findPool } from './lookups';
import { LiveObjects, Plan, PlanContext } from './types';
import { UnprocessableError } from '../errors';

/**
 * Autoscaler bounds are two annotations on the MachineDeployment (for classy
 * clusters through `machineDeployments[].metadata.annotations`, with
 * `replicas` left out of the topology so the topology controller does not
 * fight the autoscaler). Clearing them gives the pool a fixed size again:
 * its current replica count.
 */
export function planSetAutoscaler(
  objs: LiveObjects,
  pool: string,
  bounds: { min: number; max: number } | null,
  ctx: PlanContext,
): Plan {
  if (bounds) {
    for (const key of ['min', 'max'] as const) {
      const v = bounds[key];
      if (!Number.isInteger(v) || v < 0) throw new UnprocessableError(`bounds.${key} must be a whole number ≥ 0, got ${v}`);
    }
    if (bounds.min > bounds.max) {
      throw new UnprocessableError(`bounds.min (${bounds.min}) must not be greater than bounds.max (${bounds.max})`);
    }
    if (bounds.max > ctx.config.maxPoolReplicas) {
      throw new UnprocessableError(
        `bounds.max must be at most ${ctx.config.maxPoolReplicas} (capiOpenstack.actions.maxPoolReplicas), got ${bounds.max}`,
      );
    }
  }
  const ref = findPool(objs, pool);
  const cluster = objs.cluster;
  const classy = isClassy(cluster);
  const topologyPool = classy ? cluster.spec.topology.workers.machineDeployments[ref.topologyIndex!] : undefined;
  const current = autoscalerBounds(classy ? topologyPool : ref.md);
  const primary = primaryOf(classy ? cluster : ref.md!);
  const same = bounds
    ? current?.min === bounds.min && current?.max === bounds.max
    : current === undefined;
  if (same) {
    return {
      action: 'set-autoscaler',
      primary,
      writes: [],
      changes: [],
      message: bounds
        ? `Pool ${ref.name} already has autoscaler bounds ${bounds.min}..${bounds.max}.`
        : `Pool ${ref.name} already has a fixed size (no autoscaler bounds).`,
    };
  }
  // The replica count the pool keeps once the autoscaler lets go of it.
  const currentReplicas: number =
    ref.md?.spec?.replicas ?? ref.md?.status?.replicas ?? topologyPool?.replicas ?? bounds?.min ?? 0;
  const fixed = Math.min(currentReplicas, ctx.config.maxPoolReplicas);
  const annotations = bounds
    ? { [AUTOSCALER_MIN_ANNOTATION]: String(bounds.min), [AUTOSCALER_MAX_ANNOTATION]: String(bounds.max) }
    : { [AUTOSCALER_MIN_ANNOTATION]: null, [AUTOSCALER_MAX_ANNOTATION]: null };
  const target = { kind: primary.kind, name: primary.name };
  const field = classy
    ? `spec.topology.workers.machineDeployments[name=${ref.name}].metadata.annotations`
    : 'metadata.annotations';
  const changes: Plan['changes'] = [
    { ...target, field: `${field}[${AUTOSCALER_MIN_ANNOTATION}]`, from: current?.min, to: bounds?.min },
    { ...target, field: `${field}[${AUTOSCALER_MAX_ANNOTATION}]`, from: current?.max, to: bounds?.max },
  ];
  let write;
  if (classy) {
    const pools = editTopologyPool(cluster, ref.topologyIndex!, p => {
      const next = withoutAutoscalerBounds(p);
      if (bounds) {
        next.metadata = { ...next.metadata, annotations: { ...next.metadata?.annotations, ...annotations } };
        delete next.replicas;
      } else {
        next.replicas = fixed;
      }
      return next;
    });
    changes.push({
      ...target,
      field: `spec.topology.workers.machineDeployments[name=${ref.name}].replicas`,
      from: topologyPool.replicas,
      to: bounds ? undefined : fixed,
    });
    write = clusterPatch(cluster, { spec: { topology: { workers: { machineDeployments: pools } } } });
  } else {
    const md = ref.md!;
    // Plain pools keep spec.replicas, moved into the bounds: the autoscaler
    // changes it from there.
    const replicas = bounds
      ? Math.max(bounds.min, Math.min(bounds.max, md.spec?.replicas ?? bounds.min))
      : fixed;
    if (replicas !== md.spec?.replicas) {
      changes.push({ ...target, field: 'spec.replicas', from: md.spec?.replicas, to: replicas });
    }
    write = objectPatch(md, { metadata: { annotations }, spec: { replicas } });
  }
  return {
    action: 'set-autoscaler',
    primary,
    writes: [write],
    changes,
    message: bounds
      ? `Pool ${ref.name} is now sized by the cluster autoscaler between ${bounds.min} and ${bounds.max} replicas.`
      : `Cleared the autoscaler bounds of pool ${ref.name}: it keeps a fixed size of ${fixed} replicas.`,
  };
}

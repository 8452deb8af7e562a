/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { autoscalerBounds, editTopologyPool, isClassy } from '../model/shapes';
import { clusterPatch, objectPatch, primaryOf } from './writes';
import { findPool } from './lookups';
import { requireControlPlane } from './guards';
import { LiveObjects, Plan, PlanContext } from './types';
import { UnprocessableError } from '../errors';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Odd counts only: stacked etcd needs a majority, an even count adds no fault tolerance. */
export function planScaleControlPlane(objs: LiveObjects, replicas: number): Plan {
  if (!Number.isInteger(replicas) || replicas < 1) {
    throw new UnprocessableError(`replicas must be an odd number ≥ 1 (got ${replicas})`);
  }
  if (replicas % 2 === 0) {
    throw new UnprocessableError(
      `replicas must be odd (got ${replicas}): the control plane runs stacked etcd, which needs a majority of members; ${replicas} tolerates no more failures than ${replicas - 1}`,
    );
  }
  const cluster = objs.cluster;
  if (isClassy(cluster)) {
    const from = cluster.spec.topology.controlPlane?.replicas;
    return scalePlan('scale-control-plane', primaryOf(cluster), from, replicas, 'the control plane', () => ({
      kind: 'Cluster',
      name: cluster.metadata.name,
      field: 'spec.topology.controlPlane.replicas',
      write: clusterPatch(cluster, { spec: { topology: { controlPlane: { replicas } } } }),
    }));
  }
  const kcp = requireControlPlane(objs);
  return scalePlan('scale-control-plane', primaryOf(kcp), kcp.spec?.replicas, replicas, 'the control plane', () => ({
    kind: kcp.kind,
    name: kcp.metadata.name,
    field: 'spec.replicas',
    write: objectPatch(kcp, { spec: { replicas } }),
  }));
}

export function planScalePool(objs: LiveObjects, pool: string, replicas: number, ctx: PlanContext): Plan {
  const max = ctx.config.maxPoolReplicas;
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > max) {
    throw new UnprocessableError(
      `replicas must be a whole number from 0 to ${max} (capiOpenstack.actions.maxPoolReplicas), got ${replicas}`,
    );
  }
  const ref = findPool(objs, pool);
  const cluster = objs.cluster;
  const classy = isClassy(cluster);
  const topologyPool = classy ? cluster.spec.topology.workers.machineDeployments[ref.topologyIndex!] : undefined;
  const bounds = autoscalerBounds(classy ? topologyPool : ref.md) ?? (ref.md ? autoscalerBounds(ref.md) : undefined);
  if (bounds) {
    throw new UnprocessableError(
      `replicas: pool ${ref.name} is sized by the cluster autoscaler (bounds min ${bounds.min ?? '-'}, max ${
        bounds.max ?? '-'
      }): change the autoscaler bounds, or clear them to give the pool a fixed size`,
    );
  }
  if (classy) {
    return scalePlan('scale-pool', primaryOf(cluster), topologyPool.replicas, replicas, `pool ${ref.name}`, () => ({
      kind: 'Cluster',
      name: cluster.metadata.name,
      field: `spec.topology.workers.machineDeployments[name=${ref.name}].replicas`,
      write: clusterPatch(cluster, {
        spec: {
          topology: {
            workers: {
              machineDeployments: editTopologyPool(cluster, ref.topologyIndex!, p => ({ ...p, replicas })),
            },
          },
        },
      }),
    }));
  }
  const md = ref.md!;
  return scalePlan('scale-pool', primaryOf(md), md.spec?.replicas, replicas, `pool ${ref.name}`, () => ({
    kind: md.kind,
    name: md.metadata.name,
    field: 'spec.replicas',
    write: objectPatch(md, { spec: { replicas } }),
  }));
}

function scalePlan(
  action: Plan['action'],
  primary: Plan['primary'],
  from: number | undefined,
  to: number,
  what: string,
  change: () => { kind: string; name: string; field: string; write: Plan['writes'][number] },
): Plan {
  if (from === to) {
    return { action, primary, writes: [], changes: [], message: `${capitalize(what)} already has ${to} replicas.` };
  }
  const c = change();
  return {
    action,
    primary,
    writes: [c.write],
    changes: [{ kind: c.kind, name: c.name, field: c.field, from, to }],
    message: `Scaled ${what} from ${from ?? 'unset'} to ${to} replicas.`,
  };
}

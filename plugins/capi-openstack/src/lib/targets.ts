/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterTree, PoolNode, ReplicaCounters } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** What a control plane or pool action is aimed at. */
export type NodeGroupTarget = { type: 'controlPlane' } | { type: 'pool'; pool: string };

export const CONTROL_PLANE: NodeGroupTarget = { type: 'controlPlane' };

/** The name a pool is addressed by in URLs (topology name for classy clusters). */
export function poolName(pool: PoolNode): string {
  return pool.topologyName ?? pool.name;
}

export function findPool(tree: ClusterTree | undefined, name: string): PoolNode | undefined {
  return tree?.pools.find(p => poolName(p) === name);
}

/** Label such as `control plane` or `pool md-0`. */
export function targetLabel(target: NodeGroupTarget): string {
  return target.type === 'controlPlane' ? 'control plane' : `pool ${target.pool}`;
}

export function targetCounters(tree: ClusterTree | undefined, target: NodeGroupTarget): ReplicaCounters | undefined {
  if (!tree) return undefined;
  return target.type === 'controlPlane' ? tree.controlPlane?.counters ?? tree.counters.controlPlane : findPool(tree, target.pool)?.counters;
}

/**
 * The resourceVersion a write must carry: the Cluster's for ClusterClass
 * clusters (every action writes the Cluster) and for cluster-wide actions,
 * else the control plane's (also for plain-cluster upgrades) or the
 * MachineDeployment's.
 */
/** Whose resourceVersion a write carries: a node group's, or a MachineHealthCheck's (by name). */
export type VersionTarget = NodeGroupTarget | { type: 'healthCheck'; name: string };

export function resourceVersionFor(tree: ClusterTree, target?: VersionTarget): string | undefined {
  if (tree.classy || !target) return tree.resourceVersion;
  if (target.type === 'healthCheck') return tree.machineHealthChecks.find(h => h.name === target.name)?.resourceVersion;
  return target.type === 'controlPlane' ? tree.controlPlane?.resourceVersion : findPool(tree, target.pool)?.resourceVersion;
}

/** Whether a group's machines match its spec: as many as wanted, all ready and up to date. */
export function settled(c: ReplicaCounters | undefined, desired?: number): boolean {
  if (!c) return false;
  const want = desired ?? c.desired;
  return want !== undefined && c.desired === want && c.replicas === want && c.ready === want && (c.upToDate ?? want) === want;
}

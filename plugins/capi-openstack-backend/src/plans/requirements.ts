/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What each lifecycle change and a new cluster ask of the cloud, read from
// the objects (pure). Rolling changes use CAPI's defaults: one surge machine
// at a time for the control plane and each pool.

import type { CreateClusterRequest } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { KubeObject } from '../model';
import { findPool, templateByName } from './lookups';
import {
  isClassy,
  kcpTemplateName,
  mdTemplateName,
  templateFlavor,
  topologyPools,
  variableValue,
} from '../model/shapes';
import type { ActionsConfig } from '../actionsConfig';
import type { LiveObjects, PlanContext } from './types';
import { candidateTargets } from './upgrade';
import type { ChangeRequirements, ServerGroup } from './preflight';

interface Machines {
  what: string;
  flavor?: string;
  replicas: number;
  rootVolumeGiB?: number;
  /** Machines a rollout creates ahead of the ones they replace (maxSurge). */
  surge: number;
}

/** maxSurge of a rolling update: a number or a percentage of the replicas (rounded up), default 1. */
export function surgeOf(strategy: any, replicas: number): number {
  const v = strategy?.rollingUpdate?.maxSurge;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return Math.max(1, v);
  const pct = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  if (pct) return Math.max(1, Math.ceil((Number(pct[1]) / 100) * replicas));
  return 1;
}

/** The rollout strategy of a MachineDeployment or KubeadmControlPlane (v1beta2: spec.rollout.strategy). */
function strategyOf(obj: KubeObject | undefined): any {
  return obj?.spec?.rollout?.strategy ?? obj?.spec?.strategy ?? obj?.spec?.rolloutStrategy;
}

function rootVolume(t: KubeObject | undefined): number | undefined {
  const size = t?.spec?.template?.spec?.rootVolume?.sizeGiB ?? t?.spec?.template?.spec?.rootVolume?.diskSize;
  return typeof size === 'number' && size > 0 ? size : undefined;
}

function stringOrUndefined(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

export function controlPlaneMachines(objs: LiveObjects, ctx: PlanContext): Machines {
  const cluster = objs.cluster;
  if (isClassy(cluster)) {
    const variable = ctx.config.classVariables.controlPlaneFlavor;
    const topology = cluster.spec.topology;
    const flavor = variableValue(topology.controlPlane?.variables?.overrides, variable) ?? variableValue(topology.variables, variable);
    return {
      what: 'the control plane',
      flavor: stringOrUndefined(flavor),
      replicas: topology.controlPlane?.replicas ?? 1,
      surge: surgeOf(strategyOf(objs.controlPlane), 1),
    };
  }
  const kcp = objs.controlPlane;
  const template = kcp ? templateByName(objs, kcpTemplateName(kcp)) : undefined;
  const replicas = kcp?.spec?.replicas ?? 1;
  return {
    what: 'the control plane',
    flavor: templateFlavor(template),
    replicas,
    rootVolumeGiB: rootVolume(template),
    surge: surgeOf(strategyOf(kcp), replicas),
  };
}

export function poolMachines(objs: LiveObjects, pool: string, ctx: PlanContext): Machines {
  const ref = findPool(objs, pool);
  const cluster = objs.cluster;
  if (isClassy(cluster)) {
    const tp = topologyPools(cluster)[ref.topologyIndex!];
    const variable = ctx.config.classVariables.workerFlavor;
    const flavor = variableValue(tp?.variables?.overrides, variable) ?? variableValue(cluster.spec.topology.variables, variable);
    const replicas = tp?.replicas ?? ref.md?.spec?.replicas ?? 0;
    return { what: `pool ${ref.name}`, flavor: stringOrUndefined(flavor), replicas, surge: surgeOf(strategyOf(ref.md), replicas) };
  }
  const template = ref.md ? templateByName(objs, mdTemplateName(ref.md)) : undefined;
  const replicas = ref.md?.spec?.replicas ?? 0;
  return {
    what: `pool ${ref.name}`,
    flavor: templateFlavor(template),
    replicas,
    rootVolumeGiB: rootVolume(template),
    surge: surgeOf(strategyOf(ref.md), replicas),
  };
}

function added(m: Machines, replicas: number): ServerGroup[] {
  const count = replicas - m.replicas;
  return count > 0 ? [{ what: m.what, flavor: m.flavor, count, rootVolumeGiB: m.rootVolumeGiB }] : [];
}

export function scaleControlPlaneRequirements(objs: LiveObjects, replicas: number, ctx: PlanContext): ChangeRequirements {
  return { phases: [added(controlPlaneMachines(objs, ctx), replicas)] };
}

export function scalePoolRequirements(objs: LiveObjects, pool: string, replicas: number, ctx: PlanContext): ChangeRequirements {
  return { phases: [added(poolMachines(objs, pool, ctx), replicas)] };
}

/** Raising an autoscaler's maximum: what the pool could grow to, checked as advice. */
export function autoscalerRequirements(
  objs: LiveObjects,
  pool: string,
  bounds: { min: number; max: number } | null,
  ctx: PlanContext,
): ChangeRequirements {
  if (!bounds) return { phases: [] };
  const m = poolMachines(objs, pool, ctx);
  return {
    phases: [added(m, bounds.max)],
    advisory: `The autoscaler will stop below its maximum of ${bounds.max} when the quota runs out.`,
  };
}

export function flavorRequirements(objs: LiveObjects, pool: string | undefined, flavor: string, ctx: PlanContext): ChangeRequirements {
  const m = pool === undefined ? controlPlaneMachines(objs, ctx) : poolMachines(objs, pool, ctx);
  return { phases: [], rollout: { what: m.what, from: m.flavor, to: flavor, replicas: m.replicas, surge: m.surge } };
}

/**
 * An upgrade replaces every machine: the control plane first (its surge
 * machines), then the pools (their surge machines, rolling together).
 */
export function upgradeRequirements(objs: LiveObjects, version: string, ctx: PlanContext): ChangeRequirements {
  const cp = controlPlaneMachines(objs, ctx);
  const pools = isClassy(objs.cluster)
    ? topologyPools(objs.cluster).map(p => poolMachines(objs, p.name, ctx))
    : objs.machineDeployments.map(md => poolMachines(objs, md.metadata.name, ctx));
  const surge = (m: Machines): ServerGroup[] =>
    m.replicas > 0
      ? [{ what: m.what, flavor: m.flavor, count: Math.min(m.surge, m.replicas), rootVolumeGiB: m.rootVolumeGiB }]
      : [];
  const target = candidateTargets(objs, ctx).find(t => t.version === version);
  return {
    phases: [surge(cp), pools.flatMap(surge)],
    // Plain clusters boot the configured image by its exact name; classy ones any image of the version.
    image: { kubernetesVersion: version, name: isClassy(objs.cluster) ? undefined : target?.image },
  };
}

/** A new cluster: every machine, its network, the API load balancer and floating IP, CAPO's security groups. */
export function createRequirements(
  req: CreateClusterRequest,
  config: Pick<ActionsConfig, 'classVariables' | 'kubernetesVersions'>,
): ChangeRequirements {
  const vars = req.clusterClass?.variables ?? {};
  const classVar = (name: string) => stringOrUndefined(vars[name]);
  const cpFlavor = req.controlPlane.flavor ?? classVar(config.classVariables.controlPlaneFlavor);
  const workerFlavor = classVar(config.classVariables.workerFlavor);
  const servers: ServerGroup[] = [
    { what: 'the control plane', flavor: cpFlavor, count: req.controlPlane.replicas },
    ...req.workerPools.map(p => ({
      what: `pool ${p.name}`,
      flavor: p.flavor ?? workerFlavor,
      count: p.replicas ?? p.autoscaler?.min ?? 0,
    })),
  ];
  // Manifests: the exact name CAPO filters on (the request's, else the
  // configured one); class mode: the imageName variable, which the class may
  // append the version to.
  const classMode = req.mode === 'clusterClass';
  const imageName = classMode
    ? req.image ?? classVar('imageName')
    : req.image ?? config.kubernetesVersions.find(v => v.version === req.kubernetesVersion)?.image;
  const zones = new Set([...(req.availabilityZones ?? []), ...req.workerPools.flatMap(p => (p.availabilityZone ? [p.availabilityZone] : []))]);
  return {
    phases: [servers],
    image: { kubernetesVersion: req.kubernetesVersion, name: imageName, namePrefix: classMode },
    keyPair: req.sshKeyName,
    externalNetwork: req.externalNetwork,
    availabilityZones: [...zones],
    // CAPO defaults: a floating IP for the API server, an Octavia load
    // balancer in front of it, managed security groups for control plane
    // and workers; ports for the LB VIP and the router interface.
    floatingIps: 1,
    loadBalancers: 1,
    securityGroups: 2,
    extraPorts: 2,
  };
}

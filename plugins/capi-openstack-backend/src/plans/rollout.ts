/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  CONTROL_PLANE_LABEL,
  DEPLOYMENT_NAME_LABEL,
  TOPOLOGY_DEPLOYMENT_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject } from '../model/objects';
import { clusterPatch, objectPatch, primaryOf, topologyPoolPlan } from './writes';
import {
  isClassy,
  isV1beta1,
  kcpCertificatesExpiryDays,
  kcpRolloutAfter,
  mdRolloutAfter,
  variableValue,
  withVariable,
} from '../model/shapes';
import { findPool } from './lookups';
import { requireClassVariable, requireControlPlane } from './guards';
import { LiveObjects, Plan, PlanContext } from './types';
import { UnprocessableError } from '../errors';

/**
 * A restart requested at `after` is still in effect while a machine created
 * before it remains: repeating the request then changes nothing.
 */
function restartInProgress(after: string | undefined, machines: KubeObject[]): boolean {
  if (!after) return false;
  const t = Date.parse(after);
  return machines.some(m => !m.metadata.deletionTimestamp && Date.parse(m.metadata.creationTimestamp ?? '') < t);
}

const controlPlaneMachines = (objs: LiveObjects) =>
  objs.machines.filter(m => m.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined);

/**
 * Restart (and "rotate certificates now", which is the same rollout: new
 * machines get new certificates) of the control plane: `rollout.after` = now.
 */
export function planRestartControlPlane(
  objs: LiveObjects,
  ctx: PlanContext,
  action: 'restart-control-plane' | 'rotate-certificates' = 'restart-control-plane',
): Plan {
  const cluster = objs.cluster;
  const now = ctx.now.toISOString();
  const why = action === 'rotate-certificates' ? ' with new certificates' : '';
  const machines = controlPlaneMachines(objs);
  if (isClassy(cluster)) {
    const after = cluster.spec.topology.controlPlane?.rollout?.after;
    if (restartInProgress(after, machines)) return inProgress(action, primaryOf(cluster), 'the control plane', after!);
    return {
      action,
      primary: primaryOf(cluster),
      writes: [clusterPatch(cluster, { spec: { topology: { controlPlane: { rollout: { after: now } } } } })],
      changes: [
        { kind: 'Cluster', name: cluster.metadata.name, field: 'spec.topology.controlPlane.rollout.after', from: after, to: now },
      ],
      message: `Replacing every control plane machine${why}, one at a time.`,
    };
  }
  const kcp = requireControlPlane(objs);
  const after = kcpRolloutAfter(kcp);
  if (restartInProgress(after, machines)) return inProgress(action, primaryOf(kcp), 'the control plane', after!);
  const v1 = isV1beta1(kcp);
  return {
    action,
    primary: primaryOf(kcp),
    writes: [objectPatch(kcp, { spec: v1 ? { rolloutAfter: now } : { rollout: { after: now } } })],
    changes: [
      { kind: kcp.kind, name: kcp.metadata.name, field: v1 ? 'spec.rolloutAfter' : 'spec.rollout.after', from: after, to: now },
    ],
    message: `Replacing every control plane machine${why}, one at a time.`,
  };
}

export function planRestartPool(objs: LiveObjects, pool: string, ctx: PlanContext): Plan {
  const ref = findPool(objs, pool);
  const cluster = objs.cluster;
  const now = ctx.now.toISOString();
  const machines = objs.machines.filter(m =>
    ref.md
      ? m.metadata.labels?.[DEPLOYMENT_NAME_LABEL] === ref.md.metadata.name
      : m.metadata.labels?.[TOPOLOGY_DEPLOYMENT_LABEL] === ref.name,
  );
  if (isClassy(cluster)) {
    const tp = cluster.spec.topology.workers.machineDeployments[ref.topologyIndex!];
    const after = tp.rollout?.after;
    if (restartInProgress(after, machines)) return inProgress('restart-pool', primaryOf(cluster), `pool ${ref.name}`, after);
    return topologyPoolPlan(
      'restart-pool',
      cluster,
      ref,
      p => ({ ...p, rollout: { ...p.rollout, after: now } }),
      { field: 'rollout.after', from: after, to: now },
      `Replacing every machine of pool ${ref.name} (rolling update).`,
    );
  }
  const md = ref.md!;
  const after = mdRolloutAfter(md);
  if (restartInProgress(after, machines)) return inProgress('restart-pool', primaryOf(md), `pool ${ref.name}`, after!);
  const v1 = isV1beta1(md);
  return {
    action: 'restart-pool',
    primary: primaryOf(md),
    writes: [objectPatch(md, { spec: v1 ? { rolloutAfter: now } : { rollout: { after: now } } })],
    changes: [{ kind: md.kind, name: md.metadata.name, field: v1 ? 'spec.rolloutAfter' : 'spec.rollout.after', from: after, to: now }],
    message: `Replacing every machine of pool ${ref.name} (rolling update).`,
  };
}

function inProgress(action: Plan['action'], primary: Plan['primary'], what: string, after: string): Plan {
  return {
    action,
    primary,
    writes: [],
    changes: [],
    message: `A restart of ${what} requested at ${after} is still in progress; nothing changed.`,
  };
}

/**
 * Automatic certificate rotation: control plane machines are replaced when
 * their certificates expire within `days` (KCP `rollout.before`; classy
 * clusters through the class variable).
 */
export function planSetCertificateRotation(objs: LiveObjects, days: number | null, ctx: PlanContext): Plan {
  if (days !== null && (!Number.isInteger(days) || days < 7)) {
    throw new UnprocessableError(`certificatesExpiryDays must be a whole number ≥ 7 (or null to turn it off), got ${days}`);
  }
  const cluster = objs.cluster;
  const to = days ?? undefined;
  if (isClassy(cluster)) {
    const variable = ctx.config.classVariables.certificatesExpiryDays;
    requireClassVariable(objs, variable, 'certificatesExpiryDays', 'certificate rotation');
    const from = variableValue(cluster.spec.topology.variables, variable);
    if (from === to) return rotationNoop(objs, primaryOf(cluster), days);
    return {
      action: 'set-certificate-rotation',
      primary: primaryOf(cluster),
      writes: [
        clusterPatch(cluster, {
          spec: { topology: { variables: withVariable(cluster.spec.topology.variables, variable, to) } },
        }),
      ],
      changes: [{ kind: 'Cluster', name: cluster.metadata.name, field: `spec.topology.variables[name=${variable}]`, from, to }],
      message: days
        ? `Control plane machines are replaced ${days} days before their certificates expire.`
        : `Removed the ${variable} variable: the ClusterClass default applies.`,
    };
  }
  const kcp = requireControlPlane(objs);
  const from = kcpCertificatesExpiryDays(kcp);
  if (from === to) return rotationNoop(objs, primaryOf(kcp), days);
  const v1 = isV1beta1(kcp);
  const value = days ?? null;
  return {
    action: 'set-certificate-rotation',
    primary: primaryOf(kcp),
    writes: [
      objectPatch(kcp, {
        spec: v1
          ? { rolloutBefore: { certificatesExpiryDays: value } }
          : { rollout: { before: { certificatesExpiryDays: value } } },
      }),
    ],
    changes: [
      {
        kind: kcp.kind,
        name: kcp.metadata.name,
        field: v1 ? 'spec.rolloutBefore.certificatesExpiryDays' : 'spec.rollout.before.certificatesExpiryDays',
        from,
        to,
      },
    ],
    message: days
      ? `Control plane machines are replaced ${days} days before their certificates expire.`
      : 'Turned automatic certificate rotation off.',
  };
}

function rotationNoop(objs: LiveObjects, primary: Plan['primary'], days: number | null): Plan {
  return {
    action: 'set-certificate-rotation',
    primary,
    writes: [],
    changes: [],
    message: days
      ? `Certificate rotation of ${objs.cluster.metadata.name} is already set to ${days} days.`
      : `Certificate rotation of ${objs.cluster.metadata.name} is already off.`,
  };
}

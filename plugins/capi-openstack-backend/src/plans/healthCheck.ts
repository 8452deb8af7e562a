/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Editing a health check: what makes a machine unhealthy (node conditions
// and how long they last, how long a new machine may take to get a node)
// and when remediation runs (maxUnhealthy / unhealthyRange). Plain clusters:
// the MachineHealthCheck object. ClusterClass clusters: the topology's
// health check of the control plane or of one pool (the topology controller
// writes the MachineHealthCheck from it). Both API generations.

import { NotFoundError } from '@backstage/errors';
import type { SetHealthCheckRequest } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { UnprocessableError } from '../errors';
import { durationSeconds } from '../model/healthChecks';
import type { KubeObject } from '../model';
import { stableJson } from '../model/stableJson';
import { isClassy, isV1beta1 } from '../model/shapes';
import { findPool } from './lookups';
import type { LiveObjects, Plan } from './types';
import { clusterPatch, objectPatch, primaryOf, topologyPoolPlan } from './writes';

export type HealthCheckSettings = Omit<SetHealthCheckRequest, 'resourceVersion' | 'force' | 'when'>;

const STATUSES = ['True', 'False', 'Unknown'];
const MAX_UNHEALTHY = /^(\d+|\d+%)$/;
const RANGE = /^\[\d+-\d+\]$/;

/** Problems of the settings, each naming its field. */
export function healthCheckProblems(s: HealthCheckSettings): string[] {
  const problems: string[] = [];
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (s.nodeStartupTimeoutSeconds !== null && !whole(s.nodeStartupTimeoutSeconds)) {
    problems.push(`nodeStartupTimeoutSeconds must be a whole number of seconds ≥ 0, got ${s.nodeStartupTimeoutSeconds}`);
  }
  s.unhealthyNodeConditions.forEach((c, i) => {
    if (!/^[A-Za-z][A-Za-z0-9.\-/]*$/.test(c.type)) problems.push(`unhealthyNodeConditions[${i}].type "${c.type}" must be a node condition type, e.g. Ready`);
    if (!STATUSES.includes(c.status)) problems.push(`unhealthyNodeConditions[${i}].status must be True, False or Unknown, got "${c.status}"`);
    if (!whole(c.timeoutSeconds)) problems.push(`unhealthyNodeConditions[${i}].timeoutSeconds must be a whole number ≥ 0, got ${c.timeoutSeconds}`);
  });
  const keys = s.unhealthyNodeConditions.map(c => `${c.type}=${c.status}`);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) problems.push(`unhealthyNodeConditions: ${twice} is listed twice`);
  if (s.maxUnhealthy && !MAX_UNHEALTHY.test(s.maxUnhealthy)) problems.push(`maxUnhealthy "${s.maxUnhealthy}" must be a count or a percentage (3, 40%), or empty`);
  if (s.unhealthyRange) {
    const m = RANGE.exec(s.unhealthyRange) && s.unhealthyRange.slice(1, -1).split('-').map(Number);
    if (!m || m[0] > m[1]) problems.push(`unhealthyRange "${s.unhealthyRange}" must be [min-max] with min ≤ max, e.g. [1-3], or empty`);
  }
  if (s.maxUnhealthy && s.unhealthyRange) problems.push('maxUnhealthy and unhealthyRange: set one of them, not both');
  return problems;
}

const intOrString = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
const orNull = <T>(v: T | undefined | '') => (v === undefined || v === '' ? null : v);

/** The settings in v1beta2 form (`checks` and `remediation.triggerIf`); null removes a field in a merge patch. */
function v1beta2(s: HealthCheckSettings) {
  return {
    checks: {
      nodeStartupTimeoutSeconds: s.nodeStartupTimeoutSeconds,
      unhealthyNodeConditions: s.unhealthyNodeConditions.length ? s.unhealthyNodeConditions : null,
    },
    remediation: {
      triggerIf: {
        unhealthyLessThanOrEqualTo: s.maxUnhealthy ? intOrString(s.maxUnhealthy) : null,
        unhealthyInRange: orNull(s.unhealthyRange),
      },
    },
  };
}

/** The settings in v1beta1 form (durations as strings). */
function v1beta1(s: HealthCheckSettings) {
  return {
    nodeStartupTimeout: s.nodeStartupTimeoutSeconds === null ? null : `${s.nodeStartupTimeoutSeconds}s`,
    unhealthyConditions: s.unhealthyNodeConditions.length
      ? s.unhealthyNodeConditions.map(c => ({ type: c.type, status: c.status, timeout: `${c.timeoutSeconds}s` }))
      : null,
    maxUnhealthy: s.maxUnhealthy ? intOrString(s.maxUnhealthy) : null,
    unhealthyRange: orNull(s.unhealthyRange),
  };
}

/** The settings a health check has now, in the request's shape (either generation). */
export function currentSettings(hc: any, v1: boolean): HealthCheckSettings {
  const conditions: any[] = (v1 ? hc?.unhealthyConditions : hc?.checks?.unhealthyNodeConditions) ?? [];
  const startup = v1 ? durationSeconds(hc?.nodeStartupTimeout) : hc?.checks?.nodeStartupTimeoutSeconds;
  const max = v1 ? hc?.maxUnhealthy : hc?.remediation?.triggerIf?.unhealthyLessThanOrEqualTo;
  const range = v1 ? hc?.unhealthyRange : hc?.remediation?.triggerIf?.unhealthyInRange;
  return {
    nodeStartupTimeoutSeconds: typeof startup === 'number' ? startup : null,
    unhealthyNodeConditions: conditions.map(c => ({
      type: String(c.type),
      status: String(c.status),
      timeoutSeconds: (v1 ? durationSeconds(c.timeout) : c.timeoutSeconds) ?? 0,
    })),
    maxUnhealthy: max === undefined || max === null ? '' : String(max),
    unhealthyRange: range ? String(range) : '',
  };
}

/** A JSON merge patch (RFC 7386) applied to a value; objects left empty are dropped. */
function merged(target: any, patch: any): any {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: any = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    const next = v === null ? undefined : merged(out[k], v);
    const empty = next && typeof next === 'object' && !Array.isArray(next) && Object.keys(next).length === 0;
    if (next === undefined || empty) delete out[k];
    else out[k] = next;
  }
  return out;
}

const describe = (s: HealthCheckSettings) =>
  [
    s.unhealthyNodeConditions.map(c => `${c.type}=${c.status} for ${c.timeoutSeconds}s`).join(', ') || 'no node conditions',
    s.nodeStartupTimeoutSeconds !== null ? `node startup ${s.nodeStartupTimeoutSeconds}s` : undefined,
    s.maxUnhealthy ? `remediation up to ${s.maxUnhealthy} unhealthy` : undefined,
    s.unhealthyRange ? `remediation while ${s.unhealthyRange} unhealthy` : undefined,
  ]
    .filter(Boolean)
    .join('; ');

/** `POST …/health-checks/:healthCheck`. */
export function planSetHealthCheck(objs: LiveObjects, target: string, settings: HealthCheckSettings): Plan {
  const problems = healthCheckProblems(settings);
  if (problems.length) throw new UnprocessableError(problems.join('; '));
  const cluster = objs.cluster;
  const name = cluster.metadata.name;
  const v1 = isV1beta1(cluster);
  const unchanged = (what: string, primary: KubeObject): Plan => ({
    action: 'set-health-check',
    primary: primaryOf(primary),
    writes: [],
    changes: [],
    message: `The health check of ${what} already has these settings.`,
  });
  const fields = v1 ? v1beta1(settings) : v1beta2(settings);

  if (!isClassy(cluster)) {
    const mhc = objs.healthChecks?.find(h => h.metadata.name === target && h.spec?.clusterName === name);
    if (!mhc) throw new NotFoundError(`MachineHealthCheck "${target}" of Cluster ${name} not found`);
    const mv1 = isV1beta1(mhc);
    const own = mv1 ? v1beta1(settings) : v1beta2(settings);
    if (stableJson(currentSettings(mhc.spec, mv1)) === stableJson(settings)) return unchanged(`MachineHealthCheck ${target}`, mhc);
    return {
      action: 'set-health-check',
      primary: primaryOf(mhc),
      writes: [objectPatch(mhc, { spec: own })],
      changes: [{ kind: 'MachineHealthCheck', name: target, field: 'spec', from: describe(currentSettings(mhc.spec, mv1)), to: describe(settings) }],
      message: `MachineHealthCheck ${target}: ${describe(settings)}.`,
    };
  }

  const key = v1 ? 'machineHealthCheck' : 'healthCheck';
  // Without an override in the topology, the ClusterClass's health check applies.
  const before = (current: unknown) => (current ? describe(currentSettings(current, v1)) : "the ClusterClass's health check");
  if (target === 'control-plane') {
    const current = cluster.spec.topology.controlPlane?.[key];
    if (stableJson(currentSettings(current, v1)) === stableJson(settings)) return unchanged('the control plane', cluster);
    return {
      action: 'set-health-check',
      primary: primaryOf(cluster),
      writes: [clusterPatch(cluster, { spec: { topology: { controlPlane: { [key]: fields } } } })],
      changes: [
        { kind: 'Cluster', name, field: `spec.topology.controlPlane.${key}`, from: before(current), to: describe(settings) },
      ],
      message: `Health check of the control plane: ${describe(settings)}.`,
    };
  }
  const pool = findPool(objs, target);
  const current = cluster.spec.topology.workers.machineDeployments[pool.topologyIndex!]?.[key];
  if (stableJson(currentSettings(current, v1)) === stableJson(settings)) return unchanged(`pool ${pool.name}`, cluster);
  // The pools are one list, written whole: the settings are merged into the entry here.
  return topologyPoolPlan(
    'set-health-check',
    cluster,
    pool,
    p => ({ ...p, [key]: merged(current, fields) }),
    { field: key, from: before(current), to: describe(settings) },
    `Health check of pool ${pool.name}: ${describe(settings)}.`,
  );
}

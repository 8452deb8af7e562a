/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  CONTROL_PLANE_LABEL,
  DEPLOYMENT_NAME_LABEL,
  TOPOLOGY_DEPLOYMENT_LABEL,
  type MachineHealthCheckNode,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { getCondition, isFalse, summarizeConditions } from './conditions';
import { KubeObject, num, str } from './objects';

/** Seconds of a Go duration (`10m`, `5m0s`, `1h30m`, `300s`); undefined when it is none. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?$/.exec(value);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  return Math.round(Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0));
}

const intOrString = (v: unknown) => (typeof v === 'number' ? String(v) : str(v));

/**
 * One MachineHealthCheck as the tree shows it, v1beta2 (`spec.checks`,
 * `spec.remediation.triggerIf`) or v1beta1 (`unhealthyConditions`,
 * `maxUnhealthy`, `unhealthyRange`, durations as strings).
 */
/**
 * What an edit of this health check writes: the object itself (plain), or
 * the topology's health check of the control plane or of one pool, found
 * from the selector the topology controller gives it (ClusterClass).
 */
export function healthCheckTarget(
  mhc: KubeObject,
  classy: boolean,
  /** The topology pool of a MachineDeployment, by its name (selectors that name the MachineDeployment). */
  topologyPoolOf: (machineDeployment: string) => string | undefined = () => undefined,
): string | undefined {
  if (!classy) return mhc.metadata.name;
  const ml = mhc.spec?.selector?.matchLabels ?? {};
  if (CONTROL_PLANE_LABEL in ml) return 'control-plane';
  const md = str(ml[DEPLOYMENT_NAME_LABEL]);
  return str(ml[TOPOLOGY_DEPLOYMENT_LABEL]) ?? (md ? topologyPoolOf(md) : undefined);
}

export function machineHealthCheckOf(
  mhc: KubeObject,
  machines: KubeObject[],
  classy = false,
  topologyPoolOf?: (machineDeployment: string) => string | undefined,
): MachineHealthCheckNode {
  const spec = mhc.spec ?? {};
  const s = mhc.status ?? {};
  const ml = spec.selector?.matchLabels;
  const target = healthCheckTarget(mhc, classy, topologyPoolOf);
  const resourceVersion = str(mhc.metadata.resourceVersion);
  const targets: string[] = Array.isArray(s.targets) ? s.targets.filter((t: unknown) => typeof t === 'string') : [];
  const raw: any[] = spec.checks?.unhealthyNodeConditions ?? spec.unhealthyConditions ?? [];
  const node: MachineHealthCheckNode = {
    name: mhc.metadata.name,
    targets,
    conditions: summarizeConditions(mhc),
    unhealthyMachines: machines
      .filter(m => targets.includes(m.metadata.name) && isFalse(getCondition(m, 'HealthCheckSucceeded')))
      .map(m => m.metadata.name)
      .sort(),
    ...(target ? { target } : {}),
    ...(resourceVersion ? { resourceVersion } : {}),
  };
  if (ml && typeof ml === 'object') node.selector = { ...ml };
  const counts = { expectedMachines: num(s.expectedMachines), currentHealthy: num(s.currentHealthy), remediationsAllowed: num(s.remediationsAllowed) };
  for (const [k, v] of Object.entries(counts)) if (v !== undefined) (node as any)[k] = v;
  const allowed = getCondition(mhc, 'RemediationAllowed')?.status;
  if (allowed) node.remediationAllowed = allowed;
  if (raw.length) {
    node.unhealthyNodeConditions = raw.map(c => {
      const timeoutSeconds = num(c.timeoutSeconds) ?? durationSeconds(c.timeout);
      return { type: String(c.type), status: String(c.status), ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) };
    });
  }
  const startup = num(spec.checks?.nodeStartupTimeoutSeconds) ?? durationSeconds(spec.nodeStartupTimeout);
  if (startup !== undefined) node.nodeStartupTimeoutSeconds = startup;
  const max = intOrString(spec.remediation?.triggerIf?.unhealthyLessThanOrEqualTo ?? spec.maxUnhealthy);
  if (max) node.maxUnhealthy = max;
  const range = str(spec.remediation?.triggerIf?.unhealthyInRange ?? spec.unhealthyRange);
  if (range) node.unhealthyRange = range;
  return node;
}

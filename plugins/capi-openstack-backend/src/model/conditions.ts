/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  type ConditionSummary,
  findCondition,
  OPERATION_CONDITION_TYPES,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject, isoTime, parseTime, str, versionOf } from './objects';

/**
 * Condition readers for both API generations.
 *
 * Where the lists live:
 * - v1beta2 object: `status.conditions` is `[]metav1.Condition`; the old list
 *   is kept in `status.deprecated.v1beta1.conditions`.
 * - v1beta1 object (CAPI, CAPO v0.14, OpenStackServer v1alpha1):
 *   `status.conditions` is the CAPI v1beta1 list (with `severity`); CAPI
 *   v1.9/v1.10 add the new list as `status.v1beta2.conditions`.
 */

/**
 * A condition of either generation: the DTO's fields (`severity` on v1beta1
 * only) with `lastTransitionTime` as the server wrote it.
 */
export interface Condition extends ConditionSummary {
  /** v1beta2 only. */
  observedGeneration?: number;
}

/** Which generation `status.conditions` of an object follows. */
export type ConditionGeneration = 'v1beta2' | 'v1beta1';

/**
 * The generation of `status.conditions`. Any apiVersion other than `v1beta2`
 * (v1beta1, v1alpha1) uses the CAPI v1beta1 condition type. Without an
 * apiVersion, the shape decides.
 */
export function conditionGeneration(obj: KubeObject): ConditionGeneration {
  const v = versionOf(obj);
  if (v === 'v1beta2') return 'v1beta2';
  if (v) return 'v1beta1';
  const status = obj?.status;
  if (status?.deprecated || status?.initialization) return 'v1beta2';
  if (status?.v1beta2) return 'v1beta1';
  const raw: any[] = Array.isArray(status?.conditions) ? status.conditions : [];
  if (raw.some(c => c?.severity !== undefined)) return 'v1beta1';
  if (raw.some(c => c?.observedGeneration !== undefined)) return 'v1beta2';
  return 'v1beta1';
}

function normalise(raw: any): Condition | undefined {
  const type = str(raw?.type);
  const status = raw?.status;
  if (
    !type ||
    (status !== 'True' && status !== 'False' && status !== 'Unknown')
  ) {
    return undefined;
  }
  const c: Condition = { type, status };
  if (str(raw.reason)) c.reason = raw.reason;
  if (str(raw.message)) c.message = raw.message;
  if (str(raw.lastTransitionTime))
    c.lastTransitionTime = raw.lastTransitionTime;
  if (str(raw.severity)) c.severity = raw.severity;
  if (typeof raw.observedGeneration === 'number') {
    c.observedGeneration = raw.observedGeneration;
  }
  return c;
}

function list(raw: unknown): Condition[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.map(normalise).filter((c): c is Condition => c !== undefined);
}

/**
 * The conditions in v1beta2 (metav1.Condition) semantics, or undefined when
 * the object does not expose them (v1beta1 object from CAPI < v1.9, CAPO v0.14).
 */
export function v1beta2Conditions(
  obj: KubeObject | undefined,
): Condition[] | undefined {
  if (!obj?.status) return undefined;
  if (conditionGeneration(obj) === 'v1beta2')
    return list(obj.status.conditions);
  return list(obj.status.v1beta2?.conditions);
}

/**
 * The conditions in v1beta1 semantics (with severity): `status.conditions`
 * of v1beta1/v1alpha1 objects, `status.deprecated.v1beta1.conditions` of
 * v1beta2 objects.
 */
export function v1beta1Conditions(
  obj: KubeObject | undefined,
): Condition[] | undefined {
  if (!obj?.status) return undefined;
  if (conditionGeneration(obj) === 'v1beta2') {
    return list(obj.status.deprecated?.v1beta1?.conditions);
  }
  return list(obj.status.conditions);
}

/** True when the object carries at least one condition of either generation. */
export function hasAnyConditions(obj: KubeObject | undefined): boolean {
  return (
    (v1beta2Conditions(obj)?.length ?? 0) > 0 ||
    (v1beta1Conditions(obj)?.length ?? 0) > 0
  );
}

/**
 * A condition by type. By default the v1beta2 list wins and the v1beta1 list
 * is the fallback (type names shared by both generations, e.g. `Ready`,
 * `InfrastructureReady`, `EtcdClusterHealthy`, CAPO `InstanceReady`, mean the
 * same). Pass `generation` to read one list only.
 */
export function getCondition(
  obj: KubeObject | undefined,
  type: string,
  generation?: ConditionGeneration,
): Condition | undefined {
  if (generation !== 'v1beta1') {
    const c = findCondition(v1beta2Conditions(obj), type);
    if (c || generation === 'v1beta2') return c;
  }
  return findCondition(v1beta1Conditions(obj), type);
}

/** True when the condition exists with status True. */
export function isTrue(c: Condition | undefined): boolean {
  return c?.status === 'True';
}

/** True when the condition exists with status False. */
export function isFalse(c: Condition | undefined): boolean {
  return c?.status === 'False';
}

/** Milliseconds since the condition last changed; undefined without a usable `lastTransitionTime`. */
export function conditionAgeMs(
  c: Condition | undefined,
  now: Date,
): number | undefined {
  const t = parseTime(c?.lastTransitionTime);
  return t ? now.getTime() - t.getTime() : undefined;
}

/**
 * Legacy terminal failure: `status.failureReason/failureMessage` (v1beta1,
 * CAPO v1beta1) or `status.deprecated.v1beta1.failure*` (v1beta2).
 */
export function legacyFailure(
  obj: KubeObject | undefined,
): { reason?: string; message?: string } | undefined {
  if (!obj?.status) return undefined;
  const src =
    conditionGeneration(obj) === 'v1beta2'
      ? obj.status.deprecated?.v1beta1
      : obj.status;
  const reason = str(src?.failureReason);
  const message = str(src?.failureMessage);
  if (!reason && !message) return undefined;
  return { reason, message };
}

/** Conditions worth showing per kind (section 2 of the domain doc). */
export const CONDITIONS_OF_INTEREST: Record<string, readonly string[]> = {
  Cluster: [
    'Available',
    'ControlPlaneInitialized',
    'InfrastructureReady',
    'ControlPlaneAvailable',
    'WorkersAvailable',
    'RemoteConnectionProbe',
    'ControlPlaneMachinesReady',
    'WorkerMachinesReady',
    'ControlPlaneMachinesUpToDate',
    'WorkerMachinesUpToDate',
    'TopologyReconciled',
    ...OPERATION_CONDITION_TYPES,
  ],
  KubeadmControlPlane: [
    'Available',
    'Initialized',
    'CertificatesAvailable',
    'EtcdClusterHealthy',
    'ControlPlaneComponentsHealthy',
    'MachinesReady',
    'MachinesUpToDate',
    ...OPERATION_CONDITION_TYPES,
  ],
  MachineDeployment: [
    'Available',
    'MachinesReady',
    'MachinesUpToDate',
    ...OPERATION_CONDITION_TYPES,
  ],
  Machine: [
    'Ready',
    'Available',
    'UpToDate',
    'BootstrapConfigReady',
    'InfrastructureReady',
    'NodeReady',
    'NodeHealthy',
    'Updating',
    'Deleting',
    'Paused',
    'HealthCheckSucceeded',
    'OwnerRemediated',
    'APIServerPodHealthy',
    'ControllerManagerPodHealthy',
    'SchedulerPodHealthy',
    'EtcdPodHealthy',
    'EtcdMemberHealthy',
    'NodeKubeadmLabelsAndTaintsSet',
  ],
  MachineHealthCheck: ['RemediationAllowed', 'Paused'],
  OpenStackCluster: [
    'Ready',
    'OpenStackAuthenticationSucceeded',
    'NetworkReady',
    'RouterReady',
    'SecurityGroupsReady',
    'APIEndpointReady',
  ],
  OpenStackMachine: [
    'Ready',
    'InstanceReady',
    'APIServerIngressReady',
    // CAPO v1beta1 spells the ingress condition type like this.
    'APIServerIngressReadyCondition',
    'OpenStackAuthenticationSucceeded',
  ],
  OpenStackServer: [
    'InstanceReady',
    'FloatingAddressFromPoolReady',
    'OpenStackAuthenticationSucceeded',
  ],
};

/** Converts a condition to the shared DTO. */
export function toConditionSummary(c: Condition): ConditionSummary {
  const s: ConditionSummary = { type: c.type, status: c.status };
  if (c.reason) s.reason = c.reason;
  if (c.message) s.message = c.message;
  const ltt = isoTime(c.lastTransitionTime);
  if (ltt) s.lastTransitionTime = ltt;
  if (c.severity) s.severity = c.severity;
  return s;
}

/**
 * The conditions to show for an object: the v1beta2 list when present,
 * filtered to `interest` and sorted in its order; otherwise the whole v1beta1
 * list (its type names differ and it is short).
 */
export function summarizeConditions(
  obj: KubeObject | undefined,
  interest: readonly string[] | undefined = obj
    ? CONDITIONS_OF_INTEREST[obj.kind]
    : undefined,
): ConditionSummary[] {
  const v2 = v1beta2Conditions(obj);
  if (v2 && v2.length > 0) {
    // CAPO v1beta1 objects have no v1beta2 list, so this branch is CAPI (or CAPO v1beta2).
    const picked = interest
      ? v2
          .filter(c => interest.includes(c.type))
          .sort((a, b) => interest.indexOf(a.type) - interest.indexOf(b.type))
      : v2;
    return picked.map(toConditionSummary);
  }
  const v1 = v1beta1Conditions(obj) ?? [];
  return v1.map(toConditionSummary);
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The contract of the lifecycle endpoints, shared by the backend (which
// implements them), the frontend dialogs and the scaffolder actions.
//
// Every write is `POST|DELETE /clusters/:managementCluster/:namespace/:name/<path>`
// with a JSON body extending `ActionRequestBase`, `?dryRun=true` to validate
// through the API server without changing anything, and an `ActionResult`
// answer. Errors use Backstage's error body (`{ error: { name, message } }`)
// with 400 (malformed), 403 (not allowed), 404 (unknown cluster or pool),
// 409 (stale resourceVersion), 422 (valid JSON but not allowed for this
// cluster, the message names the field).

import type { ClusterRef } from './api';
import type { PreflightResult } from './openstack';
import type { ClusterTree } from './types';
import { actionRequest, clusterActions, WriteAction } from './actionTable';
import type { MaintenanceWindow } from './maintenance';

/** Every lifecycle action. @public */
export type ClusterAction =
  | 'scale-control-plane'
  | 'scale-pool'
  | 'set-autoscaler'
  | 'upgrade'
  | 'set-control-plane-flavor'
  | 'set-pool-flavor'
  | 'restart-control-plane'
  | 'restart-pool'
  | 'rotate-certificates'
  | 'set-certificate-rotation'
  | 'pause'
  | 'resume'
  | 'replace-machine'
  | 'hibernate'
  | 'wake'
  | 'set-hibernation-schedule'
  | 'set-maintenance-window'
  | 'set-health-check'
  | 'delete'
  | 'kubeconfig';

/**
 * Fields every write request may carry.
 * @public
 */
export interface ActionRequestBase {
  /**
   * The `resourceVersion` of the object the action writes, as the caller saw
   * it (`tree.resourceVersion` for the Cluster, `tree.controlPlane.resourceVersion`,
   * `pool.resourceVersion`; for ClusterClass clusters every action writes the
   * Cluster; `resourceVersionFor` picks the right one). A stale one is
   * answered 409. Omitted: the version the backend reads from the API server
   * at write time is used (the write is still conditional). When the
   * requested state is already in effect the answer is 200 with
   * `changed: false`, whatever the resourceVersion.
   */
  resourceVersion?: string;
  /**
   * Go ahead although the preflight check failed (e.g. the quota looks too
   * small but an increase is on its way). The result still carries the
   * preflight, marked `forced`, and the audit event records it.
   */
  force?: boolean;
  /**
   * `window`: do not run now but wait for the cluster's next maintenance
   * window (upgrade, restart and flavor changes only; the answer says when).
   */
  when?: 'now' | 'window';
}

/** `POST .../control-plane/scale`. @public */
export interface ScaleControlPlaneRequest extends ActionRequestBase {
  /** Odd, ≥ 1 (stacked etcd needs a quorum). */
  replicas: number;
}

/** `POST .../pools/:pool/scale` (`:pool` is the MachineDeployment or topology name). @public */
export interface ScalePoolRequest extends ActionRequestBase {
  /** 0 ≤ replicas ≤ the configured maximum; refused while the pool has autoscaler bounds. */
  replicas: number;
}

/** `POST .../pools/:pool/autoscaler`: `null` bounds return the pool to a fixed size. @public */
export interface SetAutoscalerRequest extends ActionRequestBase {
  bounds: { min: number; max: number } | null;
}

/** One allowed Kubernetes upgrade target. @public */
export interface UpgradeTarget {
  /** e.g. `v1.32.1`. */
  version: string;
  /** Image for the new machines (plain clusters), when known. */
  image?: string;
  /** Where the target comes from. */
  source: 'clusterClass' | 'config';
}

/** `GET .../upgrades`. @public */
export interface UpgradesResponse {
  current?: string;
  targets: UpgradeTarget[];
  /** Why there is no target, when `targets` is empty (e.g. an upgrade is in progress). */
  message?: string;
  /** Plain clusters: the orchestration in progress, if any (read from the objects). */
  inProgress?: UpgradeProgress;
}

/** Progress of a plain cluster's upgrade, derived from the objects only. @public */
export interface UpgradeProgress {
  version: string;
  phase: 'control-plane' | 'workers' | 'done';
  /** Pools still to be moved to the version. */
  pendingPools: string[];
  /**
   * Set when the orchestration stopped because the management cluster
   * refused a step (admission, validation): why. Upgrading to `version`
   * again retries.
   */
  failed?: string;
}

/** `POST .../upgrade`. @public */
export interface UpgradeRequest extends ActionRequestBase {
  /** One of the targets of `GET .../upgrades`. */
  version: string;
}

/** `POST .../control-plane/flavor` and `POST .../pools/:pool/flavor`. @public */
export interface SetFlavorRequest extends ActionRequestBase {
  /** Nova flavor name; must be in `capiOpenstack.flavors` when that list is configured. */
  flavor: string;
}

/** `POST .../control-plane/restart`, `POST .../pools/:pool/restart`, `POST .../control-plane/rotate-certificates`. @public */
export type RestartRequest = ActionRequestBase;

/** `POST .../control-plane/certificate-rotation`: `null` turns automatic rotation off. @public */
export interface SetCertificateRotationRequest extends ActionRequestBase {
  /** ≥ 7: control plane machines are replaced when their certificates expire within this many days. */
  certificatesExpiryDays: number | null;
}

/** `POST .../pause`, `POST .../resume`. @public */
export type PauseRequest = ActionRequestBase;

/**
 * `POST .../machines/:machine/replace`: deletes the Machine so that its
 * MachineSet or control plane creates a new one. `resourceVersion` is the
 * Machine's. Refused (422) for a control plane machine whose removal would
 * break etcd quorum, for the last healthy machine of a pool, while the
 * machine's node group rolls out, and for machines nothing would re-create.
 * @public
 */
export type ReplaceMachineRequest = ActionRequestBase;

/**
 * `POST .../hibernate`: every worker pool to 0 machines, what each had
 * (replicas, autoscaler bounds) kept in the Cluster's
 * `capi-openstack.dev/hibernated` annotation; the control plane keeps
 * running. `POST .../wake` restores the pools after a preflight (the quota
 * may be gone meanwhile). `resourceVersion` is the Cluster's.
 * @public
 */
export type HibernateRequest = ActionRequestBase;

/** One worker pool as it was before hibernation. @public */
export interface HibernatedPool {
  /** Pool name (topology name for ClusterClass clusters, else the MachineDeployment's). */
  name: string;
  replicas: number;
  /** Autoscaler bounds it had, if any. */
  autoscaler?: { min: number; max: number };
}

/** The value of the `capi-openstack.dev/hibernated` annotation. @public */
export interface HibernationRecord {
  /** When the cluster was hibernated (ISO 8601). */
  at: string;
  /** Who hibernated it: a user entity ref, or `schedule`. */
  by?: string;
  pools: HibernatedPool[];
}

/**
 * When a cluster hibernates and wakes: two 5-field cron expressions read in
 * `timeZone` (IANA name), e.g. weekdays 20:00 and 07:00 in Europe/Zurich.
 * @public
 */
export interface HibernationSchedule {
  hibernate: string;
  wake: string;
  timeZone: string;
}

/** `POST .../hibernation-schedule`: `null` removes the schedule. @public */
export interface SetHibernationScheduleRequest extends ActionRequestBase {
  schedule: HibernationSchedule | null;
}

/** `POST .../maintenance-window`: `null` removes the window (refused while operations wait for it). @public */
export interface SetMaintenanceWindowRequest extends ActionRequestBase {
  window: MaintenanceWindow | null;
}

/**
 * `POST .../health-checks/:healthCheck`: what makes a machine unhealthy and
 * when remediation runs. `:healthCheck` is `MachineHealthCheckNode.target`:
 * a MachineHealthCheck's name (plain clusters; `resourceVersion` is its), or
 * `control-plane` / a topology pool's name (ClusterClass clusters: the
 * topology's health check, `resourceVersion` the Cluster's). Every field is
 * the whole new value.
 * @public
 */
export interface SetHealthCheckRequest extends ActionRequestBase {
  /** How long a new machine may take to get a node; null: the controller's default. */
  nodeStartupTimeoutSeconds: number | null;
  /** A machine is unhealthy once its node has one of these conditions for `timeoutSeconds`. */
  unhealthyNodeConditions: Array<{ type: string; status: string; timeoutSeconds: number }>;
  /** Remediation stops above this many unhealthy machines (`3` or `40%`); '' for no limit. */
  maxUnhealthy: string;
  /** Remediation runs only while the unhealthy count is in this range (`[1-3]`); '' for none. */
  unhealthyRange: string;
}

/** `DELETE /clusters/:mc/:ns/:name`. @public */
export interface DeleteClusterRequest extends ActionRequestBase {
  /** Must repeat the cluster's name. */
  confirmName: string;
}

/** One field an action changed (or would change, on a dry run). @public */
export interface ActionChange {
  kind: string;
  name: string;
  /** Dotted path, e.g. `spec.replicas`; `(created)` / `(deleted)` for whole objects. */
  field: string;
  from?: unknown;
  to?: unknown;
}

/** The answer of every lifecycle write. @public */
export interface ActionResult {
  action: ClusterAction;
  cluster: ClusterRef;
  dryRun: boolean;
  /** False when the requested state was already in effect (nothing written). */
  changed: boolean;
  /** One readable sentence, e.g. "Scaled pool md-0 from 3 to 5 replicas." */
  message: string;
  changes: ActionChange[];
  /** Quota and resource checks of actions that add or change servers (scale, autoscaler bounds, flavor, upgrade). */
  preflight?: PreflightResult;
  /** The object written and its resourceVersion after the write (absent on dry runs and deletes). */
  target?: { kind: string; name: string; resourceVersion?: string };
}

/** `GET .../kubeconfig` (`?download=true` answers the YAML as an attachment). @public */
export interface KubeconfigResponse {
  kubeconfig: string;
}

/**
 * Paths of the lifecycle endpoints relative to `/clusters/:mc/:ns/:name`,
 * from the action table (`actionRequest`), plus the two reads.
 * @public
 */
export const actionPaths = {
  scaleControlPlane: actionRequest('scale-control-plane').path,
  scalePool: (pool: string) => actionRequest('scale-pool', pool).path,
  setAutoscaler: (pool: string) => actionRequest('set-autoscaler', pool).path,
  upgrades: 'upgrades',
  upgrade: actionRequest('upgrade').path,
  setControlPlaneFlavor: actionRequest('set-control-plane-flavor').path,
  setPoolFlavor: (pool: string) => actionRequest('set-pool-flavor', pool).path,
  restartControlPlane: actionRequest('restart-control-plane').path,
  restartPool: (pool: string) => actionRequest('restart-pool', pool).path,
  rotateCertificates: actionRequest('rotate-certificates').path,
  setCertificateRotation: actionRequest('set-certificate-rotation').path,
  pause: actionRequest('pause').path,
  resume: actionRequest('resume').path,
  replaceMachine: (machine: string) => actionRequest('replace-machine', machine).path,
  hibernate: actionRequest('hibernate').path,
  wake: actionRequest('wake').path,
  setHibernationSchedule: actionRequest('set-hibernation-schedule').path,
  setMaintenanceWindow: actionRequest('set-maintenance-window').path,
  setHealthCheck: (target: string) => actionRequest('set-health-check', target).path,
  pendingOperation: (id: string) => `pending-operations/${encodeURIComponent(id)}`,
  kubeconfig: 'kubeconfig',
} as const;

/**
 * The resourceVersion a lifecycle request should carry, from the tree the
 * caller shows: the Cluster's for ClusterClass clusters, else the object the
 * action writes (`ActionSpec.writes`): the Cluster (pause, resume, delete),
 * the control plane (control plane actions, plain-cluster upgrades), the
 * pool's MachineDeployment or the MachineHealthCheck (`target` is the pool
 * or the health check). Undefined when the tree does not know it.
 * @public
 */
export function resourceVersionFor(
  tree: Pick<ClusterTree, 'resourceVersion' | 'classy' | 'controlPlane' | 'pools'> & Partial<Pick<ClusterTree, 'machineHealthChecks'>>,
  action: WriteAction,
  target?: string,
): string | undefined {
  const writes = clusterActions[action].writes;
  if (tree.classy || writes === 'cluster') return tree.resourceVersion;
  if (writes === 'pool') return tree.pools.find(p => p.name === target || p.topologyName === target)?.resourceVersion;
  if (writes === 'healthCheck') return tree.machineHealthChecks?.find(h => h.name === target)?.resourceVersion;
  return tree.controlPlane?.resourceVersion;
}

/** The request body type of each lifecycle write. @public */
export interface ActionBodies {
  'scale-control-plane': ScaleControlPlaneRequest;
  'scale-pool': ScalePoolRequest;
  'set-autoscaler': SetAutoscalerRequest;
  upgrade: UpgradeRequest;
  'set-control-plane-flavor': SetFlavorRequest;
  'set-pool-flavor': SetFlavorRequest;
  'restart-control-plane': RestartRequest;
  'restart-pool': RestartRequest;
  'rotate-certificates': RestartRequest;
  'set-certificate-rotation': SetCertificateRotationRequest;
  pause: PauseRequest;
  resume: PauseRequest;
  'replace-machine': ReplaceMachineRequest;
  hibernate: HibernateRequest;
  wake: HibernateRequest;
  'set-hibernation-schedule': SetHibernationScheduleRequest;
  'set-maintenance-window': SetMaintenanceWindowRequest;
  'set-health-check': SetHealthCheckRequest;
  delete: DeleteClusterRequest;
}

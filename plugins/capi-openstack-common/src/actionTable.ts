/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The one description of every lifecycle write. The backend registers its
// routes, validates bodies and checks permissions from it; the frontend and
// the -node client build their requests from it; a test holds openapi.yaml
// to it. Adding an action: one entry here, one plan in the backend
// (actions/actionPlans.ts, which the compiler asks for), one test file.

import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { ClusterAction } from './actions';
import {
  capiClusterDeletePermission,
  capiClusterHibernatePermission,
  capiClusterPausePermission,
  capiClusterReplaceMachinePermission,
  capiClusterScalePermission,
  capiClusterUpdatePermission,
  capiClusterUpgradePermission,
} from './permissions';

/** A lifecycle write (every action but the kubeconfig read). @public */
export type WriteAction = Exclude<ClusterAction, 'kubeconfig'>;

/**
 * One field of an action's JSON body. Values are checked for their type
 * only (400); whether a value is allowed for the cluster is the plan's
 * decision (422).
 * @public
 */
export type ActionField =
  | { type: 'number'; nullable?: boolean }
  | { type: 'string' }
  | { type: 'object'; nullable?: boolean; properties: Record<string, ActionField> }
  | { type: 'array'; items: ActionField };

/** One lifecycle action: route, permission, body and the object it writes. @public */
export interface ActionSpec {
  method: 'POST' | 'DELETE';
  /**
   * Below `/clusters/:managementCluster/:namespace/:name`; `:pool` is a worker
   * pool's name, `:machine` a Machine's, `:healthCheck` what a health check
   * edit targets (`MachineHealthCheckNode.target`).
   */
  path: string;
  /** The operationId in openapi.yaml. */
  operationId: string;
  permission: ResourcePermission<'capi-openstack-cluster'>;
  /** Fields of the body besides `resourceVersion` and `force`; all required. */
  fields: Record<string, ActionField>;
  /**
   * The object whose resourceVersion a plain cluster's request carries
   * (ClusterClass clusters: every action writes the Cluster).
   */
  writes: 'cluster' | 'controlPlane' | 'pool' | 'machine' | 'healthCheck';
  /** Severity of its audit event. */
  severity: 'medium' | 'high';
  /**
   * The request may carry `when: 'window'`: instead of running now, the
   * action waits for the cluster's next maintenance window.
   */
  window?: boolean;
}

const number = { type: 'number' } as const;
const string = { type: 'string' } as const;

/** Every lifecycle write, by name. @public */
export const clusterActions: Record<WriteAction, ActionSpec> = {
  'scale-control-plane': {
    method: 'POST',
    path: 'control-plane/scale',
    operationId: 'ScaleControlPlane',
    permission: capiClusterScalePermission,
    fields: { replicas: number },
    writes: 'controlPlane',
    severity: 'medium',
  },
  'scale-pool': {
    method: 'POST',
    path: 'pools/:pool/scale',
    operationId: 'ScalePool',
    permission: capiClusterScalePermission,
    fields: { replicas: number },
    writes: 'pool',
    severity: 'medium',
  },
  'set-autoscaler': {
    method: 'POST',
    path: 'pools/:pool/autoscaler',
    operationId: 'SetAutoscaler',
    permission: capiClusterUpdatePermission,
    fields: { bounds: { type: 'object', nullable: true, properties: { min: number, max: number } } },
    writes: 'pool',
    severity: 'medium',
  },
  upgrade: {
    method: 'POST',
    path: 'upgrade',
    operationId: 'Upgrade',
    permission: capiClusterUpgradePermission,
    fields: { version: string },
    writes: 'controlPlane',
    severity: 'medium',
    window: true,
  },
  'set-control-plane-flavor': {
    method: 'POST',
    path: 'control-plane/flavor',
    operationId: 'SetControlPlaneFlavor',
    permission: capiClusterUpdatePermission,
    fields: { flavor: string },
    writes: 'controlPlane',
    severity: 'medium',
    window: true,
  },
  'set-pool-flavor': {
    method: 'POST',
    path: 'pools/:pool/flavor',
    operationId: 'SetPoolFlavor',
    permission: capiClusterUpdatePermission,
    fields: { flavor: string },
    writes: 'pool',
    severity: 'medium',
    window: true,
  },
  'restart-control-plane': {
    method: 'POST',
    path: 'control-plane/restart',
    operationId: 'RestartControlPlane',
    permission: capiClusterUpdatePermission,
    fields: {},
    writes: 'controlPlane',
    severity: 'medium',
    window: true,
  },
  'restart-pool': {
    method: 'POST',
    path: 'pools/:pool/restart',
    operationId: 'RestartPool',
    permission: capiClusterUpdatePermission,
    fields: {},
    writes: 'pool',
    severity: 'medium',
    window: true,
  },
  'rotate-certificates': {
    method: 'POST',
    path: 'control-plane/rotate-certificates',
    operationId: 'RotateCertificates',
    permission: capiClusterUpdatePermission,
    fields: {},
    writes: 'controlPlane',
    severity: 'medium',
  },
  'set-certificate-rotation': {
    method: 'POST',
    path: 'control-plane/certificate-rotation',
    operationId: 'SetCertificateRotation',
    permission: capiClusterUpdatePermission,
    fields: { certificatesExpiryDays: { type: 'number', nullable: true } },
    writes: 'controlPlane',
    severity: 'medium',
  },
  pause: {
    method: 'POST',
    path: 'pause',
    operationId: 'PauseCluster',
    permission: capiClusterPausePermission,
    fields: {},
    writes: 'cluster',
    severity: 'medium',
  },
  resume: {
    method: 'POST',
    path: 'resume',
    operationId: 'ResumeCluster',
    permission: capiClusterPausePermission,
    fields: {},
    writes: 'cluster',
    severity: 'medium',
  },
  'replace-machine': {
    method: 'POST',
    path: 'machines/:machine/replace',
    operationId: 'ReplaceMachine',
    permission: capiClusterReplaceMachinePermission,
    fields: {},
    writes: 'machine',
    severity: 'medium',
  },
  hibernate: {
    method: 'POST',
    path: 'hibernate',
    operationId: 'HibernateCluster',
    permission: capiClusterHibernatePermission,
    fields: {},
    writes: 'cluster',
    severity: 'medium',
  },
  wake: {
    method: 'POST',
    path: 'wake',
    operationId: 'WakeCluster',
    permission: capiClusterHibernatePermission,
    fields: {},
    writes: 'cluster',
    severity: 'medium',
  },
  'set-hibernation-schedule': {
    method: 'POST',
    path: 'hibernation-schedule',
    operationId: 'SetHibernationSchedule',
    permission: capiClusterHibernatePermission,
    fields: {
      schedule: { type: 'object', nullable: true, properties: { hibernate: string, wake: string, timeZone: string } },
    },
    writes: 'cluster',
    severity: 'medium',
  },
  'set-health-check': {
    method: 'POST',
    path: 'health-checks/:healthCheck',
    operationId: 'SetHealthCheck',
    permission: capiClusterUpdatePermission,
    fields: {
      nodeStartupTimeoutSeconds: { type: 'number', nullable: true },
      unhealthyNodeConditions: {
        type: 'array',
        items: { type: 'object', properties: { type: string, status: string, timeoutSeconds: number } },
      },
      maxUnhealthy: string,
      unhealthyRange: string,
    },
    writes: 'healthCheck',
    severity: 'medium',
  },
  'set-maintenance-window': {
    method: 'POST',
    path: 'maintenance-window',
    operationId: 'SetMaintenanceWindow',
    permission: capiClusterUpdatePermission,
    fields: {
      window: {
        type: 'object',
        nullable: true,
        properties: { days: { type: 'array', items: string }, start: string, end: string, timeZone: string },
      },
    },
    writes: 'cluster',
    severity: 'medium',
  },
  delete: {
    method: 'DELETE',
    path: '',
    operationId: 'DeleteCluster',
    permission: capiClusterDeletePermission,
    fields: { confirmName: string },
    writes: 'cluster',
    severity: 'high',
  },
};

/** Whether an action acts on one worker pool (its path has `:pool`). @public */
export function isPoolAction(action: WriteAction): boolean {
  return clusterActions[action].path.includes(':pool');
}

/** Whether an action acts on one Machine (its path has `:machine`). @public */
export function isMachineAction(action: WriteAction): boolean {
  return clusterActions[action].path.includes(':machine');
}

/** Whether an action edits one health check (its path has `:healthCheck`). @public */
export function isHealthCheckAction(action: WriteAction): boolean {
  return clusterActions[action].path.includes(':healthCheck');
}

/**
 * Method and path of an action relative to `/clusters/:mc/:ns/:name`
 * (empty for the cluster itself); `target` is required for pool actions (the
 * pool's name) and machine actions (the Machine's name).
 * @public
 */
export function actionRequest(action: WriteAction, target?: string): { method: 'POST' | 'DELETE'; path: string } {
  const spec = clusterActions[action];
  if (isPoolAction(action) && !target) throw new Error(`action ${action} needs a pool`);
  if (isMachineAction(action) && !target) throw new Error(`action ${action} needs a machine`);
  if (isHealthCheckAction(action) && !target) throw new Error(`action ${action} needs a health check`);
  const name = encodeURIComponent(target ?? '');
  return { method: spec.method, path: spec.path.replace(':pool', name).replace(':machine', name).replace(':healthCheck', name) };
}

/** The actions that may wait for a maintenance window (`ActionSpec.window`). @public */
export function isWindowAction(action: WriteAction): boolean {
  return clusterActions[action].window === true;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** A verdict reason in plain words. */
export interface ReasonExplanation {
  /** One sentence saying what is wrong or going on. */
  summary: string;
  /** The controller's own message when it adds something (trimmed), else absent. */
  detail?: string;
}

// Reasons (condition reasons, failure reasons) that say enough on their own.
const BY_REASON: Record<string, string> = {
  InstanceCreateFailed: 'OpenStack could not create the server.',
  InstanceStateError: 'The OpenStack server is in ERROR state.',
  InstanceNotFound: 'The OpenStack server has disappeared.',
  InvalidMachineSpec: 'The machine specification is invalid for OpenStack (flavor, image or network).',
  DependencyFailed: 'A resource the server needs (port, volume, image) could not be created.',
  ProbeFailed: 'The API server of the workload cluster does not answer.',
  ConnectionDown: 'The management cluster has lost its connection to the workload cluster.',
  ClusterUpgrading: 'A Kubernetes upgrade is in progress.',
  ReconcileFailed: 'Applying the ClusterClass topology failed.',
  ClusterClassNotReconciled: 'The ClusterClass has not been reconciled yet.',
  TooManyUnhealthy: 'Automatic repair is blocked: too many machines are unhealthy.',
  WaitingForWorkersDeletion: 'Deleting: waiting for the worker machines to be removed.',
  WaitingForControlPlaneDeletion: 'Deleting: waiting for the control plane to be removed.',
  WaitingForInfrastructureDeletion: 'Deleting: waiting for the OpenStack network, router and load balancer to be removed.',
  NotInitialized: 'The control plane has not been initialized yet.',
  ScalingUp: 'Machines are being added.',
  ScalingDown: 'Machines are being removed.',
  RollingOut: 'Machines are being replaced with up-to-date ones.',
  NotUpToDate: 'Some machines do not match the desired specification yet.',
  Paused: 'Reconciliation is paused: controllers leave the cluster alone.',
  CertificatesExpiringSoon: 'Control plane certificates expire soon.',
};

// Condition types, used when the reason is generic (NotReady, NotAvailable, …).
const BY_CONDITION: Record<string, string> = {
  Available: 'The cluster is not available.',
  InfrastructureReady: 'The OpenStack infrastructure (network, router, load balancer) is not ready.',
  ControlPlaneInitialized: 'The control plane has not been initialized yet.',
  ControlPlaneAvailable: 'The control plane is not available.',
  ControlPlaneMachinesReady: 'Some control plane machines are not ready.',
  WorkersAvailable: 'Not enough worker machines are available.',
  WorkerMachinesReady: 'Some worker machines are not ready.',
  ControlPlaneMachinesUpToDate: 'Some control plane machines are out of date.',
  WorkerMachinesUpToDate: 'Some worker machines are out of date.',
  RemoteConnectionProbe: 'The API server of the workload cluster does not answer.',
  EtcdClusterHealthy: 'etcd on the control plane is unhealthy.',
  ControlPlaneComponentsHealthy: 'Control plane components (API server, scheduler, controller manager) are unhealthy.',
  Remediating: 'Unhealthy machines are being replaced.',
  RemediationAllowed: 'Automatic repair is blocked.',
  TopologyReconciled: 'The ClusterClass topology is not applied yet.',
  InstanceReady: 'The OpenStack server is not ready.',
  OpenStackAuthenticationSucceeded: 'The OpenStack credentials are rejected (check the clouds.yaml secret).',
  NodeHealthy: 'The Kubernetes node is unhealthy.',
  NodeReady: 'The Kubernetes node is not ready.',
  BootstrapConfigReady: 'The bootstrap configuration is not ready.',
  Ready: 'Not ready.',
  NetworkReady: 'The OpenStack network is not ready.',
  RouterReady: 'The OpenStack router is not ready.',
  SecurityGroupsReady: 'The security groups are not ready.',
  APIEndpointReady: 'The API server endpoint (load balancer) is not ready.',
  RollingOut: 'Machines are being replaced with up-to-date ones.',
  ScalingUp: 'Machines are being added.',
  ScalingDown: 'Machines are being removed.',
  Deleting: 'The cluster is being deleted.',
  Paused: 'Reconciliation is paused.',
};

/** Nova/Neutron errors worth naming, matched on the controller message. */
function explainOpenStackError(message: string): string | undefined {
  const quota = message.match(/Quota exceeded for ([^:"]+)[^"]*/i);
  if (quota) return `OpenStack quota exhausted: ${quota[0].replace(/\.$/, '')}.`;
  if (/No valid host was found/i.test(message)) return 'Nova found no hypervisor with room for the server (no valid host).';
  if (/Flavor .* could not be found|flavor.*not found/i.test(message)) return 'The Nova flavor does not exist.';
  if (/image.*not found|Image .* could not be found/i.test(message)) return 'The Glance image does not exist.';
  if (/\b401\b|Unauthorized/i.test(message)) return 'OpenStack rejected the credentials.';
  return undefined;
}

/** A CAPI bullet-list message on one line, without the bullets. */
export function tidy(message: string): string {
  return message
    .split('\n')
    .map(line => line.replace(/^\s*\*\s*/, '').trim())
    .filter(Boolean)
    .join('; ');
}

/**
 * Says in plain words what a verdict reason means: an OpenStack error found
 * in the message first, then the reason, then the condition type, and the
 * controller's message as the fallback.
 */
export function explainReason(reason: Pick<VerdictReason, 'conditionType' | 'reason' | 'message'>): ReasonExplanation {
  const message = reason.message ? tidy(reason.message) : undefined;
  const openStack = message ? explainOpenStackError(message) : undefined;
  const summary =
    openStack ??
    (reason.reason ? BY_REASON[reason.reason] : undefined) ??
    (reason.conditionType ? BY_CONDITION[reason.conditionType] : undefined);
  if (!summary) {
    return { summary: message ?? reason.reason ?? reason.conditionType ?? 'No details reported.' };
  }
  return message ? { summary, detail: message } : { summary };
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  ClusterHealth,
  FixGuide,
  VerdictReason,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { getCondition, isFalse } from './conditions';
import {
  actions,
  FixTarget,
  fixTargetOf,
  flavorAction,
  groupLabel,
  replaceAction,
  scaleAction,
} from './fixTargets';
import { isControlPlaneMachine } from './links';
import { ClusterObjects, KubeObject, num, str } from './objects';
import { OpenStackError, openStackErrorIn } from './openStackErrors';

/**
 * The fix guide (docs/domain.md, "Fix guide"): for every reason the verdict
 * gives, the cause in plain words, the next step, whether someone has to act,
 * and the actions of ours that fix it. Pure: the reason and the cluster's
 * objects in, the guide out.
 */

type Guide = Omit<FixGuide, 'needsAction'> & { needsAction?: boolean };

const RETRY_NOTE = 'CAPO does not retry a server it could not create or that went to ERROR';

function machineName(t: FixTarget): string {
  return t.machine ? `machine ${t.machine.metadata.name}` : 'a machine';
}

/** A guide for an OpenStack error CAPO quoted in a condition message. */
function openStackGuide(e: OpenStackError, t: FixTarget, objs: ClusterObjects): Guide {
  const who = machineName(t);
  const group = groupLabel(t);
  switch (e.kind) {
    case 'quota': {
      const q = e.quota;
      const numbers = q
        ? ` (${q.used} of ${q.limit} ${q.resource} used, ${q.requested} requested: ${q.missing} missing)`
        : '';
      const by = q ? ` by at least ${q.missing}` : '';
      return {
        cause: 'quotaExceeded',
        summary: `Nova refused the server of ${who}: the project's ${e.resource ?? ''} quota is exhausted${numbers}.`.replace('  ', ' '),
        nextStep: `Ask the cloud operator to raise the ${e.resource ?? ''} quota${by}, free ${e.resource ?? 'resources'} in the project, or make ${group} smaller (fewer machines or a smaller flavor). ${RETRY_NOTE}: once there is room, replace ${who}.`.replace('  ', ' '),
        needsAction: true,
        quota: q,
        actions: actions(scaleAction(t), flavorAction(t), replaceAction(t.machine)),
      };
    }
    case 'noValidHost':
      return {
        cause: 'noValidHost',
        summary: `Nova found no hypervisor with room for the server of ${who}${t.flavor ? ` (flavor ${t.flavor})` : ''}: no valid host.`,
        nextStep: `Choose a smaller flavor or another availability zone for ${group}, or ask the cloud operator for capacity. ${RETRY_NOTE}: then replace ${who}.`,
        needsAction: true,
        actions: actions(flavorAction(t), replaceAction(t.machine)),
      };
    case 'flavorMissing':
      return {
        cause: 'flavorMissing',
        summary: `The flavor${t.flavor ? ` ${t.flavor}` : ''} of ${who} does not exist in the project (deleted, renamed or not shared with it).`,
        nextStep: `Change the flavor of ${group} to one the project has.`,
        needsAction: true,
        actions: actions(flavorAction(t)),
      };
    case 'imageMissing':
      return {
        cause: 'imageMissing',
        summary: `The image${t.image ? ` ${t.image}` : ''} of ${who} does not exist in Glance (deleted, renamed or not shared with the project).`,
        nextStep: `Upload the image (or share it with the project), or upgrade the cluster to a Kubernetes version whose image exists.`,
        needsAction: true,
      };
    case 'portBinding':
      return {
        cause: 'portBindingFailed',
        summary: `Neutron could not bind the network port of ${who} on its compute host, so Nova put the server in ERROR.`,
        nextStep: `The cloud operator must check the Neutron agents of the compute hosts (openstack network agent list). ${RETRY_NOTE}: then replace ${who}.`,
        needsAction: true,
        actions: actions(replaceAction(t.machine)),
      };
    case 'unauthorized':
      return credentialGuide(objs);
    case 'loadBalancer':
    default:
      return loadBalancerGuide();
  }
}

function credentialGuide(objs: ClusterObjects): Guide {
  const secret = str(objs.openStackCluster?.spec?.identityRef?.name);
  const where = secret ? `secret ${secret}` : 'the clouds.yaml secret';
  return {
    cause: 'credentialRefused',
    summary: `Keystone refused the OpenStack credentials in ${where} (an application credential that expired, was deleted or lost its role).`,
    nextStep: `Create a new application credential for the project and put its clouds.yaml into ${where}; CAPO uses it on its next reconcile.`,
    needsAction: true,
  };
}

function loadBalancerGuide(): Guide {
  return {
    cause: 'loadBalancerFailed',
    summary: 'The API load balancer (Octavia) did not become ACTIVE: it is in ERROR or stuck in PENDING.',
    nextStep:
      'Check it with openstack loadbalancer show; a load balancer in ERROR has to be deleted by the cloud operator, after which CAPO creates a new one.',
    needsAction: true,
  };
}

/** Control plane machines whose etcd member is unhealthy. */
function unhealthyEtcdMembers(objs: ClusterObjects): KubeObject[] {
  return objs.machines.filter(m => isControlPlaneMachine(m) && isFalse(getCondition(m, 'EtcdMemberHealthy')));
}

function etcdGuide(objs: ClusterObjects): Guide {
  const bad = unhealthyEtcdMembers(objs);
  const members = objs.machines.filter(isControlPlaneMachine).length;
  // Replacing one member keeps quorum only when the others still hold it.
  const replaceable = bad.length === 1 && members - 1 > members / 2;
  return {
    cause: 'etcdUnhealthy',
    summary: bad.length
      ? `etcd is unhealthy: the member on ${bad.map(m => `machine ${m.metadata.name}`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} failing.`
      : 'etcd on the control plane is unhealthy.',
    nextStep: replaceable
      ? `The other ${members - 1} members hold quorum: replace machine ${bad[0].metadata.name} to get a new member.`
      : 'With quorum at risk, do not remove members: look at the control plane machines first, and restore etcd from a backup if quorum is lost.',
    needsAction: true,
    actions: replaceable ? actions(replaceAction(bad[0])) : undefined,
  };
}

/** `maxUnhealthy` (v1beta1) or `remediation.triggerIf.unhealthyLessThanOrEqualTo` (v1beta2). */
function maxUnhealthyOf(mhc: KubeObject | undefined): string | undefined {
  const v = mhc?.spec?.remediation?.triggerIf?.unhealthyLessThanOrEqualTo ?? mhc?.spec?.maxUnhealthy;
  return v === undefined ? undefined : String(v);
}

function remediationBlockedGuide(r: VerdictReason, objs: ClusterObjects): Guide {
  const mhc = objs.machineHealthChecks.find(o => o.metadata.name === r.object.name);
  const unhealthy = objs.machines.filter(m => isFalse(getCondition(m, 'HealthCheckSucceeded')));
  const limit = maxUnhealthyOf(mhc);
  const expected = num(mhc?.status?.expectedMachines);
  const healthy = num(mhc?.status?.currentHealthy);
  const counts =
    expected !== undefined && healthy !== undefined ? ` ${expected - healthy} of ${expected} machines are unhealthy` : ' too many machines are unhealthy';
  return {
    cause: 'remediationBlocked',
    summary: `MachineHealthCheck ${r.object.name} stopped repairing machines:${counts}${limit ? `, more than its limit (${limit})` : ''}.`,
    nextStep:
      'Many machines failing at once usually share a cause (network, an OpenStack outage, a bad image): fix that first. Then replace the unhealthy machines one at a time, or raise the limit.',
    needsAction: true,
    actions: actions(replaceAction(unhealthy[0])),
  };
}

const DRAIN_PDB = /disruption budget ([\w.-]+)?/i;

function drainGuide(r: VerdictReason): Guide {
  const pdb = DRAIN_PDB.exec(r.message ?? '');
  const blocked = pdb !== null;
  return {
    cause: 'drainBlocked',
    summary: blocked
      ? `Draining the node of machine ${r.object.name} is blocked by the PodDisruptionBudget${pdb![1] ? ` ${pdb![1]}` : ''} of a workload.`
      : `The node of machine ${r.object.name} is being drained before the machine is deleted.`,
    nextStep: blocked
      ? 'Someone with access to the workload cluster has to allow the eviction (scale the workload up or relax the PodDisruptionBudget). Without a nodeDrainTimeout, CAPI waits for ever.'
      : 'Nothing to do unless it lasts: pods are being evicted.',
    needsAction: blocked,
  };
}

function certificatesGuide(r: VerdictReason): Guide {
  const expired = r.reason === 'CertificatesExpired';
  return {
    cause: 'certificatesExpiring',
    summary: expired
      ? `The control plane certificates of machine ${r.object.name} have expired.`
      : `The control plane certificates of machine ${r.object.name} expire within 7 days.`,
    nextStep: 'Rotate the certificates: the control plane machines are replaced one by one with new certificates.',
    needsAction: true,
    actions: [{ kind: 'rotate-certificates', label: 'Rotate certificates', controlPlane: true }],
  };
}

/** Guides chosen by reason, then by condition type. */
function byReason(r: VerdictReason, t: FixTarget, objs: ClusterObjects): Guide | undefined {
  const who = machineName(t);
  switch (r.reason) {
    case 'InstanceStateError':
      return {
        cause: 'serverError',
        summary: `The OpenStack server of ${who} is in ERROR.`,
        nextStep: `Read the server's fault (openstack server show, or Horizon). ${RETRY_NOTE}: replace ${who} to get a new server.`,
        needsAction: true,
        actions: actions(replaceAction(t.machine)),
      };
    case 'InstanceCreateFailed':
      return {
        cause: 'serverError',
        summary: `OpenStack could not create the server of ${who}.`,
        nextStep: `Read the message below for OpenStack's reason. ${RETRY_NOTE}: once the cause is fixed, replace ${who}.`,
        needsAction: true,
        actions: actions(replaceAction(t.machine)),
      };
    case 'InstanceNotFound':
      return {
        cause: 'serverGone',
        summary: `The OpenStack server of ${who} has disappeared (deleted outside Cluster API).`,
        nextStep: `Replace ${who} to get a new server.`,
        needsAction: true,
        actions: actions(replaceAction(t.machine)),
      };
    case 'InvalidMachineSpec':
      return {
        cause: 'invalidMachineSpec',
        summary: `OpenStack cannot build the server of ${who} as specified (flavor, image, network or volume).`,
        nextStep: `Read the message below; usually the flavor of ${groupLabel(t)} has to change.`,
        needsAction: true,
        actions: actions(flavorAction(t)),
      };
    case 'DependencyFailed':
      return {
        cause: 'inProgress',
        summary: `A resource the server of ${who} needs (port, volume, image) is not ready.`,
        nextStep: 'Usually resolves itself; if it lasts, read the message below.',
      };
    case 'TooManyUnhealthy':
      return remediationBlockedGuide(r, objs);
    case 'DrainingNode':
    case 'Draining':
      return drainGuide(r);
    case 'CertificatesExpiringSoon':
    case 'CertificatesExpired':
      return certificatesGuide(r);
    case 'StaleObservedGeneration':
      return {
        cause: 'staleStatus',
        summary: 'The controllers have not caught up with the latest change of the cluster.',
        nextStep:
          'A management cluster operator should check that the Cluster API controllers (capi-controller-manager) run and read their logs.',
        needsAction: true,
      };
    case 'NoStatus':
    case 'NoConditions':
      return {
        cause: 'noStatus',
        summary: 'No controller has reported on the cluster yet.',
        nextStep: 'Normal for a cluster created a moment ago; otherwise the Cluster API controllers are not running.',
      };
    case 'ReconcileFailed':
    case 'TopologyReconcileFailed':
    case 'ClusterClassNotReconciled':
      return {
        cause: 'topologyFailed',
        summary: 'Applying the ClusterClass to the cluster failed.',
        nextStep:
          'The message below names the field: usually a topology variable the class refuses. Correct the value, or ask the owner of the ClusterClass.',
        needsAction: true,
      };
    default:
      break;
  }
  if (r.reason === 'Hibernated') {
    return {
      cause: 'hibernated',
      summary: 'The cluster is hibernated: its worker pools are at 0 machines, the control plane keeps running.',
      nextStep: 'Wake it to restore the pools (a preflight checks the quota first).',
      actions: [{ kind: 'wake', label: 'Wake' }],
    };
  }
  if (r.reason?.startsWith('Bastion')) {
    return {
      cause: 'bastion',
      summary: 'The bastion host is not ready; the cluster itself is not affected.',
      nextStep: 'Disable and enable the bastion in the OpenStackCluster to get a new bastion server.',
    };
  }
  return undefined;
}

const IN_PROGRESS: Record<string, string> = {
  ScalingUp: 'Machines are being added.',
  ScalingDown: 'Machines are being removed.',
  RollingOut: 'Machines are being replaced with up-to-date ones.',
  NotInitialized: 'The control plane is being initialized.',
  ClusterUpgrading: 'A Kubernetes upgrade is in progress.',
  TopologyReconciled: 'The ClusterClass topology is being applied.',
  ControlPlaneInitialized: 'The control plane is being initialized.',
};

function byCondition(r: VerdictReason, t: FixTarget, objs: ClusterObjects): Guide | undefined {
  const type = r.conditionType;
  if (type === 'OpenStackAuthenticationSucceeded') return credentialGuide(objs);
  if (type === 'EtcdClusterHealthy') return etcdGuide(objs);
  if (type === 'RemediationAllowed') return remediationBlockedGuide(r, objs);
  if (type === 'RemoteConnectionProbe') {
    return {
      cause: 'apiServerUnreachable',
      summary: "The management cluster cannot reach the workload cluster's API server.",
      nextStep:
        'Check the API endpoint (load balancer or floating IP), its security group and the control plane machines; download the kubeconfig to test from your side.',
    };
  }
  if (type === 'ControlPlaneComponentsHealthy' || type === 'ControlPlaneAvailable') {
    return {
      cause: 'controlPlaneUnhealthy',
      summary: 'Control plane components (API server, scheduler, controller manager) are unhealthy.',
      nextStep: 'Look at the control plane machines below; a single bad machine can be replaced.',
    };
  }
  if (type === 'Remediating') {
    return {
      cause: 'remediating',
      summary: 'Unhealthy machines are being replaced automatically.',
      nextStep: 'Nothing to do unless it repeats: then find out why the machines become unhealthy.',
    };
  }
  if (type === 'Deleting' || r.reason?.startsWith('WaitingFor')) {
    return { cause: 'deleting', summary: 'The cluster is being deleted.', nextStep: 'Nothing to do: the controllers remove it in order.' };
  }
  if (type === 'Paused' || r.reason === 'Paused') {
    return {
      cause: 'paused',
      summary: 'Reconciliation is paused: the controllers leave the cluster alone.',
      nextStep: 'Resume it when the maintenance is over.',
      actions: [{ kind: 'resume', label: 'Resume' }],
    };
  }
  if (type === 'InfrastructureReady' || type === 'APIEndpointReady') {
    return {
      cause: 'infrastructureNotReady',
      summary: 'The OpenStack network, router, security groups or API endpoint are not ready.',
      nextStep: 'Usually resolves itself within minutes; if it lasts, read the message below.',
    };
  }
  const progress = (r.reason && IN_PROGRESS[r.reason]) ?? (type && IN_PROGRESS[type]);
  if (progress) return { cause: 'inProgress', summary: progress, nextStep: 'Nothing to do: it goes on by itself.' };
  if (r.reason === 'NotUpToDate' || type?.endsWith('UpToDate')) {
    return {
      cause: 'notUpToDate',
      summary: 'Some machines do not match the wanted specification yet.',
      nextStep: 'They are replaced by the next rollout; nothing to do unless the cluster is paused.',
    };
  }
  if (type === 'Available' || type?.endsWith('MachinesReady') || type === 'ControlPlaneReady' || r.reason === 'ReplicasNotReady') {
    return {
      cause: 'machinesNotReady',
      summary: 'Some machines are not ready.',
      nextStep: 'The machines below say which and why; new machines take a few minutes.',
      actions: actions(scaleAction(t)),
    };
  }
  return undefined;
}

/** The fix guide of one verdict reason. */
export function fixGuideFor(r: VerdictReason, objs: ClusterObjects): FixGuide {
  const target = fixTargetOf(r.object, objs);
  const error = openStackErrorIn(r.message);
  const guide =
    (error && openStackGuide(error, target, objs)) ??
    byReason(r, target, objs) ??
    byCondition(r, target, objs) ?? {
      cause: 'other' as const,
      summary: r.message?.split('\n')[0] ?? r.reason ?? r.conditionType ?? 'No details reported.',
      nextStep: 'Read the conditions of the objects below.',
    };
  const out: FixGuide = { ...guide, needsAction: guide.needsAction ?? false };
  if (out.quota === undefined) delete out.quota;
  if (out.actions === undefined) delete out.actions;
  return out;
}

/** Causes that do not go away by itself: the verdict counts them as Failed at once. */
const PERMANENT: readonly FixGuide['cause'][] = [
  'quotaExceeded',
  'imageMissing',
  'flavorMissing',
  'credentialRefused',
  'noValidHost',
  'portBindingFailed',
  'serverError',
  'serverGone',
  'invalidMachineSpec',
];

/** True when the reason's cause will not go away without someone acting. */
export function isPermanent(r: VerdictReason, objs: ClusterObjects): boolean {
  return PERMANENT.includes(fixGuideFor(r, objs).cause);
}

/** The health with a fix guide on every reason. */
export function withFixGuides(health: ClusterHealth, objs: ClusterObjects): ClusterHealth {
  return { ...health, reasons: health.reasons.map(r => ({ ...r, fix: fixGuideFor(r, objs) })) };
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Rollout decisions: which Machines are not up-to-date and what to do next.
// Both owners replace one Machine at a time (max surge 1 by default):
// - KubeadmControlPlane: create a new Machine while there are at most
//   `replicas` Machines, once all are healthy; then delete an outdated one;
//   wait while any Machine is being deleted.
// - MachineDeployment: the Deployment algorithm over MachineSets (scale the
//   new set up within maxSurge, scale old sets down while at least
//   replicas - maxUnavailable Machines stay available).

import { KObj } from './kube';
import {
  mdRolloutAfter,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { bootstrapConfigRef, infrastructureRef, stableJson } from './shapes';

// --- KubeadmControlPlane -------------------------------------------------------

export interface ControlPlaneInput {
  kcpVersion: string;
  /** The OpenStackMachineTemplate the KCP points at. */
  infrastructureTemplate?: string;
  rolloutAfter?: string;
  certificatesExpiryDays?: number;
  now: number;
}

/** Why a control plane Machine is not up-to-date (empty: it is). */
export function controlPlaneOutdatedReasons(
  input: ControlPlaneInput,
  machine: {
    version: string;
    infrastructureTemplate?: string;
    created: number;
    certificatesExpiry?: string;
  },
): string[] {
  const reasons: string[] = [];
  if (machine.version !== input.kcpVersion)
    reasons.push(`Version ${machine.version}, ${input.kcpVersion} required`);
  if (
    input.infrastructureTemplate &&
    machine.infrastructureTemplate &&
    machine.infrastructureTemplate !== input.infrastructureTemplate
  ) {
    reasons.push(
      `OpenStackMachineTemplate ${machine.infrastructureTemplate}, ${input.infrastructureTemplate} required`,
    );
  }
  if (input.rolloutAfter) {
    const after = Date.parse(input.rolloutAfter);
    // creationTimestamp has whole seconds: compare at that precision.
    if (
      after <= input.now &&
      Math.floor(machine.created / 1000) < Math.floor(after / 1000)
    ) {
      reasons.push(`Rollout after ${input.rolloutAfter} expired`);
    }
  }
  if (input.certificatesExpiryDays && machine.certificatesExpiry) {
    const limit = input.now + input.certificatesExpiryDays * 24 * 3600 * 1000;
    if (Date.parse(machine.certificatesExpiry) < limit)
      reasons.push('Certificates will expire soon');
  }
  return reasons;
}

export interface PlannedMachine {
  name: string;
  deleting: boolean;
  ready: boolean;
  upToDate: boolean;
  created: number;
  /** Marked with cluster.x-k8s.io/delete-machine. */
  marked: boolean;
}

export type ControlPlaneAction =
  | { action: 'none' }
  | { action: 'wait'; reason: string }
  | { action: 'scaleUp' }
  | { action: 'scaleDown'; machine: string };

function pickForDeletion(candidates: PlannedMachine[]): PlannedMachine {
  const byAge = [...candidates].sort((a, b) => a.created - b.created);
  return (
    byAge.find(m => m.marked) ??
    byAge.find(m => !m.ready) ??
    byAge.find(m => !m.upToDate) ??
    byAge[0]
  );
}

export function planControlPlane(
  desired: number,
  machines: PlannedMachine[],
): ControlPlaneAction {
  if (machines.some(m => m.deleting))
    return {
      action: 'wait',
      reason: 'Waiting for Machine deletion to complete',
    };
  const healthy = machines.every(m => m.ready);
  const outdated = machines.filter(m => !m.upToDate);
  if (outdated.length) {
    if (machines.length <= desired) {
      return healthy
        ? { action: 'scaleUp' }
        : {
            action: 'wait',
            reason: 'Waiting for all Machines to be healthy before scaling up',
          };
    }
    const victim = pickForDeletion(outdated);
    return healthy || !victim.ready
      ? { action: 'scaleDown', machine: victim.name }
      : {
          action: 'wait',
          reason: 'Waiting for all Machines to be healthy before scaling down',
        };
  }
  if (machines.length < desired) {
    return machines.length === 0 || healthy
      ? { action: 'scaleUp' }
      : {
          action: 'wait',
          reason: 'Waiting for all Machines to be healthy before scaling up',
        };
  }
  if (machines.length > desired) {
    const victim = pickForDeletion(machines);
    return healthy || !victim.ready
      ? { action: 'scaleDown', machine: victim.name }
      : {
          action: 'wait',
          reason: 'Waiting for all Machines to be healthy before scaling down',
        };
  }
  return { action: 'none' };
}

// --- MachineDeployment ---------------------------------------------------------

/** The parts of a Machine template that make a new MachineSet when they change. */
function templateKey(spec: any) {
  return {
    version: spec?.version,
    bootstrap:
      bootstrapConfigRef(spec)?.name ?? spec?.bootstrap?.dataSecretName,
    infrastructure: infrastructureRef(spec)?.name,
    failureDomain: spec?.failureDomain,
  };
}

/** Why MachineSet `ms` does not match MachineDeployment `md`'s template (empty: it does). */
export function machineSetOutdatedReasons(
  md: KObj,
  ms: KObj,
  now: number,
): string[] {
  const want = templateKey(md.spec?.template?.spec);
  const have = templateKey(ms.spec?.template?.spec);
  const reasons: string[] = [];
  if (want.version !== have.version)
    reasons.push(`Version ${have.version}, ${want.version} required`);
  if (want.infrastructure !== have.infrastructure) {
    reasons.push(
      `OpenStackMachineTemplate ${have.infrastructure}, ${want.infrastructure} required`,
    );
  }
  if (want.bootstrap !== have.bootstrap)
    reasons.push(
      `KubeadmConfigTemplate ${have.bootstrap}, ${want.bootstrap} required`,
    );
  if (want.failureDomain !== have.failureDomain) {
    reasons.push(
      `Failure domain ${have.failureDomain ?? '(none)'}, ${
        want.failureDomain ?? '(none)'
      } required`,
    );
  }
  const after = mdRolloutAfter(md);
  if (after && Date.parse(after) <= now) {
    const created = ms.metadata.creationTimestamp
      ? Date.parse(ms.metadata.creationTimestamp)
      : now;
    if (Math.floor(created / 1000) < Math.floor(Date.parse(after) / 1000))
      reasons.push(`Rollout after ${after} expired`);
  }
  return reasons;
}

/** A value for the machine-template-hash label of a new MachineSet. */
export function machineSetHashInput(md: KObj, now: number) {
  const after = mdRolloutAfter(md);
  return stableJson({
    template: templateKey(md.spec?.template?.spec),
    ...(after && Date.parse(after) <= now ? { after } : {}),
  });
}

export interface SetState {
  name: string;
  /** spec.replicas */
  replicas: number;
  /** Machines not being deleted. */
  machines: number;
  available: number;
  current: boolean;
  created: number;
}

/** New spec.replicas per MachineSet name (only those that change). */
export function planMachineSets(
  desired: number,
  strategy: { maxSurge: number; maxUnavailable: number },
  sets: SetState[],
): Map<string, number> {
  const out = new Map<string, number>();
  const current = sets.find(s => s.current);
  if (!current) return out;
  const olds = sets
    .filter(s => !s.current)
    .sort((a, b) => a.created - b.created);
  const set = (s: SetState, replicas: number) => {
    if (replicas !== s.replicas) out.set(s.name, replicas);
    s.replicas = replicas;
  };
  if (olds.every(o => o.replicas === 0 && o.machines === 0)) {
    set(current, desired);
    return out;
  }
  // Scale the new set up within the surge.
  const total = sets.reduce((n, s) => n + s.replicas, 0);
  const maxTotal = desired + strategy.maxSurge;
  if (current.replicas > desired) set(current, desired);
  else if (total < maxTotal)
    set(current, Math.min(desired, current.replicas + (maxTotal - total)));

  const minAvailable = Math.max(0, desired - strategy.maxUnavailable);
  // Old Machines that are not available anyway go first.
  const allMachines = sets.reduce((n, s) => n + s.machines, 0);
  const newUnavailable = Math.max(0, current.replicas - current.available);
  let cleanup = allMachines - minAvailable - newUnavailable;
  for (const old of olds) {
    if (cleanup <= 0) break;
    const unhealthy = Math.max(
      0,
      Math.min(old.replicas, old.machines) - old.available,
    );
    const c = Math.min(cleanup, unhealthy);
    if (c > 0) {
      set(old, old.replicas - c);
      cleanup -= c;
    }
  }
  // Then available ones, keeping minAvailable.
  const totalAvailable = sets.reduce((n, s) => n + s.available, 0);
  let remove = totalAvailable - minAvailable;
  for (const old of olds) {
    if (remove <= 0) break;
    const d = Math.min(old.replicas, remove);
    if (d > 0) {
      set(old, old.replicas - d);
      remove -= d;
    }
  }
  return out;
}

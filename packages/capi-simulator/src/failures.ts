/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Failure injection by annotations (documented in the README). A "pool" is
// a MachineDeployment, named by its topology name (`md-0`) or its object
// name, or `control-plane`; `*` means every pool.

import {
  CONTROL_PLANE_LABEL,
  DEPLOYMENT_NAME_LABEL,
  TOPOLOGY_DEPLOYMENT_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { FLAVORS } from '@internal/management-cluster';
import { KObj } from './kube';
import { annotations, labels } from './shapes';

/**
 * On a Cluster: pools whose new servers Nova refuses with a cores quota
 * error (snapshot S5). The server goes to ERROR for good; delete the Machine
 * (or scale down) once the annotation is gone to get a new one.
 */
export const QUOTA_EXCEEDED_ANNOTATION =
  'capi-openstack.dev/simulate-quota-exceeded';
/**
 * On a Cluster: pools whose servers stay in BUILD; on a Machine: "true".
 * Removing the annotation lets them finish.
 */
export const STUCK_IN_BUILD_ANNOTATION =
  'capi-openstack.dev/simulate-stuck-build';
/**
 * On a Cluster: "true" makes the workload API server unreachable (snapshot
 * S9): after the probe's grace period RemoteConnectionProbe turns False and
 * node conditions Unknown; no new Node joins until it is removed.
 */
export const API_UNREACHABLE_ANNOTATION =
  'capi-openstack.dev/simulate-api-unreachable';

/** Nova's compute quota in the simulated project. */
const CORES_QUOTA = 100;

/** The cores of a demo flavor (the seed's flavor table). */
export function flavorCpus(flavor: string | undefined): number {
  return FLAVORS[flavor ?? '']?.cpu ?? 2;
}

/** The message CAPO copies from Nova's 403 (as in snapshot S5). */
export function quotaExceededMessage(flavor: string | undefined): string {
  const requested = flavorCpus(flavor);
  const used = CORES_QUOTA - Math.max(1, Math.floor(requested / 2));
  return (
    'error creating Openstack instance: Expected HTTP response code [202] when accessing ' +
    '[POST https://nova.example:8774/v2.1/servers], but got 403 instead: ' +
    `{"forbidden": {"code": 403, "message": "Quota exceeded for cores: Requested ${requested}, but already used ${used} of ${CORES_QUOTA} cores"}}`
  );
}

function listValue(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * The pool names a Machine belongs to: `control-plane`, or its
 * MachineDeployment's topology name and object name (`md-0` also matches a
 * plain cluster's `<cluster>-md-0`).
 */
export function poolNames(machine: KObj): string[] {
  const l = labels(machine);
  if (CONTROL_PLANE_LABEL in l) return ['control-plane'];
  const md = l[DEPLOYMENT_NAME_LABEL];
  const cluster = machine.spec?.clusterName;
  const short =
    md && cluster && md.startsWith(`${cluster}-`)
      ? md.slice(cluster.length + 1)
      : undefined;
  return [l[TOPOLOGY_DEPLOYMENT_LABEL], md, short].filter(
    (x): x is string => !!x,
  );
}

function poolListed(value: string | undefined, machine: KObj): boolean {
  const list = listValue(value);
  if (list.includes('*')) return true;
  return poolNames(machine).some(p => list.includes(p));
}

export function quotaExceeded(cluster: KObj, machine: KObj): boolean {
  return poolListed(annotations(cluster)[QUOTA_EXCEEDED_ANNOTATION], machine);
}

export function stuckInBuild(cluster: KObj, machine: KObj): boolean {
  return (
    annotations(machine)[STUCK_IN_BUILD_ANNOTATION] === 'true' ||
    poolListed(annotations(cluster)[STUCK_IN_BUILD_ANNOTATION], machine)
  );
}

export function apiUnreachable(cluster: KObj): boolean {
  return annotations(cluster)[API_UNREACHABLE_ANNOTATION] === 'true';
}

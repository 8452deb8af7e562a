/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Path and query parameters of the cluster routes: 400 naming the field.

import { InputError } from '@backstage/errors';
import { checkDnsLabel, ClusterRef, isPoolName } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request } from 'express';


/** `:managementCluster/:namespace/:name`, each a DNS-1123 label. */
export function clusterRefOf(req: Request): ClusterRef {
  const { managementCluster, namespace, name } = req.params;
  for (const [field, value] of [['managementCluster', managementCluster], ['namespace', namespace], ['name', name]]) {
    const problem = checkDnsLabel(field, value);
    if (problem) throw new InputError(problem);
  }
  return { managementCluster, namespace, name };
}

/** `:pool`, a MachineDeployment or topology name. */
export function poolOf(req: Request): string {
  const pool = req.params.pool;
  if (!pool || !isPoolName(pool)) {
    throw new InputError(`pool "${pool}" must be a DNS-1123 name (lower case letters, digits, '-' and '.')`);
  }
  return pool;
}

/** `:machine`, a Machine's name (DNS-1123 subdomain, as pools). */
export function machineOf(req: Request): string {
  const machine = req.params.machine;
  if (!machine || !isPoolName(machine)) {
    throw new InputError(`machine "${machine}" must be a DNS-1123 name (lower case letters, digits, '-' and '.')`);
  }
  return machine;
}

/** `:healthCheck`: a MachineHealthCheck's name, `control-plane` or a topology pool's name. */
export function healthCheckOf(req: Request): string {
  const target = req.params.healthCheck;
  if (!target || !isPoolName(target)) {
    throw new InputError(`healthCheck "${target}" must be a DNS-1123 name (lower case letters, digits, '-' and '.')`);
  }
  return target;
}

/** `?dryRun=true|false`. */
export function dryRunOf(req: Request): boolean {
  const v = req.query.dryRun;
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw new InputError('dryRun must be true or false');
}

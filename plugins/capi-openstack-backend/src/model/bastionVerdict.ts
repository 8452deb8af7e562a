/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Condition, conditionAgeMs, getCondition, isFalse } from './conditions';
import { bastionServerOf } from './links';
import { ClusterObjects, str } from './objects';
import { FAILED_AFTER_MS, INSTANCE_FAILED_REASONS } from './verdictThresholds';

/**
 * Bastion component badge (never part of the cluster verdict): absent when
 * the bastion is disabled; Failed on Nova ERROR, or (only when `now` is given)
 * a failure condition False for 15 minutes; Healthy when the server is
 * ready; otherwise Progressing.
 */
export function evaluateBastion(
  objs: ClusterObjects,
  now?: Date,
): { badge?: Verdict; message?: string; ready?: boolean } {
  const osc = objs.openStackCluster;
  const spec = osc?.spec?.bastion;
  const enabled = !!spec && spec.enabled !== false;
  const server = bastionServerOf(objs);
  const statusBastion = osc?.status?.bastion;
  if (!enabled && !server && !statusBastion) return {};
  const ready: boolean | undefined =
    typeof server?.status?.ready === 'boolean'
      ? server.status.ready
      : undefined;
  if (!enabled || server?.metadata.deletionTimestamp) {
    return { badge: 'Deleting', message: 'Bastion is being removed', ready };
  }
  const state = str(server?.status?.instanceState) ?? str(statusBastion?.state);
  const ir = getCondition(server, 'InstanceReady');
  const auth = getCondition(server, 'OpenStackAuthenticationSucceeded');
  const longFalse = (c: Condition | undefined) =>
    now !== undefined &&
    isFalse(c) &&
    (conditionAgeMs(c, now) ?? 0) >= FAILED_AFTER_MS;
  if (state === 'ERROR') {
    return {
      badge: 'Failed',
      message: ir?.message ?? 'Bastion server is in state ERROR',
      ready,
    };
  }
  if (
    (longFalse(ir) && INSTANCE_FAILED_REASONS.includes(ir!.reason ?? '')) ||
    longFalse(auth)
  ) {
    const c = longFalse(auth) ? auth! : ir!;
    return { badge: 'Failed', message: c.message ?? c.reason, ready };
  }
  if (ready === true || (ready === undefined && state === 'ACTIVE')) {
    return { badge: 'Healthy', ready };
  }
  if (!server && !state) {
    return { badge: 'Progressing', message: 'Bastion not created yet', ready };
  }
  return {
    badge: 'Progressing',
    message: `Bastion server ${state ? `is ${state}` : 'is not ready'}`,
    ready,
  };
}

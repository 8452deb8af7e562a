/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { VerdictReason } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterView } from './clusterView';
import { getCondition, isFalse, isTrue } from './conditions';
import { replicaCountersOf } from './counters';
import { certificatesExpiryOf, isControlPlaneMachine } from './links';
import { ClusterObjects, isoTime, num, parseTime } from './objects';
import { condReason, reason, VerdictStep } from './verdictReasons';
import { CERTIFICATE_EXPIRY_WARNING_MS, MINUTE_MS } from './verdictThresholds';

/**
 * Step 5 detail: a certificate-driven rollout is renewing this machine's
 * certificates: KCP `rollout.before.certificatesExpiryDays` (v1beta1
 * `rolloutBefore`) covers the expiry and a control-plane rollout is running.
 */
function certificateRolloutRunning(
  objs: ClusterObjects,
  view: ClusterView,
  expiresInMs: number,
): boolean {
  const kcp = objs.controlPlane;
  const days =
    num(kcp?.spec?.rollout?.before?.certificatesExpiryDays) ??
    num(kcp?.spec?.rolloutBefore?.certificatesExpiryDays);
  if (days === undefined || expiresInMs > days * 24 * 60 * MINUTE_MS)
    return false;
  const c = replicaCountersOf(kcp);
  return (
    isTrue(view.cond('RollingOut')) ||
    isTrue(getCondition(kcp, 'RollingOut')) ||
    (c.upToDate !== undefined &&
      c.replicas !== undefined &&
      c.upToDate < c.replicas)
  );
}

/** Step 5: hard Degraded signals, evaluated only once the control plane is initialized. */
export const hardSignals: VerdictStep = (objs, view, now) => {
  const out: VerdictReason[] = [];
  const cluster = objs.cluster;
  const probe = view.cond('RemoteConnectionProbe');
  if (isFalse(probe)) out.push(condReason(cluster, probe!, 'error'));
  const kcp = objs.controlPlane;
  const etcd = getCondition(kcp, 'EtcdClusterHealthy');
  if (kcp && isFalse(etcd)) out.push(condReason(kcp, etcd!, 'error'));
  const remediating = view.cond('Remediating');
  if (isTrue(remediating))
    out.push(condReason(cluster, remediating!, 'warning'));
  for (const o of [...(kcp ? [kcp] : []), ...objs.machineDeployments]) {
    const c = getCondition(o, 'Remediating', 'v1beta2');
    if (isTrue(c)) out.push(condReason(o, c!, 'warning'));
  }
  for (const m of objs.machines.filter(isControlPlaneMachine)) {
    const expiry = certificatesExpiryOf(m, objs.kubeadmConfigs);
    const at = parseTime(expiry);
    if (!at) continue;
    const inMs = at.getTime() - now.getTime();
    if (
      inMs < CERTIFICATE_EXPIRY_WARNING_MS &&
      !certificateRolloutRunning(objs, view, inMs)
    ) {
      const days = Math.floor(inMs / (24 * 60 * MINUTE_MS));
      out.push(
        reason(m, 'error', {
          reason:
            inMs <= 0 ? 'CertificatesExpired' : 'CertificatesExpiringSoon',
          message:
            inMs <= 0
              ? `Control plane certificates expired at ${isoTime(expiry)}`
              : `Control plane certificates expire at ${isoTime(
                  expiry,
                )} (in ${days} days) and no rollout is renewing them`,
        }),
      );
    }
  }
  return out;
};

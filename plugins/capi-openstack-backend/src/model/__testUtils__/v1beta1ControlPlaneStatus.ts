/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/** The counters and flags of a healthy one-replica v1beta1 KubeadmControlPlane (no conditions, no version). */
export function healthyV1beta1ControlPlaneStatus() {
  return { replicas: 1, readyReplicas: 1, updatedReplicas: 1, unavailableReplicas: 0, initialized: true, ready: true };
}

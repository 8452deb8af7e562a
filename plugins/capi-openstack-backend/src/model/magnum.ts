/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { MagnumInfo } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject, labelOf } from './objects';

/** Namespace where the `magnum-cluster-api` driver keeps every cluster. */
export const MAGNUM_NAMESPACE = 'magnum-system';
/** Cluster label carrying the Magnum cluster UUID. */
export const MAGNUM_UUID_LABEL = 'cluster-uuid';

/**
 * True for a Cluster owned by the Magnum driver: it lives in `magnum-system`
 * and carries the `cluster-uuid` label. Lifecycle actions on such clusters
 * must go through the Magnum API (the driver re-applies its desired state).
 */
export function isMagnumCluster(cluster: KubeObject): boolean {
  return (
    cluster.metadata.namespace === MAGNUM_NAMESPACE &&
    !!labelOf(cluster, MAGNUM_UUID_LABEL)
  );
}

/** Magnum ownership DTO. */
export function magnumInfoOf(cluster: KubeObject): MagnumInfo {
  return isMagnumCluster(cluster)
    ? { managed: true, uuid: labelOf(cluster, MAGNUM_UUID_LABEL) }
    : { managed: false };
}

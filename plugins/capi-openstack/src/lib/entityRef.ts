/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER_REF,
  ANNOTATION_MANAGEMENT_CLUSTER,
  ClusterRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** The cluster an entity published by the catalog module stands for, if any. */
export function clusterRefFromEntity(entity: Entity): ClusterRef | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const managementCluster = annotations[ANNOTATION_MANAGEMENT_CLUSTER];
  const [namespace, name, ...rest] = (annotations[ANNOTATION_CLUSTER_REF] ?? '').split('/');
  if (!managementCluster || !namespace || !name || rest.length) return undefined;
  return { managementCluster, namespace, name };
}

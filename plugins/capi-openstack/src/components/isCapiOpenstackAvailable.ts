/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER_REF,
  ANNOTATION_MANAGEMENT_CLUSTER,
  CLUSTER_ENTITY_TYPE,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/**
 * True for `Resource` entities of type `kubernetes-cluster` that the backend
 * published for a CAPI workload cluster (they carry both annotations).
 * @public
 */
export function isCapiOpenstackAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === CLUSTER_ENTITY_TYPE &&
    Boolean(annotations[ANNOTATION_MANAGEMENT_CLUSTER]) &&
    Boolean(annotations[ANNOTATION_CLUSTER_REF])
  );
}

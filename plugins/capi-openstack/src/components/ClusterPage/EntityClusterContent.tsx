/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { MissingAnnotationEmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_CLUSTER_REF,
  ANNOTATION_MANAGEMENT_CLUSTER,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { clusterRefFromEntity } from '../../lib/entityRef';
import { ClusterDetailView } from './ClusterDetailView';

/** The "Cluster" tab of a `kubernetes-cluster` resource entity. */
export function EntityClusterContent() {
  const { entity } = useEntity();
  const ref = clusterRefFromEntity(entity);
  if (!ref) return <MissingAnnotationEmptyState annotation={[ANNOTATION_MANAGEMENT_CLUSTER, ANNOTATION_CLUSTER_REF]} />;
  return <ClusterDetailView cluster={ref} />;
}

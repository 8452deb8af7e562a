/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  ClusterRef,
  clusterEntityRef,
  clusterPagePath,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** The catalog entity ref and the page URL of a workload cluster (as the catalog module names them). */
export function clusterLinks(ref: ClusterRef, appBaseUrl?: string): { entityRef: string; pageUrl?: string } {
  return {
    entityRef: clusterEntityRef(ref),
    pageUrl: appBaseUrl ? `${appBaseUrl.replace(/\/+$/, '')}${clusterPagePath(ref)}` : undefined,
  };
}

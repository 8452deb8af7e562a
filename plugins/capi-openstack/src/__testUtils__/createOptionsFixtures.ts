/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { CreateOptionsClass, CreateOptionsResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** A ClusterClass `demo` in local/team-a with an identity, a flavor and a days variable. */
export const DEMO_CLASS: CreateOptionsClass = {
  managementCluster: 'local',
  namespace: 'team-a',
  name: 'demo',
  kubernetesVersions: ['v1.33.5', 'v1.34.2'],
  workerClasses: ['default-worker'],
  variables: [
    { name: 'identityRef', required: true, schema: { type: 'object' } },
    { name: 'controlPlaneFlavor', required: false, schema: { type: 'string', enum: ['m1.large', 'm1.xlarge'], default: 'm1.large' } },
    {
      name: 'certificatesExpiryDays',
      required: false,
      schema: { type: 'integer', minimum: 7, default: 21, description: 'Days before expiry' },
    },
  ],
};

/** Create options of one management cluster `local` and nothing else, unless told. */
export function createOptions(overrides: Partial<CreateOptionsResponse> = {}): CreateOptionsResponse {
  return {
    managementClusters: [{ name: 'local', title: 'Local', supported: true }],
    kubernetesVersions: [],
    flavors: [],
    clusterClasses: [],
    ...overrides,
  };
}

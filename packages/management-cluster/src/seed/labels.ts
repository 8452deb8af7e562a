/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The seed's own names; the CAPI vocabulary (labels, annotations, groups,
// finalizers) comes from the common package.

import {
  BOOTSTRAP_GROUP,
  CAPI_GROUP,
  CONTROLPLANE_GROUP,
  INFRA_GROUP,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/**
 * Must equal SEED_DELETE_ANNOTATION in ../applySeed.ts (not imported, to keep
 * the generator free of the HTTP client).
 */
export const SEED_DELETE_ANNOTATION = 'capi-openstack.dev/seed-delete';

/** The API versions the seed writes. */
export const CAPI_V = `${CAPI_GROUP}/v1beta2`;
export const CONTROLPLANE_V = `${CONTROLPLANE_GROUP}/v1beta2`;
export const BOOTSTRAP_V = `${BOOTSTRAP_GROUP}/v1beta2`;
export const INFRA_V = `${INFRA_GROUP}/v1beta1`;
export const INFRA_V1ALPHA1 = `${INFRA_GROUP}/v1alpha1`;

/** Where Magnum's driver keeps its clusters. */
export const MAGNUM_NAMESPACE = 'magnum-system';
/** The demo teams: one namespace and one Backstage group each. */
export const DEMO_TEAMS = [
  'team-payments',
  'team-data',
  'team-platform',
] as const;

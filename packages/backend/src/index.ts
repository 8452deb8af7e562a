/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createBackend } from '@backstage/backend-defaults';
import { permissionPolicyModule } from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: the guest provider for local use (https://backstage.io/docs/auth/guest/provider)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));

// permissions: a policy read from config (see permissionPolicy.ts)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionPolicyModule);

// capi-openstack: Cluster API workload clusters on OpenStack
backend.add(import('@capi-openstack/backstage-plugin-capi-openstack-backend'));
backend.add(
  import('@capi-openstack/backstage-plugin-scaffolder-backend-module-capi-openstack'),
);
backend.add(
  import('@capi-openstack/backstage-plugin-catalog-backend-module-capi-openstack'),
);

backend.start();

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

// A failed start-up is logged plugin by plugin, but leaves a process that
// never gets ready (Backstage keeps it running). Exit instead, so that
// whatever runs it starts it again: e.g. replicas starting at once on a new
// database, where one loses the race to create the migration tables
// ("relation ... already exists") and the next start finds them.
backend.start().catch(error => {
  process.stderr.write(`Backend start-up failed, exiting: ${error?.message ?? error}\n`);
  process.exit(1);
});

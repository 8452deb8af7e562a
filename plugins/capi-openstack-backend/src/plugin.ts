/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { capiOpenstackPermissions } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { createRouter } from './service/router';

/**
 * The capi-openstack backend plugin.
 * @public
 */
export const capiOpenstackPlugin = createBackendPlugin({
  pluginId: 'capi-openstack',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ httpRouter, logger, permissionsRegistry }) {
        permissionsRegistry.addPermissions(capiOpenstackPermissions);
        httpRouter.use(await createRouter({ logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { capiOpenstackApiRef } from './api/CapiOpenstackApi';
import { CapiOpenstackClient } from './api/CapiOpenstackClient';
import { rootRouteRef } from './routes';

/**
 * The capi-openstack frontend plugin (legacy frontend system).
 * @public
 */
export const capiOpenstackPlugin = createPlugin({
  id: 'capi-openstack',
  apis: [
    createApiFactory({
      api: capiOpenstackApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CapiOpenstackClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

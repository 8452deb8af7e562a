/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { CapiOpenstackClient, CapiOpenstackService } from './CapiOpenstackClient';

/**
 * The capi-openstack backend for other plugins and modules: its REST API
 * through discovery, with tokens on behalf of the given credentials.
 * @public
 */
export const capiOpenstackServiceRef = createServiceRef<CapiOpenstackService>({
  id: 'capi-openstack.client',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) => new CapiOpenstackClient({ discovery, auth }),
    }),
});

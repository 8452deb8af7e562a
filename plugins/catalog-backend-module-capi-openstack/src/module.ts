/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { ClusterEntityProvider } from './ClusterEntityProvider';

/**
 * Catalog module publishing every Cluster API workload cluster known to the
 * capi-openstack backend plugin (or those of
 * `catalog.providers.capiOpenstack.filter`) as a `Resource` entity of type
 * `kubernetes-cluster`. It reads with its own service credentials: the
 * catalog's permissions decide who sees the entities.
 * @public
 */
export const catalogModuleCapiOpenstackEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'capi-openstack-entity-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
      },
      async init({ catalog, config, discovery, auth, logger, scheduler, lifecycle }) {
        // Bad configuration fails the start-up with the key named.
        const provider = ClusterEntityProvider.fromConfig(config, { discovery, auth, logger, scheduler });
        catalog.addEntityProvider(provider);
        lifecycle.addShutdownHook(() => provider.stop());
      },
    });
  },
});

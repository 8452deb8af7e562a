/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { capiOpenstackServiceRef } from '@capi-openstack/backstage-plugin-capi-openstack-node';
import { createCapiOpenstackCreateClusterAction } from './actions/createCluster';
import { createCapiOpenstackScaleClusterAction } from './actions/scaleCluster';
import { createCapiOpenstackUpgradeClusterAction } from './actions/upgradeCluster';
import { createCapiOpenstackWaitForClusterAction } from './actions/waitForCluster';

/**
 * Scaffolder actions for Cluster API workload clusters on OpenStack. They
 * call the capi-openstack backend on behalf of the task's initiator, so
 * validation, permissions and audit are those of the REST API.
 * @public
 */
export const scaffolderModuleCapiOpenstack = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'capi-openstack',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        capiOpenstack: capiOpenstackServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, capiOpenstack, config }) {
        const appBaseUrl = config.getOptionalString('app.baseUrl');
        scaffolder.addActions(
          createCapiOpenstackCreateClusterAction({ capiOpenstack, appBaseUrl }),
          createCapiOpenstackWaitForClusterAction({ capiOpenstack }),
          createCapiOpenstackScaleClusterAction({ capiOpenstack }),
          createCapiOpenstackUpgradeClusterAction({ capiOpenstack }),
        );
      },
    });
  },
});

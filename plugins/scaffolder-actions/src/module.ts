/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCapiOpenstackValidateNameAction } from './actions/validateName';

/**
 * Scaffolder actions for Cluster API workload clusters on OpenStack.
 * @public
 */
export const scaffolderModuleCapiOpenstack = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'capi-openstack',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createCapiOpenstackValidateNameAction());
      },
    });
  },
});

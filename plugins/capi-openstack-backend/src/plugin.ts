/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  CAPI_CLUSTER_RESOURCE_TYPE,
  capiOpenstackPermissions,
  clusterKey,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { readActionsConfig } from './actionsConfig';
import { readCapiOpenstackConfig } from './config';
import { CreateService } from './create/CreateService';
import { ClusterAccess } from './permissions/access';
import { clusterPermissionResourceRef, clusterPermissionRules } from './permissions/rules';
import { ActionService } from './actions/ActionService';
import { HibernationScheduler } from './actions/hibernationScheduler';
import { MaintenanceRunner } from './actions/maintenanceRunner';
import { catalogOwnership } from './permissions/ownership';
import { startUpgradeReconciler } from './actions/upgradeReconciler';
import { createActionsRouter } from './routes/actionRoutes';
import { ClusterService } from './clusters/ClusterService';
import { createRouter } from './routes/readRoutes';
import { OpenStackService } from './openstack/OpenStackService';
import { followOpenStackConfig, readOpenStackConfig } from './openstack/openstackConfig';

/**
 * The capi-openstack backend plugin: watch caches of the configured
 * management clusters and the REST API under /api/capi-openstack.
 * @public
 */
export const capiOpenstackPlugin = createBackendPlugin({
  pluginId: 'capi-openstack',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        auditor: coreServices.auditor,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ config, httpRouter, httpAuth, logger, permissions, permissionsRegistry, scheduler, lifecycle, auditor, userInfo, auth, catalog }) {
        // Bad configuration fails the start-up with the key named.
        const pluginConfig = readCapiOpenstackConfig(config);
        if (pluginConfig.managementClusters.length === 0) {
          logger.warn('No management cluster configured (capiOpenstack.managementClusters): the fleet is empty');
        }
        const clusters = new ClusterService({ config: pluginConfig, logger });

        permissionsRegistry.addPermissions(capiOpenstackPermissions);
        permissionsRegistry.addResourceType({
          resourceRef: clusterPermissionResourceRef,
          permissions: capiOpenstackPermissions.filter(p => 'resourceType' in p && p.resourceType === CAPI_CLUSTER_RESOURCE_TYPE),
          rules: Object.values(clusterPermissionRules),
          async getResources(refs) {
            const byKey = new Map([...clusters.summaries()].map(s => [clusterKey(s), s]));
            return refs.map(r => byKey.get(r));
          },
        });

        // Every route decides with the caller's credentials through this one object.
        const access = new ClusterAccess({ httpAuth, permissions, permissionsRegistry, userInfo });

        // Lifecycle actions first: they validate and audit their own input.
        const actionsConfig = readActionsConfig(config);
        const openstackConfig = readOpenStackConfig(config);
        followOpenStackConfig(config, openstackConfig, logger);
        const openstack = new OpenStackService(clusters, openstackConfig, actionsConfig, logger);
        const actions = new ActionService(clusters, actionsConfig, logger, undefined, openstack);
        const ownershipOf = catalogOwnership(catalog, auth);
        httpRouter.use(
          await createActionsRouter({
            logger,
            auditor,
            access,
            clusters,
            actions,
            openstack,
            ownershipOf,
          }),
        );
        httpRouter.use(
          await createRouter({
            logger,
            access,
            clusters,
            create: {
              service: new CreateService(
                clusters,
                actionsConfig,
                pluginConfig.managementClusters.map(m => ({ name: m.name, title: m.title })),
                openstack,
              ),
              auditor,
            },
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        await clusters.start();
        // Verdicts depend on time (e.g. Failed after 15 minutes): re-evaluate.
        await scheduler.scheduleTask({
          id: 'capi-openstack-refresh-verdicts',
          frequency: { seconds: 30 },
          timeout: { seconds: 30 },
          scope: 'local',
          fn: async () => clusters.refreshAll(),
        });
        // Hibernation schedules: one replica at a time (scope global); plans are idempotent.
        const hibernation = new HibernationScheduler({ actions, clusters, auditor, logger });
        await scheduler.scheduleTask({
          id: 'capi-openstack-hibernation-schedules',
          frequency: { seconds: actions.config.hibernationScheduleSeconds },
          timeout: { minutes: 5 },
          scope: 'global',
          fn: async () => {
            await hibernation.run(new Date());
          },
        });
        // Operations waiting for maintenance windows: one replica at a time; each is claimed before it runs.
        const maintenance = new MaintenanceRunner({
          actions,
          clusters,
          admits: (decision, summary) => access.admits(decision, summary),
          ownershipOf,
          auditor,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'capi-openstack-maintenance-windows',
          frequency: { seconds: actions.config.hibernationScheduleSeconds },
          timeout: { minutes: 5 },
          scope: 'global',
          fn: async () => {
            await maintenance.run(new Date());
          },
        });
        // Plain-cluster upgrades carry on from the objects' state (any replica, after restarts).
        const reconciler = startUpgradeReconciler(actions, clusters, actions.config.upgradeResyncMs);
        lifecycle.addShutdownHook(() => reconciler.stop());
        lifecycle.addShutdownHook(() => clusters.stop());
      },
    });
  },
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { capiOpenstackApiRef } from './api/CapiOpenstackApi';
import { CapiOpenstackClient } from './api/CapiOpenstackClient';
import { entityContentRouteRef, rootRouteRef } from './routes';

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
  routes: { root: rootRouteRef, entityContent: entityContentRouteRef },
});

/**
 * The fleet page with every workload cluster, and each cluster below it at
 * `clusters/:managementCluster/:namespace/:name`. Mount it at `/capi-openstack`.
 * @public
 */
export const CapiOpenstackPage: () => JSX.Element = capiOpenstackPlugin.provide(
  createRoutableExtension({
    name: 'CapiOpenstackPage',
    component: () => import('./components/Router').then(m => m.CapiOpenstackRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Cluster" tab of a `kubernetes-cluster` resource entity (guard with `isCapiOpenstackAvailable`).
 * @public
 */
export const EntityCapiOpenstackClusterContent: () => JSX.Element = capiOpenstackPlugin.provide(
  createRoutableExtension({
    name: 'EntityCapiOpenstackClusterContent',
    component: () => import('./components/ClusterPage/EntityClusterContent').then(m => m.EntityClusterContent),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * Overview card of a `kubernetes-cluster` resource entity: verdict, what is happening, top reasons.
 * @public
 */
export const EntityCapiOpenstackClusterCard: () => JSX.Element = capiOpenstackPlugin.provide(
  createComponentExtension({
    name: 'EntityCapiOpenstackClusterCard',
    component: {
      lazy: () =>
        import('./components/ClusterPage/EntityClusterOverviewCard').then(m => m.EntityClusterOverviewCard),
    },
  }),
);

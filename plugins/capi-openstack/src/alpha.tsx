/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import CloudIcon from '@material-ui/icons/Cloud';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { capiOpenstackApiRef } from './api/CapiOpenstackApi';
import { CapiOpenstackClient } from './api/CapiOpenstackClient';
import { isCapiOpenstackAvailable } from './components/isCapiOpenstackAvailable';
import { rootRouteRef } from './routes';
import { formFieldName, PICKERS } from './scaffolder/pickerNames';

/** The API client. @alpha */
export const capiOpenstackApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: capiOpenstackApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CapiOpenstackClient(deps),
    }),
});

/** The fleet page at `/capi-openstack` (clusters below it). @alpha */
export const capiOpenstackPage = PageBlueprint.make({
  params: {
    path: '/capi-openstack',
    title: 'Clusters',
    // The app's sidebar lists a page only with a title and an icon.
    icon: <CloudIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () => import('./components/Router').then(m => <m.CapiOpenstackRouter />),
  },
});

/** The "Cluster" tab of `kubernetes-cluster` resources. @alpha */
export const capiOpenstackEntityContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: {
    path: '/capi-openstack',
    title: 'Cluster',
    filter: isCapiOpenstackAvailable,
    loader: () =>
      import('./components/ClusterPage/EntityClusterContent').then(m => <m.EntityClusterContent />),
  },
});

/** The overview card of `kubernetes-cluster` resources. @alpha */
export const capiOpenstackEntityCard = EntityCardBlueprint.make({
  name: 'cluster',
  params: {
    filter: isCapiOpenstackAvailable,
    loader: () =>
      import('./components/ClusterPage/EntityClusterOverviewCard').then(m => <m.EntityClusterOverviewCard />),
  },
});

/** Scaffolder form fields (see the legacy `Capi*FieldExtension`s). @alpha */
export const capiOpenstackFormFields = PICKERS.map(picker =>
  FormFieldBlueprint.make({
    name: formFieldName(picker),
    params: { field: () => import('./scaffolder/formFields').then(m => m.formFields[picker]) },
  }),
);

/**
 * The capi-openstack plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'capi-openstack',
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    capiOpenstackApi,
    capiOpenstackPage,
    capiOpenstackEntityContent,
    capiOpenstackEntityCard,
    ...capiOpenstackFormFields,
  ],
});

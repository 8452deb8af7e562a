/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createRouteRef } from '@backstage/core-plugin-api';

/** The fleet page (one cluster lives below it at `clusters/:mc/:ns/:name`). @public */
export const rootRouteRef = createRouteRef({ id: 'capi-openstack' });

/** The "Cluster" tab of a catalog entity. @public */
export const entityContentRouteRef = createRouteRef({ id: 'capi-openstack:entity-content' });

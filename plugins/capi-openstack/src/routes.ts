/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createRouteRef } from '@backstage/core-plugin-api';

/** The fleet page. @public */
export const rootRouteRef = createRouteRef({ id: 'capi-openstack' });

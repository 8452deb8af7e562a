/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createApiRef } from '@backstage/core-plugin-api';

/** Liveness of the backend plugin. @public */
export interface CapiOpenstackHealth {
  status: string;
}

/**
 * Client of the capi-openstack backend plugin.
 * @public
 */
export interface CapiOpenstackApi {
  getHealth(): Promise<CapiOpenstackHealth>;
}

/** @public */
export const capiOpenstackApiRef = createApiRef<CapiOpenstackApi>({
  id: 'plugin.capi-openstack.service',
});

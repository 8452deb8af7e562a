/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Node library of the capi-openstack plugin: a service for other backend
 * plugins and modules (such as the scaffolder actions) that calls the
 * capi-openstack backend on behalf of a user.
 *
 * @packageDocumentation
 */

export { CapiOpenstackClient, CapiOpenstackRequestError } from './CapiOpenstackClient';
export type { CallOptions, CapiOpenstackService } from './CapiOpenstackClient';
export { capiOpenstackServiceRef } from './serviceRef';

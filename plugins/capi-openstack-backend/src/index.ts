/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Backend plugin for Cluster API workload clusters on OpenStack.
 *
 * @packageDocumentation
 */

export { capiOpenstackPlugin as default } from './plugin';

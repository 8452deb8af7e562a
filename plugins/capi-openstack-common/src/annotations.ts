/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The labels and annotations live in ./vocabulary; this module keeps the
// names it always exported.

export * from './vocabulary/annotations';
export * from './vocabulary/labels';
export { CLUSTER_ENTITY_TYPE } from './entityNames';

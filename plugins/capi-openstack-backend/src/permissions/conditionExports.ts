/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createConditionExports } from '@backstage/plugin-permission-node';
import { clusterPermissionResourceRef, clusterPermissionRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: clusterPermissionResourceRef,
  rules: clusterPermissionRules,
});

/**
 * Conditions for permission policies, e.g.
 * `createCapiClusterConditionalDecision(permission, capiClusterConditions.isClusterOwner({ claims: user.info.ownershipEntityRefs }))`.
 * @public
 */
export const capiClusterConditions = conditions;

/** @public */
export const createCapiClusterConditionalDecision = createConditionalDecision;

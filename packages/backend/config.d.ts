/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

export interface Config {
  permission?: {
    /**
     * The permission policy of this backend (packages/backend/src/permissionPolicy.ts):
     * ordered rules, the first that matches decides, otherwise `default`.
     */
    policy?: {
      /** Decision when no rule matches. Defaults to `allow` (local use). */
      default?: 'allow' | 'deny';
      rules?: Array<{
        /** A permission name, or a prefix ending in `*`, e.g. `capi-openstack.cluster.*`. */
        permission: string;
        decision: 'allow' | 'deny';
        /** User or group entity refs the rule applies to; everyone when absent. */
        principals?: string[];
      }>;
    };
  };
}

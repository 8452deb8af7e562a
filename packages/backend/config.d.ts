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
    /**
     * The multi-tenant example policy (packages/backend/src/tenancyPolicy.ts);
     * when set, it replaces `policy`. Platform groups may do everything; a
     * team's members read, change, delete, get the kubeconfig of and create
     * clusters owned by their team in the team's namespaces; cluster entities
     * in the catalog are shown to their owners only.
     */
    tenancy?: {
      /** Group refs whose members may do everything, e.g. `group:default/platform`. */
      platformGroups?: string[];
      teams?: Array<{
        /** The team's group, e.g. `group:default/team-payments`. */
        group: string;
        /** Namespaces of the management clusters the team works in. */
        namespaces: string[];
        /** Management clusters (capiOpenstack.managementClusters[].name); all when absent. */
        managementClusters?: string[];
      }>;
    };
  };
}

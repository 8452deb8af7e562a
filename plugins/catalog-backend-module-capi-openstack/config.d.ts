/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The capi-openstack entity provider: every workload cluster known to the
       * capi-openstack backend plugin becomes a `Resource` entity of type
       * `kubernetes-cluster`. Owners come from the clusters'
       * `capi-openstack.dev/owner` annotation or label, else
       * `capiOpenstack.defaultOwner`.
       */
      capiOpenstack?: {
        /**
         * Schedule of the full sync (a full mutation of every cluster entity).
         * Changes in between arrive as deltas from the plugin's event stream.
         * Default: every 10 minutes, with a timeout of 5 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** `spec.lifecycle` of the cluster entities. Default `production`. */
        lifecycle?: string;
        /** `spec.system` of the cluster entities (an entity ref or a System name). None by default. */
        system?: string;
        /**
         * Clusters per `GET /clusters` page during a full sync, from 1 to 5000.
         * Default 1000.
         */
        pageSize?: number;
        /**
         * Which clusters are published. The module reads with its own service
         * credentials, so every cluster in scope becomes an entity that anyone
         * allowed to read catalog entities sees. Without a filter, every
         * cluster of every management cluster is published. Each list is
         * optional (absent: all); with both, a cluster must match both.
         * Clusters out of scope are neither fetched nor published, and the
         * next full sync removes those published before.
         */
        filter?: {
          /**
           * Names of the management clusters (`capiOpenstack.managementClusters[].name`)
           * whose clusters are published. Non-empty when set.
           */
          managementClusters?: string[];
          /**
           * Namespaces whose clusters are published (in every management
           * cluster in scope). Non-empty when set.
           */
          namespaces?: string[];
        };
      };
    };
  };
}

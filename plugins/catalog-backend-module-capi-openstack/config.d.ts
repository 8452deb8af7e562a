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
      };
    };
  };
}

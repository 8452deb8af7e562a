/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { useApi } from '@backstage/core-plugin-api';
import type { ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import useAsync from 'react-use/esm/useAsync';
import { CapiOpenstackApi, capiOpenstackApiRef } from '../../api/CapiOpenstackApi';

/** What a dialog reads about its cluster (e.g. the upgrade targets) while it is open. */
export function useClusterLookup<T>(
  open: boolean,
  cluster: ClusterRef,
  lookup: (api: CapiOpenstackApi, cluster: ClusterRef) => Promise<T>,
) {
  const api = useApi(capiOpenstackApiRef);
  return useAsync(
    async () => (open ? lookup(api, cluster) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, open, cluster.managementCluster, cluster.namespace, cluster.name],
  );
}

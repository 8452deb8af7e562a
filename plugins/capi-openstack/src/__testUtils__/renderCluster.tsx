/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { capiOpenstackApiRef } from '../api/CapiOpenstackApi';
import { ClusterDetailView } from '../components/ClusterPage/ClusterDetailView';
import { FakeCapiOpenstackApi } from './FakeCapiOpenstackApi';

/** `AuthorizeResult.ALLOW` / `DENY` (their string values). */
export type Decision = 'ALLOW' | 'DENY';

export const REF = { managementCluster: 'mc-1', namespace: 'team-a', name: 'alpha' };

/**
 * Renders the cluster view with the fake API and a permission API (allow all
 * unless told). usePermission caches decisions per resource ref for the whole
 * test file (SWR): tests that deny pass a cluster ref of their own.
 */
export async function renderCluster(
  api: FakeCapiOpenstackApi,
  authorize: Decision | ((request: { permission: { name: string } }) => Decision) = 'ALLOW',
  cluster = REF,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[capiOpenstackApiRef, api], [permissionApiRef, mockApis.permission({ authorize: authorize as any })]]}>
      <ClusterDetailView cluster={cluster} />
    </TestApiProvider>,
  );
}

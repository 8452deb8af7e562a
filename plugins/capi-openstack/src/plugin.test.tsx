/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { capiOpenstackApiRef } from './api/CapiOpenstackApi';
import {
  CapiOpenstackPage,
  capiOpenstackPlugin,
  EntityCapiOpenstackClusterCard,
  EntityCapiOpenstackClusterContent,
} from './plugin';
import { FakeCapiOpenstackApi } from './__testUtils__/FakeCapiOpenstackApi';
import { clusterEntity, detail, summary } from './__testUtils__/fixtures';

function apis(api: FakeCapiOpenstackApi) {
  return [
    [capiOpenstackApiRef, api],
    [permissionApiRef, mockApis.permission()],
  ] as const;
}

/** The legacy page mounted at /capi-openstack, opened at `path`. */
function renderPage(api: FakeCapiOpenstackApi, path: string) {
  return renderInTestApp(
    <TestApiProvider apis={apis(api)}>
      <Routes>
        <Route path="/capi-openstack/*" element={<CapiOpenstackPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [path] },
  );
}

describe('legacy frontend system exports', () => {
  it('is the capi-openstack plugin with its API and routes', () => {
    expect(capiOpenstackPlugin.getId()).toBe('capi-openstack');
    expect([...capiOpenstackPlugin.getApis()].map(f => f.api.id)).toEqual(['plugin.capi-openstack.service']);
    expect(Object.keys(capiOpenstackPlugin.routes)).toEqual(['root', 'entityContent']);
  });

  it('CapiOpenstackPage renders the fleet', async () => {
    const api = new FakeCapiOpenstackApi();
    api.list = { items: [summary()], totalCount: 1, verdictCounts: { Healthy: 1 }, managementClusters: [] };
    await renderPage(api, '/capi-openstack');
    const link = await screen.findByRole('link', { name: 'alpha' });
    expect(link).toHaveAttribute('href', '/capi-openstack/clusters/mc-1/team-a/alpha');
    expect(screen.getByRole('heading', { name: 'Clusters' })).toBeInTheDocument();
  });

  it('CapiOpenstackPage serves a cluster at clusters/:managementCluster/:namespace/:name', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    await renderPage(api, '/capi-openstack/clusters/mc-1/team-a/alpha');
    expect(await screen.findByRole('table', { name: 'Machines' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All clusters' })).toHaveAttribute('href', '/capi-openstack');
    expect(api.callsOf('getCluster')[0].args[0]).toEqual({ managementCluster: 'mc-1', namespace: 'team-a', name: 'alpha' });
  });

  it('the entity content and card show the entity’s cluster', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ verdict: 'Degraded' });
    await renderInTestApp(
      <TestApiProvider apis={apis(api)}>
        <EntityProvider entity={clusterEntity()}>
          <EntityCapiOpenstackClusterCard />
          <Routes>
            <Route path="/cluster/*" element={<EntityCapiOpenstackClusterContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      { routeEntries: ['/cluster'] },
    );
    expect(await screen.findByText('Cluster health')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Machines' })).toBeInTheDocument();
    expect(api.callsOf('getCluster')[0].args[0]).toEqual({ managementCluster: 'mc-1', namespace: 'team-a', name: 'alpha' });
    expect((await screen.findAllByText('Degraded')).length).toBeGreaterThanOrEqual(2);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { capiOpenstackApiRef } from './api/CapiOpenstackApi';
import plugin, { capiOpenstackApi, capiOpenstackEntityCard, capiOpenstackEntityContent, capiOpenstackPage } from './alpha';
import { FakeCapiOpenstackApi } from './__testUtils__/FakeCapiOpenstackApi';
import { clusterEntity, summary } from './__testUtils__/fixtures';

const component = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, spec: {} };

describe('new frontend system (/alpha)', () => {
  it('is the capi-openstack plugin with API, page, entity content and card', () => {
    expect(String(plugin)).toContain('capi-openstack');
    for (const id of ['api:capi-openstack', 'page:capi-openstack', 'entity-content:capi-openstack/cluster', 'entity-card:capi-openstack/cluster']) {
      expect(String(plugin.getExtension(id as any))).toContain(`kind=${id.split(':')[0]}`);
    }
    expect(String(capiOpenstackApi)).toContain('kind=api');
  });

  it('the page renders the fleet at /capi-openstack', async () => {
    const api = new FakeCapiOpenstackApi();
    api.list = { items: [summary()], totalCount: 1, verdictCounts: { Healthy: 1 }, managementClusters: [] };
    const tester = createExtensionTester(capiOpenstackPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/capi-openstack');
    // What the app's sidebar needs to list the page.
    expect(tester.get(coreExtensionData.title)).toBe('Clusters');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    await renderInTestApp(tester.reactElement(), { apis: [[capiOpenstackApiRef, api]] });
    expect(await screen.findByRole('link', { name: 'alpha' })).toBeInTheDocument();
  });

  it('entity content and card apply only to kubernetes-cluster resources of the backend', () => {
    const content = createExtensionTester(capiOpenstackEntityContent);
    expect(content.get(EntityContentBlueprint.dataRefs.title)).toBe('Cluster');
    const contentFilter = content.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(contentFilter(clusterEntity())).toBe(true);
    expect(contentFilter(component)).toBe(false);
    const cardFilter = createExtensionTester(capiOpenstackEntityCard).get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(cardFilter(clusterEntity())).toBe(true);
    expect(cardFilter(component)).toBe(false);
  });
});

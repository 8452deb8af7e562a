/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { CreateOptionsResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterClassPicker, clusterClassValidation } from './ClusterClassPicker';
import { clearCreateOptionsCache } from './createOptions';
import { kubernetesVersionValidation } from './KubernetesVersionPicker';

const OPTIONS: CreateOptionsResponse = {
  managementClusters: [{ name: 'local', title: 'Local', supported: true }],
  kubernetesVersions: [],
  flavors: [],
  clusterClasses: [
    {
      managementCluster: 'local',
      namespace: 'team-a',
      name: 'demo',
      kubernetesVersions: ['v1.33.5', 'v1.34.2'],
      workerClasses: ['default-worker'],
      variables: [
        { name: 'identityRef', required: true, schema: { type: 'object' } },
        { name: 'certificatesExpiryDays', required: false, schema: { type: 'integer', minimum: 7, description: 'Days before expiry' } },
      ],
    },
  ],
};

const apis = () => {
  const fetchApi = { fetch: jest.fn(async () => new Response(JSON.stringify(OPTIONS), { status: 200 })) };
  const discoveryApi = { getBaseUrl: async (id: string) => `http://backend/api/${id}` };
  return { fetchApi, discoveryApi };
};

const holder = (a: ReturnType<typeof apis>) => {
  const byId: Record<string, unknown> = { [fetchApiRef.id]: a.fetchApi, [discoveryApiRef.id]: a.discoveryApi };
  return { get: (ref: { id: string }) => byId[ref.id] };
};

describe('ClusterClassPicker', () => {
  beforeEach(() => clearCreateOptionsCache());

  it('offers the classes of the chosen place and turns the variables into fields', async () => {
    const a = apis();
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[fetchApiRef, a.fetchApi], [discoveryApiRef, a.discoveryApi]]}>
        <ClusterClassPicker
          {...({} as any)}
          onChange={onChange}
          formData={{ name: 'demo', variables: {} }}
          schema={{ title: 'ClusterClass' }}
          uiSchema={{}}
          rawErrors={[]}
          idSchema={{ $id: 'cc' }}
          formContext={{ formData: { managementCluster: 'local', namespace: 'team-a' } }}
        />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Variables of demo')).toBeInTheDocument();
    // identityRef is fed by the identity fields: not asked.
    expect(screen.queryByLabelText(/identityRef/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('certificatesExpiryDays'), { target: { value: '30' } });
    expect(onChange).toHaveBeenLastCalledWith({ name: 'demo', variables: { certificatesExpiryDays: 30 } });
    expect(a.fetchApi.fetch).toHaveBeenCalledWith('http://backend/api/capi-openstack/create-options');
  });

  it('validates the class and its variables in the form', async () => {
    const errors: string[] = [];
    const validation = { addError: (e: string) => errors.push(e) } as any;
    const context = { apiHolder: holder(apis()) as any, formData: { managementCluster: 'local', namespace: 'team-a' }, schema: {} };
    await clusterClassValidation({ name: 'demo', variables: { certificatesExpiryDays: 3 } }, validation, context);
    await clusterClassValidation({ name: 'nope' }, validation, context);
    expect(errors).toEqual([
      'certificatesExpiryDays must be at least 7',
      'ClusterClass "nope" does not exist in the chosen management cluster and namespace',
    ]);
  });

  it('allows only the versions of the selected class', async () => {
    const errors: string[] = [];
    const validation = { addError: (e: string) => errors.push(e) } as any;
    const context = { apiHolder: holder(apis()) as any, formData: { clusterClass: { name: 'demo' } }, schema: {} };
    await kubernetesVersionValidation('v1.34.2', validation, context);
    await kubernetesVersionValidation('v1.30.0', validation, context);
    await kubernetesVersionValidation('1.30', validation, context);
    expect(errors).toEqual(['v1.30.0 is not allowed (allowed: v1.33.5, v1.34.2)', '"1.30" must look like v1.34.2']);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { createOptions, DEMO_CLASS } from '../__testUtils__/createOptionsFixtures';
import { apiHolder, apiPairs, backendApis, json, validationErrors } from '../__testUtils__/scaffolderApis';
import { ClusterClassPicker, clusterClassValidation } from './ClusterClassPicker';
import { clearCreateOptionsCache } from './createOptions';
import { kubernetesVersionValidation } from './KubernetesVersionPicker';

const OPTIONS = createOptions({ clusterClasses: [DEMO_CLASS] });

const apis = () => backendApis(() => json(OPTIONS));

describe('ClusterClassPicker', () => {
  beforeEach(() => clearCreateOptionsCache());

  it('offers the classes of the chosen place and turns the variables into fields', async () => {
    const a = apis();
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={apiPairs(a)}>
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
    const context = { apiHolder: apiHolder(apiPairs(apis())), formData: { managementCluster: 'local', namespace: 'team-a' }, schema: {} };
    const values = [{ name: 'demo', variables: { certificatesExpiryDays: 3 } }, { name: 'nope' }];
    expect(await validationErrors(clusterClassValidation, values, context)).toEqual([
      'certificatesExpiryDays must be at least 7',
      'ClusterClass "nope" does not exist in the chosen management cluster and namespace',
    ]);
  });

  it('allows only the versions of the selected class', async () => {
    const context = { apiHolder: apiHolder(apiPairs(apis())), formData: { clusterClass: { name: 'demo' } }, schema: {} };
    expect(await validationErrors(kubernetesVersionValidation, ['v1.34.2', 'v1.30.0', '1.30'], context)).toEqual(['v1.30.0 is not allowed (allowed: v1.33.5, v1.34.2)', '"1.30" must look like v1.34.2']);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { CreateOptionsResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { useState } from 'react';
import { apiHolder, apiPairs, backendApis, json, validationErrors } from '../__testUtils__/scaffolderApis';
import { clearCreateOptionsCache } from './createOptions';
import { NamespacePicker, namespaceValidation } from './NamespacePicker';

const OPTIONS: CreateOptionsResponse = {
  managementClusters: [
    { name: 'local', title: 'Local', supported: true },
    { name: 'edge', title: 'Edge', supported: true },
  ],
  namespaces: [
    { managementCluster: 'local', namespace: 'team-b' },
    { managementCluster: 'local', namespace: 'team-a' },
    { managementCluster: 'other', namespace: 'team-c' },
  ],
  defaultOwner: 'group:default/team-a',
  kubernetesVersions: [],
  flavors: [],
  clusterClasses: [],
};

/** The picker with its value held like the form does; every onChange recorded. */
async function renderPicker(form: Record<string, unknown>, response: () => Response = () => json(OPTIONS)) {
  const a = backendApis(response);
  const changes: unknown[] = [];
  const Harness = () => {
    const [value, setValue] = useState<string | undefined>(form.namespace as string | undefined);
    return (
      <NamespacePicker
        {...({} as any)}
        onChange={(v: string | undefined) => {
          changes.push(v);
          setValue(v);
        }}
        formData={value}
        schema={{ type: 'string', title: 'Namespace' }}
        uiSchema={{}}
        rawErrors={[]}
        required
        idSchema={{ $id: 'namespace' }}
        formContext={{ formData: form }}
      />
    );
  };
  await renderInTestApp(
    <TestApiProvider apis={apiPairs(a)}>
      <Harness />
    </TestApiProvider>,
  );
  return { changes, fetchApi: a.fetchApi };
}

async function validate(value: string, form: Record<string, unknown>, response: () => Response = () => json(OPTIONS)) {
  const context = { apiHolder: apiHolder(apiPairs(backendApis(response))), formData: form, schema: {} };
  return validationErrors(namespaceValidation, [value], context);
}

describe('CapiNamespacePicker', () => {
  beforeEach(() => clearCreateOptionsCache());

  it('lists only the namespaces of the chosen management cluster', async () => {
    const { changes, fetchApi } = await renderPicker({ managementCluster: 'local' });
    fireEvent.mouseDown(await screen.findByRole('button', { name: /Namespace/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['team-a', 'team-b']);
    fireEvent.click(screen.getByRole('option', { name: 'team-b' }));
    expect(changes).toEqual(['team-b']);
    expect(fetchApi.fetch).toHaveBeenCalledWith('http://backend/api/capi-openstack/create-options');
  });

  it('keeps a value that is not in the list visible but not selectable', async () => {
    await renderPicker({ managementCluster: 'local', namespace: 'team-c' });
    fireEvent.mouseDown(await screen.findByRole('button', { name: /team-c/ }));
    expect(await screen.findByRole('option', { name: 'team-c (not one you may create in)' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('is free text with a note when no namespace is known for the management cluster', async () => {
    const { changes } = await renderPicker({ managementCluster: 'edge' });
    expect(await screen.findByText('No namespace you may create in is known on edge; type one.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /Namespace/ }), { target: { value: 'team-x' } });
    expect(changes).toEqual(['team-x']);
  });

  it('is free text when an older backend answers no namespaces at all', async () => {
    const older = { ...OPTIONS, namespaces: undefined };
    await renderPicker({ managementCluster: 'local' }, () => json(older));
    expect(await screen.findByText('No namespace you may create in is known on local; type one.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Namespace/ })).not.toBeInTheDocument();
  });

  it('asks for the management cluster first', async () => {
    await renderPicker({});
    expect(await screen.findByText('Choose the management cluster first')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Namespace/ })).toBeDisabled();
  });

  it("shows the backend's message when the options cannot be loaded", async () => {
    const { changes } = await renderPicker({ managementCluster: 'local' }, () =>
      json({ error: { name: 'NotAllowedError', message: 'You may not list the create options' }, response: { statusCode: 403 } }, 403),
    );
    expect(await screen.findByText('Could not load the namespaces: You may not list the create options; type one.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /Namespace/ }), { target: { value: 'team-a' } });
    expect(changes).toEqual(['team-a']);
  });

  it('validates a DNS-1123 label listed for the management cluster, any label where none is listed', async () => {
    expect(await validate('team-a', { managementCluster: 'local' })).toEqual([]);
    expect(await validate('team-c', { managementCluster: 'local' })).toEqual([
      '"team-c" is not a namespace you may create clusters in on local (team-a, team-b)',
    ]);
    expect(await validate('Team_A', { managementCluster: 'local' })).toEqual([
      '"Team_A" is not a namespace name (lower-case letters, digits and "-", at most 63 characters)',
    ]);
    expect(await validate('a'.repeat(64), { managementCluster: 'edge' })).toHaveLength(1);
    expect(await validate('team-x', { managementCluster: 'edge' })).toEqual([]);
    // The backend decides when the options cannot be read.
    clearCreateOptionsCache();
    expect(await validate('team-x', { managementCluster: 'local' }, () => json({ error: { message: 'down' } }, 503))).toEqual([]);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CreateOptionsResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ComponentType, useState } from 'react';
import { capiOpenstackApiRef } from '../api/CapiOpenstackApi';
import { FakeCapiOpenstackApi, responseError } from '../__testUtils__/FakeCapiOpenstackApi';
import { createOptions } from '../__testUtils__/createOptionsFixtures';
import { liveCloud, unreachableCloud } from '../__testUtils__/openstackFixtures';
import { apiHolder, apiPairs, backendApis, json, validationErrors } from '../__testUtils__/scaffolderApis';
import { AvailabilityZonePicker, availabilityZoneValidation } from './AvailabilityZonePicker';
import { clearCreateOptionsCache } from './createOptions';
import { FlavorPicker, flavorValidation } from './FlavorPicker';
import { ImagePicker, imageValidation } from './ImagePicker';
import { KeyPairPicker } from './KeyPairPicker';
import { NetworkPicker, networkValidation } from './NetworkPicker';
import { clearOpenStackResourcesCache } from './openstackResources';

const OPTIONS = createOptions();

const IDENTITY = { managementCluster: 'local', namespace: 'team-a', identitySecretName: 'team-cloud', cloudName: 'testbed' };

function apis(api: FakeCapiOpenstackApi, options: CreateOptionsResponse = OPTIONS) {
  return [[capiOpenstackApiRef, api] as const, ...apiPairs(backendApis(() => json(options)))];
}

/** A field with its value held like the form does, and every onChange recorded. */
async function renderField(
  Field: ComponentType<any>,
  props: { api: FakeCapiOpenstackApi; form?: Record<string, unknown>; schema?: object; uiOptions?: object; value?: unknown; options?: CreateOptionsResponse },
) {
  const changes: unknown[] = [];
  const Harness = () => {
    const [value, setValue] = useState<unknown>(props.value);
    return (
      <Field
        onChange={(v: unknown) => {
          changes.push(v);
          setValue(v);
        }}
        formData={value}
        schema={{ type: 'string', title: 'Field', ...props.schema }}
        uiSchema={{ 'ui:options': props.uiOptions ?? {} }}
        rawErrors={[]}
        required={false}
        idSchema={{ $id: 'field' }}
        formContext={{ formData: props.form ?? IDENTITY }}
      />
    );
  };
  await renderInTestApp(
    <TestApiProvider apis={apis(props.api, props.options) as any}>
      <Harness />
    </TestApiProvider>,
  );
  return changes;
}

async function optionTexts() {
  await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
  fireEvent.mouseDown(await screen.findByRole('button', { name: /Field/ }));
  const options = await screen.findAllByRole('option');
  return options.map(o => o.textContent);
}

function apiWith(response: FakeCapiOpenstackApi['openstack']) {
  const api = new FakeCapiOpenstackApi();
  api.openstack = response;
  return api;
}

/** What a validator gets for a form naming the identity (`formData`) whose cloud `api` answers. */
const cloudContext = (api: FakeCapiOpenstackApi, formData: Record<string, unknown> = IDENTITY) => ({
  apiHolder: apiHolder(apis(api)),
  formData,
  schema: {},
  uiSchema: {},
});

const UNREACHABLE_NOTE = /OpenStack could not be reached: Keystone at http:\/\/keystone\.test\/v3 did not answer within 10 s/;

describe('cloud pickers of the create form', () => {
  beforeEach(() => {
    clearCreateOptionsCache();
    clearOpenStackResourcesCache();
  });

  describe('CapiFlavorPicker', () => {
    it('lists the live flavors of the identity the form names, restricted to the allowed ones', async () => {
      const api = apiWith(liveCloud());
      const changes = await renderField(FlavorPicker, { api, options: { ...OPTIONS, flavors: ['m1.small', 'm1.xlarge', 'm9.absent'] } });
      expect(await optionTexts()).toEqual([
        'Default',
        'm1.small (1 vCPU, 2 GiB RAM, 20 GiB disk)',
        'm1.xlarge (8 vCPUs, 16 GiB RAM, no root disk)',
      ]);
      expect(api.callsOf('getOpenStackResources').map(c => c.args[0])).toEqual([
        { managementCluster: 'local', namespace: 'team-a', secret: 'team-cloud', cloud: 'testbed' },
      ]);
      fireEvent.click(screen.getByRole('option', { name: /m1\.xlarge/ }));
      expect(changes).toEqual(['m1.xlarge']);
      expect(screen.queryByText(/could not be reached/)).not.toBeInTheDocument();
    });

    it('falls back to the create options flavors with a visible note when the cloud cannot be reached', async () => {
      const api = apiWith(unreachableCloud());
      await renderField(FlavorPicker, { api, options: { ...OPTIONS, flavors: ['m1.small', 'm1.medium'] } });
      expect(await screen.findByText(UNREACHABLE_NOTE)).toHaveTextContent(/showing the configured flavors\.$/);
      expect(await optionTexts()).toEqual(['Default', 'm1.small', 'm1.medium']);
    });

    it('says which form fields are missing and asks nothing before the identity is known', async () => {
      const api = apiWith(liveCloud());
      await renderField(FlavorPicker, { api, form: { managementCluster: 'local', namespace: 'team-a' } });
      expect(await screen.findByText("Choose the cloud credentials Secret to list the cloud's flavors.")).toBeInTheDocument();
      expect(screen.getByRole('textbox')).toBeInTheDocument();
      // Instead of sleeping past the settle time of the identity fields: a
      // picker rendered after this one with the whole identity asks once that
      // time is over, so this one has had as long to ask.
      await renderField(FlavorPicker, { api });
      await waitFor(() => expect(api.callsOf('getOpenStackResources')).toHaveLength(1));
      expect(api.callsOf('getOpenStackResources').map(c => c.args[0])).toEqual([
        { managementCluster: 'local', namespace: 'team-a', secret: 'team-cloud', cloud: 'testbed' },
      ]);
    });

    it('refuses a flavor the cloud does not have', async () => {
      const api = apiWith(liveCloud());
      expect(await validationErrors(flavorValidation, ['m1.small', 'm9.huge'], cloudContext(api))).toEqual([
        'flavor "m9.huge" does not exist in the cloud',
      ]);
    });
  });

  describe('CapiImagePicker', () => {
    it("lists the images built for the form's Kubernetes version", async () => {
      const api = apiWith(liveCloud());
      const changes = await renderField(ImagePicker, { api, form: { ...IDENTITY, kubernetesVersion: 'v1.34.2' } });
      expect(await optionTexts()).toEqual([
        'None',
        'ubuntu-2404-kube-v1.34.2 (ubuntu 24.04, Kubernetes v1.34.2)',
        'flatcar-v1.34.2 (flatcar, Kubernetes v1.34.2)',
      ]);
      fireEvent.click(screen.getByRole('option', { name: /flatcar/ }));
      expect(changes).toEqual(['flatcar-v1.34.2']);
    });

    it('offers name prefixes for ClusterClass imageName variables (ui:options.namePrefix)', async () => {
      const api = apiWith(liveCloud());
      await renderField(ImagePicker, { api, form: { ...IDENTITY, kubernetesVersion: 'v1.33.5' }, uiOptions: { namePrefix: true } });
      expect(await optionTexts()).toEqual(['None', 'ubuntu-2404-kube (ubuntu-2404-kube-v1.33.5)']);
    });

    it('is free text with a note when the cloud cannot be reached and no image is configured', async () => {
      const api = apiWith(unreachableCloud());
      const changes = await renderField(ImagePicker, { api, form: { ...IDENTITY, kubernetesVersion: 'v1.34.2' } });
      expect(await screen.findByText(UNREACHABLE_NOTE)).toHaveTextContent(/no images are configured, enter a value\.$/);
      fireEvent.change(screen.getByRole('textbox'), { target: { value: 'my-image' } });
      expect(changes).toEqual(['my-image']);
    });

    it('refuses an image of another version when the cloud answers', async () => {
      const api = apiWith(liveCloud());
      const context = cloudContext(api, { ...IDENTITY, kubernetesVersion: 'v1.34.2' });
      expect(await validationErrors(imageValidation, ['ubuntu-2404-kube-v1.33.5', 'ubuntu-2404-kube-v1.34.2'], context)).toEqual([
        'image "ubuntu-2404-kube-v1.33.5" does not exist in the cloud for Kubernetes v1.34.2',
      ]);
    });
  });

  describe('CapiNetworkPicker', () => {
    it('lists the external networks by default', async () => {
      const api = apiWith(liveCloud());
      await renderField(NetworkPicker, { api });
      expect(await optionTexts()).toEqual(['None (the default of the cluster template)', 'public — n-ext', 'provider — n-ext2']);
    });

    it('lists tenant networks with ui:options.networks: tenant and answers ids with valueField: id', async () => {
      const api = apiWith(liveCloud());
      const changes = await renderField(NetworkPicker, { api, uiOptions: { networks: 'tenant', valueField: 'id' } });
      expect(await optionTexts()).toEqual(['None (the default of the cluster template)', 'tenant-net — n-int']);
      fireEvent.click(screen.getByRole('option', { name: /tenant-net/ }));
      expect(changes).toEqual(['n-int']);
    });

    it('is free text with a note when the cloud cannot be reached', async () => {
      const api = apiWith(unreachableCloud());
      await renderField(NetworkPicker, { api });
      expect(await screen.findByText(UNREACHABLE_NOTE)).toHaveTextContent(/no external networks are configured, enter a value\.$/);
      expect(screen.getByRole('textbox')).toHaveAttribute('placeholder', 'network name or id');
    });

    it('refuses a tenant network where an external one is asked for', async () => {
      expect(await validationErrors(networkValidation, ['tenant-net', 'n-ext'], cloudContext(apiWith(liveCloud())))).toEqual([
        'network "tenant-net" is not one of the cloud\'s external networks',
      ]);
    });
  });

  describe('CapiKeyPairPicker', () => {
    it("lists the identity's key pairs", async () => {
      const api = apiWith(liveCloud());
      const changes = await renderField(KeyPairPicker, { api });
      expect(await optionTexts()).toEqual(['None', 'ops (aa:bb)', 'ci']);
      fireEvent.click(screen.getByRole('option', { name: 'ci' }));
      expect(changes).toEqual(['ci']);
    });

    it('is free text with a note when the lists cannot be read', async () => {
      const api = apiWith(await responseError(403, 'You are not allowed to create workload clusters (capi-openstack.cluster.create)'));
      const changes = await renderField(KeyPairPicker, { api });
      expect(
        await screen.findByText(
          "Could not list the cloud's key pairs: You are not allowed to create workload clusters (capi-openstack.cluster.create); enter a value.",
        ),
      ).toBeInTheDocument();
      fireEvent.change(screen.getByRole('textbox'), { target: { value: 'mine' } });
      expect(changes).toEqual(['mine']);
    });
  });

  describe('CapiAvailabilityZonePicker', () => {
    it('selects several zones for an array field; unavailable zones cannot be chosen', async () => {
      const api = apiWith(liveCloud());
      const changes = await renderField(AvailabilityZonePicker, { api, schema: { type: 'array', items: { type: 'string' } } });
      expect(await optionTexts()).toEqual(['az-1', 'az-2', 'az-3 (not available)']);
      expect(screen.getByRole('option', { name: 'az-3 (not available)' })).toHaveAttribute('aria-disabled', 'true');
      fireEvent.click(screen.getByRole('option', { name: 'az-1' }));
      fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'az-2' }));
      expect(changes).toEqual([['az-1'], ['az-1', 'az-2']]);
    });

    it('is a single select for a string field', async () => {
      const api = apiWith(liveCloud());
      const changes = await renderField(AvailabilityZonePicker, { api });
      expect(await optionTexts()).toEqual(['Any', 'az-1', 'az-2', 'az-3 (not available)']);
      fireEvent.click(screen.getByRole('option', { name: 'az-2' }));
      expect(changes).toEqual(['az-2']);
    });

    it('takes comma-separated zones as free text with a note when the cloud cannot be reached', async () => {
      const api = apiWith(unreachableCloud());
      const changes = await renderField(AvailabilityZonePicker, { api, schema: { type: 'array', items: { type: 'string' } } });
      expect(await screen.findByText(UNREACHABLE_NOTE)).toHaveTextContent(/no availability zones are configured, enter a value\.$/);
      fireEvent.change(screen.getByRole('textbox'), { target: { value: 'az-1, az-2' } });
      expect(changes).toEqual([['az-1', 'az-2']]);
    });

    it('refuses unknown and unavailable zones when the cloud answers, checks nothing when it cannot be reached', async () => {
      const live = await validationErrors(availabilityZoneValidation, [['az-1', 'az-3', 'az-9']], cloudContext(apiWith(liveCloud())));
      expect(live).toEqual(['availability zone "az-3" is not available', 'availability zone "az-9" does not exist in the cloud']);
      clearOpenStackResourcesCache();
      expect(await validationErrors(availabilityZoneValidation, [['az-9']], cloudContext(apiWith(unreachableCloud())))).toEqual([]);
    });
  });

  it('the fields of one form share one request per identity', async () => {
    const api = apiWith(liveCloud());
    const TwoFields = (props: any) => (
      <>
        <KeyPairPicker {...props} />
        <NetworkPicker {...props} idSchema={{ $id: 'other' }} />
      </>
    );
    await renderField(TwoFields, { api });
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
    expect(screen.getAllByRole('button', { name: /Field/ })).toHaveLength(2);
    expect(api.callsOf('getOpenStackResources')).toHaveLength(1);
  });
});

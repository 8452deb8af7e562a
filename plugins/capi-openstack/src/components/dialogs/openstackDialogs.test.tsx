/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OpenStackResourcesResponse, PreflightResult } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterActionCall } from '../../api/CapiOpenstackApi';
import { actionCalls, openDialog, preview, scaleResult } from '../../__testUtils__/actionDialogs';
import { FakeCapiOpenstackApi } from '../../__testUtils__/FakeCapiOpenstackApi';
import { detail } from '../../__testUtils__/fixtures';
import { liveCloud, unreachableCloud } from '../../__testUtils__/openstackFixtures';
import { REF } from '../../__testUtils__/renderCluster';

const FAILED: PreflightResult = {
  status: 'fail',
  summary: '1 of 3 checks failed: the project has too few cores left.',
  checks: [
    { id: 'quota:compute:cores', status: 'fail', message: 'Nova cores: the change needs 8, 4 of 64 are left.' },
    { id: 'quota:compute:instances', status: 'warn', message: 'Nova instances: the change needs 2, 3 of 20 are left.' },
    { id: 'flavor', status: 'pass', message: 'Flavor m1.medium exists.' },
  ],
};

const scaleWithPreflight = (preflight: PreflightResult | undefined) =>
  scaleResult(dryRun => ({
    preflight: preflight && (dryRun ? preflight : { ...preflight, forced: preflight.status === 'fail' }),
  }));

const actionBodies = (api: FakeCapiOpenstackApi) => actionCalls(api).map(c => ({ body: c.call.body, dryRun: c.dryRun }));

async function previewScale(api: FakeCapiOpenstackApi) {
  const dialog = await openDialog(api, 'Scale pool alpha-md-0');
  fireEvent.change(within(dialog).getByLabelText('Replicas'), { target: { value: '4' } });
  await preview(dialog, /Would scale pool md-0/);
  return dialog;
}

describe('preflight in the action dialogs', () => {
  it('shows the overall status and every check with its status and message', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleWithPreflight(FAILED)];
    const dialog = await previewScale(api);
    const panel = within(dialog).getByRole('region', { name: 'Preflight checks' });
    expect(panel).toHaveTextContent('Quota and resource checks failed');
    expect(panel).toHaveTextContent('1 of 3 checks failed: the project has too few cores left.');
    const items = within(panel).getAllByRole('listitem');
    expect(items.map(i => [i.getAttribute('data-status'), i.textContent])).toEqual([
      ['fail', 'FailedNova cores: the change needs 8, 4 of 64 are left.'],
      ['warn', 'WarningNova instances: the change needs 2, 3 of 20 are left.'],
      ['pass', 'PassedFlavor m1.medium exists.'],
    ]);
  });

  it('a failed preflight blocks Confirm until "Apply anyway" is ticked, which sends force: true', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleWithPreflight(FAILED), scaleWithPreflight(FAILED)];
    const dialog = await previewScale(api);
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
    expect(confirm).toBeDisabled();
    const force = within(dialog).getByRole('checkbox', { name: 'Apply anyway (I know the quota/resource check failed)' });
    fireEvent.click(force);
    expect(confirm).toBeEnabled();
    fireEvent.click(force);
    expect(confirm).toBeDisabled();
    fireEvent.click(force);
    fireEvent.click(confirm);
    expect(await within(dialog).findByText('Scaled pool md-0 from 2 to 4 replicas.')).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: 'Preflight checks' })).toHaveTextContent('Applied anyway (forced).');
    expect(actionBodies(api)).toEqual([
      { body: { replicas: 4, resourceVersion: '300' }, dryRun: true },
      { body: { replicas: 4, resourceVersion: '300', force: true }, dryRun: false },
    ]);
  });

  it('changing the form after ticking "Apply anyway" needs a new preview and a new tick', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleWithPreflight(FAILED), scaleWithPreflight(FAILED)];
    const dialog = await previewScale(api);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Apply anyway/ }));
    fireEvent.change(within(dialog).getByLabelText('Replicas'), { target: { value: '5' } });
    expect(within(dialog).queryByRole('checkbox', { name: /Apply anyway/ })).not.toBeInTheDocument();
    await preview(dialog, /Would scale pool md-0/);
    expect(within(dialog).getByRole('checkbox', { name: /Apply anyway/ })).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Confirm' })).toBeDisabled();
  });

  it('a warning shows but does not block, and sends no force', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    const warn: PreflightResult = {
      status: 'warn',
      summary: 'The change fits, with little room left.',
      checks: [{ id: 'quota:network:floatingip', status: 'warn', message: 'Neutron floating IPs: 1 of 10 left after the change.' }],
    };
    api.actionResults = [scaleWithPreflight(warn), scaleWithPreflight(warn)];
    const dialog = await previewScale(api);
    expect(within(dialog).getByRole('region', { name: 'Preflight checks' })).toHaveTextContent(
      'Quota and resource checks passed with warnings',
    );
    expect(within(dialog).queryByRole('checkbox', { name: /Apply anyway/ })).not.toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await within(dialog).findByText('Scaled pool md-0 from 2 to 4 replicas.');
    expect(actionBodies(api)[1]).toEqual({ body: { replicas: 4, resourceVersion: '300' }, dryRun: false });
  });

  it('actions without a preflight show no panel', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleWithPreflight(undefined)];
    const dialog = await previewScale(api);
    expect(within(dialog).queryByRole('region', { name: 'Preflight checks' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Confirm' })).toBeEnabled();
  });
});

describe('flavor dialog with the cloud lists', () => {
  function deferred() {
    let resolve!: (r: OpenStackResourcesResponse) => void;
    const promise = new Promise<OpenStackResourcesResponse>(r => {
      resolve = r;
    });
    return { promise, resolve };
  }

  it('shows progress while loading, then the live flavors with vCPUs, RAM and disk', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    const answer = deferred();
    api.openstack = answer.promise;
    api.actionResults = [scaleWithPreflight(undefined)];
    const dialog = await openDialog(api, 'Flavor');
    expect(within(dialog).getByRole('progressbar', { name: "Loading the cloud's flavors" })).toBeInTheDocument();
    answer.resolve(liveCloud());
    await waitFor(() => expect(within(dialog).queryByRole('progressbar')).not.toBeInTheDocument());
    // The cluster page asks once (Horizon links), the dialog once.
    expect(api.callsOf('getClusterOpenStack').map(c => c.args[0])).toEqual([REF, REF]);
    fireEvent.mouseDown(within(dialog).getByRole('button', { name: /Flavor/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'm1.small (1 vCPU, 2 GiB RAM, 20 GiB disk)',
      'm1.medium (2 vCPUs, 4 GiB RAM, 40 GiB disk) (current)',
      'm1.xlarge (8 vCPUs, 16 GiB RAM, no root disk)',
    ]);
    expect(within(dialog).queryByText(/could not be reached/)).not.toBeInTheDocument();
    fireEvent.click(options[2]);
    await preview(dialog);
    expect((api.callsOf('runAction')[0].args[1] as ClusterActionCall).body).toEqual({ flavor: 'm1.xlarge', resourceVersion: '200' });
  });

  it('falls back to the configured flavors with a visible note when the cloud cannot be reached', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.openstack = unreachableCloud();
    const dialog = await openDialog(api, 'Flavor');
    expect(
      await within(dialog).findByText(
        'OpenStack could not be reached: Keystone at http://keystone.test/v3 did not answer within 10 s; showing the configured flavors.',
      ),
    ).toBeInTheDocument();
    fireEvent.mouseDown(within(dialog).getByRole('button', { name: /Flavor/ }));
    const options = await screen.findAllByRole('option');
    // The current flavor stays choosable although the configured list lacks it.
    expect(options.map(o => o.textContent)).toEqual(['m1.medium (current, not in the list)', 'm1.large', 'm1.2xlarge']);
  });

  it('keeps a free-text flavor when the lists cannot be read at all', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.openstack = new Error('backend unavailable');
    const dialog = await openDialog(api, 'Flavor');
    expect(await within(dialog).findByText(/Could not list the cloud's flavors: backend unavailable\. Type a flavor/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Flavor'), { target: { value: 'custom.big' } });
    expect(within(dialog).getByLabelText('Flavor')).toHaveValue('custom.big');
  });
});

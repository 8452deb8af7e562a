/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { actionCalls, openDialog, preview, scaleResult } from '../../__testUtils__/actionDialogs';
import { FakeCapiOpenstackApi, responseError } from '../../__testUtils__/FakeCapiOpenstackApi';
import { detail, pool } from '../../__testUtils__/fixtures';
import { renderCluster } from '../../__testUtils__/renderCluster';

describe('action dialogs', () => {
  it('scale: previews the dry run, confirms, then follows the progress live', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult(), scaleResult()];
    const dialog = await openDialog(api, 'Scale pool alpha-md-0');
    const replicas = within(dialog).getByLabelText('Replicas');
    expect(replicas).toHaveValue(2);
    expect(within(dialog).getByRole('button', { name: 'Confirm' })).toBeDisabled();
    fireEvent.change(replicas, { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText(/Would scale pool md-0 from 2 to 4 replicas./)).toBeInTheDocument();
    expect(within(dialog).getByText('spec.replicas')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('Scaled pool md-0 from 2 to 4 replicas.')).toBeInTheDocument();
    expect(actionCalls(api)).toEqual([
      { call: { method: 'POST', path: 'pools/alpha-md-0/scale', body: { replicas: 4, resourceVersion: '300' } }, dryRun: true },
      { call: { method: 'POST', path: 'pools/alpha-md-0/scale', body: { replicas: 4, resourceVersion: '300' } }, dryRun: false },
    ]);
    expect(within(dialog).getByRole('status', { name: 'Progress' })).toHaveTextContent('2/2 machines ready');
  });

  it('scale: refuses an even control plane size before calling the backend', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    const dialog = await openDialog(api, 'Scale');
    fireEvent.change(within(dialog).getByLabelText('Replicas'), { target: { value: '4' } });
    expect(within(dialog).getByText('Control plane replicas must be odd (etcd needs a quorum).')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Preview' })).toBeDisabled();
  });

  it('a 409 says the cluster changed and offers a reload; a new preview follows', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [await responseError(409, 'resourceVersion 300 is stale'), scaleResult()];
    const dialog = await openDialog(api, 'Scale pool alpha-md-0');
    fireEvent.change(within(dialog).getByLabelText('Replicas'), { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The cluster changed since you loaded it.');
    const loads = api.callsOf('getCluster').length;
    api.detail = detail({ tree: { pools: [pool({ resourceVersion: '301' })] } });
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.callsOf('getCluster').length).toBeGreaterThan(loads));
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
    // Let the reloaded detail (already requested) arrive and render.
    await act(() => new Promise<void>(resolve => setTimeout(resolve, 0)));
    await preview(dialog, /Would scale/);
    expect((actionCalls(api)[1].call.body as any).resourceVersion).toBe('301');
  });

  it('a 422 shows the server message naming the field next to the form', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [await responseError(422, 'replicas: at most 10 workers are allowed')];
    const dialog = await openDialog(api, 'Scale pool alpha-md-0');
    fireEvent.change(within(dialog).getByLabelText('Replicas'), { target: { value: '40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('replicas: at most 10 workers are allowed');
    expect(within(dialog).queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Confirm' })).toBeDisabled();
  });

  it('autoscaler: checks the bounds and sends them, or null to switch it off', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ tree: { pools: [pool({ autoscaler: { min: 1, max: 5 } })] } });
    api.actionResults = [scaleResult({ action: 'set-autoscaler' }), scaleResult({ action: 'set-autoscaler' })];
    const dialog = await openDialog(api, 'Autoscaler pool alpha-md-0');
    fireEvent.change(within(dialog).getByLabelText('Minimum'), { target: { value: '6' } });
    expect(within(dialog).getByText('The minimum must not exceed the maximum.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Preview' })).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Minimum'), { target: { value: '2' } });
    await preview(dialog);
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(actionCalls(api)).toHaveLength(2));
    expect(actionCalls(api).map(c => (c.call.body as any).bounds)).toEqual([{ min: 2, max: 5 }, null]);
  });

  it('scale of an autoscaled pool is disabled with the reason', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ tree: { pools: [pool({ autoscaler: { min: 1, max: 5 } })] } });
    await renderCluster(api);
    const scale = await screen.findByRole('button', { name: 'Scale pool alpha-md-0' });
    await waitFor(() => expect(scale).toHaveAttribute('title', expect.stringMatching(/autoscaler sizes this pool \(1–5\)/)));
    expect(scale).toBeDisabled();
  });

  it('upgrade: offers only the allowed targets', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.upgrades = { current: 'v1.33.5', targets: [{ version: 'v1.34.2', source: 'config', image: 'ubuntu-v1.34.2' }] };
    api.actionResults = [scaleResult({ action: 'upgrade' })];
    const dialog = await openDialog(api, 'Upgrade');
    expect(within(dialog).getByRole('button', { name: 'Preview' })).toBeDisabled();
    fireEvent.mouseDown(await within(dialog).findByRole('button', { name: /Version/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['v1.34.2 (image ubuntu-v1.34.2)']);
    fireEvent.click(options[0]);
    await preview(dialog);
    expect(actionCalls(api)[0].call).toEqual({ method: 'POST', path: 'upgrade', body: { version: 'v1.34.2', resourceVersion: '200' } });
  });

  it('upgrade: waits for the maintenance window when asked to, then is done at once', async () => {
    const api = new FakeCapiOpenstackApi();
    const window = { days: ['sat'], start: '02:00', end: '05:00', timeZone: 'Europe/Zurich' };
    api.detail = detail({ summary: { maintenance: { window, nextStart: '2026-12-05T01:00:00Z', pending: [] } } });
    api.upgrades = { current: 'v1.33.5', targets: [{ version: 'v1.34.2', source: 'config' }] };
    api.actionResults = [
      scaleResult({ action: 'upgrade', message: 'The upgrade to v1.34.2 of alpha waits for its maintenance window.' }),
      scaleResult({ action: 'upgrade', message: 'The upgrade to v1.34.2 of alpha waits for its maintenance window.' }),
    ];
    const dialog = await openDialog(api, 'Upgrade');
    expect(within(dialog).getByText(/Window sat 02:00–05:00 \(Europe\/Zurich\)/)).toBeInTheDocument();
    fireEvent.mouseDown(await within(dialog).findByRole('button', { name: /Version/ }));
    fireEvent.click((await screen.findAllByRole('option'))[0]);
    fireEvent.click(within(dialog).getByLabelText('In the maintenance window'));
    await preview(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(await within(dialog).findByRole('status', { name: 'Progress' })).toHaveTextContent(/^Done\./);
    expect(actionCalls(api).map(c => [c.call.body, c.dryRun])).toEqual([
      [{ version: 'v1.34.2', resourceVersion: '200', when: 'window' }, true],
      [{ version: 'v1.34.2', resourceVersion: '200', when: 'window' }, false],
    ]);
  });

  it('upgrade: offers no window choice for a cluster without a window', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.upgrades = { current: 'v1.33.5', targets: [{ version: 'v1.34.2', source: 'config' }] };
    const dialog = await openDialog(api, 'Upgrade');
    await within(dialog).findByRole('button', { name: /Version/ });
    expect(within(dialog).queryByLabelText('In the maintenance window')).not.toBeInTheDocument();
  });

  it('maintenance window: sends days in week order, times and zone', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult({ action: 'set-maintenance-window' })];
    const dialog = await openDialog(api, 'Set');
    fireEvent.click(within(dialog).getByLabelText('sun'));
    fireEvent.click(within(dialog).getByLabelText('fri'));
    fireEvent.change(within(dialog).getByLabelText('Time zone'), { target: { value: 'Europe/Zurich' } });
    await preview(dialog);
    expect(actionCalls(api)[0].call).toEqual({
      method: 'POST',
      path: 'maintenance-window',
      body: { window: { days: ['fri', 'sat', 'sun'], start: '02:00', end: '05:00', timeZone: 'Europe/Zurich' }, resourceVersion: '100' },
    });
  });

  it('maintenance card: lists the waiting operations with their last error, and cancels one', async () => {
    const api = new FakeCapiOpenstackApi();
    const window = { days: ['sat'], start: '02:00', end: '05:00', timeZone: 'Europe/Zurich' };
    const op = {
      id: 'ab12cd34',
      action: 'restart-pool' as const,
      pool: 'alpha-md-0',
      fields: {},
      requestedBy: 'user:default/alice',
      requestedAt: '2026-12-03T10:00:00Z',
      lastError: { at: '2026-12-05T01:00:30Z', message: 'a rollout is running', windowStart: '2026-12-05T01:00:00Z' },
    };
    api.detail = detail({ summary: { maintenance: { window, nextStart: '2026-12-05T01:00:00Z', pending: [op] } } });
    api.actionResults = [scaleResult({ message: 'Cancelled the restart of pool alpha-md-0 (operation ab12cd34).' })];
    await renderCluster(api);
    const list = await screen.findByRole('list', { name: 'Waiting operations' });
    expect(within(list).getByText('Restart pool alpha-md-0')).toBeInTheDocument();
    expect(within(list).getByText('Last attempt failed: a rollout is running')).toBeInTheDocument();
    const loads = api.callsOf('getCluster').length;
    fireEvent.click(within(list).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(api.callsOf('cancelPendingOperation').map(c => c.args[1])).toEqual(['ab12cd34']));
    await waitFor(() => expect(api.callsOf('getCluster').length).toBeGreaterThan(loads));
  });

  it('health check: edits the conditions, timeouts and remediation limit with the check\'s resourceVersion', async () => {
    const api = new FakeCapiOpenstackApi();
    const check = {
      name: 'alpha-md-0-mhc',
      target: 'alpha-md-0-mhc',
      resourceVersion: '55',
      targets: [],
      conditions: [],
      unhealthyMachines: [],
      unhealthyNodeConditions: [{ type: 'Ready', status: 'Unknown', timeoutSeconds: 300 }],
      nodeStartupTimeoutSeconds: 600,
      maxUnhealthy: '40%',
    };
    api.detail = detail({ tree: { machineHealthChecks: [check] } });
    api.actionResults = [scaleResult({ action: 'set-health-check' })];
    const dialog = await openDialog(api, 'Edit health check alpha-md-0-mhc');
    fireEvent.change(within(dialog).getByLabelText('Condition 1 timeout (s)'), { target: { value: '600' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a condition' }));
    fireEvent.change(within(dialog).getByLabelText('Unhealthy range'), { target: { value: '[1-2]' } });
    expect(within(dialog).getByText('Set max unhealthy or an unhealthy range, not both.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Preview' })).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Max unhealthy'), { target: { value: '' } });
    await preview(dialog);
    expect(actionCalls(api)[0].call).toEqual({
      method: 'POST',
      path: 'health-checks/alpha-md-0-mhc',
      body: {
        nodeStartupTimeoutSeconds: 600,
        unhealthyNodeConditions: [
          { type: 'Ready', status: 'Unknown', timeoutSeconds: 600 },
          { type: 'Ready', status: 'False', timeoutSeconds: 300 },
        ],
        maxUnhealthy: '',
        unhealthyRange: '[1-2]',
        resourceVersion: '55',
      },
    });
  });

  it('upgrade: says why there is no target', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.upgrades = { current: 'v1.33.5', targets: [], message: 'An upgrade to v1.34.2 is in progress.' };
    const dialog = await openDialog(api, 'Upgrade');
    expect(await within(dialog).findByText('An upgrade to v1.34.2 is in progress.')).toBeInTheDocument();
  });

  it('flavor: refuses the current flavor and sends a new one', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult({ action: 'set-control-plane-flavor' })];
    const dialog = await openDialog(api, 'Flavor');
    expect(within(dialog).getByText('The flavor is already m1.medium.')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Flavor'), { target: { value: 'm1.xlarge' } });
    await preview(dialog);
    expect(actionCalls(api)[0].call).toEqual({
      method: 'POST',
      path: 'control-plane/flavor',
      body: { flavor: 'm1.xlarge', resourceVersion: '200' },
    });
  });

  it.each([
    ['Restart pool alpha-md-0', 'pools/alpha-md-0/restart', '300'],
    ['Restart', 'control-plane/restart', '200'],
    ['Rotate certificates', 'control-plane/rotate-certificates', '200'],
    ['Pause', 'pause', '100'],
  ])('%s: previews and confirms', async (button, path, resourceVersion) => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult(), scaleResult()];
    const dialog = await openDialog(api, button);
    await preview(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await within(dialog).findByRole('button', { name: 'Close' });
    expect(actionCalls(api)).toEqual([
      { call: { method: 'POST', path, body: { resourceVersion } }, dryRun: true },
      { call: { method: 'POST', path, body: { resourceVersion } }, dryRun: false },
    ]);
  });

  it('certificates: sets automatic rotation before expiry (at least 7 days)', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult({ action: 'set-certificate-rotation' })];
    const dialog = await openDialog(api, 'Rotate certificates');
    expect(within(dialog).getByText(/Automatic rotation: off/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Turn automatic rotation off')).toBeDisabled();
    fireEvent.click(within(dialog).getByLabelText('Replace them automatically before expiry'));
    fireEvent.change(within(dialog).getByLabelText('Days before expiry'), { target: { value: '5' } });
    expect(within(dialog).getByText(/At least 7 days/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Preview' })).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Days before expiry'), { target: { value: '21' } });
    await preview(dialog);
    expect(actionCalls(api)[0].call).toEqual({
      method: 'POST',
      path: 'control-plane/certificate-rotation',
      body: { certificatesExpiryDays: 21, resourceVersion: '200' },
    });
  });

  it('hibernate: names the pools that go to 0, previews and confirms', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult({ action: 'hibernate' }), scaleResult({ action: 'hibernate' })];
    const dialog = await openDialog(api, 'Hibernate');
    expect(within(dialog).getByText(/Every worker pool goes to 0 machines \(alpha-md-0: 2\)/)).toBeInTheDocument();
    await preview(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hibernate' }));
    await within(dialog).findByRole('button', { name: 'Close' });
    expect(actionCalls(api).map(c => [c.call.path, c.call.body, c.dryRun])).toEqual([
      ['hibernate', { resourceVersion: '100' }, true],
      ['hibernate', { resourceVersion: '100' }, false],
    ]);
  });

  it('schedule: sends the cron expressions and the time zone, or null to remove it', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult({ action: 'set-hibernation-schedule' }), scaleResult({ action: 'set-hibernation-schedule' })];
    const dialog = await openDialog(api, 'Schedule');
    fireEvent.change(within(dialog).getByLabelText('Time zone'), { target: { value: 'Europe/Zurich' } });
    fireEvent.change(within(dialog).getByLabelText('Wake at (cron)'), { target: { value: '0 7 * *' } });
    expect(within(dialog).getByText(/Wake: a cron expression of 5 fields/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Wake at (cron)'), { target: { value: '30 6 * * 1-5' } });
    await preview(dialog);
    expect(actionCalls(api)[0].call).toEqual({
      method: 'POST',
      path: 'hibernation-schedule',
      body: { schedule: { hibernate: '0 20 * * 1-5', wake: '30 6 * * 1-5', timeZone: 'Europe/Zurich' }, resourceVersion: '100' },
    });
  });

  it('wake is offered for a hibernated cluster', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ summary: { hibernated: { since: '2026-09-01T09:00:00Z', by: 'schedule' } } });
    api.actionResults = [scaleResult({ action: 'wake' })];
    const dialog = await openDialog(api, 'Wake');
    expect(within(dialog).getByText(/checks the project's quota first/)).toBeInTheDocument();
    await preview(dialog);
    expect(actionCalls(api)[0]).toEqual({ call: { method: 'POST', path: 'wake', body: { resourceVersion: '100' } }, dryRun: true });
  });

  it('resume is offered for a paused cluster', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ verdict: 'Paused', tree: { paused: true } });
    api.actionResults = [scaleResult({ action: 'resume' })];
    const dialog = await openDialog(api, 'Resume');
    await preview(dialog);
    expect(actionCalls(api)[0].call.path).toBe('resume');
  });

  it('delete: requires the typed name, previews, then deletes', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    api.actionResults = [scaleResult({ action: 'delete', message: 'Would delete cluster alpha.' }), scaleResult({ action: 'delete', message: 'Deleting cluster alpha.' })];
    const dialog = await openDialog(api, 'Delete');
    const confirmName = within(dialog).getByLabelText('Type the cluster name to confirm');
    fireEvent.change(confirmName, { target: { value: 'alpa' } });
    expect(within(dialog).getByRole('button', { name: 'Preview' })).toBeDisabled();
    fireEvent.change(confirmName, { target: { value: 'alpha' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText(/Would delete cluster alpha./)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('Deleting cluster alpha.')).toBeInTheDocument();
    expect(actionCalls(api).map(c => [c.call.method, c.call.path, (c.call.body as any).confirmName, c.dryRun])).toEqual([
      ['DELETE', '', 'alpha', true],
      ['DELETE', '', 'alpha', false],
    ]);
  });

  it('kubeconfig: downloads the file without putting it on screen', async () => {
    const created: Blob[] = [];
    (URL as any).createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:kubeconfig';
    });
    (URL as any).revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    await renderCluster(api);
    const button = await screen.findByRole('button', { name: 'Kubeconfig' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(await created[0].text()).toContain('kind: Config');
    expect(screen.queryByText(/kind: Config/)).not.toBeInTheDocument();
    click.mockRestore();
  });
});

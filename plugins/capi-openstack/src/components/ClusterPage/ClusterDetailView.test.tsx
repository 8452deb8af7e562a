/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeCapiOpenstackApi, responseError } from '../../__testUtils__/FakeCapiOpenstackApi';
import { detail, pool, summary, tree } from '../../__testUtils__/fixtures';
import { liveCloud } from '../../__testUtils__/openstackFixtures';
import { REF, renderCluster } from '../../__testUtils__/renderCluster';
import { VERDICTS } from '../VerdictChip';

describe('ClusterDetailView', () => {
  it('shows health, node groups, machines, infrastructure and certificates of a healthy cluster', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    await renderCluster(api);
    expect(await screen.findByText('Everything is as wanted: all machines are ready and up to date.')).toBeInTheDocument();
    const cpRow = screen.getByText('Control plane').closest('tr')!;
    expect(within(cpRow).getByText('3/3')).toBeInTheDocument();
    expect(within(cpRow).getByText('m1.medium')).toBeInTheDocument();
    expect(within(cpRow).getByText('v1.33.5 ×3')).toBeInTheDocument();
    const poolRow = screen.getByText('Pool alpha-md-0').closest('tr')!;
    expect(within(poolRow).getByText('m1.large')).toBeInTheDocument();
    expect(within(poolRow).getByText('off')).toBeInTheDocument();
    const machines = screen.getByRole('table', { name: 'Machines' });
    expect(within(machines).getByText('ACTIVE')).toBeInTheDocument();
    expect(within(machines).getByText('10.6.0.11')).toBeInTheDocument();
    expect(within(machines).getByText('nova-a')).toBeInTheDocument();
    expect(screen.getByText('alpha-router r-1 — 172.24.4.10')).toBeInTheDocument();
    expect(screen.getByText(/alpha-kubeapi, IP 172.24.4.20/)).toBeInTheDocument();
    expect(screen.getByText(/alpha-cp-1: expire in \d+ days/)).toBeInTheDocument();
  });

  it.each(VERDICTS)('shows the %s verdict', async verdict => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ verdict });
    await renderCluster(api);
    const chip = within(await screen.findByRole('group', { name: 'Verdict' })).getByText(verdict);
    expect(chip.closest('[data-verdict]')).toHaveAttribute('data-verdict', verdict);
  });

  it('explains a Nova quota failure in plain words and highlights the machine', async () => {
    const quota =
      'error creating Openstack instance: got 403 instead: {"forbidden": {"code": 403, "message": "Quota exceeded for cores: Requested 8, but already used 96 of 100 cores"}}';
    const t = tree();
    t.machines.push({
      name: 'alpha-md-0-x7k2p',
      role: 'worker',
      pool: 'alpha-md-0',
      phase: 'Provisioning',
      conditions: [{ type: 'InfrastructureReady', status: 'False', reason: 'InstanceStateError' }],
      server: {
        source: 'OpenStackServer',
        name: 'alpha-md-0-x7k2p',
        state: 'ERROR',
        addresses: [],
        conditions: [{ type: 'InstanceReady', status: 'False', reason: 'InstanceCreateFailed', message: quota }],
      },
    });
    const api = new FakeCapiOpenstackApi();
    api.detail = {
      ...detail({ verdict: 'Failed' }),
      tree: t,
      health: {
        verdict: 'Failed',
        evaluatedAt: '2026-09-01T10:20:00Z',
        reasons: [
          {
            object: { kind: 'OpenStackServer', name: 'alpha-md-0-x7k2p' },
            conditionType: 'InstanceReady',
            reason: 'InstanceCreateFailed',
            message: quota,
            since: '2026-09-01T10:00:00Z',
            severity: 'error',
          },
        ],
      },
    };
    await renderCluster(api);
    const text = 'OpenStack quota exhausted: Quota exceeded for cores: Requested 8, but already used 96 of 100 cores.';
    const reasons = await screen.findByRole('list', { name: 'Reasons' });
    expect(within(reasons).getByText(text)).toBeInTheDocument();
    expect(within(reasons).getByText(/OpenStackServer alpha-md-0-x7k2p since/)).toBeInTheDocument();
    const machineRow = within(screen.getByRole('table', { name: 'Machines' })).getByText('alpha-md-0-x7k2p').closest('tr')!;
    expect(machineRow).toHaveAttribute('data-failed', 'true');
    expect(within(machineRow).getByRole('alert')).toHaveTextContent(text);
  });

  it('shows the fix guide next to each reason; its buttons open the fixing action', async () => {
    const api = new FakeCapiOpenstackApi();
    const d = detail({ verdict: 'Failed' });
    d.health.reasons = [
      {
        object: { kind: 'OpenStackServer', name: 'alpha-cp-1' },
        conditionType: 'InstanceReady',
        reason: 'InstanceCreateFailed',
        message: 'got 403 instead: {"forbidden": {"message": "Quota exceeded for cores: Requested 8, but already used 96 of 100 cores"}}',
        severity: 'error',
        fix: {
          cause: 'quotaExceeded',
          summary: "Nova refused the server of machine alpha-cp-1: the project's cores quota is exhausted (96 of 100 cores used, 8 requested: 4 missing).",
          nextStep: 'Ask the cloud operator to raise the cores quota by at least 4.',
          needsAction: true,
          quota: { resource: 'cores', requested: 8, used: 96, limit: 100, missing: 4 },
          actions: [
            { kind: 'scale', label: 'Scale pool alpha-md-0', pool: 'alpha-md-0' },
            { kind: 'replace-machine', label: 'Replace machine alpha-cp-1', machine: 'alpha-cp-1' },
          ],
        },
      },
    ];
    api.detail = d;
    api.actionResults = [{ action: 'replace-machine', cluster: REF, dryRun: true, changed: true, message: 'Dry run (nothing changed): replacing Machine alpha-cp-1', changes: [] }];
    await renderCluster(api);
    const reasons = await screen.findByRole('list', { name: 'Reasons' });
    expect(within(reasons).getByText(/4 missing\)\.$/)).toBeInTheDocument();
    expect(within(reasons).getByText('Needs action')).toBeInTheDocument();
    expect(within(reasons).getByLabelText('Next step')).toHaveTextContent('Next step: Ask the cloud operator to raise the cores quota by at least 4.');
    const fixes = within(reasons).getByRole('group', { name: /^Fix: Nova refused/ });
    expect(within(fixes).getAllByRole('button').map(b => b.textContent)).toEqual(['Scale pool alpha-md-0', 'Replace machine alpha-cp-1']);
    const replace = within(fixes).getByRole('button', { name: 'Replace machine alpha-cp-1' });
    await waitFor(() => expect(replace).toBeEnabled());
    fireEvent.click(replace);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Replace machine alpha-cp-1')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByText(/replacing Machine alpha-cp-1/);
    expect(api.callsOf('runAction').map(c => [c.args[1], (c.args[2] as any).dryRun])).toEqual([
      [{ method: 'POST', path: 'machines/alpha-cp-1/replace', body: {} }, true],
    ]);
  });

  it('offers to replace each machine, unless the cluster is paused or the user may not', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ tree: { paused: true }, verdict: 'Paused' });
    await renderCluster(api);
    const machines = await screen.findByRole('table', { name: 'Machines' });
    const button = within(machines).getByRole('button', { name: 'Replace machine alpha-cp-1' });
    await waitFor(() => expect(button).toHaveAttribute('title', 'The cluster is paused: resume it first.'));
    expect(button).toBeDisabled();
  });

  it("links each server to Horizon and opens a machine's console in a new tab", async () => {
    const api = new FakeCapiOpenstackApi();
    const t = tree();
    t.machines[0].server!.instanceId = 'srv-1';
    api.detail = { ...detail(), tree: t };
    api.openstack = liveCloud({ cloud: { authUrl: 'http://keystone.test/v3', horizonUrl: 'https://horizon.test' } });
    api.console = { url: 'https://novnc.test/vnc_auto.html?path=%3Ftoken%3Dabc', protocol: 'vnc', type: 'novnc' };
    const opened = jest.spyOn(window, 'open').mockImplementation(() => null);
    await renderCluster(api);
    const machines = await screen.findByRole('table', { name: 'Machines' });
    const link = await within(machines).findByRole('link', { name: /^ACTIVE/ });
    expect(link).toHaveAttribute('href', 'https://horizon.test/project/instances/srv-1/');
    const button = within(machines).getByRole('button', { name: 'Console of machine alpha-cp-1' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    await waitFor(() => expect(opened).toHaveBeenCalledWith(api.console!.url, '_blank', 'noopener,noreferrer'));
    expect(api.callsOf('openConsole').map(c => c.args[1])).toEqual(['alpha-cp-1']);
    opened.mockRestore();
  });

  it('shows the health checks: what makes a machine unhealthy, the limits, and which machines are being remediated', async () => {
    const api = new FakeCapiOpenstackApi();
    const t = tree();
    t.machineHealthChecks = [
      {
        name: 'alpha-md-0',
        expectedMachines: 3,
        currentHealthy: 1,
        targets: ['a', 'b', 'c'],
        remediationAllowed: 'False',
        conditions: [],
        unhealthyNodeConditions: [{ type: 'Ready', status: 'False', timeoutSeconds: 300 }],
        nodeStartupTimeoutSeconds: 600,
        maxUnhealthy: '40%',
        unhealthyMachines: ['b', 'c'],
      },
    ];
    api.detail = { ...detail(), tree: t };
    await renderCluster(api);
    const row = within(await screen.findByRole('table', { name: 'Health checks' })).getByText('alpha-md-0').closest('tr')!;
    expect(row).toHaveTextContent('1/3');
    expect(row).toHaveTextContent('Ready=False for 5 min');
    expect(row).toHaveTextContent('10 min');
    expect(row).toHaveTextContent('blocked (up to 40% unhealthy)');
    expect(row).toHaveTextContent('b, c');
  });

  it('shows per machine what the health check found and the remediation under way', async () => {
    const api = new FakeCapiOpenstackApi();
    const t = tree();
    const [first] = t.machines;
    const second = { ...first, name: 'alpha-md-0-abc-1', role: 'worker' as const, pool: 'alpha-md-0', server: undefined };
    t.machines = [
      {
        ...first,
        conditions: [{ type: 'HealthCheckSucceeded', status: 'False', reason: 'UnhealthyNode', message: 'Condition Ready on node is reporting status False for more than 5m0s' }],
      },
      {
        ...second,
        conditions: [
          { type: 'HealthCheckSucceeded', status: 'False', reason: 'UnhealthyNode' },
          { type: 'OwnerRemediated', status: 'False', reason: 'WaitingForRemediation', message: 'Waiting for remediation' },
        ],
      },
    ];
    api.detail = { ...detail(), tree: t };
    await renderCluster(api);
    const machines = await screen.findByRole('table', { name: 'Machines' });
    const rowOf = (name: string) => within(machines).getAllByText(name)[0].closest('tr')!;
    expect(rowOf(first.name)).toHaveTextContent('Unhealthy: Condition Ready on node is reporting status False for more than 5m0s');
    expect(rowOf(second.name)).toHaveTextContent('Remediation: Waiting for remediation');
  });

  it('says what is happening during a scale-up', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({
      verdict: 'Progressing',
      tree: { pools: [pool({ topologyName: 'md-0', counters: { desired: 5, replicas: 3, ready: 3, upToDate: 3 } })] },
    });
    await renderCluster(api);
    expect(await screen.findByLabelText('What is happening now')).toHaveTextContent('Scaling up pool md-0 from 3 to 5 machines (3 ready)');
  });

  it('warns when the management cluster is stale', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ managementCluster: { state: 'stale', message: 'watch of Machines broke' } });
    await renderCluster(api);
    expect(await screen.findByText(/is stale since .*watch of Machines broke/)).toBeInTheDocument();
  });

  it('disables the actions the user may not use and says why', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    await renderCluster(api, r => (r.permission.name === 'capi-openstack.cluster.scale' ? 'DENY' : 'ALLOW'), {
      ...REF,
      name: 'scale-denied',
    });
    const scale = await screen.findByRole('button', { name: 'Scale pool alpha-md-0' });
    await waitFor(() => expect(scale).toHaveAttribute('title', 'You are not allowed to scale this cluster.'));
    expect(scale).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Scale' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Restart pool alpha-md-0' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeEnabled();
  });

  it('denies everything when no permission is granted', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    await renderCluster(api, 'DENY', { ...REF, name: 'all-denied' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete' })).toHaveAttribute('title', 'You are not allowed to delete this cluster.'));
    for (const name of ['Upgrade', 'Pause', 'Rotate certificates', 'Kubeconfig', 'Delete']) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
  });

  it('keeps Magnum clusters read-only and says why', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail({ tree: { magnum: { managed: true, uuid: 'u-1' }, classy: true }, summary: { magnum: true } });
    await renderCluster(api);
    expect(await screen.findByText(/Made by OpenStack Magnum/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scale pool alpha-md-0' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveAttribute('title', expect.stringMatching(/^Made by OpenStack Magnum/));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Kubeconfig' })).toBeEnabled());
  });

  it('shows a not-found panel for an unknown cluster', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = await responseError(404, 'Cluster team-a/alpha not found in management cluster mc-1');
    await renderCluster(api);
    expect((await screen.findAllByText(/Cluster team-a\/alpha not found/)).length).toBeGreaterThan(0);
    expect(screen.getByText(/Cluster not found/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('reloads the detail when the stream reports a change of this cluster', async () => {
    const api = new FakeCapiOpenstackApi();
    api.detail = detail();
    await renderCluster(api);
    await screen.findByText('Pool alpha-md-0');
    await waitFor(() => expect(api.openStreams).toBe(1));
    const before = api.callsOf('getCluster').length;
    api.detail = detail({ verdict: 'Paused', tree: { paused: true } });
    act(() => api.push({ upserted: [summary({ name: 'other' })] }));
    act(() => api.push({ upserted: [summary({ verdict: 'Paused', paused: true })] }));
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect(api.callsOf('getCluster').length).toBeGreaterThan(before);
  });
});

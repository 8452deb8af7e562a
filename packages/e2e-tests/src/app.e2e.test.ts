/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The platform engineer's path through the app in a real browser, against
// the app started as by `npm start` (see harness/startApp.ts). One app and
// one browser page for the whole file: the flows build on each other
// (sign in, fleet, cluster, actions), as a user's session would.

import { clientFromKubeconfig, KubeHttp } from '@internal/management-cluster';
import { FLAVORS } from '@internal/openstack-testbed';
import { waitFor } from '@internal/test-support';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  launchChromium,
  screenshot,
  signInAsGuest,
  VIEWPORT,
} from './harness/browser';
import { AppUnderTest, startApp } from './harness/startApp';

const STARTUP_TIMEOUT = 15 * 60_000;
const FLOW_TIMEOUT = 3 * 60_000;

let app: AppUnderTest | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
/** The management cluster, to check what the UI's actions really changed. */
let kube: KubeHttp;
const CAPI = 'cluster.x-k8s.io/v1beta2';
const flowSeconds: Record<string, number> = {};

/** Runs a flow; on failure keeps a screenshot of what the browser showed. */
async function flow(name: string, body: () => Promise<void>) {
  const started = Date.now();
  try {
    await body();
  } catch (e) {
    await screenshot(page, `failed-${name}`).catch(() => {});
    // Close a dialog left open, so that the next flow starts from the page.
    await page.keyboard.press('Escape').catch(() => {});
    throw e;
  } finally {
    flowSeconds[name] = Math.round((Date.now() - started) / 100) / 10;
  }
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  kube = clientFromKubeconfig(app.kubeconfigPath);
}, STARTUP_TIMEOUT);

afterAll(async () => {
  kube?.close();
  await browser?.close().catch(() => {});
  await app?.stop();
  process.stderr.write(
    `[e2e] startup ${JSON.stringify(
      app?.timings ?? {},
    )}\n[e2e] flows (s) ${JSON.stringify(flowSeconds)}\n`,
  );
}, 120_000);

it(
  'signs in as guest and shows the catalog',
  () =>
    flow('sign-in', async () => {
      await signInAsGuest(page, app!.baseUrl);
      await page.getByText('CAPI OpenStack demo Catalog').waitFor();
      expect(new URL(page.url()).pathname).toBe('/catalog');
    }),
  FLOW_TIMEOUT,
);

it(
  'lists the fleet and filters it',
  () =>
    flow('fleet', async () => {
      await page
        .getByRole('link', { name: 'Clusters', exact: true })
        .filter({ visible: true })
        .click();
      await page.getByRole('heading', { name: 'Clusters' }).first().waitFor();
      const table = page.getByRole('table', { name: 'Workload clusters' });
      const rows = table.locator('tbody tr');
      // The demo fleet: the snapshot clusters plus the two live ones.
      await table
        .getByRole('link', { name: 'payments-dev', exact: true })
        .waitFor();
      await table
        .getByRole('link', { name: 'platform-dev', exact: true })
        .waitFor();
      const all = await rows.count();
      expect(all).toBeGreaterThan(10);
      await screenshot(page, 'fleet');

      await page.getByPlaceholder('Search clusters').fill('payments');
      await table
        .getByRole('link', { name: 'platform-dev', exact: true })
        .waitFor({ state: 'detached' });
      const filtered = await rows.allInnerTexts();
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.length).toBeLessThan(all);
      // Search matches names, namespaces, owners...: every row mentions it.
      for (const row of filtered)
        expect(row.toLowerCase()).toContain('payments');
      await table
        .getByRole('link', { name: 'payments-dev', exact: true })
        .waitFor();

      await page.getByPlaceholder('Search clusters').fill('');
      await table
        .getByRole('link', { name: 'platform-dev', exact: true })
        .waitFor();

      // A verdict count filters by that verdict; clicking it again clears it.
      const paused = page
        .getByRole('group', { name: 'Clusters per verdict' })
        .getByRole('button', { name: /^Paused: \d+$/ });
      const pausedCount = Number(
        (await paused.getAttribute('aria-label'))!.split(': ')[1],
      );
      expect(pausedCount).toBeGreaterThan(0);
      await paused.click();
      expect(await paused.getAttribute('aria-pressed')).toBe('true');
      expect(await eventually(() => rows.count(), pausedCount)).toBe(
        pausedCount,
      );
      for (const row of await rows.allInnerTexts())
        expect(row).toContain('Paused');
      await paused.click();
      expect(await eventually(() => rows.count(), all)).toBe(all);
    }),
  FLOW_TIMEOUT,
);

const machines = () =>
  page.getByRole('table', { name: 'Machines' }).locator('tbody tr');
const actions = () => page.getByRole('toolbar', { name: 'Cluster actions' });
const verdict = () => page.getByRole('group', { name: 'Verdict' });

/**
 * Polls `read` until it returns `expected` (or the timeout); returns the last
 * value, so that the caller's expect shows what was there instead.
 */
async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 60_000,
): Promise<T> {
  let last = await read();
  await waitFor(async () => (last = await read()) === expected, {
    timeoutMs,
    intervalMs: 250,
    message: String(expected),
  }).catch(() => undefined);
  return last;
}

/** Preview, then confirm, then wait for the live progress to say "Done". */
async function previewAndConfirm(
  dialog: Locator,
  shot: string,
  confirmLabel = 'Confirm',
) {
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('region', { name: 'Preview' }).waitFor();
  await screenshot(page, `${shot}-preview`);
  await dialog.getByRole('button', { name: confirmLabel }).click();
  await dialog
    .getByRole('status', { name: 'Progress' })
    .getByText(/^Done\./)
    .waitFor({ timeout: 120_000 });
}

/** The fleet page searched for `name`: that cluster's row. */
async function fleetRow(name: string) {
  await page.getByRole('link', { name: 'Clusters', exact: true }).filter({ visible: true }).click();
  await page.getByPlaceholder('Search clusters').fill(name);
  return page.getByRole('table', { name: 'Workload clusters' }).locator('tbody tr').filter({ hasText: name });
}

async function openCluster(name: string) {
  await page
    .getByRole('link', { name: 'Clusters', exact: true })
    .filter({ visible: true })
    .click();
  await page.getByPlaceholder('Search clusters').fill(name);
  await page
    .getByRole('table', { name: 'Workload clusters' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { name }).first().waitFor();
}

it(
  'opens a live cluster with its machines',
  () =>
    flow('cluster', async () => {
      await openCluster('payments-dev');
      expect(new URL(page.url()).pathname).toBe(
        '/capi-openstack/clusters/local/team-payments/payments-dev',
      );
      // The simulator brings the live cluster up: 1 control plane machine and 2 workers.
      await verdict().getByText('Healthy').waitFor({ timeout: 120_000 });
      expect(await eventually(() => machines().count(), 3)).toBe(3);
      await page.getByText('Control plane and pools').waitFor();
    }),
  FLOW_TIMEOUT,
);

it(
  'scales a pool and shows the new machine live',
  () =>
    flow('scale', async () => {
      const workers = machines().filter({ hasText: 'worker' });
      await page.getByRole('button', { name: /^Scale pool .*md-0$/ }).click();
      const dialog = page.getByRole('dialog', { name: /^Scale pool/ });
      await dialog.getByLabel('Replicas').fill('3');
      await previewAndConfirm(dialog, 'scale');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });

      // No reload: the page follows the cluster's changes as they happen.
      expect(await eventually(() => workers.count(), 3)).toBe(3);
      expect(
        await eventually(
          () => workers.filter({ hasText: 'Running' }).count(),
          3,
        ),
      ).toBe(3);
      const md = await kube.get<any>(
        CAPI,
        'MachineDeployment',
        'team-payments',
        'payments-dev-md-0',
      );
      expect(md?.spec.replicas).toBe(3);
      await verdict().getByText('Healthy').waitFor({ timeout: 60_000 });
      // Back to the top (the page scrolls inside Backstage's content area, not the window).
      await page
        .getByRole('heading', { name: 'payments-dev' })
        .first()
        .scrollIntoViewIfNeeded();
      await screenshot(page, 'cluster');
      await machines().last().scrollIntoViewIfNeeded();
      await screenshot(page, 'cluster-machines');
    }),
  FLOW_TIMEOUT,
);

it(
  'pauses and resumes the cluster',
  () =>
    flow('pause-resume', async () => {
      await actions().getByRole('button', { name: 'Pause' }).click();
      let dialog = page.getByRole('dialog', { name: 'Pause reconciliation' });
      await previewAndConfirm(dialog, 'pause');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await verdict().getByText('Paused').waitFor();
      const paused = await kube.get<any>(
        CAPI,
        'Cluster',
        'team-payments',
        'payments-dev',
      );
      expect(paused?.spec.paused).toBe(true);

      await actions().getByRole('button', { name: 'Resume' }).click();
      dialog = page.getByRole('dialog', { name: 'Resume reconciliation' });
      await previewAndConfirm(dialog, 'resume');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await verdict().getByText('Healthy').waitFor({ timeout: 60_000 });
      await actions().getByRole('button', { name: 'Pause' }).waitFor();
      const resumed = await kube.get<any>(
        CAPI,
        'Cluster',
        'team-payments',
        'payments-dev',
      );
      expect(resumed?.spec.paused ?? false).toBe(false);
    }),
  FLOW_TIMEOUT,
);

it(
  'replaces a machine: the old one goes, its MachineSet makes a new one',
  () =>
    flow('replace-machine', async () => {
      const workers = machines().filter({ hasText: 'worker' });
      const old = (await workers.first().locator('td').first().innerText()).split('\n')[0];
      await page.getByRole('button', { name: `Replace machine ${old}` }).click();
      const dialog = page.getByRole('dialog', { name: `Replace machine ${old}` });
      await previewAndConfirm(dialog, 'replace-machine', 'Replace');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await kube.get<any>(CAPI, 'Machine', 'team-payments', old)).toBeUndefined();
      expect(await eventually(() => workers.filter({ hasText: 'Running' }).count(), 3)).toBe(3);
      expect(await machines().filter({ hasText: old }).count()).toBe(0);
      await verdict().getByText('Healthy').waitFor({ timeout: 60_000 });
    }),
  FLOW_TIMEOUT,
);

it(
  'hibernates the cluster (workers to 0, shown on the fleet page) and wakes it from the fleet page',
  () =>
    flow('hibernate-wake', async () => {
      const workers = machines().filter({ hasText: 'worker' });
      await actions().getByRole('button', { name: 'Hibernate' }).click();
      let dialog = page.getByRole('dialog', { name: 'Hibernate the cluster' });
      await previewAndConfirm(dialog, 'hibernate', 'Hibernate');
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(await eventually(() => workers.count(), 0, 90_000)).toBe(0);
      const md = await kube.get<any>(CAPI, 'MachineDeployment', 'team-payments', 'payments-dev-md-0');
      expect(md?.spec.replicas).toBe(0);
      await verdict().getByText('Healthy').waitFor({ timeout: 60_000 });

      const row = await fleetRow('payments-dev');
      await row.getByText('Hibernated', { exact: true }).waitFor();
      await screenshot(page, 'fleet-hibernated');

      // Woken from the fleet page: select the row, one request per selected cluster.
      await row.getByRole('checkbox', { name: 'Select payments-dev' }).check();
      await page.getByRole('toolbar', { name: 'Selected clusters' }).getByRole('button', { name: 'Wake 1' }).click();
      dialog = page.getByRole('dialog', { name: 'Wake 1 cluster' });
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await dialog.locator('tr[data-state="done"]').waitFor();
      await dialog.getByRole('button', { name: 'Wake', exact: true }).click();
      await dialog.getByRole('button', { name: 'Close' }).waitFor();
      await screenshot(page, 'fleet-wake');
      expect(await dialog.locator('tr[data-state="done"]').count()).toBe(1);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await row.getByText('Hibernated', { exact: true }).waitFor({ state: 'detached' });
      await openCluster('payments-dev');
      expect(await eventually(() => workers.filter({ hasText: 'Running' }).count(), 3, 90_000)).toBe(3);
      await verdict().getByText('Healthy').waitFor({ timeout: 60_000 });
    }),
  FLOW_TIMEOUT,
);

it(
  'sets a maintenance window, schedules an upgrade into it, and cancels it',
  () =>
    flow('maintenance-window', async () => {
      await openCluster('payments-dev');
      const before = await kube.get<any>(CAPI, 'Cluster', 'team-payments', 'payments-dev');
      await page.getByRole('button', { name: 'Set', exact: true }).click();
      let dialog = page.getByRole('dialog', { name: 'Maintenance window' });
      await dialog.getByLabel('sun').check();
      await dialog.getByLabel('Time zone').fill('Europe/Zurich');
      await previewAndConfirm(dialog, 'maintenance-window');
      await dialog.getByRole('button', { name: 'Close' }).click();
      const windowSet = await kube.get<any>(CAPI, 'Cluster', 'team-payments', 'payments-dev');
      expect(JSON.parse(windowSet.metadata.annotations['capi-openstack.dev/maintenance-window'])).toEqual({
        days: ['sat', 'sun'],
        start: '02:00',
        end: '05:00',
        timeZone: 'Europe/Zurich',
      });
      await page.getByText('sat, sun 02:00–05:00 (Europe/Zurich)', { exact: false }).first().waitFor();

      // The upgrade waits for the window instead of running now.
      await actions().getByRole('button', { name: 'Upgrade' }).click();
      dialog = page.getByRole('dialog', { name: 'Upgrade Kubernetes' });
      await dialog.locator('[aria-haspopup="listbox"]').click();
      const option = page.getByRole('listbox').getByRole('option').first();
      const version = (await option.innerText()).split(' ')[0];
      await option.click();
      await dialog.getByLabel('In the maintenance window').check();
      await previewAndConfirm(dialog, 'upgrade-window', 'Schedule');
      await dialog.getByText(new RegExp(`The upgrade to ${version.replace(/\./g, '\\.')} of payments-dev waits for its maintenance window`)).first().waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      const waiting = page.getByRole('list', { name: 'Waiting operations' });
      await waiting.getByText(`Upgrade to ${version}`).waitFor();
      await waiting.scrollIntoViewIfNeeded();
      await screenshot(page, 'maintenance-pending');
      const scheduled = await kube.get<any>(CAPI, 'Cluster', 'team-payments', 'payments-dev');
      const [op] = JSON.parse(scheduled.metadata.annotations['capi-openstack.dev/pending-operations']);
      expect(op).toMatchObject({ action: 'upgrade', fields: { version }, requestedBy: expect.stringMatching(/^user:/) });
      const kcp = await kube.get<any>('controlplane.cluster.x-k8s.io/v1beta2', 'KubeadmControlPlane', 'team-payments', before.spec.controlPlaneRef.name);
      expect(kcp.spec.version).not.toBe(version);

      await waiting.getByRole('button', { name: 'Cancel' }).click();
      await waiting.waitFor({ state: 'detached' });
      const cancelled = await kube.get<any>(CAPI, 'Cluster', 'team-payments', 'payments-dev');
      expect(cancelled.metadata.annotations['capi-openstack.dev/pending-operations']).toBeUndefined();
    }),
  FLOW_TIMEOUT,
);

it(
  'edits a health check: the remediation limit and a node condition timeout',
  () =>
    flow('health-check', async () => {
      await openCluster('payments-prod');
      const edit = page.getByRole('button', { name: /^Edit health check / }).first();
      const name = (await edit.getAttribute('aria-label'))!.replace('Edit health check ', '');
      await edit.click();
      const dialog = page.getByRole('dialog', { name: `Health check of ${name}` });
      await dialog.getByLabel('Max unhealthy').fill('2');
      await dialog.getByLabel('Condition 1 timeout (s)').fill('600');
      await screenshot(page, 'health-check-edit');
      await previewAndConfirm(dialog, 'health-check');
      await dialog.getByRole('button', { name: 'Close' }).click();
      const mhc = await kube.get<any>(CAPI, 'MachineHealthCheck', 'team-payments', name);
      expect(mhc.spec.remediation.triggerIf.unhealthyLessThanOrEqualTo).toBe(2);
      expect(mhc.spec.checks.unhealthyNodeConditions[0].timeoutSeconds).toBe(600);
      await page.getByRole('table', { name: 'Health checks' }).getByText(/allowed \(up to 2 unhealthy\)/).waitFor();
    }),
  FLOW_TIMEOUT,
);

it(
  'shows the fix guide of a failed cluster: cause, next step and the buttons that fix it',
  () =>
    flow('fix-guide', async () => {
      // The fleet row says it needs action (Nova refused its servers for quota).
      const row = await fleetRow('data-etl');
      await row.getByText(/^Needs action: Nova refused the server/).waitFor();
      await row.getByText('Failed').waitFor();
      await openCluster('data-etl');
      await verdict().getByText('Failed').waitFor();
      const reasons = page.getByRole('list', { name: 'Reasons' });
      await reasons.getByText(/cores quota is exhausted \(96 of 100 cores used, 8 requested: 4 missing\)/).first().waitFor();
      await reasons.getByText('Needs action').first().waitFor();
      const fixes = reasons.getByRole('group', { name: /^Fix: Nova refused/ }).first();
      const labels = await fixes.getByRole('button').allInnerTexts();
      // Button labels render in upper case.
      expect(labels.map(l => l.replace(/ .*$/, '').toLowerCase())).toEqual(['scale', 'change', 'replace']);
      await screenshot(page, 'fix-guide');
      // The scale button opens the pool's scale dialog, whose preflight reads the project's quota.
      await fixes.getByRole('button', { name: /^Scale pool/ }).click();
      const dialog = page.getByRole('dialog', { name: /^Scale pool/ });
      await dialog.getByLabel('Replicas').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    }),
  FLOW_TIMEOUT,
);

it(
  "shows a workload cluster's catalog entity with its health and machines",
  () =>
    flow('catalog-entity', async () => {
      // Published by the catalog module as <management cluster>.<namespace>.<name>.
      const url = `${
        app!.baseUrl
      }/catalog/default/resource/local.team-payments.payments-dev`;
      const card = page.getByText('Cluster health');
      const deadline = Date.now() + 120_000;
      // The catalog ingests the clusters shortly after the backend starts;
      // an entity page does not refresh by itself.
      for (;;) {
        await page.goto(url);
        const found = await card
          .waitFor({ timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
        if (found || Date.now() > deadline) break;
      }
      await card.waitFor({ timeout: 1_000 });
      await page.getByText('Healthy').first().waitFor();
      await screenshot(page, 'catalog-entity');
      await page.getByRole('tab', { name: 'Cluster' }).click();
      // The same live view as the cluster page: after the scale, 1 + 3 machines.
      expect(await eventually(() => machines().count(), 4)).toBe(4);
    }),
  FLOW_TIMEOUT,
);

it(
  "offers the cloud's flavors and stops a scale-up beyond the project's quota",
  () =>
    flow('openstack-preflight', async () => {
      // A healthy snapshot cluster whose identity Secret names the testbed;
      // its pool md-0 runs 4 × c2.xlarge (8 vCPUs each).
      await openCluster('payments-prod');

      // The flavor dialog lists the flavors of the cluster's cloud, with their size.
      await page.getByRole('button', { name: /^Flavor pool .*md-0$/ }).click();
      const flavorDialog = page.getByRole('dialog', {
        name: /^Change the flavor of pool/,
      });
      // A free-text field until the list arrives, then a select.
      await flavorDialog.locator('[aria-haspopup="listbox"]').click();
      const listbox = page.getByRole('listbox');
      await listbox.getByRole('option').first().waitFor();
      const options = await listbox.getByRole('option').allInnerTexts();
      for (const f of FLAVORS) {
        const size = `${f.name} (${f.vcpus} vCPU${f.vcpus === 1 ? '' : 's'}, ${
          f.ram / 1024
        } GiB RAM, ${f.disk} GiB disk)`;
        expect(options.filter(o => o.startsWith(size))).toHaveLength(1);
      }
      expect(options).toHaveLength(FLAVORS.length);
      // The menu fades in: shoot it once it is opaque.
      await page.waitForFunction(
        () =>
          getComputedStyle(
            document.querySelector('[role="listbox"]')!.parentElement!,
          ).opacity === '1',
      );
      await screenshot(page, 'flavor-options');
      await page.keyboard.press('Escape');
      await listbox.waitFor({ state: 'detached' });
      await flavorDialog.getByRole('button', { name: 'Cancel' }).click();
      await flavorDialog.waitFor({ state: 'detached' });

      // Scaling to 40 needs 36 more servers: 288 vCPUs, beyond the 200 of the quota.
      await page.getByRole('button', { name: /^Scale pool .*md-0$/ }).click();
      const dialog = page.getByRole('dialog', { name: /^Scale pool/ });
      await dialog.getByLabel('Replicas').fill('40');
      await dialog.getByRole('button', { name: 'Preview' }).click();
      const preflight = dialog.getByRole('region', {
        name: 'Preflight checks',
      });
      await preflight.getByText('Quota and resource checks failed').waitFor();
      // Each check is a list item with its status (the icon's title says it too).
      const cores = preflight
        .locator('li[data-status="fail"]')
        .filter({ hasText: /Nova cores: the change needs 288 more/ });
      await cores.waitFor();
      expect(await cores.innerText()).toMatch(/200 of 200 are left/);
      const confirm = dialog.getByRole('button', { name: 'Confirm' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog
        .getByRole('region', { name: 'Preflight checks' })
        .scrollIntoViewIfNeeded();
      await screenshot(page, 'preflight');
      // Only an explicit "Apply anyway" would unblock it; we cancel instead.
      const force = dialog.getByLabel(/^Apply anyway/);
      await force.check();
      expect(await confirm.isEnabled()).toBe(true);
      await force.uncheck();
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      const md = await kube.get<any>(
        CAPI,
        'MachineDeployment',
        'team-payments',
        'payments-prod-md-0',
      );
      expect(md?.spec.replicas).toBe(4);
    }),
  FLOW_TIMEOUT,
);

/** Waits until a select's menu (and its fading backdrop) is gone. */
async function menuClosed(list: Locator) {
  await list.waitFor({ state: 'detached' });
  // The menu fades out while already hidden from role queries.
  await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
}

/** Opens a MUI select by its label and returns the option texts. */
async function selectOptions(label: string | RegExp): Promise<{ list: Locator; texts: string[] }> {
  await page.getByRole('button', { name: label }).click();
  const list = page.getByRole('listbox');
  await list.waitFor();
  return { list, texts: (await list.getByRole('option').allInnerTexts()).map(t => t.trim()) };
}

it(
  'fills the create form with the cloud\'s networks, key pairs, zones, images and flavors',
  () =>
    flow('create-form-pickers', async () => {
      await page.goto(`${app!.baseUrl}/create/templates/default/capi-openstack-cluster-gitops`);
      // Where
      const mc = await selectOptions(/Management cluster/);
      await mc.list.getByRole('option', { name: /local/ }).click();
      await menuClosed(mc.list);
      // The namespaces the guest may create in, from the backend's create options.
      const namespaces = await selectOptions(/Namespace/);
      expect(namespaces.texts).toEqual(expect.arrayContaining(['team-payments', 'team-data', 'team-platform']));
      await namespaces.list.getByRole('option', { name: 'team-payments', exact: true }).click();
      await menuClosed(namespaces.list);
      await page.getByLabel('Cluster name').fill('payments-e2e');
      const owner = page.getByLabel('Owner');
      await owner.fill('team-payments');
      await page.getByRole('option', { name: /team-payments/ }).first().click();
      await page.getByRole('button', { name: 'Next' }).click();

      // OpenStack: the pickers ask the cloud of the identity Secret.
      await page.getByLabel('Cloud credentials Secret').fill('payments-prod-cloud-config');
      const network = await selectOptions(/External network/);
      // The external network with its Neutron id.
      expect(network.texts).toContainEqual(expect.stringMatching(/^public — [0-9a-f-]{36}$/));
      await network.list.getByRole('option', { name: /^public/ }).click();
      await menuClosed(network.list);
      const keys = await selectOptions(/SSH key pair/);
      const keyNames = keys.texts.map(t => t.split(/\s/)[0]);
      expect(keyNames).toEqual(expect.arrayContaining(['capi-demo', 'magnum']));
      await keys.list.getByRole('option', { name: /^capi-demo/ }).click();
      await menuClosed(keys.list);
      const zones = await selectOptions(/Control plane availability zones/);
      const zoneNames = zones.texts.map(t => t.split(/\s/)[0]);
      expect(zoneNames).toEqual(expect.arrayContaining(['az1', 'az2', 'az3']));
      await zones.list.getByRole('option', { name: /^az1/ }).click();
      await zones.list.getByRole('option', { name: /^az2/ }).click();
      await page.keyboard.press('Escape');
      await menuClosed(zones.list);
      expect(await page.getByRole('button', { name: /Control plane availability zones/ }).innerText()).toMatch(/az1, az2/);
      // No fallback note: the values come from the cloud.
      expect(await page.getByText(/could not be reached|configured/i).count()).toBe(0);
      await screenshot(page, 'create-openstack');
      await page.getByRole('button', { name: 'Next' }).click();

      // Machines: images for the chosen version, flavors with their sizes.
      const version = await selectOptions(/Kubernetes version/);
      await version.list.getByRole('option', { name: 'v1.35.0' }).click();
      await menuClosed(version.list);
      const images = await selectOptions(/Glance image/);
      // Only the cloud's image for v1.35.0 (the template's default stays shown as "not in the list").
      expect(images.texts.filter(t => /kube/.test(t) && !/not in the list/.test(t))).toEqual([
        'ubuntu-2404-kube-v1.35.0 (ubuntu 24.04, Kubernetes v1.35.0)',
      ]);
      await images.list.getByRole('option', { name: /ubuntu-2404-kube-v1\.35\.0/ }).click();
      await menuClosed(images.list);
      const flavors = await selectOptions(/Control plane flavor/);
      const large = FLAVORS.find(f => f.name === 'm1.large')!;
      expect(flavors.texts).toContainEqual(expect.stringMatching(new RegExp(`^m1\\.large \\(${large.vcpus} vCPUs?, ${large.ram / 1024} GiB RAM`)));
      await flavors.list.getByRole('option', { name: /^m1\.large/ }).click();
      await menuClosed(flavors.list);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'create-machines');
    }),
  FLOW_TIMEOUT,
);

it(
  'deletes a cluster once its name is typed',
  () =>
    flow('delete', async () => {
      await openCluster('platform-dev');
      await verdict().getByText('Healthy').waitFor({ timeout: 120_000 });
      await actions().getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', {
        name: 'Delete cluster platform-dev',
      });
      const confirmName = dialog.getByLabel('Type the cluster name to confirm');
      await confirmName.fill('platform');
      expect(
        await dialog.getByRole('button', { name: 'Preview' }).isDisabled(),
      ).toBe(true);
      await confirmName.fill('platform-dev');
      await previewAndConfirm(dialog, 'delete', 'Delete');
      await dialog.getByText('The cluster is gone.').waitFor();
      expect(
        await kube.get(CAPI, 'Cluster', 'team-platform', 'platform-dev'),
      ).toBeUndefined();

      await dialog.getByRole('button', { name: 'Close' }).click();
      await page
        .getByRole('link', { name: 'Clusters', exact: true })
        .filter({ visible: true })
        .click();
      const table = page.getByRole('table', { name: 'Workload clusters' });
      await table
        .getByRole('link', { name: 'payments-dev', exact: true })
        .waitFor();
      expect(
        await table
          .getByRole('link', { name: 'platform-dev', exact: true })
          .count(),
      ).toBe(0);
    }),
  FLOW_TIMEOUT,
);

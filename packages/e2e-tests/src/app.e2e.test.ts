/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The platform engineer's path through the app in a real browser, against
// the app started as by `npm start` (see harness/startApp.ts). One app and
// one browser page for the whole file: the flows build on each other
// (sign in, fleet, cluster, actions), as a user's session would.

import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot, signInAsGuest, VIEWPORT } from './harness/browser';
import { AppUnderTest, startApp } from './harness/startApp';

const STARTUP_TIMEOUT = 15 * 60_000;
const FLOW_TIMEOUT = 3 * 60_000;

let app: AppUnderTest | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const flowSeconds: Record<string, number> = {};

/** Runs a flow; on failure keeps a screenshot of what the browser showed. */
async function flow(name: string, body: () => Promise<void>) {
  const started = Date.now();
  try {
    await body();
  } catch (e) {
    await screenshot(page, `failed-${name}`).catch(() => {});
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
}, STARTUP_TIMEOUT);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await app?.stop();
  process.stderr.write(
    `[e2e] startup ${JSON.stringify(app?.timings ?? {})}\n[e2e] flows (s) ${JSON.stringify(flowSeconds)}\n`,
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
      await page.getByRole('link', { name: 'Clusters' }).filter({ visible: true }).click();
      await page.getByRole('heading', { name: 'Clusters' }).first().waitFor();
      const table = page.getByRole('table', { name: 'Workload clusters' });
      const rows = table.locator('tbody tr');
      // The demo fleet: the snapshot clusters plus the two live ones.
      await table.getByRole('link', { name: 'payments-dev', exact: true }).waitFor();
      await table.getByRole('link', { name: 'platform-dev', exact: true }).waitFor();
      const all = await rows.count();
      expect(all).toBeGreaterThan(10);
      await screenshot(page, 'fleet');

      await page.getByPlaceholder('Search clusters').fill('payments');
      await table.getByRole('link', { name: 'platform-dev', exact: true }).waitFor({ state: 'detached' });
      const filtered = await rows.allInnerTexts();
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.length).toBeLessThan(all);
      // Search matches names, namespaces, owners...: every row mentions it.
      for (const row of filtered) expect(row.toLowerCase()).toContain('payments');
      await table.getByRole('link', { name: 'payments-dev', exact: true }).waitFor();

      await page.getByPlaceholder('Search clusters').fill('');
      await table.getByRole('link', { name: 'platform-dev', exact: true }).waitFor();
    }),
  FLOW_TIMEOUT,
);

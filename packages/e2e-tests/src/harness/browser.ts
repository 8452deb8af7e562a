/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Debian's chromium driven by playwright-core (no browser download:
// `npx playwright install` needs internet access CI does not have).

import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { resultsDir } from './paths';

const CANDIDATES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
];

/** CHROMIUM_PATH, /usr/bin/chromium, or the first chromium on PATH. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of CANDIDATES) {
      const file = path.join(dir, name);
      if (dir && fs.existsSync(file)) return file;
    }
  }
  throw new Error(
    'No chromium found: install Debian\'s "chromium" package (.ci/run does) or set CHROMIUM_PATH',
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const VIEWPORT = { width: 1440, height: 900 };

/** Saves a screenshot of the viewport to test-results/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Opens the app and passes the sign-in page: the guest provider ("Enter"),
 * which the app shows to a browser that never signed in.
 */
export async function signInAsGuest(
  page: Page,
  baseUrl: string,
): Promise<void> {
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The sidebar's Settings item exists only once signed in.
  const signedIn = page
    .getByRole('link', { name: 'Settings' })
    .filter({ visible: true });
  await enter.or(signedIn).first().waitFor({ timeout: 60_000 });
  if (await enter.isVisible()) await enter.click();
  await signedIn.first().waitFor({ timeout: 60_000 });
}

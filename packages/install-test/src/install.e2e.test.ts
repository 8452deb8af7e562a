/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// An adopter's path, in order: pack the published packages, create an app
// with the create-app of backstage.json's release, add the packages and the
// README's lines, type-check and build it, run the built backend against a
// local management cluster, and look at the fleet in chromium. Each step is
// a test; a step needs the ones before it. Logs and screenshots go to
// test-results/install-test/, the durations to its durations.json and stdout.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, signInAsGuest, VIEWPORT } from '@internal/e2e-tests';
import { clientFromKubeconfig } from '@internal/management-cluster';
import { repoRoot, Supervised } from '@internal/test-support';
import type { Browser, Page } from 'playwright-core';
import {
  adopterEnv,
  applyReadmeSteps,
  backstageRelease,
  createApp,
  pointAppAtTarballs,
} from './createApp';
import { PackedPackage, packPackages } from './packPackages';
import { readmeSteps } from './readmeSteps';
import { runLogged } from './runLogged';
import {
  InstalledApp,
  startBuiltBackend,
  startManagementCluster,
} from './startInstalledApp';

const resultsDir = path.join(repoRoot, 'test-results', 'install-test');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-openstack-install-'));
const appDir = path.join(work, 'app');
const kubeconfigPath = path.join(work, 'kubeconfig');
const log = (name: string) => path.join(resultsDir, `${name}.log`);
const MINUTE = 60_000;

const durations: Record<string, number> = {};
const done = new Set<string>();
let packed: PackedPackage[] = [];
let env: NodeJS.ProcessEnv = process.env;
let managementCluster: Supervised | undefined;
let app: InstalledApp | undefined;
let browser: Browser | undefined;

/** A step of the path: timed, and refused when a step it needs did not pass. */
function step(
  name: string,
  needs: string[],
  timeoutMs: number,
  body: () => Promise<void>,
) {
  // The names are the constants below; the bodies hold the assertions.
  /* eslint-disable jest/valid-title, jest/expect-expect */
  it(
    name,
    async () => {
      const missing = needs.filter(n => !done.has(n));
      if (missing.length)
        throw new Error(
          `not run: an earlier step failed (${missing.join(', ')})`,
        );
      const started = Date.now();
      try {
        await body();
        done.add(name);
      } finally {
        durations[name] = Math.round((Date.now() - started) / 1000);
      }
    },
    timeoutMs,
  );
  /* eslint-enable jest/valid-title, jest/expect-expect */
}

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await managementCluster?.stop();
  fs.rmSync(work, { recursive: true, force: true });
  const total = Object.values(durations).reduce((a, b) => a + b, 0);
  fs.writeFileSync(
    path.join(resultsDir, 'durations.json'),
    `${JSON.stringify({ ...durations, total }, null, 2)}\n`,
  );
  process.stdout.write(
    `\n[install-test] ${Object.entries(durations)
      .map(([name, s]) => `${name}: ${s} s`)
      .join('\n[install-test] ')}\n[install-test] total: ${total} s\n`,
  );
}, 2 * MINUTE);

/** The file targets of an `exports` map (the `backstage` condition names a feature type). */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, v]) =>
        key === 'backstage' ? [] : leaves(v),
      )
    : [];
}

const PACK = 'pack';
step(PACK, [], 10 * MINUTE, async () => {
  packed = await packPackages(path.join(work, 'tarballs'), log('pack'));
  expect(packed.map(p => p.name).sort()).toEqual([
    '@capi-openstack/backstage-plugin-capi-openstack',
    '@capi-openstack/backstage-plugin-capi-openstack-backend',
    '@capi-openstack/backstage-plugin-capi-openstack-common',
    '@capi-openstack/backstage-plugin-capi-openstack-node',
    '@capi-openstack/backstage-plugin-catalog-backend-module-capi-openstack',
    '@capi-openstack/backstage-plugin-scaffolder-backend-module-capi-openstack',
  ]);
  for (const p of packed) {
    const inDist = (f: string) => f.startsWith('dist/');
    // Nothing but dist/, the docs and the config schema.
    expect({
      name: p.name,
      other: p.files.filter(
        f =>
          !inDist(f) &&
          !/^(package\.json|README\.md|CHANGELOG\.md|config\.d\.ts|config\.schema\.json)$/.test(
            f,
          ),
      ),
    }).toEqual({
      name: p.name,
      other: [],
    });
    // The config schema: prepack compiles config.d.ts into config.schema.json
    // (as in Backstage's own packages), which the app's config loader reads.
    const schema = p.packedJson.configSchema;
    expect({
      name: p.name,
      types: p.files.includes('dist/index.d.ts'),
      schema: schema ? p.files.includes(schema) : false,
    }).toEqual({
      name: p.name,
      types: true,
      schema: p.configSchema,
    });
    // The packed package.json points into dist/, not at src/.
    const { main, types, exports } = p.packedJson;
    const targets = [main, types, ...leaves(exports)].map(f =>
      String(f).replace(/^\.\//, ''),
    );
    expect({
      name: p.name,
      outside: targets.filter(
        f => !f.startsWith('dist/') && f !== 'package.json',
      ),
    }).toEqual({
      name: p.name,
      outside: [],
    });
    expect(p.packedJson.version).toMatch(/^\d+\.\d+\.\d+/);
  }
});

const CREATE = 'create the app';
step(CREATE, [], 5 * MINUTE, async () => {
  env = await adopterEnv(log('create-app'));
  await createApp(appDir, env, log('create-app'));
  // The create-app of backstage.json's release made an app of that release.
  const made = JSON.parse(
    fs.readFileSync(path.join(appDir, 'backstage.json'), 'utf8'),
  );
  expect(made.version).toBe(backstageRelease());
});

const INSTALL = 'install the packages and add the README lines';
step(INSTALL, [PACK, CREATE], 25 * MINUTE, async () => {
  const steps = readmeSteps(
    fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'),
  );
  await pointAppAtTarballs(appDir, packed, log('install'));
  applyReadmeSteps(appDir, steps, packed, kubeconfigPath);
  await runLogged('yarn', ['install'], {
    cwd: appDir,
    env,
    logFile: log('install'),
  });
  // One copy of each of our packages, from the tarballs.
  const lock = fs.readFileSync(path.join(appDir, 'yarn.lock'), 'utf8');
  for (const p of packed) {
    expect({
      name: p.name,
      copies: lock.split('\n').filter(l => l.startsWith(`"${p.name}@`)).length,
    }).toEqual({
      name: p.name,
      copies: 1,
    });
  }
});

const TSC = 'type-check the app (yarn tsc)';
step(TSC, [INSTALL], 10 * MINUTE, async () => {
  const out = await runLogged('yarn', ['tsc'], {
    cwd: appDir,
    env,
    logFile: log('tsc'),
  });
  expect(out).not.toMatch(/error TS\d+/);
});

const BUILD = 'build the app and the backend (backstage-cli package build)';
step(BUILD, [INSTALL], 20 * MINUTE, async () => {
  await runLogged('yarn', ['build:backend'], {
    cwd: appDir,
    env,
    logFile: log('build'),
  });
  expect(
    fs.existsSync(path.join(appDir, 'packages/backend/dist/bundle.tar.gz')),
  ).toBe(true);
  expect(fs.existsSync(path.join(appDir, 'packages/app/dist/index.html'))).toBe(
    true,
  );
});

const START = 'start the built backend against a local management cluster';
step(START, [BUILD], 10 * MINUTE, async () => {
  managementCluster = await startManagementCluster(kubeconfigPath, resultsDir);
  app = await startBuiltBackend(appDir, resultsDir);
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`) });
}

step(
  'list the fleet and open a cluster in chromium',
  [START],
  5 * MINUTE,
  async () => {
    const kube = clientFromKubeconfig(kubeconfigPath);
    const names = (await kube.list('cluster.x-k8s.io/v1beta2', 'Cluster')).map(
      c => c.metadata.name,
    );
    kube.close();
    expect(names.length).toBeGreaterThan(5);

    browser = await launchChromium();
    const page = await (
      await browser.newContext({ viewport: VIEWPORT })
    ).newPage();
    try {
      await signInAsGuest(page, app!.baseUrl);
      // The sidebar item feature discovery brought.
      await page
        .getByRole('link', { name: 'Clusters', exact: true })
        .filter({ visible: true })
        .click();
      const table = page.getByRole('table', { name: 'Workload clusters' });
      for (const name of names)
        await table.getByRole('link', { name, exact: true }).waitFor();
      expect(await table.locator('tbody tr').count()).toBe(names.length);
      await shot(page, 'fleet');

      await table
        .getByRole('link', { name: 'payments-dev', exact: true })
        .click();
      await page
        .getByRole('heading', { name: 'payments-dev' })
        .first()
        .waitFor();
      await page.getByRole('group', { name: 'Verdict' }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(
        /^\/capi-openstack\/clusters\/prod-zrh\/[^/]+\/payments-dev$/,
      );
      await shot(page, 'cluster');
    } catch (e) {
      await shot(page, 'failure');
      throw e;
    }
  },
);

step('register the four scaffolder actions', [START], MINUTE, async () => {
  const refresh = await fetch(`${app!.baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await refresh.json()).backstageIdentity.token;
  const res = await fetch(`${app!.baseUrl}/api/scaffolder/v2/actions`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const ids = ((await res.json()) as Array<{ id: string }>)
    .map(a => a.id)
    .filter(id => id.startsWith('capi-openstack:'));
  expect(ids.sort()).toEqual([
    'capi-openstack:cluster:create',
    'capi-openstack:cluster:scale',
    'capi-openstack:cluster:upgrade',
    'capi-openstack:cluster:wait',
  ]);
});

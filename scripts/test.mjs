/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm test`: installs what is missing, then runs every check:
// type-check, lint, unit and integration tests (against real API servers,
// one per CRD set, and the OpenStack testbed, all shared by all suites) and
// the browser tests, and the install test (the packed packages in a new
// app made by @backstage/create-app).
// Extra arguments go to jest (e.g. `npm test -- plugins/capi-openstack-backend`).
// CAPI_OPENSTACK_TESTBED_INFO=FILE reuses a running OpenStack testbed
// (`openstack-testbed start --out FILE`) instead of starting one.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, ensureDependencies, ensureNode, log, repoRoot } from './lib/bootstrap.mjs';
import { startManagementClusterCli, startOpenStackTestbedCli, stopService } from './lib/services.mjs';
import { testRunTemp } from './lib/testTemp.mjs';

ensureNode();
ensureDependencies();

const jestArgs = process.argv.slice(2);
const resultsDir = path.join(repoRoot, '.local', 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });
const summary = [];
let failed = false;
// jest's temporary folders (RUNNER_TEMP), removed when this script exits.
const { env: tempEnv } = testRunTemp();

function step(name, cmd, args, env = {}, cwd = repoRoot) {
  log(`== ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const ok = r.status === 0;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (!ok) failed = true;
  return ok;
}

// 0. The OpenStack testbed (real Keystone, Nova, Glance, Neutron, Cinder,
// Octavia from Debian packages on loopback) starts first and in the
// background: it takes 1-3 min (plus ~8 min of apt-get as root on a fresh
// machine, and an error naming the packages when not root), meanwhile the
// steps below run. Its progress goes to a log file.
const TESTBED_ENV = 'CAPI_OPENSTACK_TESTBED_INFO';
const testbedLog = path.join(resultsDir, 'openstack-testbed.log');
let testbed;
let servers;
// Ctrl-C / SIGTERM stop the background services (handled between steps:
// a running step receives the terminal's Ctrl-C itself).
const interrupted = async () => {
  await Promise.all([stopService(servers?.child), stopTestbed()]);
  process.exit(130);
};
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
let testbedFile = process.env[TESTBED_ENV];
if (testbedFile) {
  log(`OpenStack testbed: reusing the running one named by ${TESTBED_ENV} (${testbedFile})`);
} else {
  testbedFile = path.join(resultsDir, `openstack-testbed-${process.pid}.json`);
  log(`OpenStack testbed: starting in the background (log: ${path.relative(repoRoot, testbedLog)})`);
  testbed = startOpenStackTestbedCli(testbedFile, { logFile: testbedLog });
  testbed.ready.catch(() => undefined);
}
// The testbed removes its connection file when it stops; not when it had to be killed.
const stopTestbed = async () => {
  await stopService(testbed?.child, 45000);
  if (testbed) fs.rmSync(testbedFile, { force: true });
};

/** Waits for the testbed; a failure is reported with the end of its log. */
async function testbedReady() {
  if (!testbed) return true;
  const started = Date.now();
  try {
    await testbed.ready;
    const took = /ready in (\d+) s: Keystone/.exec(fs.readFileSync(testbedLog, 'utf8'))?.[1];
    summary.push(
      `ok   OpenStack testbed (ready in ${took ?? '?'} s, in parallel; waited ${Math.round((Date.now() - started) / 1000)} s for it)`,
    );
    return true;
  } catch (e) {
    const tail = fs.existsSync(testbedLog)
      ? fs.readFileSync(testbedLog, 'utf8').trim().split('\n').slice(-15).join('\n')
      : '';
    log(`OpenStack testbed did not start: ${e.message}\n${tail}`);
    // A full run needs it; with jest arguments only the suites that use it fail.
    summary.push(
      `${jestArgs.length ? 'n/a ' : 'FAIL'} OpenStack testbed (${path.relative(repoRoot, testbedLog)}): ${tail
        .split('\n')
        .pop()}`,
    );
    if (jestArgs.length === 0) failed = true;
    return false;
  }
}

// 1. Binaries and CRDs first: a missing Go toolchain should fail fast.
// The real CAPI controllers too, for the suites against them (src/realControllers).
const haveBinaries = step('build kube-apiserver, etcd and the CAPI controllers, fetch CRDs', bin('tsx'), [
  'packages/management-cluster/src/cli.ts',
  'ensure',
  '--real-controllers',
  '--crds',
  'capi-v1.14,capi-v1.10',
]);

if (haveBinaries && jestArgs.length === 0) {
  step('type-check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  // The published packages' API reports must match the committed
  // report*.api.md (`npm run build:api-reports` updates them).
  step('API reports unchanged', process.execPath, ['scripts/api-reports.mjs', '--ci']);
  step('lint (eslint)', bin('backstage-cli'), ['repo', 'lint']);
  // The jest step below runs under Node 22; the unit tests also under Node 24
  // (fetched from the npm registry and cached, as Node 22 is).
  step('unit tests under Node 24', process.execPath, ['scripts/test-unit.mjs', '--node', '24']);
}

// 2. Unit and integration tests with shared API servers.
let jestResult;
if (haveBinaries) {
  const serversFile = path.join(resultsDir, `test-servers-${process.pid}.json`);
  servers = startManagementClusterCli([
    'test-servers',
    '--out',
    serversFile,
    '--crds',
    'capi-v1.14,capi-v1.10',
  ]);
  try {
    // Suites that need the testbed fail fast (file missing) if it did not start.
    await Promise.all([servers.ready, testbedReady()]);
    const jsonFile = path.join(resultsDir, 'jest.json');
    fs.rmSync(jsonFile, { force: true });
    step(
      'unit and integration tests (jest)',
      bin('backstage-cli'),
      ['repo', 'test', '--ci', '--json', `--outputFile=${jsonFile}`, ...jestArgs],
      { CAPI_OPENSTACK_TEST_SERVERS: serversFile, [TESTBED_ENV]: testbedFile, CI: 'true', ...tempEnv },
    );
    if (fs.existsSync(jsonFile)) jestResult = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch (e) {
    summary.push(`FAIL test API servers: ${e.message}`);
    failed = true;
  } finally {
    await stopService(servers.child);
    fs.rmSync(serversFile, { force: true });
  }
}

/** A package's jest suites as a step of their own, run in band; their jest JSON report. */
function packageTests(name, pkg, extraArgs = [], env = {}) {
  const jsonFile = path.join(resultsDir, `${pkg}.json`);
  fs.rmSync(jsonFile, { force: true });
  step(
    name,
    bin('backstage-cli'),
    ['package', 'test', '--ci', '--runInBand', '--json', `--outputFile=${jsonFile}`, ...extraArgs],
    { CI: 'true', ...tempEnv, ...env },
    path.join(repoRoot, 'packages', pkg),
  );
  return fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : undefined;
}

// 3. Browser tests (packages/e2e-tests): chromium against the app started as
// by `npm start` on free ports, with its own management cluster. A step of
// their own, after the shared API servers are gone: they need the CPU (a
// frontend build) and would slow the parallel jest suites down.
const runsAll = haveBinaries && jestArgs.length === 0;
const e2eResult = runsAll
  ? packageTests('browser tests (chromium, packages/e2e-tests)', 'e2e-tests', [], { [TESTBED_ENV]: testbedFile })
  : undefined;
await stopTestbed();

// 4. The install test (packages/install-test): the packed packages in a new
// app made by @backstage/create-app, built and opened in chromium. Last, on
// its own: it installs and builds a whole Backstage app.
const installResult = runsAll
  ? packageTests('install test (packed packages in a create-app app, packages/install-test)', 'install-test', [
      'src/install.e2e.test.ts',
      '--testPathIgnorePatterns=/node_modules/',
    ])
  : undefined;

console.log('\n== summary');
for (const line of summary) console.log(line);
const results = [
  ['jest', jestResult],
  ['browser', e2eResult],
  ['install', installResult],
].filter(([, r]) => r);
if (results.length > 0) {
  let passed = 0;
  let failedTests = 0;
  for (const [name, r] of results) {
    console.log(`${name}: ${r.numTotalTestSuites} suites, ${r.numTotalTests} tests`);
    passed += r.numPassedTests;
    failedTests += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  }
  // The plain closing line CI reads.
  console.log(`tests: ${passed} passed, ${failedTests} failed`);
}
process.exit(failed ? 1 : 0);

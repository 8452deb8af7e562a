/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// How the test suites are told apart: by file name (CONTRIBUTING.md, "Tests").
//
//   *.test.ts, *.test.tsx   unit: Node and node_modules only, no child process
//   *.integration.test.ts   a real kube-apiserver + etcd (built with Go), Go
//                           modules or another program (dpkg)
//   *.testbed.test.ts       the OpenStack testbed (Debian packages)
//   *.e2e.test.ts           a browser (packages/e2e-tests)
//
// `npm test` runs them all; `npm run test:unit` only the unit ones.
// CommonJS: jest loads unitTestSetup.cjs, which needs this, in every worker.

const childProcess = require('node:child_process');

/** Test files that are not unit tests (a jest testPathIgnorePatterns entry). */
const NOT_UNIT_PATTERN = String.raw`\.(integration|testbed|e2e)\.test\.[cm]?[jt]sx?$`;

const UNIT_RULE =
  'unit tests (*.test.ts, *.test.tsx) run only Node code: a suite that starts a kube-apiserver, ' +
  'the OpenStack testbed, a browser or any other program is named *.integration.test.ts, ' +
  '*.testbed.test.ts or *.e2e.test.ts (CONTRIBUTING.md, "Tests")';

/** What a unit test file must not call (the test support that starts servers). */
const STARTS_SERVERS =
  /\b(setupManagementCluster|setupOpenStackTestbed|startManagementCluster|startOpenStackTestbed|launchChromium|startApp)\s*\(/;

const isUnitTestFile = file =>
  /\.test\.[cm]?[jt]sx?$/.test(file) && !new RegExp(NOT_UNIT_PATTERN).test(file);

/** Unit test files (of `files`) whose source starts a server: they break the rule. */
function misnamedUnitTests(files, read) {
  return files.filter(f => isUnitTestFile(f) && STARTS_SERVERS.test(read(f)));
}

const GUARDED = Symbol.for('capi-openstack.unitTestGuard');
const SPAWNING = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];

/**
 * Makes every child_process call of this process throw, naming the rule and
 * the command. Test code sees the patched functions: jest hands test files
 * Node's own built-in modules.
 */
function refuseChildProcesses() {
  if (childProcess[GUARDED]) return;
  for (const name of SPAWNING) {
    childProcess[name] = command => {
      throw new Error(`${UNIT_RULE}; this one ran child_process.${name}(${JSON.stringify(command)})`);
    };
  }
  childProcess[GUARDED] = true;
}

module.exports = {
  NOT_UNIT_PATTERN,
  UNIT_RULE,
  isUnitTestFile,
  misnamedUnitTests,
  refuseChildProcesses,
};

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The naming rule and the unit run's guard (`node --test`; `npm run test:unit`
// runs it before jest).

import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import { test } from 'node:test';
import testKinds from './testKinds.cjs';

const { isUnitTestFile, misnamedUnitTests, refuseChildProcesses } = testKinds;

test('file names tell unit tests from the others', () => {
  for (const unit of ['src/router.test.ts', 'src/FleetPage.test.tsx', 'src/ClusterEntityProvider.stream.test.ts']) {
    assert.equal(isUnitTestFile(unit), true, unit);
  }
  for (const other of [
    'src/server.integration.test.ts',
    'src/tenancy.matrix.testbed.test.ts',
    'src/app.e2e.test.ts',
    'src/testing.ts',
  ]) {
    assert.equal(isUnitTestFile(other), false, other);
  }
});

test('a unit test file that starts a server is reported, an integration one is not', () => {
  const sources = {
    'a.test.ts': "const mc = setupManagementCluster('capi-v1.14');",
    'b.integration.test.ts': 'const mc = setupManagementCluster();',
    'c.test.ts': "// mentions setupManagementCluster only in a comment\nimport x from './x';",
  };
  assert.deepEqual(misnamedUnitTests(Object.keys(sources), f => sources[f]), ['a.test.ts']);
});

test('under the guard every child process fails naming the rule', () => {
  refuseChildProcesses();
  for (const start of [
    () => childProcess.spawn('kube-apiserver', ['--etcd-servers=http://127.0.0.1:2379']),
    () => childProcess.spawnSync('go', ['build']),
    () => childProcess.execFileSync('chromium'),
    () => childProcess.exec('keystone-manage db_sync'),
  ]) {
    assert.throws(start, /\*\.integration\.test\.ts, \*\.testbed\.test\.ts or \*\.e2e\.test\.ts/);
  }
  assert.throws(() => childProcess.spawn('etcd'), /ran child_process\.spawn\("etcd"\)/);
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// jest setupFiles entry of `npm run test:unit` (scripts/test-unit.mjs): a unit
// test that starts any process (a kube-apiserver, the testbed, a browser, go,
// dpkg) fails with the naming rule instead of passing on machines that have them.

require('./testKinds.cjs').refuseChildProcesses();

// `--node 24` in a tree installed with Node 22 (or the other way round):
// better-sqlite3 loads the binary compiled for this Node (bootstrap.mjs,
// betterSqlite3BinaryFor) instead of node_modules' own, through `bindings`,
// which better-sqlite3 asks for 'better_sqlite3.node'.
if (process.env.CAPI_OPENSTACK_BETTER_SQLITE3_BINARY) {
  jest.mock('bindings', () => {
    const actual = jest.requireActual('bindings');
    return opts =>
      opts === 'better_sqlite3.node'
        ? require(process.env.CAPI_OPENSTACK_BETTER_SQLITE3_BINARY)
        : actual(opts);
  });
}

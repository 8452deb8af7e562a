/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// jest setupFiles entry of `npm run test:unit` (scripts/test-unit.mjs): a unit
// test that starts any process (a kube-apiserver, the testbed, a browser, go,
// dpkg) fails with the naming rule instead of passing on machines that have them.

require('./testKinds.cjs').refuseChildProcesses();

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A temporary folder for one test run, removed when the runner exits (also
// after failed tests, an exception or Ctrl-C: they all end in process.exit).
// jest gets it as RUNNER_TEMP, where @backstage/backend-test-utils'
// createMockDirectory makes its folders (`RUNNER_TEMP || os.tmpdir()`); under
// CI=true, which `npm test` sets, it never removes them itself.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log } from './bootstrap.mjs';

export function testRunTemp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-openstack-test-run-'));
  process.on('exit', () => {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      log(`could not remove the test run's temporary folder ${dir}: ${e.message}`);
    }
  });
  return { dir, env: { RUNNER_TEMP: dir } };
}

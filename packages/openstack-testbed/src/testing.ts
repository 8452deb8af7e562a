/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import { startOpenStackTestbed, TestbedInfo, TestbedOptions } from './testbed';

/**
 * Names a file with the TestbedInfo of a testbed started once for a whole
 * test run (`openstack-testbed start --out FILE`); suites then share it.
 */
export const SHARED_TESTBED_ENV = 'CAPI_OPENSTACK_TESTBED_INFO';

export interface TestbedHandle {
  info: TestbedInfo;
  /** Stops the testbed if this suite started it; a shared one keeps running. */
  stop(): Promise<void>;
}

/** The shared testbed of the test run, or a private one for a suite run alone. */
export async function setupOpenStackTestbed(
  options: TestbedOptions = {},
): Promise<TestbedHandle> {
  const shared = process.env[SHARED_TESTBED_ENV];
  if (shared) {
    // npm test names the file before the testbed is up; when its start
    // failed, every suite fails here at once instead of starting its own.
    if (!fs.existsSync(shared)) {
      throw new Error(
        `${SHARED_TESTBED_ENV} names ${shared}, which does not exist: the shared OpenStack testbed did not start (npm test writes its log to .local/test-results/openstack-testbed.log)`,
      );
    }
    return {
      info: JSON.parse(fs.readFileSync(shared, 'utf8')),
      stop: async () => {},
    };
  }
  const testbed = await startOpenStackTestbed({ log: () => {}, ...options });
  return { info: testbed.info, stop: () => testbed.stop() };
}

/**
 * Registers beforeAll/afterAll hooks for setupOpenStackTestbed and returns a
 * handle usable inside tests (its `info` is filled in beforeAll).
 */
export function useOpenStackTestbed(
  options: TestbedOptions = {},
): Pick<TestbedHandle, 'info'> {
  let testbed: TestbedHandle | undefined;
  const handle = {} as Pick<TestbedHandle, 'info'>;
  beforeAll(async () => {
    testbed = await setupOpenStackTestbed(options);
    handle.info = testbed.info;
  });
  afterAll(async () => {
    await testbed?.stop();
  });
  return handle;
}

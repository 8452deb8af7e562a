/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Per-user cache of the testbed (the database template), beside the
 * management cluster's binaries.
 */
export function testbedCacheDir(): string {
  const base =
    process.env.CAPI_OPENSTACK_CACHE_DIR ||
    path.join(
      process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
      'capi-openstack-backstage',
    );
  const dir = path.join(base, 'openstack-testbed');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

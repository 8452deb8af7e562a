/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root (this package lives in packages/test-support). */
// Never bundled: the tooling runs from source in the repository only.
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * The per-user cache of the tooling (Go-built binaries, CRDs, the testbed's
 * database template), shared by every clone; `sub` names a folder in it.
 * Created if missing.
 */
export function cacheDir(...sub: string[]): string {
  const base =
    process.env.CAPI_OPENSTACK_CACHE_DIR ||
    path.join(
      process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
      'capi-openstack-backstage',
    );
  const dir = path.join(base, ...sub);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

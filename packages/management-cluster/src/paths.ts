/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root (this package lives in packages/management-cluster). */
// Never bundled: this package runs from source in the repository only.
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Where `npm start` writes the local management cluster's kubeconfig. */
export const localDir = path.join(repoRoot, '.local', 'management-cluster');

/** Per-user cache for Go-built binaries (shared by every clone). */
export function cacheDir(): string {
  const base =
    process.env.CAPI_OPENSTACK_CACHE_DIR ||
    path.join(
      process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
      'capi-openstack-backstage',
    );
  fs.mkdirSync(base, { recursive: true });
  return base;
}

export type Logger = (message: string) => void;

export const stderrLogger: Logger = message =>
  process.stderr.write(`[management-cluster] ${message}\n`);

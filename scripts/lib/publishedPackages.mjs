/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './bootstrap.mjs';

/** The folders (relative to the root) of the published packages: every non-private one under plugins/. */
export function publishedPackageDirs() {
  return fs
    .readdirSync(path.join(repoRoot, 'plugins'))
    .map(d => path.join('plugins', d))
    .filter(dir => {
      const file = path.join(repoRoot, dir, 'package.json');
      return fs.existsSync(file) && !JSON.parse(fs.readFileSync(file, 'utf8')).private;
    })
    .sort();
}

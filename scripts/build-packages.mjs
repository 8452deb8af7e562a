/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm run build:packages`: the declarations of the published packages
// (tsconfig.api-reports.json), then `backstage-cli package build` of each,
// which is what `npm publish` packs.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bin, repoRoot } from './lib/bootstrap.mjs';
import { publishedPackageDirs } from './lib/publishedPackages.mjs';

function run(cmd, args, cwd = repoRoot) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(bin('tsc'), ['-p', 'tsconfig.api-reports.json']);
for (const dir of publishedPackageDirs()) run(bin('backstage-cli'), ['package', 'build'], path.join(repoRoot, dir));

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm run build:api-reports`: declarations of the published packages only
// (tsconfig.api-reports.json, a clean build into dist-types/), then the API
// report (report*.api.md) of each. `-- --ci` checks instead of writing (npm
// test does). Clean and of these sources only, because the compiler prints
// the members of an inferred union in the order it first met them: after an
// incremental build, or with other packages' files in the program (any
// 'development' literal anywhere), Backstage's inferred types came out
// reordered.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot } from './lib/bootstrap.mjs';
import { publishedPackageDirs } from './lib/publishedPackages.mjs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

fs.rmSync(path.join(repoRoot, 'dist-types'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.api-reports.json']);
run(bin('backstage-repo-tools'), [
  'api-reports',
  // As the Backstage repositories do: undocumented members are no warning.
  '-o',
  'ae-undocumented,ae-wrong-input-file-type',
  ...process.argv.slice(2),
  ...publishedPackageDirs(),
]);

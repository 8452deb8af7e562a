/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm run build:api-reports`: a clean type-check into dist-types/, then the
// API report (report*.api.md) of every publishable package. `-- --ci` checks
// instead of writing (npm test does). Clean, because an incremental build may
// print the members of inferred types in another order than a fresh clone's.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot } from './lib/bootstrap.mjs';

export const PUBLISHED = [
  'plugins/capi-openstack',
  'plugins/capi-openstack-backend',
  'plugins/capi-openstack-common',
  'plugins/capi-openstack-node',
  'plugins/catalog-backend-module-capi-openstack',
  'plugins/scaffolder-actions',
];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

fs.rmSync(path.join(repoRoot, 'dist-types'), { recursive: true, force: true });
fs.rmSync(path.join(repoRoot, 'tsconfig.tsbuildinfo'), { force: true });
run(bin('tsc'), ['-p', 'tsconfig.json']);
run(bin('backstage-repo-tools'), [
  'api-reports',
  // As the Backstage repositories do: undocumented members are no warning.
  '-o',
  'ae-undocumented,ae-wrong-input-file-type',
  ...process.argv.slice(2),
  ...PUBLISHED,
]);

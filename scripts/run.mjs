/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm run management-cluster -- <command>`: the local management cluster CLI
// (packages/management-cluster/src/cli.ts) on a supported Node, after the
// dependencies are installed.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bin, ensureDependencies, ensureNode, repoRoot } from './lib/bootstrap.mjs';

ensureNode();
ensureDependencies();

const [tool, ...args] = process.argv.slice(2);
const entries = {
  'management-cluster': 'packages/management-cluster/src/cli.ts',
  bench: 'packages/bench/src/bench.ts',
};
if (!entries[tool]) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(entries).join('|')}> [args]`);
  process.exit(2);
}
const r = spawnSync(bin('tsx'), [path.join(repoRoot, entries[tool]), ...args], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(r.status ?? 1);

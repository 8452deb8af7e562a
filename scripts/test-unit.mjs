/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm run test:unit`: only the unit tests (*.test.ts(x); the naming rule is
// in scripts/lib/testKinds.cjs and CONTRIBUTING.md). No Go, no kube-apiserver,
// no OpenStack testbed, no browser: installs what is missing like `npm test`,
// then runs jest over every workspace without the integration, testbed and
// e2e suites, with every child process refused (scripts/lib/unitTestSetup.cjs).
// Extra arguments go to jest (e.g. `npm run test:unit -- plugins/capi-openstack`).
// `--node 24` (or 22) runs jest with that Node release (bootstrap.mjs
// PINNED_NODES, installed from the npm registry into the cache like the
// bootstrap's own Node); node_modules stay as they are, and better-sqlite3
// gets a binary of its own for that Node when the tree's is for another.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  betterSqlite3BinaryFor,
  bin,
  ensureDependencies,
  ensureNode,
  installNode,
  log,
  PINNED_NODES,
  repoRoot,
} from './lib/bootstrap.mjs';
import { testRunTemp } from './lib/testTemp.mjs';
import testKinds from './lib/testKinds.cjs';

const { NOT_UNIT_PATTERN, UNIT_RULE, misnamedUnitTests } = testKinds;

ensureNode();
ensureDependencies();

/** `--node MAJOR` / `--node=MAJOR`, taken out of jest's arguments. */
function nodeOption(args) {
  const rest = [];
  let major;
  for (let i = 0; i < args.length; i++) {
    const m = /^--node(?:=(.*))?$/.exec(args[i]);
    if (!m) {
      rest.push(args[i]);
      continue;
    }
    major = m[1] ?? args[++i];
    if (!PINNED_NODES[major]) {
      log(`--node ${major ?? ''}: one of ${Object.keys(PINNED_NODES).join(', ')}`);
      process.exit(2);
    }
  }
  return { major, jestArgs: rest };
}
const { major, jestArgs } = nodeOption(process.argv.slice(2));
// The Node that runs jest (and its workers, which jest starts with it).
let node = process.execPath;
let nativeBinary;
if (major && major !== process.versions.node.split('.')[0]) {
  const dir = installNode(PINNED_NODES[major], `Node ${major} for the unit tests`);
  node = path.join(dir, 'bin', 'node');
  nativeBinary = betterSqlite3BinaryFor(dir);
}
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return [p];
  });
}

// Fails fast, before jest, on a unit test file that calls the server-starting
// test support itself (the setup file catches the indirect cases).
const workspaces = ['packages', 'plugins'].flatMap(w =>
  fs.readdirSync(path.join(repoRoot, w)).map(p => path.join(repoRoot, w, p, 'src')),
);
const misnamed = misnamedUnitTests(workspaces.flatMap(sourceFiles), f => fs.readFileSync(f, 'utf8'));
if (misnamed.length > 0) {
  log(`${UNIT_RULE}. These start servers but are named as unit tests:`);
  for (const f of misnamed) log(`  ${path.relative(repoRoot, f)}`);
  process.exit(1);
}

// The rule's own tests (plain Node, well under a second).
const selfTest = spawnSync(node, ['--test', path.join('scripts', 'lib', 'testKinds.test.mjs')], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (selfTest.status !== 0) {
  process.stdout.write(selfTest.stdout);
  process.exit(1);
}

const { env: tempEnv } = testRunTemp();
const env = {
  ...process.env,
  ...tempEnv,
  PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
  ...(nativeBinary ? { CAPI_OPENSTACK_BETTER_SQLITE3_BINARY: nativeBinary } : {}),
};
// A misnamed suite must not pass by reaching a developer's running servers.
delete env.CAPI_OPENSTACK_TEST_SERVERS;
delete env.CAPI_OPENSTACK_TESTBED_INFO;

const started = Date.now();
log(`unit tests with Node ${nodeVersion}`);
const r = spawnSync(
  node,
  [
    fs.realpathSync(bin('backstage-cli')),
    'repo',
    'test',
    '--testPathIgnorePatterns=/node_modules/',
    `--testPathIgnorePatterns=${NOT_UNIT_PATTERN}`,
    `--setupFiles=${path.join(repoRoot, 'scripts', 'lib', 'unitTestSetup.cjs')}`,
    // Last before the caller's arguments: a path right after an array
    // option (the ones above) would be taken as one more of its values.
    '--watchAll=false',
    ...jestArgs,
  ],
  { cwd: repoRoot, stdio: 'inherit', env },
);
if (r.error) throw r.error;
log(`unit tests ${r.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s (Node ${nodeVersion})`);
process.exit(r.status ?? 1);

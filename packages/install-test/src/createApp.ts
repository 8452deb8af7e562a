/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, repoRoot } from '@internal/test-support';
import { parseDocument } from 'yaml';
import { PackedPackage } from './packPackages';
import { addBackendLines, ReadmeSteps } from './readmeSteps';
import { runLogged } from './runLogged';

/**
 * The @backstage/create-app of each Backstage release (its templates write
 * the release into the new app's backstage.json, which the test compares).
 */
export const CREATE_APP_OF_RELEASE: Record<string, string> = {
  '1.55.0': '0.9.2',
};

/** The Backstage release the suite is built and tested against. */
export function backstageRelease(): string {
  return JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'backstage.json'), 'utf8'),
  ).version;
}

const YARN_CLASSIC = '1.22.22';

/**
 * create-app refuses to run without a `yarn` on PATH, and the app it makes
 * runs the yarn release it ships (.yarn/releases, via yarnPath). Yarn
 * classic comes from the npm registry, cached per user.
 */
async function yarnOnPath(logFile: string): Promise<string> {
  const prefix = cacheDir(`yarn-${YARN_CLASSIC}`);
  const binDir = path.join(prefix, 'node_modules', '.bin');
  if (!fs.existsSync(path.join(binDir, 'yarn'))) {
    await runLogged(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `yarn@${YARN_CLASSIC}`,
      ],
      {
        cwd: prefix,
        logFile,
      },
    );
  }
  return binDir;
}

/** The environment of every yarn and create-app command. */
export async function adopterEnv(logFile: string): Promise<NodeJS.ProcessEnv> {
  const nodeDir = path.dirname(process.execPath);
  // An adopter's shell, not jest's: jest sets NODE_ENV=test, which matches
  // no browserslist environment of the app, and Rspack then fails to parse
  // the default query.
  const { NODE_ENV, JEST_WORKER_ID, ...shell } = process.env;
  return {
    ...shell,
    PATH: [await yarnOnPath(logFile), nodeDir, process.env.PATH].join(
      path.delimiter,
    ),
    // Native modules (better-sqlite3, isolated-vm) compile against this Node's headers.
    npm_config_nodedir: path.dirname(nodeDir),
    YARN_ENABLE_PROGRESS_BARS: 'false',
    YARN_ENABLE_TELEMETRY: 'false',
    YARN_ENABLE_INLINE_BUILDS: 'false',
    // Yarn makes installs immutable when CI is set; this app's lockfile is new.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    BACKSTAGE_APP_NAME: 'install-test',
  };
}

/** `npx @backstage/create-app@<version> --path <dir> --skip-install`. */
export async function createApp(
  dir: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<void> {
  const release = backstageRelease();
  const version = CREATE_APP_OF_RELEASE[release];
  if (!version)
    throw new Error(
      `backstage.json names release ${release}: add its create-app version to CREATE_APP_OF_RELEASE`,
    );
  await runLogged(
    'npx',
    [
      '--yes',
      `@backstage/create-app@${version}`,
      '--path',
      dir,
      '--skip-install',
    ],
    {
      cwd: path.dirname(dir),
      env,
      logFile,
    },
  );
}

/** This repository's npm registry and its `before` date (.npmrc), as yarn settings. */
function registrySettings(logFile: string): Promise<Record<string, string>> {
  const npmrc = fs.readFileSync(path.join(repoRoot, '.npmrc'), 'utf8');
  const before = /^before=(.+)$/m.exec(npmrc)?.[1];
  return runLogged('npm', ['config', 'get', 'registry'], {
    cwd: repoRoot,
    logFile,
  }).then(registry => ({
    npmRegistryServer: registry.trim(),
    // Yarn has no absolute date: an age gate reaching back to it. Without a
    // date, the app's own gate stays.
    ...(before
      ? {
          npmMinimalAgeGate: `${Math.ceil(
            (Date.now() - Date.parse(before)) / 60_000,
          )}m`,
        }
      : {}),
  }));
}

/**
 * What an adopter's environment provides that a test has to set up: the
 * registry (this repository's, with the same cut-off date as its .npmrc: a
 * Backstage release published after it is incomplete on the registry), and
 * the packages "published" by resolutions to the packed tarballs, since
 * `yarn add` would ask the registry for them.
 */
export async function pointAppAtTarballs(
  appDir: string,
  packed: PackedPackage[],
  logFile: string,
) {
  const yarnrcFile = path.join(appDir, '.yarnrc.yml');
  const yarnrc = parseDocument(fs.readFileSync(yarnrcFile, 'utf8'));
  for (const [key, value] of Object.entries(await registrySettings(logFile)))
    yarnrc.set(key, value);
  // The app pre-approves @backstage/* past its age gate; the cut-off must hold for them too.
  yarnrc.delete('npmPreapprovedPackages');
  fs.writeFileSync(yarnrcFile, yarnrc.toString());

  const rootJson = path.join(appDir, 'package.json');
  const root = JSON.parse(fs.readFileSync(rootJson, 'utf8'));
  root.resolutions = {
    ...root.resolutions,
    ...Object.fromEntries(packed.map(p => [p.name, `file:${p.tarball}`])),
  };
  fs.writeFileSync(rootJson, `${JSON.stringify(root, null, 2)}\n`);
}

/**
 * The README's lines: the packages added to each workspace (what `yarn
 * add` writes: the name with a caret range of the released version), the
 * backend features, the app-config block with the test's kubeconfig in
 * place of the README's example path.
 */
export function applyReadmeSteps(
  appDir: string,
  steps: ReadmeSteps,
  packed: PackedPackage[],
  kubeconfigPath: string,
): void {
  for (const { workspace, packages } of steps.install) {
    const file = path.join(appDir, workspace, 'package.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const name of packages) {
      const pkg = packed.find(p => p.name === name);
      if (!pkg)
        throw new Error(
          `README installs ${name}, which is not a published package`,
        );
      json.dependencies[name] = `^${pkg.packedJson.version}`;
    }
    fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  }

  const backendIndex = path.join(appDir, 'packages/backend/src/index.ts');
  fs.writeFileSync(
    backendIndex,
    addBackendLines(fs.readFileSync(backendIndex, 'utf8'), steps.backendLines),
  );

  const configFile = path.join(appDir, 'app-config.yaml');
  const config = parseDocument(fs.readFileSync(configFile, 'utf8'));
  const block = structuredClone(steps.appConfig) as {
    capiOpenstack: { managementClusters: any[] };
  };
  for (const mc of block.capiOpenstack.managementClusters)
    mc.kubeconfig.path = kubeconfigPath;
  config.set('capiOpenstack', config.createNode(block.capiOpenstack));
  fs.writeFileSync(configFile, config.toString());
}

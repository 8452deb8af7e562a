/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import {
  freePort,
  httpStatus,
  repoRoot,
  supervise,
  Supervised,
} from '@internal/test-support';
import { runLogged } from './runLogged';

export interface InstalledApp {
  baseUrl: string;
  stop(): Promise<void>;
}

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

/** The local management cluster with the demo fleet (as `npm start` has it), writing `kubeconfigPath`. */
export async function startManagementCluster(
  kubeconfigPath: string,
  logsDir: string,
): Promise<Supervised> {
  const mc = supervise(
    'management cluster',
    tsx,
    [
      path.join(repoRoot, 'packages/management-cluster/src/cli.ts'),
      'start',
      '--kubeconfig',
      kubeconfigPath,
    ],
    {
      cwd: repoRoot,
      logFile: path.join(logsDir, 'management-cluster.log'),
      readyLine: /^READY (.+)$/m,
    },
  );
  await mc.ready;
  return mc;
}

/**
 * The built backend as production runs it: the bundle (backstage-cli
 * package build) unpacked next to the app's installed node_modules,
 * `node packages/backend --config …`, serving the built frontend too.
 */
export async function startBuiltBackend(
  appDir: string,
  logsDir: string,
): Promise<InstalledApp> {
  const bundleDir = path.join(appDir, '.bundle');
  fs.rmSync(bundleDir, { recursive: true, force: true });
  fs.mkdirSync(bundleDir);
  const logFile = path.join(logsDir, 'backend.log');
  await runLogged(
    'tar',
    [
      '-xzf',
      path.join(appDir, 'packages/backend/dist/bundle.tar.gz'),
      '-C',
      bundleDir,
    ],
    {
      cwd: appDir,
      logFile,
    },
  );
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const testConfig = path.join(appDir, 'app-config.install-test.yaml');
  fs.writeFileSync(
    testConfig,
    [
      '# The install test: a free port; guest sign-in outside NODE_ENV=development.',
      'app:',
      `  baseUrl: ${baseUrl}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      'auth:',
      '  providers:',
      '    guest:',
      '      dangerouslyAllowOutsideDevelopment: true',
      '',
    ].join('\n'),
  );
  const backend = supervise(
    'installed backend',
    process.execPath,
    [
      'packages/backend',
      '--config',
      path.join(appDir, 'app-config.yaml'),
      '--config',
      testConfig,
    ],
    {
      cwd: bundleDir,
      logFile,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  try {
    await backend.waitReady(
      async () =>
        (await httpStatus(`${baseUrl}/api/capi-openstack/health`)) === 200,
      {
        timeoutMs: 180_000,
        message: `the installed backend's /api/capi-openstack/health at ${baseUrl}`,
      },
    );
  } catch (e) {
    await backend.stop();
    throw e;
  }
  return { baseUrl, stop: () => backend.stop() };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Starting and stopping the long-running helpers of `npm start` / `npm test`.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, log, repoRoot } from './bootstrap.mjs';

/**
 * Starts the management cluster CLI and resolves with the path it prints in
 * its `READY <path>` line. The child keeps running until stopService().
 */
export function startManagementClusterCli(args) {
  return startReadyProcess('packages/management-cluster/src/cli.ts', args, 'management cluster');
}

/**
 * Starts the simulated CAPI/CAPO controllers (local demo and tests only)
 * against a kubeconfig; resolves when their watches are synced.
 */
export function startSimulatorCli(kubeconfig, timeScale = 10) {
  return startReadyProcess(
    'packages/capi-simulator/src/cli.ts',
    ['--kubeconfig', kubeconfig, '--time-scale', String(timeScale)],
    'simulator',
  );
}

/**
 * Starts a disposable PostgreSQL server (packages/test-support/src/postgresCli.ts:
 * Debian's postgresql package, a cluster in a temporary folder on
 * 127.0.0.1 and a free port, removed when it stops); resolves with
 * `host:port`. The superuser is `postgres` with `password`.
 */
export function startPostgresCli(password) {
  return startReadyProcess('packages/test-support/src/postgresCli.ts', [], 'PostgreSQL', undefined, {
    ...process.env,
    CAPI_OPENSTACK_POSTGRES_PASSWORD: password,
  });
}

const TESTBED_CLI = 'packages/openstack-testbed/src/cli.ts';

/**
 * Starts the OpenStack testbed (`openstack-testbed start --out FILE`: real
 * OpenStack services from Debian packages on loopback, seeded like the demo);
 * resolves with FILE (its TestbedInfo JSON) once every service answers.
 * `logFile` receives its progress instead of the terminal.
 */
export function startOpenStackTestbedCli(outFile, { logFile } = {}) {
  return startReadyProcess(TESTBED_CLI, ['start', '--out', outFile], 'OpenStack testbed', logFile);
}

/**
 * `openstack-testbed point-identities`: the identity Secrets (clouds.yaml) of
 * a management cluster get the testbed's application credential.
 */
export function pointIdentitiesAtTestbed(infoFile, kubeconfig) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      bin('tsx'),
      [path.join(repoRoot, TESTBED_CLI), 'point-identities', '--info', infoFile, '--kubeconfig', kubeconfig],
      { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', code =>
      code === 0 ? resolve() : reject(new Error(`openstack-testbed point-identities exited with code ${code}`)),
    );
  });
}

function startReadyProcess(entry, args, what, logFile, env = process.env) {
  const stderr = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  const child = spawn(bin('tsx'), [path.join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', stderr],
  });
  if (typeof stderr === 'number') fs.closeSync(stderr);
  const ready = new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', chunk => {
      buffer += chunk;
      const m = /^READY (.+)$/m.exec(buffer);
      // Keep the child's other output visible.
      if (m) resolve(m[1].trim());
    });
    child.on('exit', code =>
      reject(new Error(`${what} exited with code ${code} before it was ready`)),
    );
  });
  return { child, ready };
}

/** SIGTERM, then SIGKILL after a grace period; resolves when it has exited. */
export function stopService(child, graceMs = 15000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    const timer = setTimeout(() => {
      log(`process ${child.pid} did not stop in time; killing it`);
      child.kill('SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Starting and stopping the long-running helpers of `npm start` / `npm test`.

import { spawn } from 'node:child_process';
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

function startReadyProcess(entry, args, what) {
  const child = spawn(bin('tsx'), [path.join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './processes';
import { startManagementCluster } from './server';

/** PIDs of processes whose command line mentions `text`. */
function processesMentioning(text: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', text], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter(pid => pid !== process.pid);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe('local management cluster lifecycle', () => {
  it('stop() leaves no process, data directory or kubeconfig behind', async () => {
    const kubeconfigPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-')), 'kubeconfig');
    const mc = await startManagementCluster({ log: () => {}, kubeconfigPath });
    expect(fs.readFileSync(kubeconfigPath, 'utf8')).toContain(mc.url);
    // etcd and kube-apiserver both reference the data directory.
    const pids = processesMentioning(`${mc.dataDir}/`);
    expect(pids.length).toBeGreaterThanOrEqual(2);
    await mc.stop();
    expect(processesMentioning(`${mc.dataDir}/`)).toEqual([]);
    expect(fs.existsSync(mc.dataDir)).toBe(false);
    expect(fs.existsSync(kubeconfigPath)).toBe(false);
  }, 300_000);

  it('cleans up after a starter killed with SIGKILL', async () => {
    const script = `
      const { startManagementCluster } = require(${JSON.stringify(path.join(__dirname, 'server.ts'))});
      startManagementCluster({ log: () => {} }).then(mc => console.log('DIR ' + mc.dataDir));
      setInterval(() => {}, 1000);`;
    // Node itself with the tsx loader (the tsx CLI would add a wrapper process).
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: __dirname,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', d => {
      out += d;
    });
    const dir = await waitFor('the starter to report its data directory', async () => /DIR (\S+)/.exec(out)?.[1], {
      timeoutMs: 120_000,
    });
    expect(processesMentioning(`${dir}/`).length).toBeGreaterThanOrEqual(2);
    child.kill('SIGKILL');
    // The watchdogs notice within about a second and stop their process.
    await waitFor(
      'etcd and kube-apiserver to exit',
      async () => (processesMentioning(`${dir}/`).length === 0 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await waitFor('the data directory to be removed', async () => (fs.existsSync(dir) ? undefined : true), {
      timeoutMs: 15_000,
    });
  }, 300_000);
});

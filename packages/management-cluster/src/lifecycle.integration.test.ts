/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './testing';
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
    const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-'));
    const kubeconfigPath = path.join(kubeconfigDir, 'kubeconfig');
    try {
      const mc = await startManagementCluster({ log: () => {}, kubeconfigPath });
      expect(fs.readFileSync(kubeconfigPath, 'utf8')).toContain(mc.url);
      // etcd and kube-apiserver both reference the data directory.
      const pids = processesMentioning(`${mc.dataDir}/`);
      expect(pids.length).toBeGreaterThanOrEqual(2);
      await mc.stop();
      expect(processesMentioning(`${mc.dataDir}/`)).toEqual([]);
      expect(fs.existsSync(mc.dataDir)).toBe(false);
      expect(fs.existsSync(kubeconfigPath)).toBe(false);
    } finally {
      fs.rmSync(kubeconfigDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('restart and stop end the API server even while a watch is open', async () => {
    const mc = await startManagementCluster({ log: () => {} });
    const apiServers = () => processesMentioning(`^\\S*kube-apiserver .*${mc.dataDir}/`);
    try {
      const [before] = apiServers();
      // kube-apiserver keeps serving open watches long after SIGTERM; the
      // watchdog must not let it outlive the restart.
      const watch = https.get(`${mc.url}/api/v1/namespaces?watch=true&timeoutSeconds=300`, {
        ca: mc.info.caPem,
        headers: { authorization: `Bearer ${mc.info.tokens.admin}` },
      });
      watch.on('error', () => {});
      const ended = new Promise<void>(resolve => watch.on('close', () => resolve()));
      await new Promise<void>(resolve => watch.on('response', () => resolve()));
      await mc.restartApiServer();
      await ended;
      const after = apiServers();
      expect(after).toHaveLength(1);
      expect(after).not.toContain(before);
    } finally {
      await mc.stop();
    }
    expect(apiServers()).toEqual([]);
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

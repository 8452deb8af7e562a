/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groupAlive } from './processGroup';
import { exitedWith, supervise } from './supervise';
import { waitFor } from './waitFor';
import { startWatchdog } from './watchdog';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('supervise', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-support-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A shell that forks a `sleep` and says READY with the sleep's pid.
  const forking = (trap = '') => `${trap} sleep 300 & echo "READY $!"; wait`;

  it('waits for the ready line, logs to the file and stops the child and its grandchild', async () => {
    const logFile = path.join(dir, 'out.log');
    const p = supervise('forker', 'bash', ['-c', forking()], {
      logFile,
      readyLine: /^READY (\d+)$/m,
      cleanupDir: path.join(dir, 'data'),
    });
    fs.mkdirSync(path.join(dir, 'data'));
    const grandchild = Number(await p.ready);
    expect(grandchild).toBeGreaterThan(0);
    expect(alive(grandchild)).toBe(true);
    expect(p.hasExited()).toBe(false);

    await p.stop();
    expect(p.hasExited()).toBe(true);
    expect(alive(p.child.pid!)).toBe(false);
    expect(alive(grandchild)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
    expect(fs.readFileSync(logFile, 'utf8')).toMatch(/READY/);
  });

  it('kills the group after the grace period when SIGTERM is ignored', async () => {
    const logFile = path.join(dir, 'out.log');
    const p = supervise('stubborn', 'bash', ['-c', forking("trap '' TERM;")], {
      logFile,
      readyLine: /^READY (\d+)$/m,
      graceMs: 200,
    });
    const grandchild = Number(await p.ready);
    expect(alive(grandchild)).toBe(true);
    await p.stop();
    expect(await p.exited).toBeNull(); // ended by SIGKILL
    expect(alive(grandchild)).toBe(false);
    expect(groupAlive(p.child.pid!)).toBe(false);
  });

  it('fails a readiness wait fast with the log when the command exits', async () => {
    const logFile = path.join(dir, 'out.log');
    const p = supervise('crasher', 'bash', ['-c', 'echo "bad flag" >&2; exit 3'], { logFile });
    await expect(
      p.waitReady(() => undefined, { timeoutMs: 60_000, intervalMs: 10, message: 'the crasher' }),
    ).rejects.toThrow('the crasher: crasher exited:\nbad flag');
    expect(await p.exited).toBe(3);
    expect(exitedWith(p)()).toBe('crasher exited:\nbad flag');
    await p.stop();
  });

  it('rejects `ready` when the command exits before its ready line', async () => {
    const p = supervise('quitter', 'bash', ['-c', 'exit 1'], {
      logFile: path.join(dir, 'out.log'),
      readyLine: /READY/,
    });
    await expect(p.ready).rejects.toThrow('quitter exited (1) before it was ready');
    await p.stop();
  });
});

describe('the watchdog', () => {
  it('ends the group and removes the folder when the parent dies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-support-'));
    const parent = spawn('sleep', ['300'], { stdio: 'ignore' });
    const group = spawn('bash', ['-c', 'sleep 300 & wait'], { stdio: 'ignore', detached: true });
    const watchdog = startWatchdog(group.pid!, 200, dir, parent.pid!);
    try {
      expect(groupAlive(group.pid!)).toBe(true);
      parent.kill('SIGKILL');
      await waitFor(() => !groupAlive(group.pid!) && !fs.existsSync(dir), {
        timeoutMs: 10_000,
        intervalMs: 50,
        message: 'the watchdog to end the group',
      });
      await waitFor(() => watchdog.exitCode !== null, {
        timeoutMs: 5_000,
        intervalMs: 50,
        message: 'the watchdog to exit',
      });
      expect(watchdog.exitCode).toBe(0);
    } finally {
      parent.kill('SIGKILL');
      if (groupAlive(group.pid!)) process.kill(-group.pid!, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

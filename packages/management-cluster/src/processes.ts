/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Wraps a command in a small bash watchdog that ends the command (and removes
 * `cleanupDir`) when the Node process that started it disappears, even by
 * SIGKILL, so no kube-apiserver or etcd outlives a crashed test run.
 */
const WATCHDOG = `
parent=$1; cleanup=$2; shift 2
"$@" &
child=$!
stop() {
  kill -TERM $child 2>/dev/null
  # kube-apiserver keeps serving open watches for a long time after SIGTERM:
  # give it 3 s, then SIGKILL, so that it never outlives its watchdog.
  for _ in $(seq 30); do kill -0 $child 2>/dev/null || break; sleep 0.1; done
  kill -KILL $child 2>/dev/null
  wait $child 2>/dev/null; [ "$cleanup" != "-" ] && rm -rf "$cleanup"; exit 0
}
trap stop TERM INT HUP
while kill -0 $parent 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
stop
`;

export interface Supervised {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export function supervise(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; cleanupDir?: string },
): Supervised {
  const out = fs.openSync(options.logFile, 'a');
  const child = spawn(
    'bash',
    ['-c', WATCHDOG, 'watchdog', String(process.pid), options.cleanupDir ?? '-', command, ...args],
    { stdio: ['ignore', out, out], detached: false },
  );
  fs.closeSync(out);
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
  let stopping: Promise<void> | undefined;
  return {
    name,
    child,
    logFile: options.logFile,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/** Last lines of a log file, for error messages. */
export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; failFast?: () => string | undefined },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const fatal = options.failFast?.();
    if (fatal) throw new Error(`${what}: ${fatal}`);
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
      );
    }
    await new Promise(r => setTimeout(r, options.intervalMs ?? 200));
  }
}

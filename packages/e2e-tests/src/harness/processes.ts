/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A free TCP port on the loopback interface. */
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
 * Runs the command under a small bash watchdog that ends it when the test
 * process disappears (even by SIGKILL or Ctrl-C on a terminal), so that no
 * backend or API server outlives a crashed run.
 */
const WATCHDOG = `
parent=$1; cleanup=$2; shift 2
"$@" &
child=$!
stop() {
  kill -TERM $child 2>/dev/null
  # The backend can take its time to shut down: 10 s, then SIGKILL.
  for _ in $(seq 100); do kill -0 $child 2>/dev/null || break; sleep 0.1; done
  kill -KILL $child 2>/dev/null
  wait $child; code=$?
  [ "$cleanup" != "-" ] && rm -rf "$cleanup"
  exit $code
}
trap stop TERM INT HUP
while kill -0 $parent 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
stop
`;

/** A child process whose output goes to a log file. */
export interface Started {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the first match of `readyLine` in stdout (if given). */
  ready: Promise<string>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when it exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a command in its own process group (so that stop() also ends its
 * children, e.g. kube-apiserver under the management cluster CLI) with
 * stdout and stderr appended to `logFile`.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: {
    cwd: string;
    logFile: string;
    env?: NodeJS.ProcessEnv;
    /** A line that means "ready"; its first capture group is resolved. */
    readyLine?: RegExp;
    /** A folder the watchdog removes when the process ends. */
    cleanupDir?: string;
  },
): Started {
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(
    'bash',
    [
      '-c',
      WATCHDOG,
      'watchdog',
      String(process.pid),
      options.cleanupDir ?? '-',
      command,
      ...args,
    ],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const ready = new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (!options.readyLine) return;
      buffer += chunk.toString('utf8');
      const m = options.readyLine.exec(buffer);
      if (m) resolve((m[1] ?? m[0]).trim());
    });
    if (!options.readyLine) resolve('');
    child.once('exit', code =>
      reject(
        new Error(
          `${name} exited (${code}) before it was ready; see ${options.logFile}`,
        ),
      ),
    );
    child.once('error', reject);
  });
  // Callers that never await `ready` must not see an unhandled rejection.
  ready.catch(() => {});

  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  let stopping: Promise<void> | undefined;
  return {
    name,
    child,
    logFile: options.logFile,
    ready,
    stop(graceMs = 15_000) {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          signal('SIGTERM');
          const timer = setTimeout(() => signal('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        }
        // The group outlives its leader: give the rest (e.g. the watchdogs
        // that remove the API server's data) a moment, then end it.
        await waitUntil(
          'process group to exit',
          async () => !groupAlive(),
          5_000,
          100,
        ).catch(() => signal('SIGKILL'));
        await new Promise<void>(resolve => log.end(() => resolve()));
      })();
      return stopping;
    },
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/** The last `lines` lines of a log file (for failure messages). */
export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

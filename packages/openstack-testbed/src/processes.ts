/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export type Logger = (message: string) => void;

export const stderrLogger: Logger = message =>
  process.stderr.write(`[openstack-testbed] ${message}\n`);

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
 * A small bash watchdog around each service: it ends the service's whole
 * process group when the Node process that started it disappears (even by
 * SIGKILL), so no OpenStack service outlives a crashed test run. uwsgi,
 * MariaDB and RabbitMQ fork children, hence a session (process group) of
 * their own.
 */
const WATCHDOG = `
parent=$1; shift 1
setsid "$@" &
child=$!
stop() {
  kill -TERM -$child 2>/dev/null
  for _ in $(seq 100); do kill -0 $child 2>/dev/null || break; sleep 0.1; done
  kill -KILL -$child 2>/dev/null
  wait $child 2>/dev/null; exit 0
}
trap stop TERM INT HUP
while kill -0 $parent 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
stop
`;

export interface Supervised {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
  /** True once the process has exited. */
  hasExited(): boolean;
  stop(): Promise<void>;
}

export function supervise(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string },
): Supervised {
  const out = fs.openSync(options.logFile, 'a');
  const child = spawn(
    'bash',
    [
      '-c',
      WATCHDOG,
      'watchdog',
      String(process.pid),
      'nice',
      '-n',
      '10',
      command,
      ...args,
    ],
    {
      stdio: ['ignore', out, out],
      env: options.env ?? process.env,
      cwd: options.cwd,
    },
  );
  fs.closeSync(out);
  let done = false;
  const exited = new Promise<number | null>(resolve =>
    child.on('exit', code => {
      done = true;
      resolve(code);
    }),
  );
  let stopping: Promise<void> | undefined;
  return {
    name,
    child,
    logFile: options.logFile,
    exited,
    hasExited: () => done,
    stop() {
      stopping ??= (async () => {
        if (done) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/**
 * Runs a command to completion (nice'd), appending its output to `logFile`;
 * rejects with the output's tail when it fails.
 */
export function run(
  command: string,
  args: string[],
  options: {
    logFile: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    input?: string;
  },
): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.appendFileSync(options.logFile, `$ ${command} ${args.join(' ')}\n`);
    const out = fs.openSync(options.logFile, 'a');
    const child = spawn('nice', ['-n', '10', command, ...args], {
      stdio: [options.input === undefined ? 'ignore' : 'pipe', out, out],
      env: options.env ?? process.env,
    });
    fs.closeSync(out);
    if (options.input !== undefined) {
      // The command may exit before reading (a client probing a server that
      // is not up yet): its exit code tells, not the broken pipe.
      child.stdin!.on('error', () => {});
      child.stdin!.end(options.input);
    }
    const timer = setTimeout(
      () => child.kill('SIGKILL'),
      options.timeoutMs ?? 600_000,
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        reject(
          new Error(
            `${command} ${args.slice(0, 3).join(' ')} failed (${
              signal ?? `exit ${code}`
            }):\n${tail(options.logFile)}`,
          ),
        );
      }
    });
  });
}

/** Last lines of a log file, for error messages. */
export function tail(file: string, lines = 25): string {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: {
    timeoutMs: number;
    intervalMs?: number;
    failFast?: () => string | undefined;
  },
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
        `timed out after ${options.timeoutMs} ms waiting for ${what}${
          lastError ? `: ${String(lastError)}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, options.intervalMs ?? 300));
  }
}

/** Fails fast when a supervised service has exited. */
export function exitedWith(p: Supervised): () => string | undefined {
  return () =>
    p.hasExited() ? `${p.name} exited:\n${tail(p.logFile)}` : undefined;
}

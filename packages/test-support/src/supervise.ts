/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ChildProcess, spawn, StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import { groupAlive, signalGroup } from './processGroup';
import { tail } from './tail';
import { Condition, waitFor } from './waitFor';
import { startWatchdog } from './watchdog';

export interface SuperviseOptions {
  /** Appends stdout and stderr to this file; without one they are inherited. */
  logFile?: string;
  /** The whole environment of the command (default: process.env). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Runs the command under `nice -n <niceness>`. */
  niceness?: number;
  /** A stdout line that means "ready": `ready` resolves with its first capture group. */
  readyLine?: RegExp;
  /** A folder removed once the process group is gone (by the watchdog too). */
  cleanupDir?: string;
  /** SIGTERM to SIGKILL of the group, in stop() and in the watchdog (default 10 s). */
  graceMs?: number;
  /** An IPC channel to a Node child (`child.send`, 'message' events). */
  ipc?: boolean;
}

/** A command running in a process group of its own, under a watchdog. */
export interface Supervised {
  readonly name: string;
  /** The command itself, leader of the group. */
  readonly child: ChildProcess;
  readonly logFile?: string;
  /** Resolves with the exit code (null when ended by a signal). */
  readonly exited: Promise<number | null>;
  hasExited(): boolean;
  /** `readyLine`'s match ('' without one); rejects if the command exits first. */
  readonly ready: Promise<string>;
  /** waitFor, failing fast with the log's tail when the command exits. */
  waitReady<T>(
    condition: Condition<T>,
    options: { timeoutMs: number; intervalMs?: number; message: string },
  ): Promise<Exclude<T, undefined | false>>;
  /** Signals the whole group now (synchronous: usable in an 'exit' hook). */
  kill(signal?: NodeJS.Signals): void;
  /**
   * SIGTERM to the group, SIGKILL after `graceMs`; resolves once every
   * process of the group is gone and `cleanupDir` is removed.
   */
  stop(graceMs?: number): Promise<void>;
}

/** A failFast for waitFor: the log's tail once `p` has exited. */
export function exitedWith(
  p: Pick<Supervised, 'name' | 'hasExited' | 'logFile'>,
): () => string | undefined {
  return () =>
    p.hasExited() ? `${p.name} exited:\n${tail(p.logFile)}` : undefined;
}

// On a plain process.exit() the watchdogs would need up to a second.
const live = new Set<Supervised>();
let exitHookInstalled = false;
function track(p: Supervised) {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const q of live) q.kill('SIGTERM');
    });
  }
  live.add(p);
}

function readiness(
  name: string,
  child: ChildProcess,
  readyLine: RegExp | undefined,
  sink: (chunk: Buffer) => void,
): Promise<string> {
  const ready = new Promise<string>((resolve, reject) => {
    let buffer: string | undefined = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      sink(chunk);
      if (buffer === undefined || !readyLine) return;
      buffer += chunk.toString('utf8');
      const m = readyLine.exec(buffer);
      if (m) {
        buffer = undefined;
        resolve((m[1] ?? m[0]).trim());
      }
    });
    if (!readyLine) resolve('');
    child.once('exit', code =>
      reject(new Error(`${name} exited (${code}) before it was ready`)),
    );
    child.once('error', reject);
  });
  // Callers that never await `ready` must not see an unhandled rejection.
  ready.catch(() => {});
  return ready;
}

/**
 * Starts `command` in a process group of its own (so that stop() also ends
 * the processes it forks) with a watchdog that ends the group if this
 * process dies.
 */
export function supervise(
  name: string,
  command: string,
  args: string[],
  options: SuperviseOptions = {},
): Supervised {
  const graceMs = options.graceMs ?? 10_000;
  const argv =
    options.niceness === undefined
      ? [command, ...args]
      : ['nice', '-n', String(options.niceness), command, ...args];
  const { logFile, readyLine, cleanupDir } = options;
  const fd = logFile ? fs.openSync(logFile, 'a') : undefined;
  const out = fd ?? 'inherit';
  const stdio: StdioOptions = [
    'ignore',
    readyLine ? 'pipe' : out,
    out,
    ...(options.ipc ? ['ipc' as const] : []),
  ];
  let child: ChildProcess;
  try {
    child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio,
      detached: true,
    });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const pid = child.pid;
  const stdoutLog =
    readyLine && logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
  const ready = readiness(name, child, readyLine, chunk =>
    stdoutLog ? stdoutLog.write(chunk) : process.stdout.write(chunk),
  );
  const watchdog =
    pid === undefined ? undefined : startWatchdog(pid, graceMs, cleanupDir);

  // The handle, set below; the exit handler runs only after that.
  const self: { handle?: Supervised } = {};
  let done = false;
  const exited = new Promise<number | null>(resolve => {
    const finish = (code: number | null) => {
      done = true;
      if (self.handle) live.delete(self.handle);
      resolve(code);
    };
    child.once('exit', code => finish(code));
    // A command that could not be started has no 'exit' to wait for.
    if (pid === undefined) child.once('error', () => finish(null));
  });
  const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (pid !== undefined) signalGroup(pid, signal);
  };
  let stopping: Promise<void> | undefined;
  const supervised: Supervised = {
    name,
    child,
    logFile,
    exited,
    ready,
    hasExited: () => done,
    waitReady: (condition, o) =>
      waitFor(condition, { ...o, failFast: exitedWith(supervised) }),
    kill,
    stop(stopGraceMs = graceMs) {
      stopping ??= (async () => {
        kill('SIGTERM');
        const timer = setTimeout(() => kill('SIGKILL'), stopGraceMs);
        await exited;
        // The group can outlive its leader (forked workers, a CLI's servers).
        if (pid !== undefined) {
          await waitFor(() => !groupAlive(pid), {
            timeoutMs: stopGraceMs + 5_000,
            intervalMs: 50,
            message: `the process group of ${name} to exit`,
          }).catch(() => kill('SIGKILL'));
        }
        clearTimeout(timer);
        watchdog?.kill('SIGKILL');
        if (cleanupDir) fs.rmSync(cleanupDir, { recursive: true, force: true });
        if (stdoutLog) await new Promise<void>(r => stdoutLog.end(() => r()));
      })();
      return stopping;
    },
  };
  self.handle = supervised;
  if (pid !== undefined) track(supervised);
  return supervised;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import {
  Logger,
  stderrLogger as named,
  supervise,
  Supervised,
  tail,
} from '@internal/test-support';

export const stderrLogger: Logger = named('openstack-testbed');

/**
 * Starts a service nice'd, in a process group of its own: uwsgi, MariaDB
 * and RabbitMQ fork children, which stop() and the watchdog end too.
 */
export function superviseService(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv },
): Supervised {
  return supervise(name, command, args, { ...options, niceness: 10 });
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

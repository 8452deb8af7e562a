/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { tail } from '@internal/test-support';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr are appended here; a failure quotes its end. */
  logFile: string;
  /** Written to stdin, then closed. */
  input?: string;
}

/** Runs a command to its end; resolves with its stdout, rejects with the log's tail. */
export function runLogged(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<string> {
  fs.appendFileSync(
    options.logFile,
    `\n$ ${command} ${args.join(' ')}   (in ${options.cwd})\n`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: 'pipe',
    });
    let stdout = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
      fs.appendFileSync(options.logFile, chunk);
    });
    child.stderr.on('data', chunk => fs.appendFileSync(options.logFile, chunk));
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}:\n${tail(
              options.logFile,
            )}`,
          ),
        );
    });
  });
}

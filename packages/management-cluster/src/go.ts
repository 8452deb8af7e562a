/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type { Logger } from '@internal/test-support';

const execFileAsync = promisify(execFile);

/** Minimum Go release that builds the pinned kube-apiserver and etcd. */
const MIN_GO = [1, 24];

/** Returns the `go` binary, or throws a message saying what to install. */
export async function findGo(): Promise<string> {
  const go = process.env.GO || 'go';
  let out: string;
  try {
    out = (await execFileAsync(go, ['version'])).stdout;
  } catch {
    throw new Error(
      'Go 1.24 or newer is needed to build kube-apiserver and etcd for the local management cluster, ' +
        'and it was not found on PATH. Install Go (https://go.dev/doc/install, or `apt-get install golang-go` on a recent Debian), ' +
        'or set KUBEBUILDER_ASSETS to a folder that already holds kube-apiserver and etcd.',
    );
  }
  const m = /go(\d+)\.(\d+)/.exec(out);
  if (
    !m ||
    Number(m[1]) < MIN_GO[0] ||
    (Number(m[1]) === MIN_GO[0] && Number(m[2]) < MIN_GO[1])
  ) {
    throw new Error(
      `Go ${MIN_GO.join('.')} or newer is needed, found: ${out.trim()}. ` +
        'Upgrade Go or set KUBEBUILDER_ASSETS to a folder holding kube-apiserver and etcd.',
    );
  }
  return go;
}

/** Runs a go command, streaming a progress line per output line. */
export function runGo(
  go: string,
  args: string[],
  options: { cwd: string; log: Logger; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(go, args, {
      cwd: options.cwd,
      env: { ...process.env, GOFLAGS: '-mod=mod', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', d => {
      stdout += d;
    });
    child.stderr.on('data', d => {
      const text = String(d);
      stderrTail = (stderrTail + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (line.trim()) options.log(`  go: ${line.trim()}`);
      }
    });
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(`go ${args.join(' ')} failed (${code}):\n${stderrTail}`),
        );
    });
  });
}

/** `go mod download -json module@version` and returns the module folder. */
export async function downloadModule(
  go: string,
  module: string,
  version: string,
  log: Logger,
  cwd: string,
): Promise<{ dir: string; goMod: string }> {
  const out = await runGo(go, ['mod', 'download', '-json', `${module}@${version}`], {
    cwd,
    log,
  });
  const info = JSON.parse(out);
  if (info.Error) throw new Error(`go mod download ${module}@${version}: ${info.Error}`);
  return { dir: info.Dir, goMod: info.GoMod };
}

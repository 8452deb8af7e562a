/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sleep = (t: number) => new Promise(r => setTimeout(r, t));

/** The backend child process and its IPC. */
export class Backend {
  private seq = 0;
  private readonly waiting = new Map<number, (m: any) => void>();
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly ready: { port: number; startedAt: number; readyAt: number; before: any; clientNodeLoadMs: number },
    readonly logFile: string,
  ) {
    child.on('message', (m: any) => {
      if (m?.id !== undefined) {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      }
    });
    this.exited = new Promise(r => child.once('exit', code => r(code)));
  }

  /**
   * Starts src/backendProcess.ts on this Node with --expose-gc (so memory
   * figures are taken after a full GC) and waits until it listens.
   */
  static async start(options: { kubeconfig: string; managementCluster: string; logFile: string; nodeArgs?: string[] }): Promise<Backend> {
    const { kubeconfig, logFile } = options;
    const out = fs.openSync(logFile, 'w');
    const child = spawn(
      process.execPath,
      ['--expose-gc', ...(options.nodeArgs ?? []), '--import', pathToFileURL(require.resolve('tsx')).href, path.join(__dirname, 'backendProcess.ts')],
      {
        env: { ...process.env, BENCH_KUBECONFIG: kubeconfig, BENCH_MC_NAME: options.managementCluster, LOG_LEVEL: 'warn' },
        stdio: ['ignore', out, out, 'ipc'],
      },
    );
    fs.closeSync(out);
    const ready = await new Promise<any>((resolve, reject) => {
      child.once('exit', code => reject(new Error(`backend exited with ${code}:\n${tailOf(logFile)}`)));
      child.on('message', (m: any) => m?.type === 'ready' && resolve(m));
    });
    return new Backend(child, ready, logFile);
  }

  memory(): Promise<any> {
    const id = ++this.seq;
    return new Promise(resolve => {
      this.waiting.set(id, resolve);
      this.child.send({ type: 'memory', id });
    });
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'stop' });
    const code = await Promise.race([this.exited, sleep(15_000).then(() => 'timeout' as const)]);
    if (code === 'timeout' && this.child.pid) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

export function tailOf(file: string, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

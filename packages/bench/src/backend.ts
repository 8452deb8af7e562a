/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { supervise, Supervised, tail } from '@internal/test-support';

/** The backend child process and its IPC. */
export class Backend {
  private seq = 0;
  private readonly waiting = new Map<number, (m: any) => void>();

  private constructor(
    private readonly proc: Supervised,
    readonly ready: { port: number; startedAt: number; readyAt: number; before: any; clientNodeLoadMs: number },
    readonly logFile: string,
  ) {
    proc.child.on('message', (m: any) => {
      if (m?.id !== undefined) {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      }
    });
  }

  /**
   * Starts src/backendProcess.ts on this Node with --expose-gc (so memory
   * figures are taken after a full GC) and waits until it listens.
   */
  static async start(options: { kubeconfig: string; managementCluster: string; logFile: string; nodeArgs?: string[] }): Promise<Backend> {
    const { kubeconfig, logFile } = options;
    const proc = supervise(
      'backend',
      process.execPath,
      ['--expose-gc', ...(options.nodeArgs ?? []), '--import', pathToFileURL(require.resolve('tsx')).href, path.join(__dirname, 'backendProcess.ts')],
      {
        env: { ...process.env, BENCH_KUBECONFIG: kubeconfig, BENCH_MC_NAME: options.managementCluster, LOG_LEVEL: 'warn' },
        logFile,
        ipc: true,
        graceMs: 15_000,
      },
    );
    const ready = await new Promise<any>((resolve, reject) => {
      void proc.exited.then(code => reject(new Error(`backend exited with ${code}:\n${tail(logFile, 30)}`)));
      proc.child.on('message', (m: any) => m?.type === 'ready' && resolve(m));
    });
    return new Backend(proc, ready, logFile);
  }

  memory(): Promise<any> {
    const id = ++this.seq;
    return new Promise(resolve => {
      this.waiting.set(id, resolve);
      this.proc.child.send({ type: 'memory', id });
    });
  }

  /** Asks the backend to stop itself; after 15 s the supervisor ends it. */
  async stop() {
    if (this.proc.child.connected) this.proc.child.send({ type: 'stop' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.proc.exited, new Promise(r => (timer = setTimeout(r, 15_000)))]);
    clearTimeout(timer);
    await this.proc.stop();
  }
}

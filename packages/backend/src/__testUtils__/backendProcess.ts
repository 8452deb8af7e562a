/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// packages/backend as `npm start` runs it (src/index.ts from source, the
// root app-config.yaml), in a process of its own on a free port, with an
// extra config file; its output goes to a log file the tests read.

import fs from 'node:fs';
import path from 'node:path';
import { freePort, httpStatus, repoRoot, supervise, Supervised, tail } from '@internal/test-support';
import { readLogLines } from './backendLogs';

export interface BackendProcess {
  name: string;
  /** http://localhost:<port> */
  url: string;
  logFile: string;
  /** The lines this process logged so far, without colours. */
  logLines(): string[];
  hasExited(): boolean;
  /** SIGTERM (Backstage shuts down its plugins), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

/** The backend exited before it was ready (its start-up failed). */
export class ExitedDuringStartup extends Error {
  constructor(cause: Error) {
    super(cause.message);
    this.name = 'ExitedDuringStartup';
  }
}

/**
 * Starts the backend with `config` (merged over app-config.yaml; the port
 * and base URL are set here) and waits until it reports ready.
 */
export async function startBackendProcess(options: {
  name: string;
  dir: string;
  config: Record<string, unknown>;
  /** Extra environment (e.g. secrets the config names as ${VAR}). */
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<BackendProcess> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const configFile = path.join(options.dir, `app-config.${options.name}.json`);
  const config = {
    ...options.config,
    app: { baseUrl: url },
    backend: {
      ...(options.config.backend as object),
      baseUrl: url,
      listen: { port },
      cors: { origin: url },
    },
  };
  // JSON is YAML: Backstage reads it as a config file.
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const logFile = path.join(options.dir, `backend-${options.name}.log`);
  const spawnBackend = (): Supervised =>
    supervise(
      `backend ${options.name}`,
      process.execPath,
      [
        '--enable-source-maps',
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs', { paths: [repoRoot] }),
        'src/index',
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        configFile,
      ],
      {
        cwd: path.join(repoRoot, 'packages/backend'),
        logFile,
        env: {
          ...process.env,
          ...options.env,
          // jest's NODE_ENV=test would change the backend's behaviour.
          NODE_ENV: 'development',
          ESBK_TSCONFIG_PATH: path.join(repoRoot, 'tsconfig.json'),
        },
        graceMs: 20_000,
      },
    );
  if (fs.existsSync(logFile)) fs.appendFileSync(logFile, `[test] starting backend ${options.name} again\n`);
  // This process's lines: those of an earlier start come before.
  const offset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const proc = spawnBackend();
  try {
    await proc.waitReady(async () => (await httpStatus(`${url}/.backstage/health/v1/readiness`)) === 200, {
      timeoutMs: options.timeoutMs ?? 240_000,
      intervalMs: 500,
      message: `backend ${options.name} to be ready`,
    });
  } catch (e) {
    // An exit already carries the log's tail.
    const exited = proc.hasExited();
    await proc.stop();
    throw exited ? new ExitedDuringStartup(e as Error) : new Error(`${(e as Error).message}\n${tail(logFile)}`);
  }
  const backend: BackendProcess = {
    name: options.name,
    url,
    logFile,
    logLines: () => readLogLines(logFile, offset),
    hasExited: () => proc.hasExited(),
    stop: () => proc.stop(),
  };
  return backend;
}

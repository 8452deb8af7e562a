/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Replicas of packages/backend sharing one PostgreSQL server (a fresh
// cluster in a temporary folder) and one management cluster.

import fs from 'node:fs';
import path from 'node:path';
import { PostgresServer, repoRoot, startPostgres } from '@internal/test-support';
import { BackendProcess, startBackendProcess } from './backendProcess';

export interface Replicas {
  postgres: PostgresServer;
  /** Named A, B, … */
  backends: BackendProcess[];
  /** Where the logs and config files are (kept after the run). */
  dir: string;
  /** Stops the replicas still running, then PostgreSQL (its data is removed). */
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL, then `count` backends (A first, then the others at
 * once) with `config` and the database config pointing at it. The password
 * reaches them in the environment (the config file names ${POSTGRES_PASSWORD}).
 */
export async function startReplicas(options: {
  /** Names the folder of logs (one per suite). */
  suite: string;
  count: number;
  config: Record<string, unknown>;
}): Promise<Replicas> {
  // Logs and config files (no secret in them) stay for a look after a failure.
  const dir = path.join(repoRoot, '.local', 'test-results', 'backend-replicas', options.suite);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const postgres = await startPostgres({ logFile: path.join(dir, 'postgres.log') });
  const { host, port, user } = postgres;
  const config = {
    ...options.config,
    backend: {
      ...(options.config.backend as object),
      database: { client: 'pg', connection: { host, port, user, password: '${POSTGRES_PASSWORD}' } },
    },
  };
  const names = Array.from({ length: options.count }, (_, i) => String.fromCharCode(65 + i));
  const start = (name: string) =>
    startBackendProcess({ name, dir, config, env: { POSTGRES_PASSWORD: postgres.password } });
  const backends: BackendProcess[] = [];
  const stop = async () => {
    await Promise.all(backends.map(b => b.stop()));
    await postgres.stop();
  };
  try {
    // The first one alone: it creates Backstage's tables. Backends starting
    // at once on a new database race to create the migration lock rows
    // (knex/knex#3538), which can leave a plugin's migrations locked for good.
    backends.push(await start(names[0]));
    const others = await Promise.allSettled(names.slice(1).map(start));
    backends.push(...others.flatMap(o => (o.status === 'fulfilled' ? [o.value] : [])));
    const failed = others.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (e) {
    await stop();
    throw e;
  }
  return { postgres, backends, dir, stop };
}

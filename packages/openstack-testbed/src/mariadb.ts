/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { DATABASES } from './configs';
import {
  exitedWith,
  freePort,
  Logger,
  Supervised,
  waitFor,
} from '@internal/test-support';
import { run, superviseService } from './processes';

export interface MariaDb {
  port: number;
  socket: string;
  /** Runs SQL as root over the socket. */
  sql(statements: string): Promise<void>;
  /** Stops the server cleanly (InnoDB shut down, data files consistent). */
  stop(): Promise<void>;
}

/** The user every service connects as (loopback only, disposable data). */
export const DB_USER = 'openstack';

/** A new, empty data folder with the services' databases and user. */
export async function initDataDir(
  dataDir: string,
  password: string,
  logFile: string,
): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  await run(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--user=root',
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
    ],
    { logFile, timeoutMs: 120_000 },
  );
  fs.writeFileSync(
    path.join(dataDir, 'testbed-init.sql'),
    [
      ...DATABASES.map(d => `CREATE DATABASE ${d} CHARACTER SET utf8;`),
      `CREATE USER '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${password}';`,
      `CREATE USER '${DB_USER}'@'localhost' IDENTIFIED BY '${password}';`,
      `GRANT ALL PRIVILEGES ON *.* TO '${DB_USER}'@'127.0.0.1';`,
      `GRANT ALL PRIVILEGES ON *.* TO '${DB_USER}'@'localhost';`,
    ].join('\n'),
  );
}

/** Starts mariadbd on a free loopback port with the given data folder. */
export async function startMariaDb(options: {
  dataDir: string;
  runDir: string;
  log: Logger;
  /** An SQL file to run once at startup (mariadbd --init-file). */
  initFile?: string;
}): Promise<MariaDb> {
  const port = await freePort();
  fs.mkdirSync(options.runDir, { recursive: true });
  const socket = path.join(options.runDir, 'mysqld.sock');
  const logFile = path.join(options.runDir, 'mariadb.log');
  const proc: Supervised = superviseService(
    'mariadbd',
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${options.dataDir}`,
      '--user=root',
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${path.join(options.runDir, 'mysqld.pid')}`,
      `--log-error=${logFile}`,
      '--skip-name-resolve',
      '--max-connections=2000',
      '--character-set-server=utf8',
      '--collation-server=utf8_general_ci',
      // A disposable database: no durability, less I/O.
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      '--innodb-buffer-pool-size=256M',
      '--innodb-use-native-aio=0',
      '--skip-log-bin',
      // No snapshot reads: a pooled connection must see what another
      // process (keystone-manage) or request just committed.
      '--transaction-isolation=READ-COMMITTED',
      ...(options.initFile ? [`--init-file=${options.initFile}`] : []),
    ],
    { logFile: path.join(options.runDir, 'mariadbd.out') },
  );
  const sql = (statements: string) =>
    run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot'], {
      logFile: path.join(options.runDir, 'sql.log'),
      input: statements,
      timeoutMs: 60_000,
    });
  await waitFor(() => sql('SELECT 1;').then(() => true), {
    timeoutMs: 60_000,
    intervalMs: 250,
    message: 'MariaDB to accept connections',
    // mariadbd writes its errors to its own log.
    failFast: exitedWith({ ...proc, logFile }),
  });
  return {
    port,
    socket,
    sql,
    async stop() {
      if (proc.hasExited()) return;
      await sql('SHUTDOWN;').catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([proc.exited, new Promise(r => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
      await proc.stop();
    },
  };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A disposable PostgreSQL server (Debian's `postgresql` package): a cluster
// in a temporary folder, on 127.0.0.1 and a free port, password
// authentication over TCP, stopped with `pg_ctl stop -m fast` and removed.

import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort';
import { postgresBinDir, unprivilegedUser } from './postgresInstall';
import { supervise } from './supervise';
import { tail } from './tail';

const run = promisify(execFile);

export interface PostgresServer {
  host: string;
  port: number;
  /** The superuser; Backstage creates its databases (one per plugin) with it. */
  user: string;
  password: string;
  /** The server's log (in the temporary folder unless given). */
  logFile: string;
  /** `backend.database` of a Backstage config using this server. */
  backstageDatabase(): {
    client: 'pg';
    connection: { host: string; port: number; user: string; password: string };
  };
  /** Fast shutdown (clients disconnected), then the folder is removed. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Default: random. */
  password?: string;
  /** Default: a free one. */
  port?: number;
  /** Default: postgres.log in the temporary folder (removed by stop()). */
  logFile?: string;
  /** Default 60 s. */
  timeoutMs?: number;
}

const USER = 'postgres';

/** Starts a fresh PostgreSQL cluster; see the file comment. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-openstack-postgres-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'run');
  const logFile = options.logFile ?? path.join(dir, 'postgres.log');
  const password = options.password ?? crypto.randomBytes(18).toString('base64url');
  // As root, every server command runs as an unprivileged user owning the folder.
  const owner = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
  const own = (file: string) => owner && fs.chownSync(file, owner.uid, owner.gid);
  const asUser = owner
    ? ['setpriv', `--reuid=${owner.uid}`, `--regid=${owner.gid}`, '--clear-groups', '--']
    : [];
  own(dir);
  const command = (name: string, args: string[]) => {
    const argv = [...asUser, path.join(bin, name), ...args];
    return { file: argv[0], args: argv.slice(1) };
  };
  const exec = async (name: string, args: string[]) => {
    const c = command(name, args);
    try {
      await run(c.file, c.args, { env: { ...process.env, LC_ALL: 'C' }, timeout: 120_000 });
    } catch (e: any) {
      throw new Error(`${name} failed: ${String(e.stderr || e.message).trim()}`);
    }
  };
  try {
    const pwFile = path.join(dir, 'pwfile');
    fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    own(pwFile);
    await exec('initdb', [
      `--pgdata=${dataDir}`,
      `--username=${USER}`,
      `--pwfile=${pwFile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    fs.rmSync(pwFile);
    fs.mkdirSync(socketDir);
    own(socketDir);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  const port = options.port ?? (await freePort());
  const server = command('postgres', [
    '-D', dataDir,
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `port=${port}`,
    '-c', `unix_socket_directories=${socketDir}`,
    '-c', 'max_connections=300',
    // Disposable data: no durability, less I/O.
    '-c', 'fsync=off',
    '-c', 'synchronous_commit=off',
    '-c', 'full_page_writes=off',
  ]);
  const proc = supervise('postgres', server.file, server.args, {
    logFile,
    env: { ...process.env, LC_ALL: 'C' },
    // Also removed by the watchdog when this process dies.
    cleanupDir: dir,
    graceMs: 5_000,
  });
  const stop = async () => {
    if (!proc.hasExited()) {
      await exec('pg_ctl', ['stop', `--pgdata=${dataDir}`, '--mode=fast', '--wait', '--timeout=30']).catch(
        () => undefined,
      );
    }
    await proc.stop();
  };
  try {
    await proc.waitReady(
      () =>
        run(path.join(bin, 'pg_isready'), ['--host=127.0.0.1', `--port=${port}`, '--timeout=1']).then(
          () => true,
          () => false,
        ),
      { timeoutMs: options.timeoutMs ?? 60_000, intervalMs: 100, message: `PostgreSQL on port ${port}` },
    );
  } catch (e) {
    // An exit already carries the log's tail.
    const log = proc.hasExited() ? '' : `\n${tail(logFile)}`;
    await stop();
    throw new Error(`${(e as Error).message}${log}`);
  }
  const host = '127.0.0.1';
  return {
    host,
    port,
    user: USER,
    password,
    logFile,
    backstageDatabase: () => ({ client: 'pg', connection: { host, port, user: USER, password } }),
    stop,
  };
}

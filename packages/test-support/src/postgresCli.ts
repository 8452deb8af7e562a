/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `tsx packages/test-support/src/postgresCli.ts` (`npm start -- --postgres`):
// a disposable PostgreSQL server (see postgres.ts) until SIGINT, SIGTERM or
// SIGHUP, then stopped and its data removed. Prints `READY <host>:<port>`
// once it accepts connections; the superuser is `postgres`, its password
// CAPI_OPENSTACK_POSTGRES_PASSWORD (required: it is never printed).

import { startPostgres } from './postgres';

const PASSWORD_ENV = 'CAPI_OPENSTACK_POSTGRES_PASSWORD';

async function main() {
  const password = process.env[PASSWORD_ENV];
  if (!password) throw new Error(`${PASSWORD_ENV} must name the password of the postgres user`);
  const server = await startPostgres({ password });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server.stop().then(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  process.stderr.write(`[postgres] PostgreSQL on ${server.host}:${server.port} (log: ${server.logFile})\n`);
  process.stdout.write(`READY ${server.host}:${server.port}\n`);
}

main().catch(e => {
  process.stderr.write(`[postgres] ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});

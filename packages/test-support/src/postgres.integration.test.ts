/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPostgres } from './postgres';
import { postgresBinDir } from './postgresInstall';

const run = promisify(execFile);

describe('startPostgres', () => {
  it('serves SQL on 127.0.0.1 with the password only, and leaves nothing behind', async () => {
    const server = await startPostgres({ password: 'correct horse' });
    // Its temporary folder (the log is in it unless given).
    const folder = path.dirname(server.logFile);
    const psql = (password: string) =>
      run(
        path.join(postgresBinDir(), 'psql'),
        ['-h', server.host, '-p', String(server.port), '-U', server.user, '-d', 'postgres', '-Atc', 'SELECT 40 + 2'],
        { env: { ...process.env, PGPASSWORD: password } },
      );
    try {
      expect(server.backstageDatabase()).toEqual({
        client: 'pg',
        connection: { host: '127.0.0.1', port: server.port, user: 'postgres', password: 'correct horse' },
      });
      expect((await psql('correct horse')).stdout.trim()).toBe('42');
      await expect(psql('wrong')).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(folder)).toBe(false);
    await expect(psql('correct horse')).rejects.toThrow(/Connection refused|could not connect/);
  }, 60_000);
});

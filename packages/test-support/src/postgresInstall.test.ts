/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresBinDir, unprivilegedUser } from './postgresInstall';

describe('PostgreSQL installation', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postgres-install-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const server = (major: string) => {
    fs.mkdirSync(path.join(dir, major, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(dir, major, 'bin', 'initdb'), '');
  };

  it('picks the newest major version that has initdb', () => {
    server('13');
    server('15');
    // A client-only folder (postgresql-client) has no initdb.
    fs.mkdirSync(path.join(dir, '16', 'bin'), { recursive: true });
    expect(postgresBinDir(dir)).toBe(path.join(dir, '15', 'bin'));
  });

  it('names the Debian package when no server is installed', () => {
    expect(() => postgresBinDir(path.join(dir, 'missing'))).toThrow(
      /PostgreSQL is not installed .*Debian package postgresql provides it.*apt-get install --no-install-recommends postgresql.*\.ci\/run/,
    );
  });

  it('runs the server as postgres, else as nobody', () => {
    const passwd = path.join(dir, 'passwd');
    fs.writeFileSync(passwd, 'root:x:0:0::/root:/bin/bash\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n');
    expect(unprivilegedUser(passwd)).toEqual({ name: 'nobody', uid: 65534, gid: 65534 });
    fs.appendFileSync(passwd, 'postgres:x:101:104::/var/lib/postgresql:/bin/bash\n');
    expect(unprivilegedUser(passwd)).toEqual({ name: 'postgres', uid: 101, gid: 104 });
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';

/** The Debian package that provides initdb, postgres and pg_ctl. */
export const POSTGRES_PACKAGE = 'postgresql';

const DEBIAN_DIR = '/usr/lib/postgresql';

/**
 * The bin folder of the newest installed PostgreSQL server
 * (/usr/lib/postgresql/<major>/bin on Debian); throws, naming the package
 * and how to install it, when there is none.
 */
export function postgresBinDir(root = DEBIAN_DIR): string {
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter(v => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) {
    throw new Error(
      `PostgreSQL is not installed (no ${root}/<version>/bin/initdb): the Debian package ` +
        `${POSTGRES_PACKAGE} provides it. Install it with ` +
        `\`sudo apt-get install --no-install-recommends ${POSTGRES_PACKAGE}\`, ` +
        'or run `bash .ci/run` as root, which installs it',
    );
  }
  return path.join(root, majors[0], 'bin');
}

/**
 * initdb and postgres refuse to run as root: as root they run as this
 * unprivileged user (created by the Debian package; else `nobody`).
 */
export function unprivilegedUser(passwd = '/etc/passwd'): { name: string; uid: number; gid: number } {
  const entries = fs
    .readFileSync(passwd, 'utf8')
    .split('\n')
    .map(line => line.split(':'))
    .filter(f => f.length >= 4);
  for (const name of ['postgres', 'nobody']) {
    const entry = entries.find(f => f[0] === name);
    if (entry) return { name, uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error(`neither a postgres nor a nobody user in ${passwd}: PostgreSQL cannot run as root`);
}

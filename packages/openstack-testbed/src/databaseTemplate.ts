/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The database of a run: a copy of a cached template (schemas and Keystone
// keys, keyed by the installed package versions), or, on a first run, a fresh
// one whose synced schemas become that template.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, Logger } from '@internal/test-support';
import type { ConfigFiles } from './configFiles';
import { installedVersions } from './debianPackages';
import { initDataDir, MariaDb, startMariaDb } from './mariadb';
import { run } from './processes';
import { serviceEnv } from './services';

/** Bumped when the database template's content changes (new sync step...). */
const TEMPLATE_FORMAT = 2;

/**
 * Creates every service's schema (the slow part: about a thousand
 * migrations). Cell mappings get URL templates so that the template works
 * with any later run's ports.
 */
async function syncDatabases(
  files: ConfigFiles,
  db: MariaDb,
  logDir: string,
  log: Logger,
) {
  const env = serviceEnv();
  const step = async (name: string, cmd: string, args: string[]) => {
    const started = Date.now();
    await run(cmd, args, {
      logFile: path.join(logDir, `db-sync-${name}.log`),
      env,
      timeoutMs: 900_000,
    });
    log(`db sync ${name}: ${Math.round((Date.now() - started) / 1000)} s`);
  };
  const nova = ['--config-file', files.nova];
  await Promise.all([
    step('keystone', 'keystone-manage', [
      '--config-file',
      files.keystone,
      'db_sync',
    ]),
    step('glance', 'glance-manage', [
      '--config-file',
      path.join(files.glanceDir, 'glance-api.conf'),
      'db_sync',
    ]),
    step('placement', 'placement-manage', [
      '--config-file',
      path.join(files.placementDir, 'placement.conf'),
      'db',
      'sync',
    ]),
    (async () => {
      await step('nova_api', 'nova-manage', [...nova, 'api_db', 'sync']);
      await step('nova cell0', 'nova-manage', [
        ...nova,
        'cell_v2',
        'map_cell0',
      ]);
      await step('nova cell1', 'nova-manage', [
        ...nova,
        'cell_v2',
        'create_cell',
        '--name',
        'cell1',
      ]);
      await step('nova', 'nova-manage', [...nova, 'db', 'sync']);
    })(),
    step('neutron', 'neutron-db-manage', [
      '--config-file',
      files.neutron,
      '--config-file',
      files.ml2,
      'upgrade',
      'heads',
    ]),
    step('cinder', 'cinder-manage', [
      '--config-file',
      files.cinder,
      'db',
      'sync',
    ]),
    step('octavia', 'octavia-db-manage', [
      '--config-file',
      files.octavia,
      'upgrade',
      'head',
    ]),
  ]);
  await db.sql(
    [
      `UPDATE nova_api.cell_mappings SET database_connection='mysql+pymysql://{username}:{password}@{hostname}:{port}/nova_cell0?{query}' WHERE name='cell0';`,
      `UPDATE nova_api.cell_mappings SET database_connection='mysql+pymysql://{username}:{password}@{hostname}:{port}/{path}?{query}', transport_url='rabbit://{username}:{password}@{hostname}:{port}/' WHERE name='cell1';`,
    ].join('\n'),
  );
}

/** Keystone's token and credential encryption keys (kept in the template). */
async function keystoneKeys(keystoneConfFile: string, logDir: string) {
  for (const command of ['fernet_setup', 'credential_setup']) {
    await run(
      'keystone-manage',
      [
        '--config-file',
        keystoneConfFile,
        command,
        '--keystone-user',
        'root',
        '--keystone-group',
        'root',
      ],
      { logFile: path.join(logDir, 'keystone-setup.log'), env: serviceEnv() },
    );
  }
}

function templateKey(): string {
  return crypto
    .createHash('sha256')
    .update(`${TEMPLATE_FORMAT}\n${installedVersions()}`)
    .digest('hex')
    .slice(0, 16);
}

/** Where the template for the installed package versions lives. */
export function databaseTemplateDir(): string {
  return path.join(cacheDir('openstack-testbed'), `mariadb-${templateKey()}`);
}

/**
 * Starts MariaDB on `dataDir`: a copy of the template when there is one,
 * else a freshly initialised data folder (`haveTemplate` false).
 */
export async function startDatabase(options: {
  dir: string;
  dataDir: string;
  templateDir: string;
  logDir: string;
  log: Logger;
}): Promise<{ db: MariaDb; password: string; haveTemplate: boolean }> {
  const { dir, dataDir, templateDir, logDir, log } = options;
  let db: MariaDb;
  let dbPassword: string;
  const haveTemplate = fs.existsSync(path.join(templateDir, 'password'));
  if (haveTemplate) {
    dbPassword = fs
      .readFileSync(path.join(templateDir, 'password'), 'utf8')
      .trim();
    await run('cp', ['-a', path.join(templateDir, 'data'), dataDir], {
      logFile: path.join(logDir, 'setup.log'),
    });
    db = await startMariaDb({
      dataDir,
      runDir: path.join(dir, 'mariadb'),
      log,
    });
  } else {
    dbPassword = crypto.randomBytes(12).toString('hex');
    await initDataDir(dataDir, dbPassword, path.join(logDir, 'setup.log'));
    db = await startMariaDb({
      dataDir,
      runDir: path.join(dir, 'mariadb'),
      log,
      initFile: path.join(dataDir, 'testbed-init.sql'),
    });
  }
  return { db, password: dbPassword, haveTemplate };
}

/** Copies the template's Keystone keys into this run's Keystone folder. */
export function restoreKeystoneKeys(templateDir: string, dir: string) {
  for (const keys of ['fernet-keys', 'credential-keys']) {
    fs.cpSync(path.join(templateDir, keys), path.join(dir, 'keystone', keys), {
      recursive: true,
    });
  }
}

/**
 * First run: syncs every schema and creates the Keystone keys, stops
 * MariaDB to copy its data folder and the keys into the template (via a
 * temporary folder and a rename), then starts MariaDB again. Returns the
 * restarted database (on a new port).
 */
export async function createDatabaseTemplate(options: {
  db: MariaDb;
  files: ConfigFiles;
  dir: string;
  dataDir: string;
  templateDir: string;
  dbPassword: string;
  logDir: string;
  log: Logger;
}): Promise<MariaDb> {
  const { db, files, dir, dataDir, templateDir, dbPassword, logDir, log } =
    options;
  await Promise.all([
    syncDatabases(files, db, logDir, log),
    keystoneKeys(files.keystone, logDir),
  ]);
  await db.stop();
  const tmp = `${templateDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  await run('cp', ['-a', dataDir, path.join(tmp, 'data')], {
    logFile: path.join(logDir, 'setup.log'),
  });
  fs.rmSync(path.join(tmp, 'data', 'testbed-init.sql'));
  await run(
    'cp',
    [
      '-a',
      path.join(dir, 'keystone', 'fernet-keys'),
      path.join(dir, 'keystone', 'credential-keys'),
      tmp,
    ],
    {
      logFile: path.join(logDir, 'setup.log'),
    },
  );
  fs.writeFileSync(path.join(tmp, 'password'), dbPassword, { mode: 0o600 });
  fs.rmSync(templateDir, { recursive: true, force: true });
  fs.renameSync(tmp, templateDir);
  return startMariaDb({
    dataDir,
    runDir: path.join(dir, 'mariadb'),
    log,
  });
}

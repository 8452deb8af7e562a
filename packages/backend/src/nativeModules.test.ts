/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Unit tests get SQLite through better-sqlite3, a native module compiled for
// one Node ABI. This runs in every unit run, under Node 22 and under
// `npm run test:unit -- --node 24` in a tree installed with Node 22 (where it
// loads the binary scripts/lib/bootstrap.mjs compiled for that Node).

import { TestDatabases } from '@backstage/backend-test-utils';

describe('SQLite in unit tests', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it(`stores and reads rows with better-sqlite3 under Node ${process.versions.node}`, async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.schema.createTable('clusters', table => {
      table.string('name').primary();
      table.integer('replicas');
    });
    await knex('clusters').insert([
      { name: 'c1', replicas: 3 },
      { name: 'c2', replicas: 1 },
    ]);
    expect(await knex('clusters').where('replicas', '>', 1).select('name')).toEqual([{ name: 'c1' }]);
  });
});

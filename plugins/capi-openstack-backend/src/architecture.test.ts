/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The backend's folders depend on each other in one direction only
// (docs/architecture.md): a folder imports only folders of a lower layer.

import fs from 'node:fs';
import path from 'node:path';

/** Layer of each top-level folder or file of src/ (higher imports lower). */
const LAYERS: Record<string, number> = {
  errors: 0,
  config: 0,
  actionsConfig: 0,
  schema: 0,
  model: 1,
  kube: 1,
  plans: 2,
  cache: 3,
  clusters: 4,
  permissions: 5,
  openstack: 6,
  actions: 7,
  create: 8,
  routes: 9,
  plugin: 10,
  index: 11,
};

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    // Fixtures and test utilities are not part of any layer.
    if (e.isDirectory()) return ['__fixtures__', '__testUtils__'].includes(e.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The top-level part of src/ a path belongs to (`routes`, `errors`, …). */
function partOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0].replace(/\.tsx?$/, '');
}

describe('backend layering', () => {
  const files = sourceFiles(SRC);

  it('knows every part of src/', () => {
    expect([...new Set(files.map(partOf))].filter(p => !(p in LAYERS))).toEqual([]);
  });

  it('imports only from lower layers', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = partOf(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
        const to = partOf(path.resolve(path.dirname(file), m[1]));
        if (to !== from && !(LAYERS[to] < LAYERS[from])) {
          violations.push(`${path.relative(SRC, file)} imports ${m[1]} (${from} -> ${to})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});

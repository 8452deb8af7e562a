/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

// A package is used through what it exports (its index or the subpaths of
// its package.json "exports"), never by a path into its src/ folder.
const DEEP_IMPORT = /['"]@internal\/[a-z-]+\/src\//;
const SKIP = new Set(['node_modules', 'dist', 'dist-types', 'coverage']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) return [];
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe('imports between workspace packages', () => {
  it('never reach into another package’s src/', () => {
    const offenders = ['packages', 'plugins']
      .flatMap(d => sourceFiles(path.join(repoRoot, d)))
      .flatMap(file =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(repoRoot, file)}:${i + 1}` }))
          .filter(({ line }) => DEEP_IMPORT.test(line))
          .map(({ line, at }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});

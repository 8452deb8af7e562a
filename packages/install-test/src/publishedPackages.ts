/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@internal/test-support';

export interface PublishedPackage {
  name: string;
  /** Folder in this repository. */
  dir: string;
  role: string;
  /** Where an adopter adds it; undefined: it comes as a dependency of another. */
  installedInto?: 'packages/backend' | 'packages/app';
  /** The package declares a config schema (config.d.ts). */
  configSchema: boolean;
}

const INSTALLED_INTO: Record<string, PublishedPackage['installedInto']> = {
  'backend-plugin': 'packages/backend',
  'backend-plugin-module': 'packages/backend',
  'frontend-plugin': 'packages/app',
};

/** Every package under plugins/ that is not private: what gets published. */
export const PUBLISHED_PACKAGES: PublishedPackage[] = fs
  .readdirSync(path.join(repoRoot, 'plugins'))
  .map(d => ({
    dir: path.join(repoRoot, 'plugins', d),
    json: path.join(repoRoot, 'plugins', d, 'package.json'),
  }))
  .filter(p => fs.existsSync(p.json))
  .map(p => ({ dir: p.dir, pkg: JSON.parse(fs.readFileSync(p.json, 'utf8')) }))
  .filter(({ pkg }) => !pkg.private)
  .map(({ dir, pkg }) => ({
    name: pkg.name,
    dir,
    role: pkg.backstage.role,
    installedInto: INSTALLED_INTO[pkg.backstage.role],
    configSchema: Boolean(pkg.configSchema),
  }));

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@internal/test-support';
import { addBackendLines, markedBlock, readmeSteps } from './readmeSteps';
import { PUBLISHED_PACKAGES } from './publishedPackages';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('the README steps the install test applies', () => {
  it('installs the backend plugin and both modules into the backend, the frontend plugin into the app', () => {
    const { install } = readmeSteps(readme);
    const names = (dir: string) =>
      PUBLISHED_PACKAGES.filter(p => p.installedInto === dir)
        .map(p => p.name)
        .sort();
    expect(install.map(i => i.workspace)).toEqual([
      'packages/backend',
      'packages/app',
    ]);
    expect([...install[0].packages].sort()).toEqual(names('packages/backend'));
    expect(install[1].packages).toEqual(names('packages/app'));
  });

  it('adds one backend feature per backend package', () => {
    const { backendLines } = readmeSteps(readme);
    const imports = backendLines.filter(l => !l.trim().startsWith('//'));
    expect(imports).toEqual(
      [
        'capi-openstack-backend',
        'scaffolder-backend-module-capi-openstack',
        'catalog-backend-module-capi-openstack',
      ].map(
        p => `backend.add(import('@capi-openstack/backstage-plugin-${p}'));`,
      ),
    );
  });

  it('configures a management cluster by kubeconfig', () => {
    expect(readmeSteps(readme).appConfig).toMatchObject({
      capiOpenstack: {
        managementClusters: [
          { name: 'prod-zrh', kubeconfig: { path: expect.any(String) } },
        ],
      },
    });
  });

  it('inserts the backend lines before backend.start()', () => {
    const source =
      "const backend = createBackend();\nbackend.add(import('a'));\n\nbackend.start();\n";
    expect(addBackendLines(source, ["backend.add(import('b'));"])).toBe(
      "const backend = createBackend();\nbackend.add(import('a'));\n\nbackend.add(import('b'));\n\nbackend.start();\n",
    );
  });

  it('names a missing marker', () => {
    expect(() => markedBlock('# no markers\n', 'install')).toThrow(
      'README has no "<!-- install-test: install -->" marker',
    );
  });
});

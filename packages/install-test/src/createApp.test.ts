/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { applyReadmeSteps } from './createApp';
import { PackedPackage } from './packPackages';

const BACKEND = '@capi-openstack/backstage-plugin-capi-openstack-backend';

describe('applyReadmeSteps', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'install-test-unit-'));
    fs.mkdirSync(path.join(dir, 'packages/backend/src'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'packages/backend/package.json'),
      JSON.stringify({ dependencies: { pg: '^8' } }),
    );
    fs.writeFileSync(
      path.join(dir, 'packages/backend/src/index.ts'),
      'const backend = createBackend();\nbackend.start();\n',
    );
    fs.writeFileSync(
      path.join(dir, 'app-config.yaml'),
      '# the app\napp:\n  title: Scaffolded\n',
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const packed: PackedPackage[] = [
    {
      name: BACKEND,
      dir: '/repo/plugins/capi-openstack-backend',
      role: 'backend-plugin',
      installedInto: 'packages/backend',
      configSchema: true,
      tarball: '/tmp/backend.tgz',
      files: ['dist/index.cjs.js'],
      packedJson: { version: '0.1.0' },
    },
  ];
  const steps = {
    install: [{ workspace: 'packages/backend', packages: [BACKEND] }],
    backendLines: [`backend.add(import('${BACKEND}'));`],
    appConfig: {
      capiOpenstack: {
        managementClusters: [
          { name: 'prod', kubeconfig: { path: '/etc/example' } },
        ],
      },
    },
  };

  it('adds the dependency, the backend line and the config with the given kubeconfig', () => {
    applyReadmeSteps(dir, steps, packed, '/tmp/kubeconfig');
    expect(
      JSON.parse(
        fs.readFileSync(
          path.join(dir, 'packages/backend/package.json'),
          'utf8',
        ),
      ).dependencies,
    ).toEqual({
      pg: '^8',
      [BACKEND]: '^0.1.0',
    });
    expect(
      fs.readFileSync(path.join(dir, 'packages/backend/src/index.ts'), 'utf8'),
    ).toBe(
      `const backend = createBackend();\nbackend.add(import('${BACKEND}'));\n\nbackend.start();\n`,
    );
    const config = fs.readFileSync(path.join(dir, 'app-config.yaml'), 'utf8');
    expect(config).toContain('# the app');
    expect(parse(config)).toEqual({
      app: { title: 'Scaffolded' },
      capiOpenstack: {
        managementClusters: [
          { name: 'prod', kubeconfig: { path: '/tmp/kubeconfig' } },
        ],
      },
    });
    // The README's example stays as it is.
    expect(
      steps.appConfig.capiOpenstack.managementClusters[0].kubeconfig.path,
    ).toBe('/etc/example');
  });

  it('refuses a package the README names that is not published', () => {
    const other = {
      ...steps,
      install: [
        {
          workspace: 'packages/backend',
          packages: ['@capi-openstack/unknown'],
        },
      ],
    };
    expect(() =>
      applyReadmeSteps(dir, other, packed, '/tmp/kubeconfig'),
    ).toThrow(
      'README installs @capi-openstack/unknown, which is not a published package',
    );
  });
});

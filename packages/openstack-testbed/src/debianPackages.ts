/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Logger } from '@internal/test-support';

/**
 * The Debian packages of the testbed (bookworm ships OpenStack Zed). The
 * services run from their Python modules and WSGI scripts; nova-compute's
 * package is not installed because it pulls in libvirt and QEMU: the testbed
 * runs nova.cmd.compute from python3-nova with the fake virt driver instead.
 */
export const DEBIAN_PACKAGES = [
  'mariadb-server',
  'rabbitmq-server',
  'uwsgi-core',
  'uwsgi-plugin-python3',
  'keystone',
  'glance-api',
  'placement-api',
  'nova-api',
  'nova-conductor',
  'nova-scheduler',
  'neutron-server',
  'neutron-linuxbridge-agent',
  'cinder-api',
  'octavia-api',
  'octavia-worker',
  'python3-openstackclient',
] as const;

/** The packages of `names` that are not installed. */
export function missingPackages(
  names: readonly string[] = DEBIAN_PACKAGES,
): string[] {
  const r = spawnSync(
    'dpkg-query',
    ['-W', '-f=${Package} ${db:Status-Status}\\n', ...names],
    {
      encoding: 'utf8',
    },
  );
  const installed = new Set(
    (r.stdout ?? '')
      .split('\n')
      .filter(l => l.endsWith(' installed'))
      .map(l => l.split(' ')[0]),
  );
  return names.filter(n => !installed.has(n));
}

/** The installed version of each package (for the database template's key). */
export function installedVersions(
  names: readonly string[] = DEBIAN_PACKAGES,
): string {
  return execFileSync(
    'dpkg-query',
    ['-W', '-f=${Package}=${Version}\\n', ...names],
    {
      encoding: 'utf8',
    },
  );
}

const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/**
 * Installs the missing packages with apt-get (root only). A temporary
 * policy-rc.d keeps their maintainer scripts from starting the system-wide
 * services: the testbed runs its own copies on loopback.
 */
export function ensureDebianPackages(
  log: Logger,
  // Tests name a package that does not exist and play a user who is not root.
  options: { packages?: readonly string[]; root?: boolean } = {},
): void {
  const packages = options.packages ?? DEBIAN_PACKAGES;
  const missing = missingPackages(packages);
  if (missing.length === 0) return;
  if (!(options.root ?? process.getuid?.() === 0)) {
    throw new Error(
      `the OpenStack testbed needs Debian packages that are missing (${missing.join(
        ' ',
      )}) and only root can install them. Install them once, e.g. ` +
        `\`sudo packages/openstack-testbed/bin/openstack-testbed ensure\` ` +
        `(≈ 8 min; it keeps the system services from starting), or ` +
        `\`sudo apt-get install --no-install-recommends ${packages.join(
          ' ',
        )}\`, or run \`bash .ci/run\` as root`,
    );
  }
  const started = Date.now();
  log(`installing Debian packages (once): ${missing.join(' ')}`);
  const ownPolicy = !fs.existsSync(POLICY_RC_D);
  if (ownPolicy)
    fs.writeFileSync(
      POLICY_RC_D,
      '#!/bin/sh\n# written by the OpenStack testbed during apt-get install\nexit 101\n',
      { mode: 0o755 },
    );
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args: string[]) => {
      const r = spawnSync('nice', ['-n', '10', 'apt-get', ...args], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      if (r.status !== 0) {
        throw new Error(
          `apt-get ${args[0]} failed:\n${(r.stdout + r.stderr)
            .trim()
            .split('\n')
            .slice(-20)
            .join('\n')}`,
        );
      }
    };
    apt(['update', '-qq']);
    apt([
      'install',
      '-y',
      '-qq',
      '--no-install-recommends',
      '-o',
      'Dpkg::Options::=--force-confold',
      ...packages,
    ]);
  } finally {
    if (ownPolicy) fs.rmSync(POLICY_RC_D, { force: true });
  }
  log(
    `Debian packages installed in ${Math.round(
      (Date.now() - started) / 1000,
    )} s`,
  );
}

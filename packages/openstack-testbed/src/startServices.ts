/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Starting the OpenStack services on loopback ports: the WSGI APIs, Keystone
// (with its bootstrap), and the Nova conductor, scheduler and fake computes.
// Each started process goes into the caller's `processes` list at once, so
// that stop() ends it even when a later start fails.

import path from 'node:path';
import { exitedWith, freePort, Supervised, waitFor } from '@internal/test-support';
import type { ConfigFiles } from './configFiles';
import { REGION } from './configs';
import { request, Session } from './openstackHttp';
import { run } from './processes';
import { startPythonService, startWsgi, waitForApi } from './services';

export interface ServicePorts {
  keystone: number;
  glance: number;
  placement: number;
  nova: number;
  neutron: number;
  cinder: number;
  octavia: number;
}

/** A free loopback port for each API. */
export async function freePorts(): Promise<ServicePorts> {
  return {
    keystone: await freePort(),
    glance: await freePort(),
    placement: await freePort(),
    nova: await freePort(),
    neutron: await freePort(),
    cinder: await freePort(),
    octavia: await freePort(),
  };
}

/** The loopback URL of a port. */
export function serviceUrl(p: number, suffix = ''): string {
  return `http://127.0.0.1:${p}${suffix}`;
}

/**
 * Starts every API but Keystone (Glance, Placement, Nova, Neutron, and
 * Cinder and Octavia unless turned off). Returns each with the URL to wait on.
 */
export function startApis(
  processes: Supervised[],
  options: {
    port: ServicePorts;
    files: ConfigFiles;
    logDir: string;
    withCinder: boolean;
    withOctavia: boolean;
  },
): Array<{ p: Supervised; url: string }> {
  const { port, files, logDir, withCinder, withOctavia } = options;
  const apis: Array<{ p: Supervised; url: string }> = [];
  const api = (p: Supervised, url: string) => {
    processes.push(p);
    apis.push({ p, url });
  };
  api(
    startWsgi(
      {
        name: 'glance-api',
        wsgiFile: '/usr/bin/glance-wsgi-api',
        port: port.glance,
        env: { OS_GLANCE_CONFIG_DIR: files.glanceDir },
      },
      logDir,
    ),
    serviceUrl(port.glance),
  );
  api(
    startWsgi(
      {
        name: 'placement-api',
        wsgiFile: '/usr/bin/placement-api',
        port: port.placement,
        env: { OS_PLACEMENT_CONFIG_DIR: files.placementDir },
      },
      logDir,
    ),
    serviceUrl(port.placement),
  );
  api(
    startWsgi(
      {
        name: 'nova-api',
        wsgiFile: '/usr/bin/nova-api-wsgi',
        port: port.nova,
        env: { OS_NOVA_CONFIG_DIR: files.novaDir },
        processes: 2,
        threads: 1,
      },
      logDir,
    ),
    serviceUrl(port.nova),
  );
  api(
    startWsgi(
      {
        name: 'neutron-api',
        wsgiFile: '/usr/bin/neutron-api',
        port: port.neutron,
        env: {
          OS_NEUTRON_CONFIG_DIR: files.neutronDir,
          OS_NEUTRON_CONFIG_FILES: 'neutron.conf;ml2_conf.ini',
        },
      },
      logDir,
    ),
    serviceUrl(port.neutron),
  );
  if (withCinder) {
    api(
      startWsgi(
        {
          name: 'cinder-api',
          wsgiFile: '/usr/bin/cinder-wsgi',
          port: port.cinder,
          pyargv: ['--config-file', files.cinder],
        },
        logDir,
      ),
      serviceUrl(port.cinder),
    );
  }
  if (withOctavia) {
    api(
      startWsgi(
        {
          name: 'octavia-api',
          wsgiFile: '/usr/bin/octavia-wsgi',
          port: port.octavia,
          pyargv: ['--config-file', files.octavia],
        },
        logDir,
      ),
      serviceUrl(port.octavia),
    );
  }
  return apis;
}

/** Starts Keystone's API, bootstraps it and waits until it answers. */
export async function startKeystone(
  processes: Supervised[],
  options: {
    port: number;
    keystoneUrl: string;
    files: ConfigFiles;
    dir: string;
    adminPassword: string;
    logDir: string;
    env: NodeJS.ProcessEnv;
  },
): Promise<void> {
  const { port, keystoneUrl, files, dir, adminPassword, logDir, env } = options;
  const ksArgs = ['--config-file', files.keystone];
  const setupLog = path.join(logDir, 'keystone-setup.log');
  // Bootstrap and the API's start at once: the WSGI app needs no data to
  // load. The fernet and credential keys come with the template.
  const keystone = startWsgi(
    {
      name: 'keystone',
      wsgiFile: '/usr/bin/keystone-wsgi-public',
      port,
      env: { OS_KEYSTONE_CONFIG_DIR: path.join(dir, 'keystone') },
    },
    logDir,
  );
  processes.push(keystone);
  await run(
    'keystone-manage',
    [
      ...ksArgs,
      'bootstrap',
      '--bootstrap-password',
      adminPassword,
      '--bootstrap-admin-url',
      `${keystoneUrl}/v3`,
      '--bootstrap-internal-url',
      `${keystoneUrl}/v3`,
      '--bootstrap-public-url',
      `${keystoneUrl}/v3`,
      '--bootstrap-region-id',
      REGION,
    ],
    { logFile: setupLog, env },
  );
  await waitForApi(keystone, `${keystoneUrl}/v3`);
}

/**
 * Starts nova-conductor, nova-scheduler and one fake nova-compute per host
 * config. Returns them; the caller adds them to its processes.
 */
export function startNovaServices(
  files: ConfigFiles,
  hostConfigs: Array<{ host: string; f: string }>,
  logDir: string,
): Supervised[] {
  const novaServices: Supervised[] = [];
  novaServices.push(
    startPythonService(
      'nova-conductor',
      ['/usr/bin/nova-conductor'],
      [files.nova],
      logDir,
    ),
  );
  novaServices.push(
    startPythonService(
      'nova-scheduler',
      ['/usr/bin/nova-scheduler'],
      [files.nova],
      logDir,
    ),
  );
  for (const { host, f } of hostConfigs) {
    novaServices.push(
      startPythonService(
        `nova-compute-${host}`,
        [
          '/usr/bin/python3',
          '-c',
          'import sys; from nova.cmd.compute import main; sys.exit(main())',
        ],
        [files.nova, f],
        logDir,
      ),
    );
  }
  return novaServices;
}

/**
 * Waits until every fake nova-compute reports up (failing fast when one
 * exits), then maps the hosts into cell1.
 */
export async function registerComputeHosts(
  admin: Session,
  options: {
    hostConfigs: Array<{ host: string; f: string }>;
    novaServices: Supervised[];
    files: ConfigFiles;
    logDir: string;
    env: NodeJS.ProcessEnv;
  },
): Promise<void> {
  const { hostConfigs, novaServices, files, logDir, env } = options;
  const nova = admin.endpoint('compute');
  await waitFor(
    async () => {
      const res = await request(
        'GET',
        `${nova}/os-services?binary=nova-compute`,
        { token: admin.token },
      );
      const up = res.body.services
        .filter((s: any) => s.state === 'up')
        .map((s: any) => s.host);
      return hostConfigs.every(h => up.includes(h.host));
    },
    {
      timeoutMs: 180_000,
      intervalMs: 1000,
      message: 'the fake nova-compute services to report up',
      failFast: () => novaServices.map(p => exitedWith(p)()).find(Boolean),
    },
  );
  await run(
    'nova-manage',
    ['--config-file', files.nova, 'cell_v2', 'discover_hosts'],
    {
      logFile: path.join(logDir, 'nova-discover-hosts.log'),
      env,
    },
  );
}

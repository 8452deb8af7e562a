/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Starting the OpenStack services on loopback ports: the WSGI APIs, Keystone
// (with its bootstrap), and the Nova conductor, scheduler and fake computes.
// Each started process goes into the caller's `processes` list at once, so
// that stop() ends it even when a later start fails.

import crypto from 'node:crypto';
import path from 'node:path';
import { exitedWith, freePort, Supervised, waitFor } from '@internal/test-support';
import type { ConfigFiles } from './configFiles';
import { OctaviaCa, REGION } from './configs';
import { request, Session } from './openstackHttp';
import { run } from './processes';
import type { RabbitMq } from './rabbitmq';
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
        // Single-threaded like nova-api: with 4 threads the (eventlet)
        // API froze for minutes after the port notifications to the
        // linuxbridge agents (RabbitMQ: missed heartbeats from client).
        processes: 2,
        threads: 1,
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

/**
 * A Linux bridge for the linuxbridge agents' `public` mapping, named after
 * this process (at most 15 characters). Needs CAP_NET_ADMIN (root).
 */
export async function createPublicBridge(logFile: string): Promise<string> {
  const name = `tbpub${process.pid.toString(36)}`;
  await run('ip', ['link', 'add', name, 'type', 'bridge'], { logFile });
  await run('ip', ['link', 'set', name, 'up'], { logFile });
  return name;
}

export async function removePublicBridge(
  name: string,
  logFile: string,
): Promise<void> {
  await run('ip', ['link', 'del', name], { logFile, timeoutMs: 10_000 });
}

/**
 * neutron-rpc-server (the agents' reports and RPC) and one
 * neutron-linuxbridge-agent per fake compute host. Returns them; the caller
 * adds them to its processes.
 */
export function startNeutronAgents(
  files: ConfigFiles,
  agentConfigs: Array<{ host: string; f: string }>,
  logDir: string,
): Supervised[] {
  return [
    startPythonService(
      'neutron-rpc-server',
      ['/usr/bin/neutron-rpc-server'],
      [files.neutron, files.ml2, files.neutronRpc],
      logDir,
    ),
    ...agentConfigs.map(({ host, f }) =>
      startPythonService(
        `neutron-linuxbridge-agent-${host}`,
        ['/usr/bin/neutron-linuxbridge-agent'],
        [files.neutron, f],
        logDir,
      ),
    ),
  ];
}

/** Waits until Neutron lists a live Linux bridge agent on every host. */
export async function waitForNeutronAgents(
  admin: Session,
  hosts: string[],
  agents: Supervised[],
): Promise<void> {
  const neutron = admin.endpoint('network');
  await waitFor(
    async () => {
      const res = await request(
        'GET',
        `${neutron}/v2.0/agents?agent_type=${encodeURIComponent(
          'Linux bridge agent',
        )}`,
        { token: admin.token },
      );
      const alive = res.body.agents
        .filter((a: any) => a.alive && a.admin_state_up)
        .map((a: any) => a.host);
      return hosts.every(h => alive.includes(h));
    },
    {
      timeoutMs: 180_000,
      intervalMs: 1000,
      message: 'the neutron-linuxbridge-agents to report alive',
      failFast: () => agents.map(p => exitedWith(p)()).find(Boolean),
    },
  );
}

/** A throw-away CA (key encrypted with a random passphrase) for octavia-worker. */
export async function writeOctaviaCa(
  dir: string,
  logFile: string,
): Promise<OctaviaCa> {
  const ca: OctaviaCa = {
    certificate: path.join(dir, 'octavia', 'ca.pem'),
    privateKey: path.join(dir, 'octavia', 'ca.key'),
    passphrase: crypto.randomBytes(12).toString('hex'),
    serverCertsKeyPassphrase: crypto.randomBytes(16).toString('hex'),
  };
  await run(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-days',
      '2',
      '-subj',
      '/CN=openstack-testbed-octavia-ca',
      '-keyout',
      ca.privateKey,
      '-out',
      ca.certificate,
      '-passout',
      `pass:${ca.passphrase}`,
    ],
    { logFile },
  );
  return ca;
}

/** octavia-worker with the noop drivers (see octaviaWorkerConf). */
export function startOctaviaWorker(
  files: ConfigFiles,
  workerConf: string,
  logDir: string,
): Supervised {
  return startPythonService(
    'octavia-worker',
    ['/usr/bin/octavia-worker'],
    [files.octavia, workerConf],
    logDir,
  );
}

/** The queue the amphora provider driver casts to (octavia constants.TOPIC_AMPHORA_V2). */
export const OCTAVIA_WORKER_QUEUE = 'octavia_provisioning_v2';

/** Waits until octavia-worker consumes the amphora provider's queue. */
export async function waitForOctaviaWorker(
  rabbit: RabbitMq,
  worker: Supervised,
): Promise<void> {
  await worker.waitReady(
    async () =>
      ((await rabbit.queueConsumers())[OCTAVIA_WORKER_QUEUE] ?? 0) > 0,
    {
      timeoutMs: 180_000,
      intervalMs: 1000,
      message: `octavia-worker to consume ${OCTAVIA_WORKER_QUEUE}`,
    },
  );
}

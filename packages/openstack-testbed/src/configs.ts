/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The configuration files of each service, as pure functions of the
// testbed's ports, folders and passwords.

import path from 'node:path';
import { Ini } from './ini';

export const REGION = 'RegionOne';

/** The MariaDB databases, one per service (nova has three). */
export const DATABASES = [
  'keystone',
  'glance',
  'placement',
  'nova_api',
  'nova',
  'nova_cell0',
  'neutron',
  'cinder',
  'octavia',
] as const;

export interface ConfigContext {
  /** The run's temporary folder. */
  dir: string;
  db: { port: number; user: string; password: string };
  /** RabbitMQ's AMQP port. */
  amqpPort: number;
  keystoneUrl: string;
  /** The password of every service user (project `service`). */
  servicePassword: string;
}

export function dbUrl(ctx: ConfigContext, database: string): string {
  return `mysql+pymysql://${ctx.db.user}:${ctx.db.password}@127.0.0.1:${ctx.db.port}/${database}?charset=utf8`;
}

export function transportUrl(ctx: ConfigContext): string {
  return `rabbit://guest:guest@127.0.0.1:${ctx.amqpPort}/`;
}

/** Password credentials of a service user, for the sections that need them. */
function serviceAuth(ctx: ConfigContext, username: string) {
  return {
    auth_type: 'password',
    auth_url: ctx.keystoneUrl,
    project_domain_name: 'Default',
    user_domain_name: 'Default',
    project_name: 'service',
    username,
    password: ctx.servicePassword,
    region_name: REGION,
  };
}

/** keystonemiddleware's section: validates the tokens of API callers. */
function authtoken(ctx: ConfigContext, username: string) {
  const { region_name: _, ...auth } = serviceAuth(ctx, username);
  return {
    www_authenticate_uri: ctx.keystoneUrl,
    ...auth,
    service_token_roles_required: true,
  };
}

function stateDir(ctx: ConfigContext, service: string, sub = ''): string {
  return path.join(ctx.dir, service, sub);
}

export function keystoneConf(ctx: ConfigContext): Ini {
  return {
    DEFAULT: { debug: false },
    database: { connection: dbUrl(ctx, 'keystone') },
    token: { provider: 'fernet', expiration: 86400 },
    fernet_tokens: { key_repository: stateDir(ctx, 'keystone', 'fernet-keys') },
    fernet_receipts: {
      key_repository: stateDir(ctx, 'keystone', 'fernet-keys'),
    },
    credential: {
      key_repository: stateDir(ctx, 'keystone', 'credential-keys'),
    },
    // Without a cache every token validation runs ~200 SQL queries (0.5 s
    // of CPU); one keystone process, so an in-process cache stays coherent.
    // Role and assignment caching stay off: with them the bootstrap admin's
    // token was refused identity:create_service (403) in 2 of ~8 starts.
    cache: { enabled: true, backend: 'oslo_cache.dict', expiration_time: 600 },
    role: { caching: false },
    assignment: { caching: false },
    // The cheapest bcrypt: every user creation and password login hashes.
    identity: { password_hash_rounds: 4 },
  };
}

export function glanceConf(ctx: ConfigContext): Ini {
  return {
    DEFAULT: {
      enabled_backends: 'fs:file',
      image_cache_dir: stateDir(ctx, 'glance', 'cache'),
    },
    database: { connection: dbUrl(ctx, 'glance') },
    glance_store: { default_backend: 'fs' },
    fs: { filesystem_store_datadir: stateDir(ctx, 'glance', 'images') },
    os_glance_staging_store: {
      filesystem_store_datadir: stateDir(ctx, 'glance', 'staging'),
    },
    os_glance_tasks_store: {
      filesystem_store_datadir: stateDir(ctx, 'glance', 'tasks'),
    },
    keystone_authtoken: authtoken(ctx, 'glance'),
    paste_deploy: { flavor: 'keystone' },
    oslo_concurrency: { lock_path: stateDir(ctx, 'glance', 'lock') },
  };
}

export function placementConf(ctx: ConfigContext): Ini {
  return {
    placement_database: { connection: dbUrl(ctx, 'placement') },
    api: { auth_strategy: 'keystone' },
    keystone_authtoken: authtoken(ctx, 'placement'),
  };
}

/**
 * nova.conf of every Nova service. The cell mappings in the nova_api
 * database hold templates ({hostname}, {port}...) filled from this file, so a
 * database template built once works with any run's ports.
 */
export function novaConf(ctx: ConfigContext, host = 'testbed-controller'): Ini {
  return {
    DEFAULT: {
      host,
      my_ip: '127.0.0.1',
      transport_url: transportUrl(ctx),
      compute_driver: 'fake.FakeDriver',
      state_path: stateDir(ctx, 'nova', 'state'),
      instances_path: stateDir(ctx, 'nova', 'instances'),
      // Each API process is one worker; conductors are not forked.
      osapi_compute_workers: 1,
      metadata_workers: 1,
      debug: false,
    },
    api: { auth_strategy: 'keystone' },
    api_database: { connection: dbUrl(ctx, 'nova_api') },
    database: { connection: dbUrl(ctx, 'nova') },
    conductor: { workers: 1 },
    scheduler: { workers: 1, discover_hosts_in_cells_interval: -1 },
    keystone_authtoken: authtoken(ctx, 'nova'),
    service_user: {
      send_service_user_token: true,
      ...serviceAuth(ctx, 'nova'),
    },
    placement: serviceAuth(ctx, 'placement'),
    neutron: serviceAuth(ctx, 'neutron'),
    cinder: { os_region_name: REGION },
    glance: { region_name: REGION },
    wsgi: { api_paste_config: path.join(ctx.dir, 'nova', 'api-paste.ini') },
    oslo_concurrency: { lock_path: stateDir(ctx, 'nova', 'lock') },
    oslo_messaging_notifications: { driver: 'noop' },
    // Consoles: Nova hands out noVNC URLs (the fake driver answers for any
    // server); no proxy runs, so the URL is for the API test only.
    vnc: { enabled: true, novncproxy_base_url: 'http://127.0.0.1:6080/vnc_auto.html' },
    os_vif_ovs: { ovsdb_connection: 'tcp:127.0.0.1:1' },
  };
}

export function neutronConf(ctx: ConfigContext): Ini {
  return {
    DEFAULT: {
      core_plugin: 'ml2',
      service_plugins: 'router',
      auth_strategy: 'keystone',
      transport_url: transportUrl(ctx),
      state_path: stateDir(ctx, 'neutron', 'state'),
      api_paste_config: path.join(ctx.dir, 'neutron', 'api-paste.ini'),
      // No Nova port notifications: the fake driver plugs no tap device, so
      // no port goes ACTIVE and Nova waits for no vif-plugged event.
      notify_nova_on_port_status_changes: false,
      notify_nova_on_port_data_changes: false,
      api_workers: 1,
      rpc_workers: 0,
      debug: false,
    },
    // Zed refuses the linuxbridge mechanism driver and agent otherwise.
    experimental: { linuxbridge: true },
    database: { connection: dbUrl(ctx, 'neutron') },
    keystone_authtoken: authtoken(ctx, 'neutron'),
    nova: serviceAuth(ctx, 'nova'),
    oslo_concurrency: { lock_path: stateDir(ctx, 'neutron', 'lock') },
    oslo_messaging_notifications: { driver: 'noop' },
  };
}

/**
 * ML2 with the linuxbridge mechanism driver: a port binds on a host whose
 * neutron-linuxbridge-agent reports alive (one per fake compute host).
 */
export function ml2Conf(): Ini {
  return {
    ml2: {
      type_drivers: 'flat,vlan,vxlan',
      tenant_network_types: 'vxlan',
      mechanism_drivers: 'linuxbridge',
      extension_drivers: 'port_security',
    },
    ml2_type_flat: { flat_networks: 'public' },
    ml2_type_vlan: { network_vlan_ranges: 'public' },
    ml2_type_vxlan: { vni_ranges: '1:1000' },
  };
}

/** neutron-rpc-server's overlay: the agents report over RPC, which the uwsgi API does not serve. */
export function neutronRpcConf(): Ini {
  return { DEFAULT: { rpc_workers: 1, rpc_state_report_workers: 1 } };
}

/**
 * One neutron-linuxbridge-agent per fake compute host (`host`): VXLAN on
 * loopback for tenant networks, `public` on a Linux bridge of the testbed,
 * no firewall (the fake driver plugs no tap device to filter).
 */
export function linuxbridgeAgentConf(host: string, publicBridge: string): Ini {
  return {
    DEFAULT: { host },
    agent: { root_helper: 'sudo' },
    linux_bridge: { bridge_mappings: `public:${publicBridge}` },
    vxlan: { enable_vxlan: true, local_ip: '127.0.0.1' },
    securitygroup: { firewall_driver: 'noop' },
  };
}

/** The throw-away CA the Octavia worker signs amphora certificates with. */
export interface OctaviaCa {
  certificate: string;
  privateKey: string;
  passphrase: string;
  /** 32 characters (a Fernet key is derived from it). */
  serverCertsKeyPassphrase: string;
}

/**
 * octavia-worker's overlay: the amphora provider with the noop amphora,
 * compute, network and volume drivers, so a load balancer goes ACTIVE
 * without VMs. No jobboard (it would need Redis or ZooKeeper).
 */
export function octaviaWorkerConf(ca: OctaviaCa): Ini {
  return {
    controller_worker: {
      workers: 1,
      amphora_driver: 'amphora_noop_driver',
      compute_driver: 'compute_noop_driver',
      network_driver: 'network_noop_driver',
      volume_driver: 'volume_noop_driver',
      client_ca: ca.certificate,
    },
    certificates: {
      cert_generator: 'local_cert_generator',
      ca_certificate: ca.certificate,
      ca_private_key: ca.privateKey,
      ca_private_key_passphrase: ca.passphrase,
      server_certs_key_passphrase: ca.serverCertsKeyPassphrase,
    },
    task_flow: { jobboard_enabled: false },
  };
}

export function cinderConf(ctx: ConfigContext): Ini {
  return {
    DEFAULT: {
      auth_strategy: 'keystone',
      transport_url: transportUrl(ctx),
      state_path: stateDir(ctx, 'cinder', 'state'),
      api_paste_config: '/usr/share/cinder-common/api-paste.ini',
      my_ip: '127.0.0.1',
      osapi_volume_workers: 1,
      debug: false,
    },
    database: { connection: dbUrl(ctx, 'cinder') },
    keystone_authtoken: authtoken(ctx, 'cinder'),
    oslo_concurrency: { lock_path: stateDir(ctx, 'cinder', 'lock') },
    oslo_messaging_notifications: { driver: 'noop' },
  };
}

export function octaviaConf(ctx: ConfigContext): Ini {
  return {
    DEFAULT: { transport_url: transportUrl(ctx), debug: false },
    api_settings: {
      auth_strategy: 'keystone',
      enabled_provider_drivers:
        'amphora:The Octavia Amphora driver.,noop_driver:The no-op driver.',
      default_provider_driver: 'amphora',
    },
    database: { connection: dbUrl(ctx, 'octavia') },
    keystone_authtoken: authtoken(ctx, 'octavia'),
    service_auth: serviceAuth(ctx, 'octavia'),
    oslo_messaging: { topic: 'octavia_prov' },
    oslo_messaging_notifications: { driver: 'noop' },
  };
}

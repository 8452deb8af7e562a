/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Every service's configuration written into the testbed folder, rendered
// from the run's ports and passwords (see configs.ts for the content).

import fs from 'node:fs';
import path from 'node:path';
import {
  cinderConf,
  ConfigContext,
  glanceConf,
  keystoneConf,
  linuxbridgeAgentConf,
  ml2Conf,
  neutronConf,
  neutronRpcConf,
  novaConf,
  OctaviaCa,
  octaviaConf,
  octaviaWorkerConf,
  placementConf,
} from './configs';
import { Ini, renderIni } from './ini';

export function writeIni(file: string, ini: Ini) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderIni(ini), { mode: 0o600 });
}

export interface ConfigFiles {
  keystone: string;
  glanceDir: string;
  placementDir: string;
  novaDir: string;
  neutronDir: string;
  cinder: string;
  octavia: string;
  nova: string;
  neutron: string;
  ml2: string;
  neutronRpc: string;
}

export function writeConfigs(ctx: ConfigContext): ConfigFiles {
  const d = (...p: string[]) => path.join(ctx.dir, ...p);
  for (const sub of [
    'glance/images',
    'glance/staging',
    'glance/tasks',
    'glance/cache',
    'glance/lock',
    'nova/state',
    'nova/instances',
    'nova/lock',
    'neutron/state',
    'neutron/lock',
    'octavia',
    'cinder/state',
    'cinder/lock',
    'keystone/fernet-keys',
    'keystone/credential-keys',
    'logs',
  ]) {
    fs.mkdirSync(d(sub), { recursive: true, mode: 0o700 });
  }
  writeIni(d('keystone', 'keystone.conf'), keystoneConf(ctx));
  writeIni(d('glance', 'glance-api.conf'), glanceConf(ctx));
  fs.copyFileSync(
    '/usr/share/glance-common/glance-api-paste.ini',
    d('glance', 'glance-api-paste.ini'),
  );
  writeIni(d('placement', 'placement.conf'), placementConf(ctx));
  writeIni(d('nova', 'nova.conf'), novaConf(ctx));
  fs.copyFileSync(
    '/usr/share/nova-common/api-paste.ini',
    d('nova', 'api-paste.ini'),
  );
  writeIni(d('neutron', 'neutron.conf'), neutronConf(ctx));
  writeIni(d('neutron', 'ml2_conf.ini'), ml2Conf());
  writeIni(d('neutron', 'rpc.conf'), neutronRpcConf());
  fs.copyFileSync(
    '/usr/share/neutron-common/api-paste.ini',
    d('neutron', 'api-paste.ini'),
  );
  writeIni(d('cinder', 'cinder.conf'), cinderConf(ctx));
  writeIni(d('octavia', 'octavia.conf'), octaviaConf(ctx));
  return {
    keystone: d('keystone', 'keystone.conf'),
    glanceDir: d('glance'),
    placementDir: d('placement'),
    novaDir: d('nova'),
    neutronDir: d('neutron'),
    cinder: d('cinder', 'cinder.conf'),
    octavia: d('octavia', 'octavia.conf'),
    nova: d('nova', 'nova.conf'),
    neutron: d('neutron', 'neutron.conf'),
    ml2: d('neutron', 'ml2_conf.ini'),
    neutronRpc: d('neutron', 'rpc.conf'),
  };
}

/** One nova.conf overlay per fake compute host (its `host` name). */
export function writeComputeHostConfigs(
  dir: string,
  zones: Record<string, string>,
): Array<{ host: string; f: string }> {
  return Object.values(zones).map(host => {
    const f = path.join(dir, 'nova', `${host}.conf`);
    writeIni(f, { DEFAULT: { host } });
    return { host, f };
  });
}

/** One linuxbridge agent config per fake compute host. */
export function writeLinuxbridgeAgentConfigs(
  dir: string,
  hosts: string[],
  publicBridge: string,
): Array<{ host: string; f: string }> {
  return hosts.map(host => {
    const f = path.join(dir, 'neutron', `linuxbridge-${host}.ini`);
    writeIni(f, linuxbridgeAgentConf(host, publicBridge));
    return { host, f };
  });
}

/** octavia-worker's overlay file. */
export function writeOctaviaWorkerConfig(dir: string, ca: OctaviaCa): string {
  const f = path.join(dir, 'octavia', 'worker.conf');
  writeIni(f, octaviaWorkerConf(ca));
  return f;
}

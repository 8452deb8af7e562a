/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Command line of the OpenStack testbed (run with tsx):
 *   start [--out FILE] [--no-compute] [--no-cinder] [--no-octavia]
 *       install the Debian packages if missing, start the services on
 *       loopback, seed them, write the connection details (TestbedInfo JSON,
 *       with passwords: mode 0600) to FILE and print `READY <FILE>`; runs
 *       until Ctrl-C / SIGTERM, then stops everything and removes its data.
 *   ensure   install the Debian packages only.
 *   point-identities --info FILE --kubeconfig FILE [--namespace NS ...]
 *       rewrite the clouds.yaml of every CAPO identity Secret of a management
 *       cluster (all namespaces, or the named ones) with the testbed's
 *       application credential, keeping each Secret's cloud name; prints one
 *       line per Secret (never its content).
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  clientFromKubeconfig,
  pointIdentitySecrets,
} from '@internal/management-cluster';
import { ensureDebianPackages } from './debianPackages';
import { stderrLogger as log } from './processes';
import {
  cloudsYamlFor,
  OpenStackTestbed,
  startOpenStackTestbed,
  TestbedInfo,
} from './testbed';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    info: { type: 'string' },
    kubeconfig: { type: 'string' },
    namespace: { type: 'string', multiple: true },
    'no-compute': { type: 'boolean', default: false },
    'no-cinder': { type: 'boolean', default: false },
    'no-octavia': { type: 'boolean', default: false },
  },
});

async function pointIdentities() {
  if (!values.info || !values.kubeconfig) {
    throw new Error('point-identities needs --info FILE and --kubeconfig FILE');
  }
  const info: TestbedInfo = JSON.parse(fs.readFileSync(values.info, 'utf8'));
  const client = clientFromKubeconfig(path.resolve(values.kubeconfig));
  try {
    const results = await pointIdentitySecrets(
      client,
      cloudName => cloudsYamlFor(info, cloudName),
      { namespaces: values.namespace },
    );
    for (const r of results) {
      const what = r.skipped
        ? `left alone (${r.skipped})`
        : `${
            r.changed ? 'now' : 'already'
          } at the testbed (cloud ${r.cloudNames.join(', ')})`;
      log(`Secret ${r.namespace}/${r.name}: ${what}`);
    }
    const pointed = results.filter(r => !r.skipped).length;
    log(
      `${pointed} identity Secret(s) use the testbed's application credential (Keystone ${info.authUrl})`,
    );
  } finally {
    client.close();
  }
}

async function main() {
  const command = positionals[0] ?? 'start';
  if (command === 'ensure') {
    ensureDebianPackages(log);
    return;
  }
  if (command === 'point-identities') {
    await pointIdentities();
    return;
  }
  if (command !== 'start')
    throw new Error(
      `unknown command "${command}" (start, ensure, point-identities)`,
    );

  const out = path.resolve(
    values.out ??
      path.join(os.tmpdir(), `openstack-testbed-${process.pid}.json`),
  );
  const running: { testbed?: OpenStackTestbed } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await running.testbed?.stop();
    fs.rmSync(out, { force: true });
    process.exit(0);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(s, () => void stop(s));

  const started = Date.now();
  const testbed = await startOpenStackTestbed({
    log,
    availabilityZones: values['no-compute'] ? {} : undefined,
    cinder: !values['no-cinder'],
    octavia: !values['no-octavia'],
  });
  running.testbed = testbed;
  fs.writeFileSync(out, JSON.stringify(testbed.info, null, 2), { mode: 0o600 });
  log(
    `ready in ${Math.round((Date.now() - started) / 1000)} s: Keystone at ${
      testbed.info.authUrl
    }`,
  );
  // A machine-readable line for the process that started us.
  process.stdout.write(`READY ${out}\n`);
  // Keep the event loop alive until a signal arrives.
  setInterval(() => {}, 1 << 30);
}

main().catch(e => {
  log(String(e instanceof Error ? e.message : e));
  process.exit(1);
});

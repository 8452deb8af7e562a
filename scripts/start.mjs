/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm start`: installs what is missing, starts the local management cluster
// with the demo fleet (unless a management cluster is configured), then
// Backstage: frontend on :3000, backend on :7007. Ctrl-C stops everything.
//
// `npm start -- --openstack` (or CAPI_OPENSTACK_OPENSTACK=testbed) also starts
// the OpenStack testbed (real Keystone, Nova, Glance, Neutron, Cinder and
// Octavia from Debian packages on loopback, docs/openstack-testbed.md) and,
// once it answers, points the demo clusters' identity Secrets at it: pickers
// and preflight checks then show real answers. Without it those Secrets name
// a Keystone at 127.0.0.1:5000 that does not exist, and the backend falls
// back to the configured lists (and says so).
//
// `npm start -- --postgres` (or CAPI_OPENSTACK_DATABASE=postgres) runs the
// backend on PostgreSQL instead of in-memory SQLite, as replicas in
// production share one: a disposable server from Debian's postgresql package
// (a cluster in a temporary folder on 127.0.0.1 and a free port, removed when
// npm start stops), and a generated config file naming it
// (.local/postgres/app-config.yaml; the password reaches the backend in
// POSTGRES_PASSWORD, never on disk).

//
// `npm start -- --real-controllers` (or CAPI_OPENSTACK_CONTROLLERS=real) runs
// the local management cluster with the real Cluster API v1.14 controllers
// (core with the topology controller, kubeadm control plane, kubeadm
// bootstrap) and their webhooks instead of the simulator, and seeds only the
// live demo clusters (docs/real-controllers.md). Each gets an in-memory
// workload cluster (a node per machine), so they become Available for real.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bin, ensureDependencies, ensureNode, log, repoRoot } from './lib/bootstrap.mjs';
import {
  pointIdentitiesAtTestbed,
  startManagementClusterCli,
  startOpenStackTestbedCli,
  startPostgresCli,
  startSimulatorCli,
  stopService,
} from './lib/services.mjs';

// What the demo's lifecycle actions offer when the cloud cannot be reached:
// the seed's flavors and images (ubuntu-2404-kube-<version>). The OpenStack
// testbed seeds the same (packages/openstack-testbed/src/seedResources.ts;
// its demoAlignment test reads these lines).
const DEMO_FLAVORS = ['m1.small', 'm1.medium', 'm1.large', 'm1.xlarge', 'c2.xlarge', 'c2.2xlarge'];
const DEMO_KUBERNETES_VERSIONS = ['v1.33.5', 'v1.34.2', 'v1.35.0'];
const DEMO_EXTERNAL_NETWORKS = ['public'];
const DEMO_KEY_PAIRS = ['capi-demo', 'magnum'];
const DEMO_AVAILABILITY_ZONES = ['nova', 'az1', 'az2', 'az3'];

ensureNode();
ensureDependencies();

/**
 * A management cluster is "configured" when app-config.local.yaml (or a
 * --config file passed after `--`) sets capiOpenstack.managementClusters.
 */
function configuredManagementClusters(configFiles) {
  return configFiles.some(file => {
    const abs = path.resolve(repoRoot, file);
    return fs.existsSync(abs) && /^\s*managementClusters\s*:/m.test(fs.readFileSync(abs, 'utf8'));
  });
}

const extraArgs = process.argv.slice(2);
const withOpenStack = extraArgs.includes('--openstack') || process.env.CAPI_OPENSTACK_OPENSTACK === 'testbed';
const withPostgres = extraArgs.includes('--postgres') || process.env.CAPI_OPENSTACK_DATABASE === 'postgres';
const realControllers = extraArgs.includes('--real-controllers') || process.env.CAPI_OPENSTACK_CONTROLLERS === 'real';
const configFiles = ['app-config.yaml'];
if (fs.existsSync(path.join(repoRoot, 'app-config.local.yaml'))) configFiles.push('app-config.local.yaml');
for (let i = 0; i < extraArgs.length; i++) {
  if (extraArgs[i] === '--config' && extraArgs[i + 1]) configFiles.push(extraArgs[++i]);
}

const children = [];
let testbed;
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  // Backstage first, then the management cluster it talks to. The testbed
  // stops a dozen services (SIGTERM, SIGKILL after 10 s): more grace.
  for (const child of [...children].reverse()) await stopService(child, child === testbed?.child ? 45000 : 15000);
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));

const configArgs = configFiles.flatMap(f => ['--config', path.resolve(repoRoot, f)]);

const localCluster = !configuredManagementClusters(configFiles);
if (withOpenStack && !localCluster) {
  log('--openstack applies to the local demo management cluster only; a configured one is used as it is');
} else if (withOpenStack) {
  // In parallel with the management cluster: the testbed takes 1-3 min
  // (the first run on a machine installs its Debian packages, root only).
  log('--openstack: starting the OpenStack testbed (1-3 min; its log lines start with [openstack-testbed])');
  const testbedInfo = path.join(repoRoot, '.local', 'openstack-testbed.json');
  fs.mkdirSync(path.dirname(testbedInfo), { recursive: true });
  testbed = startOpenStackTestbedCli(testbedInfo);
  children.push(testbed.child);
} else if (localCluster) {
  log(
    'OpenStack: the demo identity Secrets name a Keystone that does not exist (127.0.0.1:5000), so pickers show the configured lists; `npm start -- --openstack` runs real OpenStack services instead (docs/openstack-testbed.md)',
  );
}

// PostgreSQL starts in a second or two, meanwhile the management cluster does.
const backstageEnv = { ...process.env };
let postgres;
if (withPostgres) {
  const password = crypto.randomBytes(18).toString('base64url');
  log('--postgres: starting PostgreSQL (Debian package postgresql; its data is removed when npm start stops)');
  postgres = startPostgresCli(password);
  postgres.ready.catch(() => undefined);
  children.push(postgres.child);
  backstageEnv.POSTGRES_PASSWORD = password;
}

if (localCluster) {
  log(
    realControllers
      ? 'no management cluster configured: starting the local one with the real Cluster API controllers and the live demo clusters (the first run builds the controllers: about 6 minutes)'
      : 'no management cluster configured: starting the local one with the demo fleet',
  );
  const started = Date.now();
  const mc = startManagementClusterCli(realControllers ? ['start', '--real-controllers'] : ['start']);
  children.push(mc.child);
  let kubeconfig;
  try {
    kubeconfig = await mc.ready;
  } catch (e) {
    log(String(e.message));
    await stopAll(1);
  }
  if (realControllers) {
    log(`local management cluster with the real controllers ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } else {
    // Simulated controllers keep the live demo clusters converged and make
    // lifecycle actions visible (CAPI_OPENSTACK_TIME_SCALE speeds them up).
    const sim = startSimulatorCli(kubeconfig, Number(process.env.CAPI_OPENSTACK_TIME_SCALE ?? 10));
    children.push(sim.child);
    try {
      await sim.ready;
    } catch (e) {
      log(String(e.message));
      await stopAll(1);
    }
  }
  // Point the backend at it through a generated config file. The OpenStack
  // allow-list names the demo Secrets' Keystone (127.0.0.1:5000, nothing
  // listens there) and, once it is up, every service origin of the testbed:
  // the backend re-reads the file when it changes.
  const localConfig = path.join(repoRoot, '.local', 'management-cluster', 'app-config.yaml');
  const writeLocalConfig = (allowedAuthUrls = ['http://127.0.0.1:5000/']) => fs.writeFileSync(
    localConfig,
    [
      '# Generated by npm start for the local management cluster.',
      'capiOpenstack:',
      '  managementClusters:',
      '    - name: local',
      '      title: Local management cluster',
      '      kubeconfig:',
      `        path: ${JSON.stringify(kubeconfig)}`,
      '  # Lifecycle actions in the demo: the seed\'s flavors and images (ubuntu-2404-kube-<version>).',
      `  flavors: [${DEMO_FLAVORS.join(', ')}]`,
      '  kubernetesVersions:',
      ...DEMO_KUBERNETES_VERSIONS.map(v => `    - { version: ${v}, image: ubuntu-2404-kube-${v} }`),
      '  # Pickers when the cloud cannot be reached (always, without --openstack).',
      '  openstack:',
      `    allowedAuthUrls: [${allowedAuthUrls.map(u => JSON.stringify(u)).join(', ')}]`,
      '    fallback:',
      `      externalNetworks: [${DEMO_EXTERNAL_NETWORKS.join(', ')}]`,
      `      keyPairs: [${DEMO_KEY_PAIRS.join(', ')}]`,
      `      availabilityZones: [${DEMO_AVAILABILITY_ZONES.join(', ')}]`,
      '',
    ].join('\n'),
  );
  writeLocalConfig();
  configArgs.push('--config', localConfig);

  if (testbed) {
    // Backstage starts meanwhile; the pickers switch to the cloud once the
    // Secrets are rewritten (the backend reads them per request).
    testbed.ready
      .then(async info => {
        // Keystone and the origin of each catalog endpoint (every service has its own port).
        const { authUrl, endpoints } = JSON.parse(fs.readFileSync(path.resolve(repoRoot, info), 'utf8'));
        const origins = [authUrl, ...Object.values(endpoints)].map(u => `${new URL(u).origin}/`);
        writeLocalConfig([...new Set(['http://127.0.0.1:5000/', ...origins])]);
        await pointIdentitiesAtTestbed(info, kubeconfig);
        log(`OpenStack testbed ready: the demo's identity Secrets use it (connection details: ${path.relative(repoRoot, info)})`);
      })
      .catch(async e => {
        if (stopping) return;
        log(`--openstack: ${e.message}; stopping (start without --openstack for the demo without OpenStack)`);
        await stopAll(1);
      });
    testbed.child.on('exit', code => {
      if (!stopping) log(`the OpenStack testbed exited (${code}); pickers fall back to the configured lists`);
    });
  }
}

if (postgres) {
  let address;
  try {
    address = await postgres.ready;
  } catch (e) {
    log(`--postgres: ${e.message} (its reason is above)`);
    await stopAll(1);
  }
  const [host, port] = address.split(':');
  const databaseConfig = path.join(repoRoot, '.local', 'postgres', 'app-config.yaml');
  fs.mkdirSync(path.dirname(databaseConfig), { recursive: true });
  fs.writeFileSync(
    databaseConfig,
    [
      '# Generated by npm start -- --postgres: the backend on a disposable PostgreSQL server.',
      'backend:',
      '  database:',
      '    client: pg',
      '    connection:',
      `      host: ${host}`,
      `      port: ${port}`,
      '      user: postgres',
      '      password: ${POSTGRES_PASSWORD}',
      '',
    ].join('\n'),
  );
  configArgs.push('--config', databaseConfig);
  log(`PostgreSQL ready on ${address}: the backend uses it (${path.relative(repoRoot, databaseConfig)})`);
  postgres.child.on('exit', code => {
    if (!stopping) {
      log(`PostgreSQL exited (${code}); stopping`);
      stopAll(1);
    }
  });
}

log('starting Backstage: http://localhost:3000 (backend http://localhost:7007)');
const backstage = spawn(bin('backstage-cli'), ['repo', 'start', ...configArgs], {
  cwd: repoRoot,
  env: backstageEnv,
  stdio: 'inherit',
});
children.push(backstage);
backstage.on('exit', code => {
  if (!stopping) {
    log(`Backstage exited (${code})`);
    stopAll(code ?? 1);
  }
});

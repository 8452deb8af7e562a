/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Starting and stopping a whole testbed; each phase lives in its own module
// (databaseTemplate, configFiles, startServices, seedTestbed, cloudsYaml).

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Supervised } from '@internal/test-support';
import { renderCloudsYaml } from './cloudsYaml';
import {
  writeComputeHostConfigs,
  writeConfigs,
  writeLinuxbridgeAgentConfigs,
  writeOctaviaWorkerConfig,
} from './configFiles';
import { ConfigContext, REGION } from './configs';
import {
  createDatabaseTemplate,
  databaseTemplateDir,
  restoreKeystoneKeys,
  startDatabase,
} from './databaseTemplate';
import { ensureDebianPackages } from './debianPackages';
import { DB_USER, MariaDb } from './mariadb';
import { authenticate, Session } from './openstackHttp';
import { stderrLogger } from './processes';
import { RabbitMq, startRabbitMq } from './rabbitmq';
import { seedDemoIdentity } from './seedIdentity';
import { AVAILABILITY_ZONES, seedAvailabilityZones } from './seedResources';
import { seedDemoResources, seedServicesAndCatalog } from './seedTestbed';
import { serviceEnv, waitForApi } from './services';
import {
  createPublicBridge,
  freePorts,
  registerComputeHosts,
  removePublicBridge,
  startApis,
  startKeystone,
  startNeutronAgents,
  startNovaServices,
  startOctaviaWorker,
  waitForNeutronAgents,
  waitForOctaviaWorker,
  writeOctaviaCa,
} from './startServices';
import type {
  OpenStackTestbed,
  TestbedInfo,
  TestbedOptions,
} from './testbedTypes';

export { cloudsYamlFor, renderCloudsYaml } from './cloudsYaml';
export type {
  OpenStackTestbed,
  TestbedInfo,
  TestbedOptions,
} from './testbedTypes';

/**
 * Starts MariaDB, RabbitMQ, Keystone, Glance, Placement, Nova (API,
 * conductor, scheduler, one fake compute per availability zone), Neutron
 * (ML2 linuxbridge: API, RPC server, one agent per fake compute host, so
 * ports bind), Cinder API, Octavia API and a worker with the noop drivers
 * (load balancers go ACTIVE) on loopback, and seeds them.
 */
export async function startOpenStackTestbed(
  options: TestbedOptions = {},
): Promise<OpenStackTestbed> {
  const log = options.log ?? stderrLogger;
  const zones = options.availabilityZones ?? AVAILABILITY_ZONES;
  const withCinder = options.cinder ?? true;
  const withOctavia = options.octavia ?? true;
  const timings: Record<string, number> = {};
  let phaseStart = Date.now();
  const phase = (name: string) => {
    timings[name] = Math.round((Date.now() - phaseStart) / 100) / 10;
    log(`${name}: ${timings[name]} s`);
    phaseStart = Date.now();
  };

  ensureDebianPackages(log);
  phase('packages');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-openstack-os-'));
  const logDir = path.join(dir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const processes: Supervised[] = [];
  let db: MariaDb | undefined;
  let rabbit: RabbitMq | undefined;
  let publicBridge: string | undefined;
  let stopped = false;
  // CAPI_OPENSTACK_TESTBED_KEEP=1 keeps the folder (configs, logs) for a look.
  const stop = async (keep = !!process.env.CAPI_OPENSTACK_TESTBED_KEEP) => {
    if (stopped) return;
    stopped = true;
    await Promise.all([...processes].reverse().map(p => p.stop()));
    await Promise.all([
      rabbit?.stop(),
      db?.stop(),
      publicBridge &&
        removePublicBridge(publicBridge, path.join(logDir, 'network.log')),
    ]);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    // Database: a copy of the cached template, or a fresh one that becomes the template.
    const templateDir = databaseTemplateDir();
    const dataDir = path.join(dir, 'mysql');
    const rabbitPromise = startRabbitMq(path.join(dir, 'rabbitmq'), log);
    rabbitPromise.catch(() => undefined);
    const started = await startDatabase({
      dir,
      dataDir,
      templateDir,
      logDir,
      log,
    });
    db = started.db;
    const { password: dbPassword, haveTemplate } = started;
    phase('mariadb');
    rabbit = await rabbitPromise;
    phase('rabbitmq');

    const port = await freePorts();
    const keystoneUrl = `http://127.0.0.1:${port.keystone}`;
    const ctx: ConfigContext = {
      dir,
      db: { port: db.port, user: DB_USER, password: dbPassword },
      amqpPort: rabbit.amqpPort,
      keystoneUrl,
      servicePassword: crypto.randomBytes(12).toString('hex'),
    };
    const files = writeConfigs(ctx);
    if (haveTemplate) restoreKeystoneKeys(templateDir, dir);

    if (!haveTemplate) {
      log('first run: creating the database schemas (cached afterwards)');
      db = await createDatabaseTemplate({
        db,
        files,
        dir,
        dataDir,
        templateDir,
        dbPassword,
        logDir,
        log,
      });
      ctx.db.port = db.port;
      Object.assign(files, writeConfigs(ctx));
      phase('db sync (first run)');
    }

    // Every other API, the conductor and the scheduler load while Keystone
    // starts: they need Keystone only for requests. The compute services
    // come after the catalog (they look Placement up in it at start).
    const apis = startApis(processes, {
      port,
      files,
      logDir,
      withCinder,
      withOctavia,
    });
    const hostConfigs = writeComputeHostConfigs(dir, zones);

    // Keystone.
    const env = serviceEnv();
    const adminPassword = crypto.randomBytes(12).toString('hex');
    await startKeystone(processes, {
      port: port.keystone,
      keystoneUrl,
      files,
      dir,
      adminPassword,
      logDir,
      env,
    });
    phase('keystone');

    const adminCreds = {
      kind: 'password' as const,
      username: 'admin',
      password: adminPassword,
      projectName: 'admin',
    };
    let admin: Session = await authenticate(keystoneUrl, adminCreds);
    // The services need their users and the catalog (nova-compute finds
    // Placement through it) before they start; the demo project can wait.
    await seedServicesAndCatalog(admin, ctx.servicePassword, port, {
      withCinder,
      withOctavia,
    });
    phase('keystone seed');

    // Conductor and scheduler check their Placement credentials at start
    // (a 401 is fatal), so they come after the service users.
    const novaServices = startNovaServices(files, hostConfigs, logDir);
    processes.push(...novaServices);
    // Port binding: the linuxbridge agents of the fake compute hosts report
    // to neutron-rpc-server. Load balancers: octavia-worker.
    const hosts = hostConfigs.map(h => h.host);
    let agents: Supervised[] = [];
    if (hosts.length) {
      publicBridge = await createPublicBridge(path.join(logDir, 'network.log'));
      agents = startNeutronAgents(
        files,
        writeLinuxbridgeAgentConfigs(dir, hosts, publicBridge),
        logDir,
      );
      processes.push(...agents);
    }
    let octaviaWorker: Supervised | undefined;
    if (withOctavia) {
      const ca = await writeOctaviaCa(dir, path.join(logDir, 'octavia-ca.log'));
      octaviaWorker = startOctaviaWorker(
        files,
        writeOctaviaWorkerConfig(dir, ca),
        logDir,
      );
      processes.push(octaviaWorker);
    }
    const demoIdentity = await seedDemoIdentity(admin, keystoneUrl);
    // A new token carries the new catalog.
    admin = await authenticate(keystoneUrl, adminCreds);
    await Promise.all(apis.map(a => waitForApi(a.p, a.url)));
    phase('other APIs up (and the demo project)');

    const { flavors, images, networks, keyPairs } = await seedDemoResources(
      admin,
      keystoneUrl,
      demoIdentity,
      { withCinder, withOctavia },
    );
    phase('seed');

    if (hostConfigs.length) {
      await registerComputeHosts(admin, {
        hostConfigs,
        novaServices,
        files,
        logDir,
        env,
      });
      await seedAvailabilityZones(admin, zones);
      phase('compute and availability zones');
      await waitForNeutronAgents(admin, hosts, agents);
      phase('neutron agents alive');
    }
    if (octaviaWorker) {
      await waitForOctaviaWorker(rabbit, octaviaWorker);
      phase('octavia worker consuming');
    }

    const endpoints: Record<string, string> = { identity: `${keystoneUrl}/v3` };
    for (const s of admin.catalog) endpoints[s.type] = admin.endpoint(s.type);
    const info: TestbedInfo = {
      authUrl: keystoneUrl,
      region: REGION,
      endpoints,
      admin: {
        username: 'admin',
        password: adminPassword,
        projectName: 'admin',
        domain: 'Default',
      },
      demo: { ...demoIdentity, domain: 'Default' },
      cloudsYaml: renderCloudsYaml(keystoneUrl, demoIdentity),
      resources: {
        flavors,
        images,
        ...networks,
        keyPair: keyPairs[0],
        keyPairs,
        availabilityZones: Object.keys(zones),
      },
      timings,
    };
    return { info, dir, stop: () => stop() };
  } catch (e) {
    log(`start failed; logs kept in ${logDir}`);
    await stop(true);
    throw e;
  }
}

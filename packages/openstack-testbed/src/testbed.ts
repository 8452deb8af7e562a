/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  cinderConf,
  ConfigContext,
  glanceConf,
  keystoneConf,
  ml2Conf,
  neutronConf,
  novaConf,
  octaviaConf,
  placementConf,
  REGION,
} from './configs';
import { ensureDebianPackages, installedVersions } from './debianPackages';
import { Ini, renderIni } from './ini';
import { DB_USER, initDataDir, MariaDb, startMariaDb } from './mariadb';
import { authenticate, request, Session } from './openstackHttp';
import {
  exitedWith,
  freePort,
  Logger,
  run,
  stderrLogger,
  Supervised,
  waitFor,
} from './processes';
import { RabbitMq, startRabbitMq } from './rabbitmq';
import {
  seedCatalog,
  seedDemoIdentity,
  seedServiceUsers,
  DemoIdentity,
} from './seedIdentity';
import {
  AVAILABILITY_ZONES,
  seedAvailabilityZones,
  seedFlavors,
  seedImages,
  seedKeyPairs,
  seedNetworks,
  seedQuotas,
  SeededResources,
} from './seedResources';
import {
  serviceEnv,
  startPythonService,
  startWsgi,
  waitForApi,
} from './services';
import { testbedCacheDir } from './paths';

/** Bumped when the database template's content changes (new sync step...). */
const TEMPLATE_FORMAT = 2;

export interface TestbedOptions {
  log?: Logger;
  /**
   * Availability zone -> fake nova-compute host (default AVAILABILITY_ZONES,
   * the demo fleet's zones); {} runs no compute service.
   */
  availabilityZones?: Record<string, string>;
  /** Cinder and Octavia APIs (default true). */
  cinder?: boolean;
  octavia?: boolean;
}

/** What a test or the local demo needs to reach the testbed (JSON-safe). */
export interface TestbedInfo {
  authUrl: string;
  region: string;
  /** Public endpoint of each service type. */
  endpoints: Record<string, string>;
  admin: {
    username: string;
    password: string;
    projectName: string;
    domain: string;
  };
  demo: DemoIdentity & { domain: string };
  /**
   * A clouds.yaml with the demo user's application credential (cloud
   * `testbed`); cloudsYamlFor(info, name) renders it under another cloud name.
   */
  cloudsYaml: string;
  resources: SeededResources & { availabilityZones: string[] };
  /** Seconds each phase took. */
  timings: Record<string, number>;
}

export interface OpenStackTestbed {
  info: TestbedInfo;
  /** Temporary folder (configs, logs, data), removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

function writeIni(file: string, ini: Ini) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderIni(ini), { mode: 0o600 });
}

interface ConfigFiles {
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
}

function writeConfigs(ctx: ConfigContext): ConfigFiles {
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
  };
}

/**
 * Creates every service's schema (the slow part: about a thousand
 * migrations). Cell mappings get URL templates so that the template works
 * with any later run's ports.
 */
async function syncDatabases(
  files: ConfigFiles,
  db: MariaDb,
  logDir: string,
  log: Logger,
) {
  const env = serviceEnv();
  const step = async (name: string, cmd: string, args: string[]) => {
    const started = Date.now();
    await run(cmd, args, {
      logFile: path.join(logDir, `db-sync-${name}.log`),
      env,
      timeoutMs: 900_000,
    });
    log(`db sync ${name}: ${Math.round((Date.now() - started) / 1000)} s`);
  };
  const nova = ['--config-file', files.nova];
  await Promise.all([
    step('keystone', 'keystone-manage', [
      '--config-file',
      files.keystone,
      'db_sync',
    ]),
    step('glance', 'glance-manage', [
      '--config-file',
      path.join(files.glanceDir, 'glance-api.conf'),
      'db_sync',
    ]),
    step('placement', 'placement-manage', [
      '--config-file',
      path.join(files.placementDir, 'placement.conf'),
      'db',
      'sync',
    ]),
    (async () => {
      await step('nova_api', 'nova-manage', [...nova, 'api_db', 'sync']);
      await step('nova cell0', 'nova-manage', [
        ...nova,
        'cell_v2',
        'map_cell0',
      ]);
      await step('nova cell1', 'nova-manage', [
        ...nova,
        'cell_v2',
        'create_cell',
        '--name',
        'cell1',
      ]);
      await step('nova', 'nova-manage', [...nova, 'db', 'sync']);
    })(),
    step('neutron', 'neutron-db-manage', [
      '--config-file',
      files.neutron,
      '--config-file',
      files.ml2,
      'upgrade',
      'heads',
    ]),
    step('cinder', 'cinder-manage', [
      '--config-file',
      files.cinder,
      'db',
      'sync',
    ]),
    step('octavia', 'octavia-db-manage', [
      '--config-file',
      files.octavia,
      'upgrade',
      'head',
    ]),
  ]);
  await db.sql(
    [
      `UPDATE nova_api.cell_mappings SET database_connection='mysql+pymysql://{username}:{password}@{hostname}:{port}/nova_cell0?{query}' WHERE name='cell0';`,
      `UPDATE nova_api.cell_mappings SET database_connection='mysql+pymysql://{username}:{password}@{hostname}:{port}/{path}?{query}', transport_url='rabbit://{username}:{password}@{hostname}:{port}/' WHERE name='cell1';`,
    ].join('\n'),
  );
}

/** Keystone's token and credential encryption keys (kept in the template). */
async function keystoneKeys(keystoneConfFile: string, logDir: string) {
  for (const command of ['fernet_setup', 'credential_setup']) {
    await run(
      'keystone-manage',
      [
        '--config-file',
        keystoneConfFile,
        command,
        '--keystone-user',
        'root',
        '--keystone-group',
        'root',
      ],
      { logFile: path.join(logDir, 'keystone-setup.log'), env: serviceEnv() },
    );
  }
}

function templateKey(): string {
  return crypto
    .createHash('sha256')
    .update(`${TEMPLATE_FORMAT}\n${installedVersions()}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Starts MariaDB, RabbitMQ, Keystone, Glance, Placement, Nova (API,
 * conductor, scheduler, one fake compute per availability zone), Neutron
 * (ML2), Cinder and Octavia APIs on loopback, and seeds them.
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
  let stopped = false;
  const exitHook = () => {
    for (const p of processes) p.child.kill('SIGTERM');
  };
  process.on('exit', exitHook);
  // CAPI_OPENSTACK_TESTBED_KEEP=1 keeps the folder (configs, logs) for a look.
  const stop = async (keep = !!process.env.CAPI_OPENSTACK_TESTBED_KEEP) => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', exitHook);
    await Promise.all([...processes].reverse().map(p => p.stop()));
    await Promise.all([rabbit?.stop(), db?.stop()]);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    // Database: a copy of the cached template, or a fresh one that becomes the template.
    const templateDir = path.join(
      testbedCacheDir(),
      `mariadb-${templateKey()}`,
    );
    const dataDir = path.join(dir, 'mysql');
    const rabbitPromise = startRabbitMq(path.join(dir, 'rabbitmq'), log);
    rabbitPromise.catch(() => undefined);
    let dbPassword: string;
    const haveTemplate = fs.existsSync(path.join(templateDir, 'password'));
    if (haveTemplate) {
      dbPassword = fs
        .readFileSync(path.join(templateDir, 'password'), 'utf8')
        .trim();
      await run('cp', ['-a', path.join(templateDir, 'data'), dataDir], {
        logFile: path.join(logDir, 'setup.log'),
      });
      db = await startMariaDb({
        dataDir,
        runDir: path.join(dir, 'mariadb'),
        log,
      });
    } else {
      dbPassword = crypto.randomBytes(12).toString('hex');
      await initDataDir(dataDir, dbPassword, path.join(logDir, 'setup.log'));
      db = await startMariaDb({
        dataDir,
        runDir: path.join(dir, 'mariadb'),
        log,
        initFile: path.join(dataDir, 'testbed-init.sql'),
      });
    }
    phase('mariadb');
    rabbit = await rabbitPromise;
    phase('rabbitmq');

    const port = {
      keystone: await freePort(),
      glance: await freePort(),
      placement: await freePort(),
      nova: await freePort(),
      neutron: await freePort(),
      cinder: await freePort(),
      octavia: await freePort(),
    };
    const keystoneUrl = `http://127.0.0.1:${port.keystone}`;
    const ctx: ConfigContext = {
      dir,
      db: { port: db.port, user: DB_USER, password: dbPassword },
      amqpPort: rabbit.amqpPort,
      keystoneUrl,
      servicePassword: crypto.randomBytes(12).toString('hex'),
    };
    const files = writeConfigs(ctx);
    if (haveTemplate) {
      for (const keys of ['fernet-keys', 'credential-keys']) {
        fs.cpSync(
          path.join(templateDir, keys),
          path.join(dir, 'keystone', keys),
          { recursive: true },
        );
      }
    }

    if (!haveTemplate) {
      log('first run: creating the database schemas (cached afterwards)');
      await Promise.all([
        syncDatabases(files, db, logDir, log),
        keystoneKeys(files.keystone, logDir),
      ]);
      await db.stop();
      const tmp = `${templateDir}.tmp-${process.pid}`;
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.mkdirSync(tmp, { recursive: true });
      await run('cp', ['-a', dataDir, path.join(tmp, 'data')], {
        logFile: path.join(logDir, 'setup.log'),
      });
      fs.rmSync(path.join(tmp, 'data', 'testbed-init.sql'));
      await run(
        'cp',
        [
          '-a',
          path.join(dir, 'keystone', 'fernet-keys'),
          path.join(dir, 'keystone', 'credential-keys'),
          tmp,
        ],
        {
          logFile: path.join(logDir, 'setup.log'),
        },
      );
      fs.writeFileSync(path.join(tmp, 'password'), dbPassword, { mode: 0o600 });
      fs.rmSync(templateDir, { recursive: true, force: true });
      fs.renameSync(tmp, templateDir);
      db = await startMariaDb({
        dataDir,
        runDir: path.join(dir, 'mariadb'),
        log,
      });
      ctx.db.port = db.port;
      Object.assign(files, writeConfigs(ctx));
      phase('db sync (first run)');
    }

    // Every other API, the conductor and the scheduler load while Keystone
    // starts: they need Keystone only for requests. The compute services
    // come after the catalog (they look Placement up in it at start).
    const u = (p: number, suffix = '') => `http://127.0.0.1:${p}${suffix}`;
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
      u(port.glance),
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
      u(port.placement),
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
      u(port.nova),
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
      u(port.neutron),
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
        u(port.cinder),
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
        u(port.octavia),
      );
    }
    const hostConfigs = Object.values(zones).map(host => {
      const f = path.join(dir, 'nova', `${host}.conf`);
      writeIni(f, { DEFAULT: { host } });
      return { host, f };
    });

    // Keystone.
    const env = serviceEnv();
    const adminPassword = crypto.randomBytes(12).toString('hex');
    const ksArgs = ['--config-file', files.keystone];
    const setupLog = path.join(logDir, 'keystone-setup.log');
    // Bootstrap and the API's start at once: the WSGI app needs no data to
    // load. The fernet and credential keys come with the template.
    const keystone = startWsgi(
      {
        name: 'keystone',
        wsgiFile: '/usr/bin/keystone-wsgi-public',
        port: port.keystone,
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
    await Promise.all([
      seedServiceUsers(admin, ctx.servicePassword),
      seedCatalog(admin, [
        { type: 'image', name: 'glance', url: u(port.glance) },
        { type: 'placement', name: 'placement', url: u(port.placement) },
        { type: 'compute', name: 'nova', url: u(port.nova, '/v2.1') },
        { type: 'network', name: 'neutron', url: u(port.neutron) },
        ...(withCinder
          ? [{ type: 'volumev3', name: 'cinderv3', url: u(port.cinder, '/v3') }]
          : []),
        ...(withOctavia
          ? [{ type: 'load-balancer', name: 'octavia', url: u(port.octavia) }]
          : []),
      ]),
    ]);
    phase('keystone seed');

    // Conductor and scheduler check their Placement credentials at start
    // (a 401 is fatal), so they come after the service users.
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
    processes.push(...novaServices);
    const demoIdentity = await seedDemoIdentity(admin, keystoneUrl);
    // A new token carries the new catalog.
    admin = await authenticate(keystoneUrl, adminCreds);
    await Promise.all(apis.map(a => waitForApi(a.p, a.url)));
    phase('other APIs up (and the demo project)');

    const [flavors, images, networks] = await Promise.all([
      seedFlavors(admin),
      seedImages(admin),
      seedNetworks(admin, demoIdentity.projectId),
    ]);
    const demo = await authenticate(keystoneUrl, {
      kind: 'password',
      username: demoIdentity.username,
      password: demoIdentity.password,
      projectName: demoIdentity.projectName,
    });
    const keyPairs = await seedKeyPairs(demo);
    await seedQuotas(admin, demoIdentity.projectId, {
      volume: withCinder,
      loadBalancer: withOctavia,
    });
    phase('seed');

    if (hostConfigs.length) {
      const nova = admin.endpoint('compute');
      await waitFor(
        'the fake nova-compute services to report up',
        async () => {
          const res = await request(
            'GET',
            `${nova}/os-services?binary=nova-compute`,
            { token: admin.token },
          );
          const up = res.body.services
            .filter((s: any) => s.state === 'up')
            .map((s: any) => s.host);
          return hostConfigs.every(h => up.includes(h.host)) ? true : undefined;
        },
        {
          timeoutMs: 180_000,
          intervalMs: 1000,
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
      await seedAvailabilityZones(admin, zones);
      phase('compute and availability zones');
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

/**
 * The clouds.yaml a CAPO identity Secret holds: the demo user's application
 * credential under `cloudName` (an identity Secret's `identityRef.cloudName`).
 */
export function renderCloudsYaml(
  keystoneUrl: string,
  demo: Pick<DemoIdentity, 'applicationCredential'>,
  cloudName = 'testbed',
): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(cloudName)) {
    throw new Error(
      `cloud name "${cloudName}" is not a plain YAML key (letters, digits, _ . -)`,
    );
  }
  return [
    'clouds:',
    `  ${cloudName}:`,
    '    auth_type: v3applicationcredential',
    '    auth:',
    `      auth_url: ${keystoneUrl}/v3`,
    `      application_credential_id: ${demo.applicationCredential.id}`,
    `      application_credential_secret: ${demo.applicationCredential.secret}`,
    `    region_name: ${REGION}`,
    '    interface: public',
    '    identity_api_version: 3',
    '',
  ].join('\n');
}

/** renderCloudsYaml for a running testbed's info (e.g. read from `start --out FILE`). */
export function cloudsYamlFor(info: TestbedInfo, cloudName: string): string {
  return renderCloudsYaml(info.authUrl, info.demo, cloudName);
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The app as `npm start` runs it (local management cluster with the demo
// fleet, simulated controllers, Backstage with a generated config pointing at
// the local cluster), but on free ports and private temporary files so that it
// can run next to a developer's `npm start`. Differences, on purpose:
// - the frontend is a production build served by the backend's app plugin
//   (one port; see buildFrontend.ts for why), unless
//   CAPI_OPENSTACK_E2E_FRONTEND=dev asks for the webpack dev server;
// - the backend runs without the CLI's file watcher, so that edits in the
//   shared tree do not restart it in the middle of a test;
// - app-config.local.yaml is not read (it may name a real management cluster);
// - the demo's identity Secrets always point at the OpenStack testbed (as with
//   `npm start -- --openstack`): the shared one of `npm test`
//   (CAPI_OPENSTACK_TESTBED_INFO) or, run alone, a private one.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  httpStatus,
  repoRoot,
  supervise,
  Supervised,
  tail,
} from '@internal/test-support';
import {
  clientFromKubeconfig,
  pointIdentitySecrets,
} from '@internal/management-cluster';
import {
  cloudsYamlFor,
  FLAVORS,
  KUBERNETES_VERSIONS,
  setupOpenStackTestbed,
  TestbedHandle,
  TestbedInfo,
} from '@internal/openstack-testbed';
import { buildFrontend, FrontendMode } from './buildFrontend';
import { resultsDir } from './paths';

export interface AppUnderTest {
  /** Where the browser opens the app. */
  baseUrl: string;
  /** Admin kubeconfig of the local management cluster. */
  kubeconfigPath: string;
  /** The OpenStack testbed the demo's identity Secrets use. */
  openstack: TestbedInfo;
  /** Seconds per startup phase, for the report. */
  timings: Record<string, number>;
  /** Stops every process started here (also after a failed start). */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** Simulator speed-up: high, so that scaling converges in seconds. */
  timeScale?: number;
  frontend?: FrontendMode;
  log?: (message: string) => void;
}

/** capiOpenstack.openstack.allowedAuthUrls for the testbed: Keystone and each service's origin. */
function testbedPrefixes(info: TestbedInfo): string[] {
  return [...new Set([info.authUrl, ...Object.values(info.endpoints)].map(u => `${new URL(u).origin}/`))];
}

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

export async function startApp(
  options: StartAppOptions = {},
): Promise<AppUnderTest> {
  const log =
    options.log ?? ((m: string) => process.stderr.write(`[e2e] ${m}\n`));
  const frontend: FrontendMode =
    options.frontend ??
    (process.env.CAPI_OPENSTACK_E2E_FRONTEND === 'dev' ? 'dev' : 'build');
  // A fresh folder of screenshots and logs per run.
  fs.rmSync(resultsDir, { recursive: true, force: true });
  const logsDir = path.join(resultsDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-openstack-e2e-'));
  const started: Array<Pick<Supervised, 'stop'>> = [];
  let testbed: TestbedHandle | undefined;
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  const mark = (phase: string, since: number) => {
    timings[phase] = Math.round((Date.now() - since) / 100) / 10;
    log(`${phase}: ${timings[phase]} s`);
  };

  const stop = async () => {
    // Backstage first, then the controllers, then the API server they use.
    for (const p of [...started].reverse()) await p.stop();
    // Stops a private testbed only; the shared one belongs to npm test.
    await testbed?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    const backendPort = await freePort();
    const frontendPort = frontend === 'dev' ? await freePort() : backendPort;
    const baseUrl = `http://localhost:${frontendPort}`;
    const backendUrl = `http://localhost:${backendPort}`;
    const kubeconfigPath = path.join(tmp, 'kubeconfig');

    // The management cluster, the frontend build and the OpenStack testbed
    // are independent: in parallel.
    const testbedReady = setupOpenStackTestbed().then(handle => {
      testbed = handle;
      return handle.info;
    });
    // Reported where it is awaited; an unobserved rejection would end jest.
    testbedReady.catch(() => undefined);
    /** packages/<pkg>/src/cli.ts under tsx, logging to <logName>.log in the logs folder. */
    const superviseCli = (
      name: string,
      [pkg, logName]: [string, string],
      args: string[],
      extra: { readyLine: RegExp; cleanupDir?: string },
    ) =>
      supervise(name, bin('tsx'), [path.join(repoRoot, `packages/${pkg}/src/cli.ts`), ...args], {
        cwd: repoRoot,
        logFile: path.join(logsDir, `${logName}.log`),
        ...extra,
      });
    const mcStart = Date.now();
    const mc = superviseCli(
      'management cluster',
      ['management-cluster', 'management-cluster'],
      ['start', '--kubeconfig', kubeconfigPath],
      {
        readyLine: /^READY (.+)$/m,
        // Started first, stopped last: its watchdog removes the kubeconfig and
        // generated config even when the test process was killed.
        cleanupDir: tmp,
      },
    );
    started.push(mc);
    const build =
      frontend === 'build'
        ? buildFrontend({
            logFile: path.join(logsDir, 'frontend-build.log'),
            log,
          })
        : undefined;
    if (build) started.push(build);
    await withTimeout(mc.ready, 240_000, 'the management cluster', mc.logFile);
    mark('management cluster + demo fleet', mcStart);

    const openstack = await testbedReady;
    const kube = clientFromKubeconfig(kubeconfigPath);
    try {
      const pointed = await pointIdentitySecrets(kube, cloudName =>
        cloudsYamlFor(openstack, cloudName),
      );
      log(
        `${pointed.length} identity Secrets use the OpenStack testbed at ${openstack.authUrl}`,
      );
    } finally {
      kube.close();
    }
    mark('OpenStack testbed, identity Secrets pointed at it', t0);

    const simStart = Date.now();
    const sim = superviseCli(
      'simulator',
      ['capi-simulator', 'simulator'],
      ['--kubeconfig', kubeconfigPath, '--time-scale', String(options.timeScale ?? 40)],
      { readyLine: /^READY/m },
    );
    started.push(sim);
    await withTimeout(sim.ready, 60_000, 'the simulator', sim.logFile);
    mark('simulator', simStart);

    const configFile = path.join(tmp, 'app-config.e2e.yaml');
    fs.writeFileSync(
      configFile,
      [
        '# Generated by the e2e tests: free ports, the local management cluster.',
        'app:',
        `  baseUrl: ${baseUrl}`,
        ...(frontend === 'dev'
          ? ['  listen:', `    port: ${frontendPort}`]
          : []),
        'backend:',
        `  baseUrl: ${backendUrl}`,
        '  listen:',
        `    port: ${backendPort}`,
        '  cors:',
        `    origin: ${baseUrl}`,
        'capiOpenstack:',
        '  managementClusters:',
        '    - name: local',
        '      title: Local management cluster',
        '      kubeconfig:',
        `        path: ${JSON.stringify(kubeconfigPath)}`,
        // As npm start configures them: the seed's flavors and images.
        `  flavors: [${FLAVORS.map(f => f.name).join(', ')}]`,
        '  kubernetesVersions:',
        ...KUBERNETES_VERSIONS.map(v => `    - { version: ${v}, image: ubuntu-2404-kube-${v} }`),
        '  openstack:',
        '    timeoutSeconds: 30 # the testbed on a loaded CI machine',
        // Keystone and the origin of every catalog endpoint (each service has its own port).
        `    allowedAuthUrls: ${JSON.stringify(testbedPrefixes(openstack))}`,
        '',
      ].join('\n'),
    );
    const configArgs = [
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      configFile,
    ];

    if (build) {
      await build.done;
      mark('frontend build (parallel to the management cluster)', t0);
    }

    const backendStart = Date.now();
    const backend = supervise(
      'backend',
      process.execPath,
      [
        '--enable-source-maps',
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
          paths: [repoRoot],
        }),
        'src/index',
        ...configArgs,
      ],
      {
        cwd: path.join(repoRoot, 'packages/backend'),
        logFile: path.join(logsDir, 'backend.log'),
        env: {
          ...process.env,
          NODE_ENV: 'development',
          ESBK_TSCONFIG_PATH: path.join(repoRoot, 'tsconfig.json'),
        },
      },
    );
    started.push(backend);
    await backend
      .waitReady(
        async () =>
          (await httpStatus(`${backendUrl}/.backstage/health/v1/readiness`)) ===
          200,
        { timeoutMs: 180_000, intervalMs: 500, message: 'the backend' },
      )
      .catch(e => {
        // An exit already carries the log's tail.
        if (backend.hasExited()) throw e;
        throw new Error(`${e.message}\n${tail(backend.logFile)}`);
      });
    mark('backend', backendStart);

    if (frontend === 'dev') {
      const devStart = Date.now();
      const dev = supervise(
        'frontend dev server',
        bin('backstage-cli'),
        ['package', 'start', ...configArgs],
        {
          cwd: path.join(repoRoot, 'packages/app'),
          logFile: path.join(logsDir, 'frontend-dev.log'),
          // As under `npm start`, where the backend sets it for the whole CLI;
          // Rspack picks the browserslist query by it.
          env: { ...process.env, BROWSER: 'none', NODE_ENV: 'development' },
        },
      );
      started.push(dev);
      await dev.waitReady(async () => (await httpStatus(baseUrl)) === 200, {
        timeoutMs: 300_000,
        intervalMs: 500,
        message: 'the frontend dev server',
      });
      mark('frontend dev server', devStart);
    }
    mark('harness total', t0);
    return { baseUrl, kubeconfigPath, openstack, timings, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function withTimeout<T>(
  p: Promise<T>,
  ms: number,
  what: string,
  logFile: string | undefined,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`timed out after ${ms} ms waiting for ${what}`)),
          ms,
        );
      }),
    ]);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${tail(logFile)}`);
  } finally {
    clearTimeout(timer);
  }
}

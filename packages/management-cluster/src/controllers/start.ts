/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import {
  cacheDir,
  exitedWith,
  freePorts,
  httpStatus,
  KubeHttp,
  KubeObject,
  Logger,
  supervise,
  Supervised,
  waitFor,
} from '@internal/test-support';
import { downloadModule, findGo } from '../go';
import { issueServingCert } from '../pki';
import { ensureControllerBinaries } from './binaries';
import { CAPO_COMPONENT, CapoComponent, prepareCapo } from './capo';
import { prepareWorkloads, PreparedWorkloads, WORKLOADS_BINARY } from './workloads';
import {
  CAPI_CONTROLLERS_VERSION,
  CAPI_MODULE,
  CLUSTERCTL_VARIABLES,
  CONTROLLER_COMPONENTS,
  ControllerComponent,
} from './components';
import {
  featureGates,
  LocalEndpoints,
  localManagerArgs,
  localWebhookConfigurations,
  managerArgs,
} from './manifests';

/** The namespace the managers believe they run in (POD_NAMESPACE). */
export const CONTROLLERS_NAMESPACE = 'capi-system';

export interface PreparedController {
  component: ControllerComponent | CapoComponent;
  binary: string;
  /** The component's folder in the module (holds `config/`). */
  dir: string;
  endpoints: LocalEndpoints;
  /** https://127.0.0.1:<webhook port> */
  baseUrl: string;
  args: string[];
  featureGates: Record<string, boolean>;
}

export interface PreparedControllers {
  controllers: PreparedController[];
  /** PEM of the CA that signed the webhooks' serving certificate. */
  caBundle: string;
  /** The webhook base URL for CRDs of a component folder of the CAPI (or, with CAPO, CAPO) module. */
  baseUrlFor(module: string, component: string): string | undefined;
  /** CRDs the managers need beyond the CRD set (with CAPO: ORC's Image). */
  extraCrds: KubeObject[];
  /** The in-memory workload clusters, when asked for. */
  workloads?: PreparedWorkloads;
}

/**
 * Builds (or finds) the binaries, picks ports and issues the webhooks'
 * serving certificate; nothing runs yet, so that the CRDs can be installed
 * with their conversion webhooks pointed at the ports first.
 */
export async function prepareControllers(options: {
  dir: string;
  caCert: string;
  log: Logger;
  /** Also CAPO v0.14.7's manager, with its webhooks and CRD conversion. */
  capo?: boolean;
  /** Also an in-memory workload cluster per Cluster (controllers/workloads.ts). */
  workloads?: boolean;
}): Promise<PreparedControllers> {
  const go = await findGo();
  const [binaries, mod] = await Promise.all([
    ensureControllerBinaries(options.log),
    downloadModule(go, CAPI_MODULE, CAPI_CONTROLLERS_VERSION, options.log, cacheDir()),
  ]);
  const certDir = path.join(options.dir, 'webhook-certs');
  await issueServingCert(path.dirname(options.caCert), certDir, 'capi-webhooks');
  const controllers: PreparedController[] = [];
  // Three ports per manager (CAPO's too) and two for the workload clusters,
  // all picked at once so that none repeats.
  const ports = await freePorts((CONTROLLER_COMPONENTS.length + 1) * 3 + 2);
  for (const component of CONTROLLER_COMPONENTS) {
    const dir = path.join(mod.dir, component.folder);
    const deployment = yaml.load(fs.readFileSync(path.join(dir, 'config/manager/manager.yaml'), 'utf8'));
    const fromManifest = managerArgs(deployment, CLUSTERCTL_VARIABLES);
    const [webhookPort, healthPort, metricsPort] = ports.splice(0, 3);
    const endpoints: LocalEndpoints = { webhookPort, webhookCertDir: certDir, healthPort, metricsPort };
    controllers.push({
      component,
      binary: binaries.paths[component.name],
      dir,
      endpoints,
      baseUrl: `https://127.0.0.1:${endpoints.webhookPort}`,
      args: localManagerArgs(fromManifest, endpoints),
      featureGates: featureGates(fromManifest),
    });
  }
  const module = `${CAPI_MODULE}@${CAPI_CONTROLLERS_VERSION}`;
  const capo = options.capo ? await prepareCapo({ certDir, log: options.log, ports: ports.splice(0, 3) }) : undefined;
  const workloads = options.workloads
    ? await prepareWorkloads({ log: options.log, ports: ports.slice(-2), standInForCapo: !options.capo })
    : undefined;
  if (capo) {
    controllers.push({
      component: CAPO_COMPONENT,
      binary: capo.binary,
      dir: capo.dir,
      endpoints: capo.endpoints,
      baseUrl: `https://127.0.0.1:${capo.endpoints.webhookPort}`,
      args: capo.args,
      featureGates: capo.featureGates,
    });
  }
  return {
    controllers,
    caBundle: Buffer.from(fs.readFileSync(options.caCert)).toString('base64'),
    baseUrlFor: (m, component) => {
      if (m === module) return controllers.find(c => c.component.folder === component)?.baseUrl;
      if (capo && m === capo.module) return controllers.find(c => c.component === CAPO_COMPONENT)?.baseUrl;
      return undefined;
    },
    extraCrds: capo?.crds ?? [],
    workloads,
  };
}

export interface RunningControllers {
  processes: Supervised[];
  /** Stops the managers (before kube-apiserver, so they do not log its absence). */
  stop(): Promise<void>;
}

/**
 * Installs the webhook configurations and starts the three managers against
 * `kubeconfigPath`; resolves once each answers /readyz (its webhook server is
 * serving and its caches are synced).
 */
export async function startControllers(
  prepared: PreparedControllers,
  options: { client: KubeHttp; kubeconfigPath: string; logDir: string; log: Logger },
): Promise<RunningControllers> {
  const { client, log } = options;
  await client
    .create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: CONTROLLERS_NAMESPACE } })
    .catch(e => {
      if (e?.statusCode !== 409) throw e;
    });
  const configurations: KubeObject[] = prepared.controllers.flatMap(c =>
    localWebhookConfigurations(
      yaml.loadAll(fs.readFileSync(path.join(c.dir, 'config/webhook/manifests.yaml'), 'utf8')),
      { namePrefix: c.component.name, baseUrl: c.baseUrl, caBundle: prepared.caBundle },
    ),
  );
  for (const configuration of configurations) await client.create(configuration);

  const processes: Supervised[] = [];
  const stop = async () => {
    await Promise.all(processes.map(p => p.stop()));
  };
  try {
    for (const c of prepared.controllers) {
      processes.push(
        supervise(c.component.binary, c.binary, c.args, {
          logFile: path.join(options.logDir, `${c.component.name}-controller.log`),
          env: {
            ...process.env,
            KUBECONFIG: options.kubeconfigPath,
            POD_NAMESPACE: CONTROLLERS_NAMESPACE,
            POD_NAME: `${c.component.name}-controller-manager`,
          },
          graceMs: 5_000,
        }),
      );
    }
    const started = Date.now();
    await Promise.all(
      prepared.controllers.map((c, i) =>
        waitFor(
          async () => (await httpStatus(`http://127.0.0.1:${c.endpoints.healthPort}/readyz`)) === 200,
          {
            timeoutMs: 180_000,
            intervalMs: 250,
            message: `${c.component.binary} to answer /readyz`,
            failFast: exitedWith(processes[i]),
          },
        ),
      ),
    );
    if (prepared.workloads) {
      const { binary, args, healthPort } = prepared.workloads;
      const workloads = supervise(WORKLOADS_BINARY, binary, args, {
        logFile: path.join(options.logDir, 'workloads.log'),
        env: { ...process.env, KUBECONFIG: options.kubeconfigPath },
        graceMs: 5_000,
      });
      processes.push(workloads);
      await waitFor(async () => (await httpStatus(`http://127.0.0.1:${healthPort}/readyz`)) === 200, {
        timeoutMs: 60_000,
        intervalMs: 250,
        message: `${WORKLOADS_BINARY} to answer /readyz`,
        failFast: exitedWith(workloads),
      });
    }
    log(
      `Cluster API ${CAPI_CONTROLLERS_VERSION} controllers ready in ${((Date.now() - started) / 1000).toFixed(1)} s (webhooks on ${prepared.controllers
        .map(c => c.endpoints.webhookPort)
        .join(', ')})`,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { processes, stop };
}

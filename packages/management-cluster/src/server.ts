/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import {
  freePort,
  KubeHttp,
  KubeObject,
  Logger,
  supervise,
  Supervised,
  waitFor,
} from '@internal/test-support';
import { ensureBinaries } from './binaries';
import { CrdSetName, DEFAULT_CRD_SET, ensureCrds } from './crds';
import {
  connect,
  ConnectionInfo,
  LOCAL_USERS,
  LocalUser,
  ManagementClusterHandle,
} from './connect';
import { stderrLogger } from './paths';
import { createPki } from './pki';
import { localCrd } from './controllers/manifests';
import {
  prepareControllers,
  PreparedControllers,
  RunningControllers,
  startControllers,
} from './controllers/start';
import { ensureControllerBinaries } from './controllers/binaries';
import { ensureCapoBinary } from './controllers/capo';
import { ensureWorkloadsBinary } from './controllers/workloads';

export interface StartOptions {
  crdSet?: CrdSetName;
  /** Write an admin kubeconfig here. */
  kubeconfigPath?: string;
  log?: Logger;
  /**
   * Runs the real Cluster API controllers (core, kubeadm control plane,
   * kubeadm bootstrap) with their webhooks (capi-v1.14 only).
   */
  realControllers?: boolean;
  /** With `realControllers`: also runs CAPO v0.14.7's manager (webhooks, CRD conversion). */
  capo?: boolean;
  /**
   * With `realControllers`: serves an in-memory workload cluster (API server,
   * etcd, a Node per Machine) at each Cluster's control plane endpoint, so
   * that the real controllers bring clusters up to Available. Without CAPO
   * it also marks the OpenStack infrastructure provisioned.
   */
  workloadClusters?: boolean;
}

export interface ManagementCluster extends ManagementClusterHandle {
  /** Connection details, for another process (tests) to reach it. */
  info: ConnectionInfo;
  kubeconfigPath?: string;
  /** Temporary folder of etcd data, certificates and logs (removed by stop). */
  dataDir: string;
  /** The real controllers, when started with `realControllers`. */
  controllers?: RunningControllers & { prepared: PreparedControllers };
  /**
   * Stops kube-apiserver and starts it again on the same port and etcd
   * (watches break). `downtimeMs` keeps it down that long before the start,
   * so that clients see connection failures rather than only closed watches.
   */
  restartApiServer(options?: { downtimeMs?: number }): Promise<void>;
  /** Stops both processes and removes every temporary file. */
  stop(): Promise<void>;
}

// kube-apiserver keeps serving open watches for a long time after SIGTERM:
// 3 s, then SIGKILL.
const GRACE_MS = 3_000;

async function httpOk(url: string): Promise<boolean> {
  return new Promise(resolve => {
    const req = http.get(url, res => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * Starts etcd and kube-apiserver (TLS, token authentication, RBAC) on free
 * loopback ports, installs the CRD set and waits until every CRD is
 * Established.
 */
export async function startManagementCluster(
  options: StartOptions = {},
): Promise<ManagementCluster> {
  const log = options.log ?? stderrLogger;
  const crdSet = options.crdSet ?? DEFAULT_CRD_SET;
  if (options.realControllers && crdSet !== 'capi-v1.14') {
    throw new Error(`The real controllers are Cluster API v1.14: they need the capi-v1.14 CRD set, not ${crdSet}`);
  }
  if (options.workloadClusters && !options.realControllers) {
    throw new Error('workloadClusters serve the real controllers: set realControllers too');
  }
  const [binaries, crdFiles] = await Promise.all([
    ensureBinaries(log),
    ensureCrds(crdSet, log),
    // Fail before anything starts when they cannot be built (one Go build at a time).
    options.realControllers
      ? ensureControllerBinaries(log)
          .then(() => (options.capo ? ensureCapoBinary(log) : undefined))
          .then(() => (options.workloadClusters ? ensureWorkloadsBinary(log) : undefined))
      : undefined,
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-openstack-mc-'));
  const processes: Supervised[] = [];
  let controllers: RunningControllers | undefined;
  let stopped = false;
  // Last resort on a plain process.exit() (the supervisor ends the processes).
  const exitHook = () => fs.rmSync(dir, { recursive: true, force: true });
  const cleanup = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', exitHook);
    await controllers?.stop();
    // apiserver first so it doesn't log etcd errors while shutting down.
    for (const p of [...processes].reverse()) await p.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', exitHook);

  try {
    const tokens = Object.fromEntries(
      Object.keys(LOCAL_USERS).map(u => [u, crypto.randomBytes(24).toString('hex')]),
    ) as Record<LocalUser, string>;
    fs.writeFileSync(
      path.join(dir, 'tokens.csv'),
      Object.entries(LOCAL_USERS)
        .map(([u, { groups }]) => `${tokens[u as LocalUser]},${u},${u},"${groups.join(',')}"`)
        .join('\n'),
      { mode: 0o600 },
    );
    const pki = await createPki(path.join(dir, 'pki'));

    const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const etcd = supervise(
      'etcd',
      binaries.etcd,
      [
        '--name', 'local',
        '--data-dir', path.join(dir, 'etcd'),
        '--listen-client-urls', etcdUrl,
        '--advertise-client-urls', etcdUrl,
        '--listen-peer-urls', `http://127.0.0.1:${peerPort}`,
        '--initial-advertise-peer-urls', `http://127.0.0.1:${peerPort}`,
        '--initial-cluster', `local=http://127.0.0.1:${peerPort}`,
        // A disposable store: durability is not worth the fsync latency.
        '--unsafe-no-fsync',
        '--log-level', 'warn',
      ],
      { logFile: path.join(dir, 'etcd.log'), cleanupDir: dir, graceMs: GRACE_MS },
    );
    processes.push(etcd);
    await etcd.waitReady(() => httpOk(`${etcdUrl}/health`), {
      timeoutMs: 30_000,
      intervalMs: 200,
      message: 'etcd to become healthy',
    });

    const url = `https://127.0.0.1:${apiPort}`;
    const startApiServer = () => supervise(
      'kube-apiserver',
      binaries.kubeApiserver,
      [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        `--cert-dir=${path.join(dir, 'pki')}`,
        `--tls-cert-file=${pki.servingCert}`,
        `--tls-private-key-file=${pki.servingKey}`,
        `--client-ca-file=${pki.caCert}`,
        `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
        '--authorization-mode=RBAC',
        `--service-account-issuer=https://kubernetes.default.svc`,
        `--service-account-key-file=${pki.serviceAccountPublicKey}`,
        `--service-account-signing-key-file=${pki.serviceAccountPrivateKey}`,
        '--service-cluster-ip-range=10.96.0.0/24',
        '--allow-privileged=true',
        '--disable-admission-plugins=ServiceAccount',
        '--v=0',
      ],
      { logFile: path.join(dir, 'kube-apiserver.log'), graceMs: GRACE_MS },
    );

    let apiserver = startApiServer();
    processes.push(apiserver);
    const client = new KubeHttp(url, tokens.admin, pki.caPem);
    const waitReady = () =>
      apiserver.waitReady(() => client.request<string>('GET', '/readyz').then(() => true), {
        timeoutMs: 90_000,
        intervalMs: 300,
        message: 'kube-apiserver to become ready',
      });

    await waitReady();
    const prepared = options.realControllers
      ? await prepareControllers({
          dir,
          caCert: pki.caCert,
          log,
          capo: options.capo,
          workloads: options.workloadClusters,
        })
      : undefined;
    log(`installing ${crdFiles.length} CRDs (${crdSet})`);
    // With the labels of the components' kustomizations (the contract
    // versions CAPI looks up) and, with real controllers, their conversion webhooks.
    const crds: KubeObject[] = [
      ...crdFiles.map(f =>
        localCrd(yaml.load(fs.readFileSync(f.path, 'utf8')), {
          labels: f.labels,
          conversion: f.conversion,
          baseUrl: prepared?.baseUrlFor(f.module, f.component),
          caBundle: prepared?.caBundle,
        }),
      ),
      ...(prepared?.extraCrds ?? []),
    ];
    await Promise.all(crds.map(crd => client.create(crd)));
    await waitFor(
      async () => {
        const list = await client.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
        const established = list.filter((c: any) =>
          (c.status?.conditions ?? []).some((x: any) => x.type === 'Established' && x.status === 'True'),
        );
        return established.length >= crds.length;
      },
      { timeoutMs: 60_000, intervalMs: 250, message: 'every CRD to be Established' },
    );
    // Discovery lags behind Established by a moment.
    for (const crd of crds as any[]) {
      const version = crd.spec.versions.find((v: any) => v.storage).name;
      await waitFor(() => client.resource(`${crd.spec.group}/${version}`, crd.spec.names.kind), {
        timeoutMs: 30_000,
        intervalMs: 250,
        message: `discovery of ${crd.spec.names.kind}`,
      });
    }

    const info: ConnectionInfo = { url, caPem: pki.caPem, crdSet, tokens };
    const handle = connect(info);
    if (prepared) {
      const controllersKubeconfig = path.join(dir, 'controllers.kubeconfig');
      fs.writeFileSync(controllersKubeconfig, handle.kubeconfig('admin'), { mode: 0o600 });
      controllers = await startControllers(prepared, {
        client,
        kubeconfigPath: controllersKubeconfig,
        logDir: dir,
        log,
      });
    }
    if (options.kubeconfigPath) {
      fs.mkdirSync(path.dirname(options.kubeconfigPath), { recursive: true });
      fs.writeFileSync(options.kubeconfigPath, handle.kubeconfig('admin'), { mode: 0o600 });
    }
    return {
      ...handle,
      info,
      kubeconfigPath: options.kubeconfigPath,
      dataDir: dir,
      controllers: controllers && prepared ? { ...controllers, prepared } : undefined,
      async restartApiServer({ downtimeMs = 0 } = {}) {
        await apiserver.stop();
        if (downtimeMs > 0) await new Promise(r => setTimeout(r, downtimeMs));
        processes.splice(processes.indexOf(apiserver), 1, (apiserver = startApiServer()));
        await waitReady();
        // /readyz turns green before every watch cache is initialised (429).
        for (const crd of crds as any[]) {
          const version = crd.spec.versions.find((v: any) => v.storage).name;
          const listPath = `/apis/${crd.spec.group}/${version}/${crd.spec.names.plural}?limit=1`;
          await waitFor(() => client.request('GET', listPath), {
            timeoutMs: 60_000,
            intervalMs: 200,
            message: `${crd.spec.names.kind} to be served`,
          });
        }
      },
      async stop() {
        handle.client.close();
        client.close();
        await cleanup();
        if (options.kubeconfigPath) fs.rmSync(options.kubeconfigPath, { force: true });
      },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

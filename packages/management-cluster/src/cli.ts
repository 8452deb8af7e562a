/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Command line of the local management cluster (run with tsx):
 *   start [--crds capi-v1.14|capi-v1.10] [--no-seed] [--kubeconfig FILE]
 *       start etcd + kube-apiserver, install CRDs, seed the demo fleet, print
 *       the kubeconfig path and run until Ctrl-C / SIGTERM.
 *   test-servers --out FILE [--crds a,b]
 *       start one API server per CRD set for a test run and write their
 *       connection details to FILE; runs until SIGTERM.
 *   seed [--kubeconfig FILE]   apply the demo fleet to a running cluster.
 *   ensure [--crds ...] [--real-controllers]
 *       build the binaries (and the CAPI controllers and CAPO) and fetch the CRDs only.
 * `start --real-controllers` runs the real CAPI v1.14 controllers too, with an
 * in-memory workload cluster per Cluster (controllers/workloads.ts).
 */

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KubeHttp } from '@internal/test-support';
import { applySeed } from './applySeed';
import { ensureBinaries } from './binaries';
import { ensureControllerBinaries } from './controllers/binaries';
import { ensureCapoBinary } from './controllers/capo';
import { ensureWorkloadsBinary } from './controllers/workloads';
import { clientFromKubeconfig, ConnectionInfo } from './connect';
import { CrdSetName, ensureCrds, parseCrdSetName } from './crds';
import { localDir, stderrLogger as log } from './paths';
import { buildDemoFleet } from './seed';
import { Clock } from './seed/clock';
import { demoClusterClassObjects } from './seed/clusterClass';
import { buildLiveClusters } from './seed/liveClusters';
import { ManagementCluster, startManagementCluster } from './server';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    crds: { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    kubeconfig: { type: 'string' },
    out: { type: 'string' },
    'real-controllers': { type: 'boolean', default: false },
  },
});

const running: ManagementCluster[] = [];

/** Stops everything on Ctrl-C / SIGTERM and exits. */
function stopOnSignals() {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await Promise.all(running.map(c => c.stop()));
    process.exit(0);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => void stop(s));
  // Keep the event loop alive until a signal arrives.
  setInterval(() => {}, 1 << 30);
}

/**
 * The demo fleet's clock: the time of the first seed, kept in a ConfigMap so
 * that seeding again produces the same objects and changes nothing.
 */
async function seedTime(client: KubeHttp): Promise<Date> {
  const name = 'capi-openstack-demo-seed';
  const existing: any = await client.get('v1', 'ConfigMap', 'kube-public', name);
  if (existing?.data?.now) return new Date(existing.data.now);
  const now = new Date();
  now.setMilliseconds(0);
  await client.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'kube-public' },
    data: { now: now.toISOString() },
  });
  return now;
}

/** The frozen snapshot fleet plus the live clusters the simulator keeps converged. */
function demoFleet(now: Date) {
  return [...buildDemoFleet({ now }), ...buildLiveClusters()];
}

/**
 * What the real controllers run in the local demo: the live clusters, their
 * namespaces and the demo ClusterClass (the frozen snapshots are status the
 * real controllers would overwrite).
 */
function realControllersFleet(now: Date) {
  const live = buildLiveClusters();
  const namespaces = [...new Set(live.map(o => o.manifest.metadata.namespace).filter((n): n is string => !!n))];
  const clock = new Clock(now);
  return [
    ...buildDemoFleet({ now }).filter(o => o.manifest.kind === 'Namespace' && namespaces.includes(o.manifest.metadata.name)),
    ...namespaces.flatMap(ns => demoClusterClassObjects(ns, clock)),
    ...live,
  ];
}

function crdSets(): CrdSetName[] {
  return (values.crds ?? 'capi-v1.14').split(',').map(s => parseCrdSetName(s.trim()));
}

async function main() {
  const command = positionals[0] ?? 'start';
  switch (command) {
    case 'start': {
      const kubeconfigPath = path.resolve(values.kubeconfig ?? path.join(localDir, 'kubeconfig'));
      stopOnSignals();
      const realControllers = values['real-controllers'];
      const cluster = await startManagementCluster({
        crdSet: crdSets()[0],
        kubeconfigPath,
        log,
        realControllers,
        workloadClusters: realControllers,
      });
      running.push(cluster);
      if (!values['no-seed']) {
        const now = await seedTime(cluster.client);
        await applySeed(cluster.client, realControllers ? realControllersFleet(now) : demoFleet(now), log);
      }
      log(`local management cluster ready at ${cluster.url}`);
      log(`kubeconfig: ${kubeconfigPath}`);
      log(`try: kubectl --kubeconfig ${path.relative(process.cwd(), kubeconfigPath)} get clusters.cluster.x-k8s.io -A`);
      // A machine-readable line for the process that started us.
      process.stdout.write(`READY ${kubeconfigPath}\n`);
      return;
    }
    case 'test-servers': {
      if (!values.out) throw new Error('test-servers needs --out FILE');
      const out = path.resolve(values.out);
      stopOnSignals();
      const started = await Promise.all(crdSets().map(crdSet => startManagementCluster({ crdSet, log })));
      running.push(...started);
      const infos: ConnectionInfo[] = started.map(c => c.info);
      fs.writeFileSync(out, JSON.stringify(infos), { mode: 0o600 });
      process.stdout.write(`READY ${out}\n`);
      return;
    }
    case 'seed': {
      const kubeconfigPath = path.resolve(values.kubeconfig ?? path.join(localDir, 'kubeconfig'));
      const client = clientFromKubeconfig(kubeconfigPath);
      await applySeed(client, demoFleet(await seedTime(client)), log);
      client.close();
      return;
    }
    case 'ensure': {
      const bins = await ensureBinaries(log);
      if (values['real-controllers']) {
        const controllers = await ensureControllerBinaries(log);
        for (const [name, file] of Object.entries(controllers.paths)) log(`${name} controller: ${file}`);
        // The CAPO suites start it; built here so that no suite builds it under jest.
        log(`capo controller: ${await ensureCapoBinary(log)}`);
        log(`workload clusters: ${await ensureWorkloadsBinary(log)}`);
      }
      for (const set of crdSets()) {
        const files = await ensureCrds(set, log);
        log(`${set}: ${files.length} CRD files`);
      }
      log(`kube-apiserver: ${bins.kubeApiserver}`);
      log(`etcd: ${bins.etcd}`);
      return;
    }
    default:
      throw new Error(`unknown command "${command}" (start, test-servers, seed, ensure)`);
  }
}

main().catch(async e => {
  log(String(e instanceof Error ? e.message : e));
  await Promise.all(running.map(c => c.stop()));
  process.exit(1);
});

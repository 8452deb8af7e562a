/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm run bench -- [--clusters 500] [--concurrency 50] [--requests 2000]`
//
// Seeds N clusters (3 control plane machines, 2 pools × 3 workers, with their
// OpenStack objects) into a local API server, starts the capi-openstack
// backend in a child process against it and prints: seed time, initial sync
// time, GET /clusters p50/p99 under concurrent clients, detail p99, watch
// event → stream latency, backend RSS and heap, API server requests made by
// the backend during the reads, and the same list answered by a per-request
// LIST of the objects (the Backstage kubernetes plugin's approach) as a ratio.
// A script that prints figures, not a test: it asserts nothing.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchClusterName, benchNamespace, ManagementCluster, startManagementCluster } from '@internal/management-cluster';
import { KubeHttp } from '@internal/test-support';
import { Backend } from './backend';
import { getJson, LoadResult, openStream, percentile, runLoad } from './load';
import { measurePerRequestList } from './perRequestList';
import { seedFleet } from './seedFleet';

const MC_NAME = 'bench';
const NAMESPACES = 10;
const API = '/api/capi-openstack';

interface Args {
  clusters: number;
  concurrency: number;
  requests: number;
  seedConcurrency: number;
  events: number;
  baselineRequests: number;
  out?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    clusters: 500,
    concurrency: 50,
    requests: 2000,
    seedConcurrency: 32,
    events: 50,
    baselineRequests: 5,
  };
  const numeric: Record<string, keyof Args> = {
    '--clusters': 'clusters',
    '--concurrency': 'concurrency',
    '--requests': 'requests',
    '--seed-concurrency': 'seedConcurrency',
    '--events': 'events',
    '--baseline-requests': 'baselineRequests',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (flag === '--out') {
      args.out = value;
    } else if (numeric[flag]) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, got ${value}`);
      (args as any)[numeric[flag]] = n;
    } else {
      throw new Error(
        `unknown argument ${argv[i]}; usage: npm run bench -- [--clusters 500] [--concurrency 50] [--requests 2000] ` +
          '[--seed-concurrency 32] [--events 50] [--baseline-requests 5] [--out results.json]',
      );
    }
  }
  return args;
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MiB`;
const sleep = (t: number) => new Promise(r => setTimeout(r, t));

async function apiRequests(port: number): Promise<number> {
  const res = await getJson(port, `${API}/management-clusters`);
  return res.items.find((m: any) => m.name === MC_NAME).apiRequests;
}

/**
 * Waits until the management cluster is synced and all N clusters are in
 * GET /clusters with their final verdict (every benchmark cluster is
 * Healthy; while the LIST is still running, clusters appear with partial
 * objects and another verdict). Times are ms since the backend started.
 */
async function waitForSync(port: number, startedAt: number, clusters: number) {
  let syncedAt: number | undefined;
  let allListedAt: number | undefined;
  for (;;) {
    const res = await getJson(port, `${API}/clusters?limit=1`);
    const mc = res.managementClusters.find((m: any) => m.name === MC_NAME);
    if (mc?.state === 'synced') syncedAt ??= Date.parse(mc.since);
    if (mc?.state === 'error') throw new Error(`management cluster in error: ${mc.message}`);
    if (res.totalCount === clusters) allListedAt ??= Date.now();
    if (mc?.state === 'synced' && res.totalCount === clusters && res.verdictCounts.Healthy === clusters) {
      return {
        listWatchSyncedMs: syncedAt! - startedAt,
        firstListedMs: allListedAt! - startedAt,
        allClustersMs: Date.now() - startedAt,
        verdictCounts: res.verdictCounts,
      };
    }
    if (Date.now() - startedAt > 600_000) throw new Error(`not synced after 10 minutes: ${JSON.stringify(mc)}, ${res.totalCount}`);
    await sleep(50);
  }
}

/**
 * Patches a label on `count` Clusters (one every `intervalMs`) and measures,
 * for each, the time from just before the PATCH until a `changes` event on
 * an open /stream carries the summary with the new resourceVersion.
 */
async function measureEvents(mc: ManagementCluster, port: number, clusters: number, count: number, intervalMs: number, tag: string) {
  const stream = openStream(port, `${API}/stream`);
  await stream.opened;
  const pending = new Map<string, { t0: number; rv?: string; seen?: number }>();
  const latencies: number[] = [];
  let resolveAll: () => void;
  const all = new Promise<void>(r => (resolveAll = r));
  let expected = count;
  stream.onEvent(e => {
    if (e.event !== 'changes') return;
    for (const s of e.data.upserted ?? []) {
      const p = pending.get(`${s.namespace}/${s.name}`);
      if (!p) continue;
      // The event may arrive before the PATCH response: remember it.
      if (p.rv === undefined) p.seen = e.at;
      else if (Number(s.resourceVersion) >= Number(p.rv)) {
        latencies.push(e.at - p.t0);
        pending.delete(`${s.namespace}/${s.name}`);
        if (--expected === 0) resolveAll();
      }
    }
  });
  const client = mc.clientFor('admin');
  const step = Math.max(1, Math.floor(clusters / count));
  try {
    for (let k = 0; k < count; k++) {
      const i = (k * step + 7) % clusters;
      const ns = benchNamespace(i, NAMESPACES);
      const name = benchClusterName(i);
      const entry: { t0: number; rv?: string; seen?: number } = { t0: performance.now() };
      pending.set(`${ns}/${name}`, entry);
      const p = await client.path('cluster.x-k8s.io/v1beta2', 'Cluster', ns, name);
      const res = await client.request(
        'PATCH',
        p,
        { metadata: { labels: { 'capi-openstack.dev/bench-tick': `${tag}-${k}` } } },
        'application/merge-patch+json',
      );
      entry.rv = res.metadata.resourceVersion;
      if (entry.seen !== undefined) {
        latencies.push(entry.seen - entry.t0);
        pending.delete(`${ns}/${name}`);
        if (--expected === 0) resolveAll!();
      }
      await sleep(intervalMs);
    }
    await Promise.race([all, sleep(30_000)]);
  } finally {
    stream.close();
    client.close();
  }
  latencies.sort((a, b) => a - b);
  return {
    patched: count,
    received: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1],
  };
}

function fmtLoad(r: LoadResult) {
  return `p50 ${ms(r.p50)}, p90 ${ms(r.p90)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ${r.requests} requests at concurrency ${r.concurrency}, ${r.rps.toFixed(0)} req/s, ${(r.meanBytes / 1024).toFixed(1)} KiB/response${r.errors ? `, ${r.errors} ERRORS (first: ${r.firstError})` : ''}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const results: Record<string, any> = { args };
  const machine = {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
  results.machine = machine;
  log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}`);

  let mc: ManagementCluster | undefined;
  let backend: Backend | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-bench-'));
  let stopping = false;
  const cleanup = async () => {
    if (stopping) return;
    stopping = true;
    await backend?.stop().catch(() => {});
    await mc?.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping`);
      void cleanup().then(() => process.exit(130));
    });
  }

  try {
    const t = Date.now();
    mc = await startManagementCluster({ log: m => log(m) });
    results.apiServerStartMs = Date.now() - t;
    log(`management cluster up in ${ms(results.apiServerStartMs)}`);

    // --- seed -------------------------------------------------------------
    let lastReport = 0;
    const seeded = await seedFleet(mc, {
      clusters: args.clusters,
      concurrency: args.seedConcurrency,
      namespaces: NAMESPACES,
      onProgress: (done, objects) => {
        if (Date.now() - lastReport > 10_000 || done === args.clusters) {
          lastReport = Date.now();
          log(`seeded ${done}/${args.clusters} clusters (${objects} objects)`);
        }
      },
    });
    results.seed = { ...seeded, objectsPerSecond: Math.round(seeded.objects / (seeded.ms / 1000)) };

    // --- backend start and initial sync ------------------------------------
    const kubeconfig = path.join(tmp, 'kubeconfig');
    fs.writeFileSync(kubeconfig, mc.kubeconfig('admin'), { mode: 0o600 });
    backend = await Backend.start({ kubeconfig, managementCluster: MC_NAME, logFile: path.join(tmp, 'backend.log') });
    const port = backend.ready.port;
    const sync = await waitForSync(port, backend.ready.startedAt, args.clusters);
    results.sync = {
      ...sync,
      backendStartMs: backend.ready.readyAt - backend.ready.startedAt,
      clientNodeLoadMs: backend.ready.clientNodeLoadMs,
    };
    log(`initial sync: ${ms(sync.allClustersMs)} (${JSON.stringify(sync.verdictCounts)})`);
    await sleep(1000); // let the first flush settle
    results.memoryBefore = backend.ready.before;
    results.memoryAfterSync = await backend.memory();

    // --- reads --------------------------------------------------------------
    const apiBefore = await apiRequests(port);
    log(`GET /clusters (page of 100), ${args.concurrency} clients, ${args.requests} requests`);
    const offsets = Math.max(1, Math.floor(args.clusters / 100));
    results.listPage = await runLoad({
      port,
      concurrency: args.concurrency,
      requests: args.requests,
      path: i => `${API}/clusters?limit=100&offset=${(i % offsets) * 100}`,
    });
    log(`GET /health (reference: the HTTP stack without the plugin's work), ${args.concurrency} clients`);
    results.health = await runLoad({
      port,
      concurrency: args.concurrency,
      requests: args.requests,
      path: () => `${API}/health`,
    });
    const allRequests = Math.max(100, Math.round(args.requests / 4));
    log(`GET /clusters?limit=5000 (all), ${args.concurrency} clients, ${allRequests} requests`);
    results.listAll = await runLoad({
      port,
      concurrency: args.concurrency,
      requests: allRequests,
      path: () => `${API}/clusters?limit=5000`,
    });
    log(`GET /clusters?search=... (filtered, sorted by verdict), ${args.concurrency} clients`);
    results.listSearch = await runLoad({
      port,
      concurrency: args.concurrency,
      requests: allRequests,
      path: i => `${API}/clusters?limit=100&search=${benchClusterName(i % args.clusters).slice(0, 10)}&sort=verdict`,
    });
    log(`GET /clusters/:mc/:ns/:name (detail), ${args.concurrency} clients`);
    results.detail = await runLoad({
      port,
      concurrency: args.concurrency,
      requests: args.requests,
      path: i => {
        const c = (i * 7919) % args.clusters;
        return `${API}/clusters/${MC_NAME}/${benchNamespace(c, NAMESPACES)}/${benchClusterName(c)}`;
      },
    });
    log(`GET /clusters (page of 100), 1 client`);
    results.listPageSerial = await runLoad({
      port,
      concurrency: 1,
      requests: Math.min(500, args.requests),
      path: i => `${API}/clusters?limit=100&offset=${(i % offsets) * 100}`,
    });
    const apiAfter = await apiRequests(port);
    results.apiRequestsDuringReads = apiAfter - apiBefore;
    results.memoryAfterLoad = await backend.memory();

    // --- watch event → stream ---------------------------------------------
    log(`watch event → stream: ${args.events} Cluster label patches, one every 100 ms`);
    results.events = await measureEvents(mc, port, args.clusters, args.events, 100, 'idle');
    log(`watch event → stream under a ${args.concurrency}-client list load`);
    const stopLoad = new AbortController();
    const background = runLoad({
      port,
      concurrency: args.concurrency,
      requests: Number.MAX_SAFE_INTEGER,
      warmup: 100,
      signal: stopLoad.signal,
      path: i => `${API}/clusters?limit=100&offset=${(i % offsets) * 100}`,
    });
    await sleep(1000); // connections open and warm
    results.eventsUnderLoad = await measureEvents(mc, port, args.clusters, Math.min(20, args.events), 100, 'load');
    stopLoad.abort();
    results.listPageDuringEvents = await background;
    results.memoryPeak = await backend.memory();

    // --- per-request LIST baseline -----------------------------------------
    log(`per-request LIST baseline: ${args.baselineRequests} requests, 1 at a time`);
    const server = new KubeHttp(mc.url, mc.token('admin'), mc.caPem, { timeoutMs: 0 });
    results.baseline = await measurePerRequestList({
      server,
      managementCluster: MC_NAME,
      requests: args.baselineRequests,
      concurrency: 1,
      limit: 100,
    });
    server.close();
    results.ratio = {
      vsSerial: results.baseline.p50 / results.listPageSerial.p50,
      vsConcurrent: results.baseline.p50 / results.listPage.p50,
    };
  } finally {
    await cleanup();
  }
  report(results);
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(stripLatencies(results), null, 2));
}

function stripLatencies(r: Record<string, any>) {
  return JSON.parse(JSON.stringify(r, (k, v) => (k === 'latencies' ? undefined : v)));
}

function report(r: Record<string, any>) {
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(44)} ${value}`);
  lines.push('');
  lines.push(`capi-openstack backend benchmark: ${r.args.clusters} clusters × (3 control plane + 2 pools × 3 workers) = ${r.args.clusters * 9} machines`);
  lines.push(`  machine: ${r.machine.cpus} CPUs (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB RAM, Node ${r.machine.node}`);
  lines.push('  backend: a child process running startTestBackend (Backstage backend system, HTTP server, httpAuth/httpRouter)');
  lines.push('           with only the capi-openstack plugin; permissions allow all; load generator in the parent process');
  lines.push('');
  row('seed', `${r.seed.objects} objects (${r.seed.requests} requests) in ${ms(r.seed.ms)} (${r.seed.objectsPerSecond} objects/s)`);
  row('backend start (startTestBackend resolved)', ms(r.sync.backendStartMs));
  row('initial sync: every kind listed, watches on', ms(r.sync.listWatchSyncedMs));
  row('initial sync: all clusters listed (any verdict)', ms(r.sync.firstListedMs));
  row('initial sync: all clusters with final verdict', `${ms(r.sync.allClustersMs)} (verdicts ${JSON.stringify(r.sync.verdictCounts)})`);
  row('  (not included: loading @kubernetes/client-node)', ms(r.sync.clientNodeLoadMs));
  row('GET /clusters?limit=100', fmtLoad(r.listPage));
  if (r.health) row('GET /health (HTTP stack reference)', fmtLoad(r.health));
  row('GET /clusters?limit=5000 (all)', fmtLoad(r.listAll));
  row('GET /clusters?search=…&sort=verdict', fmtLoad(r.listSearch));
  row('GET /clusters/:mc/:ns/:name (detail)', fmtLoad(r.detail));
  row('GET /clusters?limit=100, 1 client', fmtLoad(r.listPageSerial));
  row('API server requests during the reads', String(r.apiRequestsDuringReads));
  row('watch event → stream (idle)', `p50 ${ms(r.events.p50)}, p95 ${ms(r.events.p95)}, max ${ms(r.events.max)} (${r.events.received}/${r.events.patched} received)`);
  row('watch event → stream (under list load)', `p50 ${ms(r.eventsUnderLoad.p50)}, p95 ${ms(r.eventsUnderLoad.p95)}, max ${ms(r.eventsUnderLoad.max)} (${r.eventsUnderLoad.received}/${r.eventsUnderLoad.patched} received)`);
  const mem = (m: any) => `RSS ${mb(m.rss)}, heap used ${mb(m.heapUsed)} (total ${mb(m.heapTotal)}), external ${mb(m.external)}`;
  row('GET /clusters?limit=100 while patching', fmtLoad(r.listPageDuringEvents));
  row('backend memory before start (modules loaded)', mem(r.memoryBefore));
  const gc = (m: any) => (m.gcRun ? ' (after GC)' : '');
  row(`backend memory after sync${gc(r.memoryAfterSync)}`, mem(r.memoryAfterSync));
  row(`backend memory after the load${gc(r.memoryAfterLoad)}`, mem(r.memoryAfterLoad));
  row('backend peak RSS (maxRSS)', mb(r.memoryPeak.maxRss));
  row('backend RSS growth from the data (after sync)', mb(r.memoryAfterSync.rss - r.memoryBefore.rss));
  row('per-request LIST baseline (page of 100)', `p50 ${ms(r.baseline.p50)}, p99 ${ms(r.baseline.p99)}, max ${ms(r.baseline.max)}; ${r.baseline.requests} requests at concurrency 1 (totalCount ${r.baseline.totalCount})`);
  row('ratio baseline p50 / cached p50', `${r.ratio.vsSerial.toFixed(0)}× (both 1 client); ${r.ratio.vsConcurrent.toFixed(0)}× (cached with ${r.args.concurrency} clients)`);
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  e => {
    process.stderr.write(`[bench] failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  },
);

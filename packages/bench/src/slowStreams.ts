/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm run bench:streams -w packages/bench -- [--clusters 100] [--streams 200] [--rounds 40]`
//
// What slow `GET /stream` clients cost the backend: seeds N clusters, starts
// the backend (child process, as `npm run bench`), opens S stream
// connections that never read (raw sockets, paused after the request),
// one that reads, then patches a label on every cluster R times (each
// round is a `changes` event naming every cluster) and prints the backend's
// heap and RSS (after GC) before, during and after, how many bytes the
// reading client received (what each slow client would have had to buffer
// without backpressure), and how many slow clients the backend cut off.
// A script that prints figures; it asserts nothing.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { benchClusterName, benchNamespace, ManagementCluster, startManagementCluster } from '@internal/management-cluster';
import { Backend } from './backend';
import { getJson, openStream } from './load';
import { seedFleet } from './seedFleet';

const MC_NAME = 'bench';
const NAMESPACES = 10;
const API = '/api/capi-openstack';

const log = (msg: string) => process.stderr.write(`[bench:streams] ${msg}\n`);
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MiB`;
const sleep = (t: number) => new Promise(r => setTimeout(r, t));

function parseArgs(argv: string[]) {
  const args = { clusters: 100, streams: 200, rounds: 40 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = flag.replace(/^--/, '') as keyof typeof args;
    const n = Number(inline ?? argv[++i]);
    if (!(key in args) || !Number.isInteger(n) || n < 1) {
      throw new Error(`usage: npm run bench:streams -w packages/bench -- [--clusters 100] [--streams 200] [--rounds 40]`);
    }
    args[key] = n;
  }
  return args;
}

/** A stream client that sends its request and then never reads (until `drainAll`). */
function slowClient(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let ended = false;
  socket.on('connect', () => {
    socket.write(`GET ${API}/stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    socket.pause();
  });
  // The server's FIN arrives after the bytes queued before it: seen only once the client reads.
  socket.on('end', () => (ended = true));
  socket.on('error', () => (ended = true));
  return {
    socket,
    get ended() {
      return ended;
    },
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  log(`machine: ${os.availableParallelism()} CPUs, Node ${process.version}; ${JSON.stringify(args)}`);
  let mc: ManagementCluster | undefined;
  let backend: Backend | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-bench-streams-'));
  const slow: Array<ReturnType<typeof slowClient>> = [];
  try {
    mc = await startManagementCluster({ log: m => log(m) });
    const seeded = await seedFleet(mc, { clusters: args.clusters, concurrency: 32, namespaces: NAMESPACES });
    log(`seeded ${seeded.objects} objects in ${(seeded.ms / 1000).toFixed(0)} s`);
    const kubeconfig = path.join(tmp, 'kubeconfig');
    fs.writeFileSync(kubeconfig, mc.kubeconfig('admin'), { mode: 0o600 });
    // Every connection of the benchmark is the same mock user.
    process.env.BENCH_CAPI_CONFIG = JSON.stringify({ stream: { maxConnectionsPerUser: args.streams + 10 } });
    backend = await Backend.start({ kubeconfig, managementCluster: MC_NAME, logFile: path.join(tmp, 'backend.log') });
    const port = backend.ready.port;
    for (;;) {
      const res = await getJson(port, `${API}/clusters?limit=1`);
      if (res.managementClusters[0]?.state === 'synced' && res.totalCount === args.clusters) break;
      await sleep(200);
    }
    await sleep(1000); // the first flush settles
    const before = await backend.memory();

    const reader = openStream(port, `${API}/stream`);
    let readerBytes = 0;
    let readerChanges = 0;
    reader.onEvent(e => {
      if (e.event !== 'changes') return;
      readerChanges++;
      readerBytes += JSON.stringify(e.data).length;
    });
    await reader.opened;
    for (let i = 0; i < args.streams; i++) slow.push(slowClient(port));
    await sleep(1000); // every connection accepted and subscribed
    const connected = await backend.memory();

    const client = mc.clientFor('admin');
    const started = Date.now();
    const during: number[] = [];
    for (let round = 0; round < args.rounds; round++) {
      const indexes = Array.from({ length: args.clusters }, (_, i) => i);
      // 16 PATCHes in flight.
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let i = indexes.shift(); i !== undefined; i = indexes.shift()) {
            const p = await client.path('cluster.x-k8s.io/v1beta2', 'Cluster', benchNamespace(i, NAMESPACES), benchClusterName(i));
            await client.request('PATCH', p, { metadata: { labels: { 'capi-openstack.dev/bench-round': String(round) } } }, 'application/merge-patch+json');
          }
        }),
      );
      if (round % 10 === 9) {
        const m = await backend.memory();
        during.push(m.heapUsed);
        log(`round ${round + 1}/${args.rounds}: heap used ${mb(m.heapUsed)}, RSS ${mb(m.rss)}, reader got ${mb(readerBytes)} in ${readerChanges} events`);
      }
    }
    await sleep(2000); // the last flushes
    const driven = await backend.memory();
    const drivenSeconds = (Date.now() - started) / 1000;
    // Read what is queued: the clients the backend cut off then see their end.
    slow.forEach(s => s.socket.on('data', () => {}).resume());
    await sleep(5000);
    const cut = slow.filter(s => s.ended).length;
    slow.forEach(s => s.socket.destroy());
    reader.close();
    await sleep(1000);
    const after = await backend.memory();
    client.close();

    const row = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(52)} ${value}\n`);
    process.stdout.write(`\nslow /stream clients: ${args.streams} connections that never read, ${args.clusters} clusters, ${args.rounds} rounds\n`);
    const mem = (m: any) => `heap used ${mb(m.heapUsed)}, RSS ${mb(m.rss)}, external ${mb(m.external)}`;
    row('backend after sync (after GC)', mem(before));
    row(`with ${args.streams} idle slow streams + 1 reader`, mem(connected));
    row(`after ${args.rounds} rounds × ${args.clusters} patches (${drivenSeconds.toFixed(0)} s)`, mem(driven));
    row('growth while driving (heap / RSS)', `${mb(driven.heapUsed - connected.heapUsed)} / ${mb(driven.rss - connected.rss)}`);
    row('largest heap used sampled during the rounds', mb(Math.max(...during, driven.heapUsed)));
    row('after closing every stream', mem(after));
    row('the reader received (per slow client without backpressure)', `${mb(readerBytes)} in ${readerChanges} changes events`);
    row('  the same for all slow clients together', mb(readerBytes * args.streams));
    row('slow clients cut off by the backend', `${cut}/${args.streams}`);
    row('backend peak RSS (maxRSS)', mb(after.maxRss));
  } finally {
    slow.forEach(s => s.socket.destroy());
    await backend?.stop().catch(() => {});
    await mc?.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  e => {
    process.stderr.write(`[bench:streams] failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  },
);

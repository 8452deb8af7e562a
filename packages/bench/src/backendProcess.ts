/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The backend under test, in its own process (started by bench.ts with an IPC
// channel): a Backstage backend (startTestBackend: the real backend system,
// HTTP server, httpAuth and httpRouter services) with the capi-openstack
// plugin and nothing else, so the load generator does not share its event
// loop and its memory figures are the backend's alone. Requests without an
// Authorization header act as a mock user; permissions allow everything.
//
// Messages from the parent: { type: 'memory' } → { type: 'memory', ... },
// { type: 'heapsnapshot', file } → writes a heap snapshot,
// { type: 'stop' } → stops the backend and exits.
// Environment: BENCH_KUBECONFIG (path), BENCH_MC_NAME, BENCH_CAPI_CONFIG (JSON
// merged into `capiOpenstack`, e.g. stream limits).

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import capiOpenstackPlugin from '@capi-openstack/backstage-plugin-capi-openstack-backend';
import { createRequire } from 'node:module';
import v8 from 'node:v8';

/** Same period as the plugin's own schedule (the mock scheduler runs tasks only at start-up). */
const REFRESH_TASK = 'capi-openstack-refresh-verdicts';
const REFRESH_MS = 30_000;

function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const m = process.memoryUsage();
  const heap = v8.getHeapStatistics();
  return {
    gcRun: Boolean(gc),
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    totalHeapSize: heap.total_heap_size,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

async function main() {
  const send = (msg: unknown) => process.send!(msg);
  const kubeconfig = process.env.BENCH_KUBECONFIG!;
  const name = process.env.BENCH_MC_NAME ?? 'bench';
  // The plugin loads @kubernetes/client-node (large: every generated API
  // model) lazily when it starts; load it first so that neither the memory
  // baseline nor the sync time mixes it up with the cache's own figures.
  const loadStart = performance.now();
  // (Resolved as the plugin resolves it: it is the plugin's dependency.)
  createRequire(require.resolve('@capi-openstack/backstage-plugin-capi-openstack-backend/package.json'))(
    '@kubernetes/client-node',
  );
  const clientNodeLoadMs = performance.now() - loadStart;
  // Every module is loaded: this is the process before the backend starts.
  const before = memory();
  // A MockSchedulerService; its type is not exported, only the interface.
  const scheduler = mockServices.scheduler() as ReturnType<typeof mockServices.scheduler> & {
    factory(options?: { skipTaskRunOnStartup?: boolean }): ReturnType<typeof mockServices.scheduler.factory>;
  };
  const startedAt = Date.now();
  const backend = await startTestBackend({
    features: [
      capiOpenstackPlugin,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          capiOpenstack: {
            managementClusters: [{ name, kubeconfig: { path: kubeconfig } }],
            ...JSON.parse(process.env.BENCH_CAPI_CONFIG ?? '{}'),
          },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : Number(address);
  const refresh = setInterval(() => void scheduler.triggerTask(REFRESH_TASK).catch(() => {}), REFRESH_MS);
  process.on('message', async (msg: any) => {
    if (msg?.type === 'memory') {
      send({ type: 'memory', id: msg.id, ...memory() });
    } else if (msg?.type === 'heapsnapshot') {
      // For profiling the cache's memory (bench.ts does not use it).
      send({ type: 'heapsnapshot', id: msg.id, file: v8.writeHeapSnapshot(msg.file) });
    } else if (msg?.type === 'stop') {
      clearInterval(refresh);
      await backend.stop().catch(() => {});
      send({ type: 'stopped' });
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port, startedAt, readyAt: Date.now(), before, clientNodeLoadMs });
}

main().catch(e => {
  process.stderr.write(`backend: ${e?.stack ?? e}\n`);
  process.exit(1);
});

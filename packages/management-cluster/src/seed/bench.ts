/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Benchmark fleet (`npm run bench`): N healthy plain clusters of 3 control
// plane machines and 2 pools × 3 workers, rendered by the same builders as
// the demo fleet. Only the public addresses differ: the demo derives them
// from the cluster's index within 203.0.113.0/24, which runs out after ~80
// clusters, so the benchmark uses the 198.18.0.0/15 benchmarking range.

import { Clock } from './clock';
import { clusterObjectsInOrder, renderClusterGraph } from './clusterGraph';
import { DEMO_IMAGE_PREFIX } from './clusterClass';
import { DEMO_TEAMS } from './labels';
import { buildClusterModel } from './model';
import type { DemoClusterSpec, SeedObject } from './types';

export interface BenchClusterOptions {
  /** Namespaces the clusters are spread over (round robin). */
  namespaces?: number;
  now?: Date;
}

/** Namespace of the i-th benchmark cluster. */
export function benchNamespace(index: number, namespaces = 10): string {
  return `bench-${String(index % namespaces).padStart(2, '0')}`;
}

/** Name of the i-th benchmark cluster. */
export function benchClusterName(index: number): string {
  return `bench-${String(index).padStart(5, '0')}`;
}

/** A public address in 198.18.0.0/15 (RFC 2544), unique per (index, slot). */
function benchIP(index: number, slot: number): string {
  const n = index * 4 + slot;
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 0xff}.${n & 0xff}`;
}

/** The spec of the i-th benchmark cluster. */
export function benchClusterSpec(index: number, namespaces = 10): DemoClusterSpec {
  return {
    name: benchClusterName(index),
    namespace: benchNamespace(index, namespaces),
    team: DEMO_TEAMS[index % DEMO_TEAMS.length],
    version: index % 4 === 0 ? 'v1.33.5' : 'v1.34.2',
    controlPlane: { replicas: 3, flavor: 'm1.large' },
    pools: [
      { name: 'md-0', replicas: 3, flavor: 'm1.xlarge' },
      { name: 'md-1', replicas: 3, flavor: 'c2.xlarge' },
    ],
    ageDays: 1 + (index % 300),
    imageName: DEMO_IMAGE_PREFIX,
    sshKeyName: 'capi-demo',
    cloudName: 'openstack',
  };
}

/**
 * The objects of the i-th benchmark cluster in creation order (owners first),
 * its cloud credentials Secret included; about 50 objects.
 */
export function buildBenchCluster(index: number, options: BenchClusterOptions = {}): SeedObject[] {
  const clock = new Clock(options.now ?? new Date());
  const spec = benchClusterSpec(index, options.namespaces ?? 10);
  const model = buildClusterModel(spec, 0, clock);
  model.net.floatingIP = benchIP(index, 0);
  model.net.routerIP = benchIP(index, 1);
  const graph = renderClusterGraph(model, clock);
  return [graph.cloudSecret, ...clusterObjectsInOrder(graph)];
}

/** The Namespace objects of a benchmark fleet. */
export function benchNamespaceObjects(clusters: number, namespaces = 10): SeedObject[] {
  const count = Math.min(clusters, namespaces);
  return Array.from({ length: count }, (_, i) => ({
    manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: benchNamespace(i, namespaces) } },
  }));
}

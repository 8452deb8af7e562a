/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, Logger, repoRoot } from '@internal/test-support';
import { goBuild, isExecutable } from '../binaries';
import { findGo } from '../go';
import { stderrLogger } from '../paths';

/**
 * The Go program in `packages/management-cluster/workloads`: an in-memory
 * workload cluster (CAPI's test/infrastructure/inmemory server) at each
 * Cluster's control plane endpoint, a Node per Machine, the static pods and
 * etcd members of control plane Machines.
 */
export const WORKLOADS_SOURCE = path.join(repoRoot, 'packages', 'management-cluster', 'workloads');
export const WORKLOADS_BINARY = 'capi-openstack-workloads';

/** A digest of the program's sources: an edit builds a new binary. */
function sourceDigest(): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(WORKLOADS_SOURCE).sort()) {
    if (!/\.go$|^go\.(mod|sum)$/.test(file)) continue;
    hash.update(file).update(fs.readFileSync(path.join(WORKLOADS_SOURCE, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Builds the program into the per-user cache once per source digest (~40 s after the CAPI managers' build). */
export async function ensureWorkloadsBinary(log: Logger = stderrLogger): Promise<string> {
  const binary = path.join(cacheDir(), 'bin', `workloads-${sourceDigest()}`, WORKLOADS_BINARY);
  if (isExecutable(binary)) return binary;
  const go = await findGo();
  log(`building ${WORKLOADS_BINARY} (the in-memory workload clusters) from ${path.relative(process.cwd(), WORKLOADS_SOURCE) || '.'}`);
  await goBuild(go, WORKLOADS_SOURCE, '.', binary, log);
  return binary;
}

export interface PreparedWorkloads {
  binary: string;
  args: string[];
  healthPort: number;
}

/** The program's arguments: loopback ports from the caller (freePorts). */
export async function prepareWorkloads(options: {
  log: Logger;
  /** Debug and health ports. */
  ports: number[];
  /** No CAPO runs: mark OpenStackClusters and OpenStackMachines provisioned. */
  standInForCapo: boolean;
}): Promise<PreparedWorkloads> {
  const binary = await ensureWorkloadsBinary(options.log);
  const [debugPort, healthPort] = options.ports;
  return {
    binary,
    healthPort,
    args: [
      '--host=127.0.0.1',
      `--debug-port=${debugPort}`,
      `--health-addr=127.0.0.1:${healthPort}`,
      `--stand-in-for-capo=${options.standInForCapo}`,
    ],
  };
}

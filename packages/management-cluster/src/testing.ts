/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Test support: one real API server per CRD set per test run.
 *
 * `npm test` starts them once (`cli.ts test-servers`) and passes their
 * connection details in CAPI_OPENSTACK_TEST_SERVERS (a JSON file); every suite
 * shares them and isolates itself with its own namespaces. A suite run on its
 * own (plain jest) starts a private server instead and stops it afterwards.
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  Condition,
  KubeObject,
  waitFor as waitForCondition,
  WaitForOptions,
} from '@internal/test-support';
import { applySeed } from './applySeed';
import { connect, ConnectionInfo, LocalUser, ManagementClusterHandle } from './connect';
import { CrdSetName, DEFAULT_CRD_SET } from './crds';
import type { SeedObject } from './seed';
import { ManagementCluster, startManagementCluster } from './server';

/**
 * Polls `probe` until it returns a value other than undefined or false
 * (test-support's waitFor, with what is awaited first).
 */
export function waitFor<T>(
  what: string,
  probe: Condition<T>,
  options: Omit<WaitForOptions, 'message'>,
): Promise<Exclude<T, undefined | false>> {
  return waitForCondition(probe, { ...options, message: what });
}

export const TEST_SERVERS_ENV = 'CAPI_OPENSTACK_TEST_SERVERS';

export interface TestManagementCluster extends ManagementClusterHandle {
  /** Creates a namespace with a unique name (prefix + random suffix). */
  createNamespace(prefix?: string): Promise<string>;
  /** Creates or updates objects with server-side apply (status included). */
  apply(objects: Array<SeedObject | KubeObject>): Promise<void>;
  /** Path of a kubeconfig file for `user` (mode 0600, removed after the suite). */
  kubeconfigFile(user?: LocalUser): string;
}

function sharedInfo(crdSet: CrdSetName): ConnectionInfo | undefined {
  const file = process.env[TEST_SERVERS_ENV];
  if (!file || !fs.existsSync(file)) return undefined;
  const infos: ConnectionInfo[] = JSON.parse(fs.readFileSync(file, 'utf8'));
  return infos.find(i => i.crdSet === crdSet);
}

/**
 * Registers beforeAll/afterAll hooks and returns a handle that is usable
 * inside tests (its fields are filled in beforeAll).
 */
export function setupManagementCluster(
  crdSet: CrdSetName = DEFAULT_CRD_SET,
  options: {
    startTimeoutMs?: number;
    /**
     * A private server with the real CAPI controllers and their webhooks
     * (never the shared one: other suites write objects no controller may touch).
     */
    realControllers?: boolean;
    /** With realControllers: CAPO v0.14.7 as well (see docs/real-controllers-capo.md). */
    capo?: boolean;
    /** With realControllers: an in-memory workload cluster per Cluster (see docs/real-controllers.md). */
    workloadClusters?: boolean;
  } = {},
): TestManagementCluster & { controllerLogs(): Record<string, string> } {
  let own: ManagementCluster | undefined;
  let kubeconfigDir: string | undefined;
  const handle = {} as TestManagementCluster & { controllerLogs(): Record<string, string> };

  beforeAll(async () => {
    const info = options.realControllers ? undefined : sharedInfo(crdSet);
    let base: ManagementClusterHandle;
    if (info) {
      base = connect(info);
    } else {
      own = await startManagementCluster({
        crdSet,
        log: () => {},
        realControllers: options.realControllers,
        capo: options.capo,
        workloadClusters: options.workloadClusters,
      });
      base = own;
    }
    Object.assign(handle, base, {
      async createNamespace(prefix = 'test') {
        const name = `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
        await base.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
        return name;
      },
      async apply(objects: Array<SeedObject | KubeObject>) {
        await applySeed(
          base.client,
          objects.map(o => ('manifest' in o ? (o as SeedObject) : { manifest: o as KubeObject })),
        );
      },
      controllerLogs() {
        return Object.fromEntries(
          (own?.controllers?.processes ?? []).map(p => [
            p.name,
            p.logFile && fs.existsSync(p.logFile) ? fs.readFileSync(p.logFile, 'utf8') : '',
          ]),
        );
      },
      kubeconfigFile(user: LocalUser = 'admin') {
        kubeconfigDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'capi-test-kubeconfig-'));
        const file = path.join(kubeconfigDir, user);
        fs.writeFileSync(file, base.kubeconfig(user), { mode: 0o600 });
        return file;
      },
    });
  }, options.startTimeoutMs ?? 600_000);

  afterAll(async () => {
    handle.client?.close();
    await own?.stop();
    if (kubeconfigDir) fs.rmSync(kubeconfigDir, { recursive: true, force: true });
  }, 60_000);

  return handle;
}

/**
 * Moves seed objects into other namespaces (Namespace objects included), so a
 * suite can load the demo fleet without touching anyone else's objects.
 */
export function relocate<T extends SeedObject>(objects: T[], rename: (namespace: string) => string): T[] {
  return objects.map(o => {
    const copy = structuredClone(o);
    const meta = copy.manifest.metadata;
    if (copy.manifest.kind === 'Namespace') meta.name = rename(meta.name);
    else if (meta.namespace) meta.namespace = rename(meta.namespace);
    return copy;
  });
}

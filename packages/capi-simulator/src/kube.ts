/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The only place that loads @kubernetes/client-node. The package is ESM-only:
// it is loaded lazily with require() inside the factory below. Node 22
// (>= 22.12) requires ESM modules natively at run time (tsx too), and under
// jest Backstage's transform compiles the package to CommonJS; a dynamic
// `await import()` would fail under jest ("A dynamic import callback was
// invoked without --experimental-vm-modules"). The `import type` lines are
// erased at compile time and load nothing.
import type * as ClientNode from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import https from 'node:https';
import { KubeObject, requestJson } from '@internal/test-support';

/** A Kubernetes object as plain JSON (spec and status left loose on purpose). */
export interface KObj extends KubeObject {
  spec?: any;
  status?: any;
  [key: string]: any;
}

export type { OwnerReference } from '@internal/test-support';
/** KubeError: the simulator's name for test-support's KubeApiError. */
export {
  KubeApiError as KubeError,
  isConflict,
  isNotFound,
} from '@internal/test-support';

/** A cache-less informer: list + watch with callbacks. */
export interface Informer {
  on(event: 'add' | 'update' | 'delete', cb: (obj: KObj) => void): void;
  on(event: 'error', cb: (err: unknown) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface KubeClient {
  /** The API server URL. */
  readonly server: string;
  /** JSON request; throws KubeError on a non-2xx answer. */
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<T>;
  /** A list+watch of a collection path (client-node's ListWatch). */
  informer(path: string): Informer;
  close(): void;
}

export interface KubeconfigSource {
  /** Kubeconfig YAML. */
  kubeconfig?: string;
  /** Path of a kubeconfig file. */
  kubeconfigPath?: string;
}

let clientNode: typeof ClientNode | undefined;

function loadClientNode(): typeof ClientNode {
  // See the comment at the top of the file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  clientNode ??= require('@kubernetes/client-node') as typeof ClientNode;
  return clientNode;
}

/** Creates a client from a kubeconfig (YAML text or file). */
export async function createKubeClient(
  source: KubeconfigSource,
): Promise<KubeClient> {
  const k8s = loadClientNode();
  const kc: KubeConfig = new k8s.KubeConfig();
  if (source.kubeconfig) kc.loadFromString(source.kubeconfig);
  else if (source.kubeconfigPath) kc.loadFromFile(source.kubeconfigPath);
  else kc.loadFromDefault();
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const server = cluster.server;

  // TLS material and authorization header, as client-node computes them.
  const base: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(base);
  const agent = new https.Agent({
    ca: base.ca,
    cert: base.cert,
    key: base.key,
    rejectUnauthorized: base.rejectUnauthorized,
    keepAlive: true,
    maxSockets: 32,
  });

  // Credentials (token files and exec plugins may rotate), refreshed every minute.
  let auth: { at: number; options: https.RequestOptions } | undefined;
  async function authOptions(): Promise<https.RequestOptions> {
    if (!auth || Date.now() - auth.at > 60_000) {
      const options: https.RequestOptions = { headers: {} };
      await kc.applyToHTTPSOptions(options);
      auth = { at: Date.now(), options };
    }
    return auth.options;
  }

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const options = await authOptions();
    return requestJson<T>({
      method,
      url: new URL(path, server),
      body,
      contentType,
      agent,
      auth: options.auth,
      headers: options.headers as Record<string, string>,
    });
  }

  const watch = new k8s.Watch(kc);
  return {
    server,
    request,
    informer(path: string): Informer {
      const list = () => request<any>('GET', path);
      // A ListWatch without autostart; the caller starts it.
      const lw = new k8s.ListWatch<any>(path, watch, list, false);
      return lw as unknown as Informer;
    },
    close() {
      agent.destroy();
    },
  };
}

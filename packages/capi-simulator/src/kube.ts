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

/** A Kubernetes object as plain JSON (spec and status left loose on purpose). */
export interface KObj {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    ownerReferences?: OwnerReference[];
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
  [key: string]: any;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** A non-2xx answer of the API server. */
export class KubeError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'KubeError';
  }
}

export function isNotFound(e: unknown): boolean {
  return e instanceof KubeError && e.statusCode === 404;
}

export function isConflict(e: unknown): boolean {
  return e instanceof KubeError && e.statusCode === 409;
}

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
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(path, server);
    return new Promise<T>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent,
          auth: options.auth,
          headers: {
            ...(options.headers as Record<string, string>),
            Accept: 'application/json',
            // An explicit length: Node does not frame a DELETE body by
            // itself, which would corrupt the next request on the socket.
            ...(payload
              ? {
                  'Content-Type': contentType,
                  'Content-Length': Buffer.byteLength(payload),
                }
              : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: any;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = { message: text };
            }
            const code = res.statusCode ?? 0;
            if (code >= 200 && code < 300) resolve(json as T);
            else {
              reject(
                new KubeError(
                  code,
                  json?.reason,
                  `${method} ${url.pathname}: ${code} ${json?.reason ?? ''} ${
                    json?.message ?? ''
                  }`.trim(),
                ),
              );
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.setTimeout(30_000, () =>
        req.destroy(new Error(`${method} ${path}: timeout`)),
      );
      if (payload) req.write(payload);
      req.end();
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

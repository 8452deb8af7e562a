/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The only importer of @kubernetes/client-node, which is ESM-only. It is
// loaded with a lazy require(): Node >= 22.12 requires ESM natively at run
// time, and under jest Backstage's transform compiles the package to CJS,
// whereas `await import()` fails under jest (no --experimental-vm-modules).
// Lazy, so the package loads only when a management cluster is configured.
import type * as ClientNode from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { ManagementClusterConfig } from '../config';
import { KubeRequestError } from '../errors';


export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: any;
}

export interface WatchHandle {
  /** Resolves when the watch ends (server close, abort, error). */
  done: Promise<void>;
  abort(): void;
}

/** What the cache and the lifecycle actions need from a management cluster. */
export interface KubeClient {
  readonly name: string;
  /** JSON request; throws KubeRequestError on non-2xx. */
  request<T = any>(
    method: string,
    path: string,
    options?: { body?: unknown; contentType?: string; timeoutMs?: number },
  ): Promise<T>;
  /** A streaming WATCH request; `onEvent` is called per line. */
  watch(path: string, onEvent: (event: WatchEvent) => void): WatchHandle;
  /** Requests made so far (for tests and the benchmark). */
  readonly requestCount: number;
  close(): void;
}

async function loadKubeConfig(cfg: ManagementClusterConfig): Promise<KubeConfig> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const k8s: typeof ClientNode = require('@kubernetes/client-node');
  // One KubeConfig per management cluster: its credential caches (exec
  // plugins, tokens) must not be shared across clusters.
  const kc = new k8s.KubeConfig();
  const source = cfg.source;
  if (source.type === 'kubeconfig') {
    kc.loadFromFile(source.path);
    if (source.context) {
      if (!kc.getContextObject(source.context)) {
        throw new Error(
          `capiOpenstack.managementClusters[name=${cfg.name}].kubeconfig.context "${source.context}" is not in ${source.path}`,
        );
      }
      kc.setCurrentContext(source.context);
    }
  } else if (source.type === 'token') {
    kc.loadFromClusterAndUser(
      { name: cfg.name, server: source.url, caData: source.caData, skipTLSVerify: cfg.skipTLSVerify },
      { name: `${cfg.name}-sa`, token: source.token },
    );
  } else {
    kc.loadFromCluster();
  }
  if (cfg.skipTLSVerify) {
    const cluster = kc.getCurrentCluster();
    if (cluster) (cluster as { skipTLSVerify: boolean }).skipTLSVerify = true;
  }
  if (!kc.getCurrentCluster()) {
    throw new Error(`management cluster ${cfg.name}: the kubeconfig has no current cluster`);
  }
  return kc;
}

/** Extracts a readable message from a Kubernetes Status body without secrets. */
function statusMessage(body: any, fallback: string): string {
  if (body && typeof body === 'object' && typeof body.message === 'string') return body.message;
  return fallback;
}

/** A response body as JSON; undefined when it is empty or not JSON. */
function readJson(res: IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', c => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        resolve(undefined);
      }
    });
    res.on('error', reject);
  });
}

function unreachable(name: string, e: Error): KubeRequestError {
  return new KubeRequestError(0, 'Unreachable', `${name} is unreachable: ${(e as any).code ?? e.message}`);
}

/** Creates the client of one management cluster. */
export async function createKubeClient(cfg: ManagementClusterConfig): Promise<KubeClient> {
  const kc = await loadKubeConfig(cfg);
  const server = kc.getCurrentCluster()!.server.replace(/\/$/, '');
  let agent: https.Agent | undefined;
  let watchAgent: https.Agent | undefined;
  let requestCount = 0;

  /** Fresh options per request: exec/token credentials may rotate. */
  async function requestOptions(method: string, path: string, forWatch = false): Promise<https.RequestOptions> {
    const opts: https.RequestOptions & { headers: Record<string, any> } = { headers: {} };
    await kc.applyToHTTPSOptions(opts);
    const tls = { ca: opts.ca, cert: opts.cert, key: opts.key, rejectUnauthorized: !cfg.skipTLSVerify };
    // Watches hold their socket for minutes: they get their own unbounded
    // pool, so that they never starve requests (lifecycle actions) of
    // sockets when a cluster has more watches than the request pool.
    agent ??= new https.Agent({ ...tls, keepAlive: true, maxSockets: 32 });
    watchAgent ??= new https.Agent({ ...tls, keepAlive: true });
    const chosen = forWatch ? watchAgent : agent;
    const url = new URL(server + path);
    return {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      agent: url.protocol === 'https:' ? chosen : undefined,
      headers: { ...opts.headers, Accept: 'application/json' },
      auth: opts.auth,
    };
  }

  return {
    name: cfg.name,
    get requestCount() {
      return requestCount;
    },
    async request<T>(
      method: string,
      path: string,
      options: { body?: unknown; contentType?: string; timeoutMs?: number } = {},
    ): Promise<T> {
      requestCount++;
      const opts = await requestOptions(method, path);
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      if (payload) {
        // An explicit length: Node sends a DELETE body neither chunked nor
        // with a length, and the server would read it as the next request.
        opts.headers = {
          ...opts.headers,
          'Content-Type': options.contentType ?? 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        };
      }
      return new Promise<T>((resolve, reject) => {
        const req = https.request(opts, res => {
          readJson(res).then(body => {
            const code = res.statusCode ?? 0;
            if (code >= 200 && code < 300) {
              resolve(body as T);
            } else {
              reject(
                new KubeRequestError(
                  code,
                  body?.reason,
                  `${method} ${path.split('?')[0]} failed: ${code} ${statusMessage(body, res.statusMessage ?? '')}`,
                  body && typeof body === 'object' ? body : undefined,
                ),
              );
            }
          }, reject);
        });
        req.on('error', e => reject(unreachable(cfg.name, e)));
        req.setTimeout(options.timeoutMs ?? 30_000, () =>
          req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })),
        );
        if (payload) req.write(payload);
        req.end();
      });
    },
    watch(path, onEvent) {
      requestCount++;
      let request: ReturnType<typeof https.request> | undefined;
      let aborted = false;
      // Settled by abort() directly: socket events are not guaranteed to fire
      // for a destroyed request, and stop() must never hang on them.
      let settle: (() => void) | undefined;
      const done = (async () => {
        const opts = await requestOptions('GET', path, true);
        if (aborted) return;
        await new Promise<void>((resolve, reject) => {
          settle = resolve;
          request = https.request(opts, res => {
            if (res.statusCode !== 200) {
              readJson(res).then(
                body =>
                  reject(
                    new KubeRequestError(
                      res.statusCode ?? 0,
                      body?.reason,
                      `WATCH ${path.split('?')[0]} failed: ${res.statusCode} ${statusMessage(body, '')}`,
                    ),
                  ),
                e => (aborted ? resolve() : reject(e)),
              );
              return;
            }
            // One event per line; a partial line waits for the next chunk.
            let partial = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              const lines = (partial + chunk).split('\n');
              partial = lines.pop()!;
              try {
                for (const line of lines) if (line.trim()) onEvent(JSON.parse(line));
              } catch (e) {
                request?.destroy(e as Error);
              }
            });
            res.on('end', () => resolve());
            res.on('error', e => (aborted ? resolve() : reject(e)));
            // 'close' always fires, also when the request is destroyed mid-stream.
            res.on('close', () => resolve());
          });
          request.on('error', e => (aborted ? resolve() : reject(unreachable(cfg.name, e))));
          request.on('close', () => {
            if (aborted) resolve();
          });
          request.end();
        });
      })();
      return {
        done,
        abort() {
          aborted = true;
          request?.destroy();
          settle?.();
        },
      };
    },
    close() {
      agent?.destroy();
      watchAgent?.destroy();
    },
  };
}

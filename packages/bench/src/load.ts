/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import http from 'node:http';

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LoadResult {
  requests: number;
  errors: number;
  concurrency: number;
  /** Latencies in ms, sorted. */
  latencies: number[];
  p50: number;
  p90: number;
  p99: number;
  max: number;
  wallMs: number;
  /** Requests per second over the whole run. */
  rps: number;
  /** Mean response body size. */
  meanBytes: number;
  firstError?: string;
}

export function summarize(latencies: number[], extra: Omit<LoadResult, 'latencies' | 'p50' | 'p90' | 'p99' | 'max' | 'rps'>): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    ...extra,
    latencies: sorted,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    rps: (extra.requests / extra.wallMs) * 1000,
  };
}

/** One GET with a keep-alive agent; resolves with status and body size (the body is not parsed). */
function get(agent: http.Agent, port: number, path: string): Promise<{ status: number; bytes: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, res => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      const keep = res.statusCode !== 200;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (keep) chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          body: keep ? Buffer.concat(chunks).toString('utf8').slice(0, 300) : undefined,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
  });
}

/**
 * `requests` GETs from `concurrency` clients in parallel (each client sends
 * its next request when the previous answer is complete), after `warmup`
 * uncounted requests.
 */
export async function runLoad(options: {
  port: number;
  path: (i: number) => string;
  requests: number;
  concurrency: number;
  warmup?: number;
  /** Stops sending (answers in flight are still counted). */
  signal?: AbortSignal;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    const warm = options.warmup ?? Math.min(100, options.requests);
    let w = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (w < warm) await get(agent, options.port, options.path(w++));
      }),
    );
    const latencies: number[] = [];
    let next = 0;
    let errors = 0;
    let bytes = 0;
    let firstError: string | undefined;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.requests && !options.signal?.aborted) {
          const i = next++;
          const t0 = performance.now();
          try {
            const res = await get(agent, options.port, options.path(i));
            latencies.push(performance.now() - t0);
            bytes += res.bytes;
            if (res.status !== 200) {
              errors++;
              firstError ??= `${res.status} ${res.body}`;
            }
          } catch (e) {
            errors++;
            firstError ??= (e as Error).message;
          }
        }
      }),
    );
    const wallMs = performance.now() - start;
    return summarize(latencies, {
      requests: latencies.length,
      errors,
      concurrency: options.concurrency,
      wallMs,
      meanBytes: latencies.length ? bytes / latencies.length : 0,
      firstError,
    });
  } finally {
    agent.destroy();
  }
}

/** GET and parse JSON. */
export async function getJson<T = any>(port: number, path: string): Promise<T> {
  const agent = new http.Agent({ keepAlive: false });
  return new Promise<T>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${path}: timeout`)));
  });
}

export interface SseEvent {
  event: string;
  data: any;
  /** performance.now() when the event was complete. */
  at: number;
}

/** An open server-sent events connection. */
export interface SseStream {
  /** Resolves once the first event (the snapshot) arrived. */
  opened: Promise<void>;
  onEvent(listener: (e: SseEvent) => void): void;
  close(): void;
}

export function openStream(port: number, path: string): SseStream {
  const listeners: Array<(e: SseEvent) => void> = [];
  let resolveOpened: () => void;
  let rejectOpened: (e: Error) => void;
  const opened = new Promise<void>((res, rej) => {
    resolveOpened = res;
    rejectOpened = rej;
  });
  let first = true;
  const req = http.get({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream' } }, res => {
    if (res.statusCode !== 200) {
      rejectOpened(new Error(`stream: ${res.statusCode}`));
      res.resume();
      return;
    }
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let sep = buffer.indexOf('\n\n');
      while (sep >= 0) {
        const block = buffer.slice(0, sep);
        buffer = buffer.slice(sep + 2);
        sep = buffer.indexOf('\n\n');
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || data === undefined) continue;
        const e = { event, data: JSON.parse(data), at: performance.now() };
        if (first) {
          first = false;
          resolveOpened();
        }
        for (const l of listeners) l(e);
      }
    });
  });
  req.on('error', e => rejectOpened(e));
  return {
    opened,
    onEvent: l => void listeners.push(l),
    close: () => req.destroy(),
  };
}

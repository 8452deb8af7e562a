/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import http from 'node:http';
import https from 'node:https';
import { KubeApiError } from './kubeApiError';

export interface JsonRequest {
  method: string;
  /** Absolute URL (http: or https:). */
  url: URL;
  body?: unknown;
  contentType?: string;
  agent?: http.Agent;
  headers?: Record<string, string>;
  /** `user:password` (basic authentication). */
  auth?: string | null;
  /** 0: none (default 30 s). */
  timeoutMs?: number;
}

/**
 * One request to a Kubernetes API server, JSON in and out; rejects with
 * KubeApiError on a non-2xx answer.
 */
export function requestJson<T = any>(r: JsonRequest): Promise<T> {
  const { method, url } = r;
  const where = url.pathname + url.search;
  const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise<T>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method,
        agent: r.agent,
        auth: r.auth,
        headers: {
          ...r.headers,
          Accept: 'application/json',
          // An explicit length: Node does not frame a DELETE body by
          // itself, which would corrupt the next request on the socket.
          ...(payload
            ? {
                'Content-Type': r.contentType ?? 'application/json',
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
          else reject(new KubeApiError(code, json ?? {}, method, where));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const timeoutMs = r.timeoutMs ?? 30_000;
    if (timeoutMs > 0) {
      req.setTimeout(timeoutMs, () =>
        req.destroy(new Error(`${method} ${where}: timeout`)),
      );
    }
    if (payload) req.write(payload);
    req.end();
  });
}

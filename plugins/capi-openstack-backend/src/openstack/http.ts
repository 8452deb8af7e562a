/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// One HTTP call to an OpenStack API: JSON in and out, a hard timeout, a CA
// bundle per cloud. node:http(s) rather than fetch: fetch cannot take a CA
// per request without an extra dependency.

import http from 'node:http';
import https from 'node:https';
import { UnreachableError } from '../errors';

export interface HttpOptions {
  token?: string;
  body?: unknown;
  timeoutMs: number;
  ca?: string;
  insecure?: boolean;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}


const MAX_BODY = 16 * 1024 * 1024;

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
};

export function httpJson(method: string, url: string, options: HttpOptions): Promise<HttpResponse> {
  const target = new URL(url);
  const lib = target.protocol === 'https:' ? https : http;
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token) headers['x-auth-token'] = options.token;
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  // Where the message may be shown: scheme, host and path only.
  const shown = `${target.protocol}//${target.host}${target.pathname}`;
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined = undefined;
    const req = lib.request(
      target,
      {
        method,
        headers,
        ...(target.protocol === 'https:' ? { ca: options.ca, rejectUnauthorized: !options.insecure } : {}),
      },
      res => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY) {
            req.destroy(new Error('answer too large'));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any = text;
          if (text && /json/.test(String(res.headers['content-type'] ?? ''))) {
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', e => {
          clearTimeout(timer);
          reject(new UnreachableError(shown, e.message));
        });
      },
    );
    timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${Math.round(options.timeoutMs / 100) / 10} s`));
    }, options.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new UnreachableError(shown, REASONS[e.code ?? ''] ?? e.message));
    });
    if (payload) req.write(payload);
    req.end();
  });
}

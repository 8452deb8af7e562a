/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Requests to a running backend as the frontend makes them: a guest
// user's Backstage token, JSON bodies, the `/stream` server-sent events.

import http from 'node:http';

/** A guest user's Backstage token (as the frontend's guest sign-in gets it). */
export async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (res.status !== 200) throw new Error(`guest sign-in answered ${res.status}: ${await res.text()}`);
  const body = await res.json();
  return body.backstageIdentity.token;
}

export interface JsonResponse {
  status: number;
  body: any;
}

/** A JSON request with a bearer token. */
export async function requestJson(
  baseUrl: string,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export interface StreamEvent {
  event: string;
  data: any;
}

/** `GET /api/capi-openstack/stream`, recording every event. */
export interface EventStream {
  events: StreamEvent[];
  close(): void;
}

export function openEventStream(baseUrl: string, token: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${baseUrl}/api/capi-openstack/stream`,
      { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } },
      res => {
        res.setEncoding('utf8');
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`GET /stream answered ${res.statusCode}`));
          return;
        }
        const events: StreamEvent[] = [];
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let sep = buffer.indexOf('\n\n'); sep >= 0; sep = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, sep);
            buffer = buffer.slice(sep + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) events.push({ event, data: JSON.parse(data) });
          }
        });
        res.on('error', () => undefined);
        resolve({ events, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
  });
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Every change the API server stores for some kinds in a namespace, from
// its watch (which misses nothing from the resourceVersion it starts at):
// the record of what the backends wrote, and how often.

import https from 'node:https';
import type { KubeHttp, KubeObject } from '@internal/test-support';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  kind: string;
  object: KubeObject & { spec?: any };
}

export interface WatchRecord {
  /** The objects as listed when the watches started. */
  initial: Array<Pick<WatchEvent, 'kind' | 'object'>>;
  events: WatchEvent[];
  /** Set when a watch ended before stop(): the record is incomplete. */
  broken?: string;
  stop(): void;
}

export async function recordChanges(options: {
  server: string;
  caPem: string;
  token: string;
  client: KubeHttp;
  namespace: string;
  kinds: Array<{ apiVersion: string; kind: string }>;
}): Promise<WatchRecord> {
  const agent = new https.Agent({ ca: options.caPem });
  const requests: Array<{ destroy(): void }> = [];
  let stopped = false;
  const record: WatchRecord = {
    initial: [],
    events: [],
    stop() {
      stopped = true;
      requests.forEach(r => r.destroy());
      agent.destroy();
    },
  };
  await Promise.all(
    options.kinds.map(async ({ apiVersion, kind }) => {
      const path = await options.client.path(apiVersion, kind, options.namespace);
      const list = await options.client.request<{ metadata: { resourceVersion: string }; items: KubeObject[] }>(
        'GET',
        path,
      );
      record.initial.push(...list.items.map(object => ({ kind, object })));
      const url = new URL(
        `${path}?watch=1&timeoutSeconds=3600&resourceVersion=${list.metadata.resourceVersion}`,
        options.server,
      );
      await new Promise<void>((resolve, reject) => {
        const req = https.get(url, { agent, headers: { Authorization: `Bearer ${options.token}` } }, res => {
          if (res.statusCode !== 200) {
            reject(new Error(`watch ${path} answered ${res.statusCode}`));
            return;
          }
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            buffer += chunk;
            for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
              const line = buffer.slice(0, nl);
              buffer = buffer.slice(nl + 1);
              if (!line.trim()) continue;
              const e = JSON.parse(line);
              if (e.type === 'ERROR') record.broken ??= `watch ${path}: ${JSON.stringify(e.object)}`;
              else record.events.push({ type: e.type, kind, object: e.object });
            }
          });
          res.on('close', () => {
            if (!stopped) record.broken ??= `watch ${path} ended`;
          });
          resolve();
        });
        requests.push(req);
        req.on('error', e => {
          if (!stopped) record.broken ??= `watch ${path}: ${e.message}`;
          reject(e);
        });
      });
    }),
  );
  return record;
}

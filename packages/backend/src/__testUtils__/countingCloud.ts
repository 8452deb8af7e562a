/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Test support: the OpenStack testbed seen through counting reverse proxies,
// one per service origin. Keystone's service catalog is rewritten to point
// at the proxies, so every request the backend makes to the cloud (logins
// and Nova, Neutron, Glance, Octavia, Cinder calls alike) is counted.

import http from 'node:http';
import net from 'node:net';

export interface CountingCloud {
  /** Keystone's URL through the proxy (what a clouds.yaml names). */
  authUrl: string;
  /** The origins of every proxy, for capiOpenstack.openstack.allowedAuthUrls. */
  allowedPrefixes: string[];
  /** Requests that reached the cloud since the start (or the last reset). */
  requests(): number;
  close(): Promise<void>;
}

/** Proxies for Keystone (`authUrl`) and every origin of `endpoints`. */
export async function startCountingCloud(authUrl: string, endpoints: string[]): Promise<CountingCloud> {
  const origins = [...new Set([authUrl, ...endpoints].map(u => new URL(u).origin))];
  const counter = { requests: 0 };
  const servers: http.Server[] = [];
  const proxyOf = new Map<string, string>();
  for (const origin of origins) {
    const target = new URL(origin);
    const server = http.createServer((req, res) => {
      counter.requests++;
      const headers = { ...req.headers, host: target.host };
      delete headers['accept-encoding'];
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
        up => {
          const isJson = String(up.headers['content-type'] ?? '').includes('json');
          if (!isJson) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            return;
          }
          // JSON bodies may carry the catalog (or links): point them at the proxies.
          const chunks: Buffer[] = [];
          up.on('data', c => chunks.push(c));
          up.on('end', () => {
            let body = Buffer.concat(chunks).toString('utf8');
            for (const [from, to] of proxyOf) body = body.split(from).join(to);
            const out = { ...up.headers, 'content-length': String(Buffer.byteLength(body)) };
            res.writeHead(up.statusCode ?? 502, out);
            res.end(body);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    proxyOf.set(origin, `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
  }
  const keystone = new URL(authUrl);
  return {
    authUrl: `${proxyOf.get(keystone.origin)}${keystone.pathname.replace(/\/$/, '')}`,
    allowedPrefixes: [...proxyOf.values()].map(o => `${o}/`),
    requests: () => counter.requests,
    close: async () => {
      await Promise.all(
        servers.map(s => new Promise<void>(r => {
          s.closeAllConnections?.();
          s.close(() => r());
        })),
      );
    },
  };
}

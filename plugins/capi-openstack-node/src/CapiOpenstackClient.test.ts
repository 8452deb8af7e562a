/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CapiOpenstackClient, CapiOpenstackRequestError } from './CapiOpenstackClient';

describe('CapiOpenstackClient', () => {
  let server: http.Server;
  const seen: Array<{ method?: string; url?: string; auth?: string; body: string }> = [];
  let reply: { status: number; body: unknown } = { status: 200, body: {} };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        res.writeHead(reply.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>(r => server.close(() => r())));

  function client() {
    const port = (server.address() as AddressInfo).port;
    return new CapiOpenstackClient({
      discovery: {
        getBaseUrl: async (id: string) => `http://127.0.0.1:${port}/api/${id}`,
        getExternalBaseUrl: async (id: string) => `http://127.0.0.1:${port}/api/${id}`,
      },
      auth: mockServices.auth(),
    });
  }

  const ref = { managementCluster: 'local', namespace: 'team a', name: 'c1' };

  it('calls the backend with a token on behalf of the user and the dry-run flag', async () => {
    seen.length = 0;
    reply = { status: 200, body: { action: 'scale-pool', changed: true } };
    const result = await client().scalePool(ref, 'md-0', { replicas: 3 }, {
      credentials: mockCredentials.user('user:default/jane'),
      dryRun: true,
    });
    expect(result).toEqual({ action: 'scale-pool', changed: true });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe('/api/capi-openstack/clusters/local/team%20a/c1/pools/md-0/scale?dryRun=true');
    expect(JSON.parse(seen[0].body)).toEqual({ replicas: 3 });
    // The mock auth service encodes the user and the target plugin in the token.
    expect(seen[0].auth).toMatch(/^Bearer mock-service-token:.*user:default\/jane.*capi-openstack/);
  });

  it('runs any action of the action table with its method and path', async () => {
    seen.length = 0;
    reply = { status: 200, body: { action: 'delete', changed: true } };
    const credentials = mockCredentials.user('user:default/jane');
    await client().runAction(ref, 'delete', { confirmName: 'c1' }, { credentials });
    await client().runAction(ref, 'restart-pool', {}, { credentials, pool: 'md/0' });
    expect(seen.map(s => [s.method, s.url, JSON.parse(s.body)])).toEqual([
      ['DELETE', '/api/capi-openstack/clusters/local/team%20a/c1', { confirmName: 'c1' }],
      ['POST', '/api/capi-openstack/clusters/local/team%20a/c1/pools/md%2F0/restart', {}],
    ]);
  });

  it('raises the backend message and status', async () => {
    reply = { status: 422, body: { error: { name: 'UnprocessableEntityError', message: 'controlPlane.replicas: must be odd' } } };
    const error = await client()
      .createCluster({} as any, { credentials: mockCredentials.user() })
      .catch(e => e);
    expect(error).toBeInstanceOf(CapiOpenstackRequestError);
    expect(error.statusCode).toBe(422);
    expect(error.message).toBe('controlPlane.replicas: must be odd');
  });

  it('answers undefined for an unknown cluster', async () => {
    reply = { status: 404, body: { error: { name: 'NotFoundError', message: 'not found' } } };
    await expect(client().getCluster(ref, { credentials: mockCredentials.user() })).resolves.toBeUndefined();
  });
});

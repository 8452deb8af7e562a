/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ResponseError } from '@backstage/errors';
import { actionPaths, StreamChanges } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CapiOpenstackClient } from './CapiOpenstackClient';

const discoveryApi = {
  getBaseUrl: async (id: string) => `http://backstage.test/api/${id}`,
};

function fetchReturning(status: number, body: unknown) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchApi = {
    fetch: async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  return { fetchApi: fetchApi as any, calls };
}

const ref = { managementCluster: 'mc 1', namespace: 'team-a', name: 'alpha' };

describe('CapiOpenstackClient', () => {
  it('calls the plugin base URL from discovery', async () => {
    const { fetchApi, calls } = fetchReturning(200, { items: [] });
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    await expect(client.getManagementClusters()).resolves.toEqual({ items: [] });
    expect(calls.map(c => c.url)).toEqual(['http://backstage.test/api/capi-openstack/management-clusters']);
  });

  it('throws a ResponseError carrying the backend error', async () => {
    const { fetchApi } = fetchReturning(404, {
      error: { name: 'NotFoundError', message: 'cluster not found' },
      response: { statusCode: 404 },
    });
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    const error = await client.getCluster(ref).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('cluster not found');
  });

  it('sends list filters as repeated query parameters and skips empty ones', async () => {
    const { fetchApi, calls } = fetchReturning(200, { items: [] });
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    await client.listClusters({ verdict: ['Failed', 'Degraded'], search: '', namespace: ['team a'], offset: 50, limit: 25 });
    expect(calls[0].url).toBe(
      'http://backstage.test/api/capi-openstack/clusters?verdict=Failed&verdict=Degraded&namespace=team+a&offset=50&limit=25',
    );
  });

  it('encodes the cluster path and runs actions with dryRun and a JSON body', async () => {
    const { fetchApi, calls } = fetchReturning(200, { message: 'ok', changes: [] });
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    await client.runAction(ref, { method: 'POST', path: actionPaths.scalePool('md-0'), body: { replicas: 4 } }, { dryRun: true });
    await client.runAction(ref, { method: 'DELETE', path: '', body: { confirmName: 'alpha' } }, { dryRun: false });
    expect(calls[0].url).toBe('http://backstage.test/api/capi-openstack/clusters/mc%201/team-a/alpha/pools/md-0/scale?dryRun=true');
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(calls[0].init?.body as string)).toEqual({ replicas: 4 });
    expect(calls[1].url).toBe('http://backstage.test/api/capi-openstack/clusters/mc%201/team-a/alpha');
    expect(calls[1].init?.method).toBe('DELETE');
  });

  it('reads the event stream through fetchApi (so the token is sent) until it ends', async () => {
    const encoder = new TextEncoder();
    const changes: StreamChanges = { upserted: [], removed: [ref], managementClusters: [] };
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode('event: snapshot\ndata: {"managementClusters":[]}\n\n: ping\n\nevent: chan'));
        controller.enqueue(encoder.encode(`ges\ndata: ${JSON.stringify(changes)}\n\n`));
        controller.close();
      },
    });
    const urls: string[] = [];
    const fetchApi = {
      fetch: async (url: string) => {
        urls.push(url);
        return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      },
    } as any;
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    const received: StreamChanges[] = [];
    let opened = 0;
    await client.stream({ onChanges: c => received.push(c), onOpen: () => opened++ }, new AbortController().signal);
    expect(urls).toEqual(['http://backstage.test/api/capi-openstack/stream']);
    expect(opened).toBe(1);
    expect(received).toEqual([{ upserted: [], removed: [], managementClusters: [] }, changes]);
  });
  it('rejects with the message of an error event, so that the hub reconnects with backoff', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode('event: snapshot\ndata: {"managementClusters":[]}\n\nevent: error\ndata: {"message":"You are not allowed to read workload clusters"}\n\n'),
        );
      },
    });
    const fetchApi = { fetch: async () => new Response(body, { status: 200 }) } as any;
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    await expect(client.stream({ onChanges: () => {} }, new AbortController().signal)).rejects.toThrow(
      'You are not allowed to read workload clusters',
    );
  });
  it('reads the OpenStack lists of a cluster and of an identity Secret (encoded path and query)', async () => {
    const body = { available: false, source: 'config', message: 'Keystone did not answer', flavors: [{ id: 'm1.large', name: 'm1.large' }] };
    const { fetchApi, calls } = fetchReturning(200, body);
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    await expect(client.getClusterOpenStack(ref)).resolves.toEqual(body);
    await client.getOpenStackResources({ managementCluster: 'mc 1', namespace: 'team-a', secret: 'cloud&creds', cloud: 'open stack' });
    expect(calls.map(c => c.url)).toEqual([
      'http://backstage.test/api/capi-openstack/clusters/mc%201/team-a/alpha/openstack',
      'http://backstage.test/api/capi-openstack/openstack/mc%201/team-a/resources?secret=cloud%26creds&cloud=open+stack',
    ]);
  });
});

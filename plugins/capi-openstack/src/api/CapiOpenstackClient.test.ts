/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ResponseError } from '@backstage/errors';
import { CapiOpenstackClient } from './CapiOpenstackClient';

const discoveryApi = {
  getBaseUrl: async (id: string) => `http://backstage.test/api/${id}`,
};

function fetchReturning(status: number, body: unknown) {
  const calls: string[] = [];
  const fetchApi = {
    fetch: async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  return { fetchApi: fetchApi as any, calls };
}

describe('CapiOpenstackClient', () => {
  it('calls the plugin base URL from discovery', async () => {
    const { fetchApi, calls } = fetchReturning(200, { status: 'ok' });
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    await expect(client.getHealth()).resolves.toEqual({ status: 'ok' });
    expect(calls).toEqual(['http://backstage.test/api/capi-openstack/health']);
  });

  it('throws a ResponseError carrying the backend error', async () => {
    const { fetchApi } = fetchReturning(404, {
      error: { name: 'NotFoundError', message: 'cluster not found' },
      response: { statusCode: 404 },
    });
    const client = new CapiOpenstackClient({ discoveryApi, fetchApi });
    const error = await client.getHealth().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('cluster not found');
  });
});

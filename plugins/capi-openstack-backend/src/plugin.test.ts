/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { capiOpenstackPlugin } from './plugin';

describe('capiOpenstackPlugin', () => {
  it('serves /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [capiOpenstackPlugin, mockServices.rootConfig.factory({ data: {} })],
    });
    const res = await request(server).get('/api/capi-openstack/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('registers its permissions with the permission framework', async () => {
    const { server } = await startTestBackend({
      features: [capiOpenstackPlugin, mockServices.rootConfig.factory({ data: {} })],
    });
    const res = await request(server)
      .get('/api/capi-openstack/.well-known/backstage/permissions/metadata')
      .set('authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.permissions.map((p: any) => p.name)).toEqual(
      expect.arrayContaining([
        'capi-openstack.cluster.read',
        'capi-openstack.cluster.delete',
        'capi-openstack.cluster.kubeconfig',
      ]),
    );
  });
});

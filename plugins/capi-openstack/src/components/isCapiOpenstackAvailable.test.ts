/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Entity } from '@backstage/catalog-model';
import { isCapiOpenstackAvailable } from './isCapiOpenstackAvailable';

const entity = (overrides: Partial<Entity> = {}, annotations = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'local-team-a-prod',
    annotations: {
      'capi-openstack.dev/management-cluster': 'local',
      'capi-openstack.dev/cluster': 'team-a/prod',
      ...annotations,
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-a' },
  ...overrides,
});

describe('isCapiOpenstackAvailable', () => {
  it('accepts a published cluster resource', () => {
    expect(isCapiOpenstackAvailable(entity())).toBe(true);
  });

  it('rejects other kinds and types', () => {
    expect(isCapiOpenstackAvailable(entity({ kind: 'Component' }))).toBe(false);
    expect(
      isCapiOpenstackAvailable(entity({ spec: { type: 'database' } })),
    ).toBe(false);
  });

  it('rejects a resource without the cluster annotations', () => {
    expect(
      isCapiOpenstackAvailable(
        entity({}, { 'capi-openstack.dev/cluster': '' }),
      ),
    ).toBe(false);
  });
});

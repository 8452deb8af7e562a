/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { clusterEntityName, clusterEntityRef, clusterLocation, clusterPagePath } from './entityNames';

const ref = (managementCluster: string, namespace: string, name: string) => ({ managementCluster, namespace, name });

describe('cluster entity names', () => {
  it('keeps ordinary names readable', () => {
    const r = ref('prod-zrh', 'team-payments', 'pay-prod');
    expect(clusterEntityName(r)).toBe('prod-zrh.team-payments.pay-prod');
    expect(clusterEntityRef(r)).toBe('resource:default/prod-zrh.team-payments.pay-prod');
    expect(clusterLocation(r)).toBe('capi-openstack:prod-zrh/team-payments/pay-prod');
  });

  // Entity names are stored in the catalog: the hashes must never change.
  it.each([
    [ref('prod-zrh', 'team-payments', 'a'.repeat(60)), 'prod-zrh.team-payments.aaaaaaaaaaaaaaaaaaaaaaaaaaaaa-8b233308d3'],
    [ref('a.b', 'c', 'd'), 'a.b.c.d-fe63cffc89'],
    [ref('--', '--', 'Ü'), 'c2b36b56a5'],
  ])('hashes names that are too long or not DNS names: %o', (r, name) => {
    expect(clusterEntityName(r)).toBe(name);
  });

  it('encodes the page path', () => {
    expect(clusterPagePath(ref('mc', 'ns', 'a b'))).toBe('/capi-openstack/clusters/mc/ns/a%20b');
  });
});

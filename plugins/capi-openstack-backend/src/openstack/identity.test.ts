/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { identityOfCluster, selectorMatches } from './identity';

const meta = { name: 'c', namespace: 'ns' };

describe('identityOfCluster', () => {
  it('reads the OpenStackCluster identityRef first, then the class variable', () => {
    const cluster = {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: meta,
      spec: { topology: { variables: [{ name: 'identityRef', value: { name: 'from-class', cloudName: 'c1' } }] } },
    };
    const osc = { apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1', kind: 'OpenStackCluster', metadata: meta, spec: { identityRef: { name: 'shared', type: 'ClusterIdentity', cloudName: 'prod' } } };
    expect(identityOfCluster(cluster, osc)).toEqual({ secretName: 'shared', cloudName: 'prod', type: 'ClusterIdentity' });
    expect(identityOfCluster(cluster)).toEqual({ secretName: 'from-class', cloudName: 'c1' });
    expect(identityOfCluster({ apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster', metadata: meta, spec: {} })).toBeUndefined();
  });
});

describe('selectorMatches', () => {
  it('applies matchLabels and every matchExpressions operator', () => {
    const labels = { team: 'payments', tier: 'prod' };
    expect(selectorMatches(undefined, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { team: 'payments' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { team: 'data' } }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['prod', 'stage'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['prod'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'owner', operator: 'Exists' }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'owner', operator: 'DoesNotExist' }] }, labels)).toBe(true);
  });
});

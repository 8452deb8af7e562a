/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { actionPaths, resourceVersionFor } from './actions';

describe('resourceVersionFor', () => {
  const plain = {
    resourceVersion: 'c',
    classy: false,
    controlPlane: { resourceVersion: 'cp' } as any,
    pools: [{ name: 'md-0-abc', topologyName: 'md-0', resourceVersion: 'p0' }, { name: 'md-1', resourceVersion: 'p1' }] as any,
  };

  it('picks the object each action writes', () => {
    expect(resourceVersionFor(plain, 'scale-control-plane')).toBe('cp');
    expect(resourceVersionFor(plain, 'upgrade')).toBe('cp');
    expect(resourceVersionFor(plain, 'scale-pool', 'md-1')).toBe('p1');
    expect(resourceVersionFor(plain, 'restart-pool', 'md-0')).toBe('p0');
    expect(resourceVersionFor(plain, 'pause')).toBe('c');
    expect(resourceVersionFor(plain, 'delete')).toBe('c');
    expect(resourceVersionFor(plain, 'scale-pool', 'nope')).toBeUndefined();
  });

  it('always the Cluster for ClusterClass clusters', () => {
    expect(resourceVersionFor({ ...plain, classy: true }, 'scale-pool', 'md-1')).toBe('c');
    expect(resourceVersionFor({ ...plain, classy: true }, 'set-control-plane-flavor')).toBe('c');
  });

  it('encodes pool names in paths', () => {
    expect(actionPaths.scalePool('a/b')).toBe('pools/a%2Fb/scale');
  });
});

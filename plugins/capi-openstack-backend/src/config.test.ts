/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ConfigReader } from '@backstage/config';
import { readCapiOpenstackConfig } from './config';

const read = (managementClusters: any[], extra: object = {}) =>
  readCapiOpenstackConfig(new ConfigReader({ capiOpenstack: { managementClusters, ...extra } } as any));

describe('readCapiOpenstackConfig', () => {
  it('reads the three credential sources and defaults', () => {
    const config = read([
      { name: 'prod-zrh', kubeconfig: { path: '/k', context: 'admin' }, namespaces: ['team-a'] },
      { name: 'prod-gva', title: 'Geneva', url: 'https://gva:6443', serviceAccountToken: 't', caData: 'Y2E=' },
      { name: 'self', inCluster: true, dangerouslySkipTLSVerify: true },
    ]);
    expect(config.managementClusters).toEqual([
      {
        name: 'prod-zrh',
        title: 'prod-zrh',
        source: { type: 'kubeconfig', path: '/k', context: 'admin' },
        namespaces: ['team-a'],
        skipTLSVerify: false,
      },
      {
        name: 'prod-gva',
        title: 'Geneva',
        source: { type: 'token', url: 'https://gva:6443', token: 't', caData: 'Y2E=' },
        namespaces: undefined,
        skipTLSVerify: false,
      },
      { name: 'self', title: 'self', source: { type: 'inCluster' }, namespaces: undefined, skipTLSVerify: true },
    ]);
    expect(config.defaultOwner).toBe('group:default/platform');
  });

  it('is empty without configuration', () => {
    expect(readCapiOpenstackConfig(new ConfigReader({})).managementClusters).toEqual([]);
  });

  it.each([
    [[{ name: 'Prod', inCluster: true }], /managementClusters\[0\]\.name "Prod"/],
    [[{ name: 'a-very-long-management-cluster', inCluster: true }], /at most 20 characters/],
    [[{ name: 'a', inCluster: true }, { name: 'a', inCluster: true }], /managementClusters\[1\]\.name "a" is used twice/],
    [[{ name: 'a' }], /managementClusters\[0\] needs exactly one of kubeconfig, url/],
    [[{ name: 'a', inCluster: true, kubeconfig: { path: '/k' } }], /found 2/],
    [[{ name: 'a', url: 'https://x' }], /managementClusters\[0\]\.serviceAccountToken is required/],
    [[{ name: 'a', url: 'ftp://x', serviceAccountToken: 't' }], /managementClusters\[0\]\.url must be an http\(s\) URL/],
    [[{ name: 'a', inCluster: true, namespaces: ['Bad_NS'] }], /managementClusters\[0\]\.namespaces\[0\]/],
  ])('rejects %j naming the key', (clusters, message) => {
    expect(() => read(clusters)).toThrow(message);
  });

  it('reads the stream limits, with defaults', () => {
    expect(read([]).stream).toEqual({ maxConnectionsPerUser: 5, maxConnections: 1000, reauthorizeMs: 60_000 });
    const stream = { maxConnectionsPerUser: 2, maxConnections: 10, reauthorizeSeconds: 1 };
    expect(read([], { stream }).stream).toEqual({ maxConnectionsPerUser: 2, maxConnections: 10, reauthorizeMs: 1000 });
    expect(() => read([], { stream: { maxConnections: 0 } })).toThrow(/capiOpenstack\.stream\.maxConnections must be a positive integer/);
  });

  it('rejects a default owner that is not an entity ref', () => {
    expect(() => read([], { defaultOwner: 'platform' })).toThrow(/capiOpenstack\.defaultOwner/);
  });

  it('never puts the token into an error', () => {
    let message = '';
    try {
      read([{ name: 'a', url: 'ftp://x', serviceAccountToken: 'SECRET-TOKEN' }]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/url/);
    expect(message).not.toContain('SECRET-TOKEN');
  });
});

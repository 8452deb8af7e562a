/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { OpenStackResourcesResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** What the backend answers for a reachable cloud. */
export function liveCloud(overrides: Partial<OpenStackResourcesResponse> = {}): OpenStackResourcesResponse {
  return {
    available: true,
    source: 'cloud',
    identity: { secretName: 'team-cloud', cloudName: 'openstack' },
    cloud: { authUrl: 'http://keystone.test/v3', region: 'RegionOne', projectId: 'p-1' },
    flavors: [
      { id: 'f-1', name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
      { id: 'f-2', name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40 },
      { id: 'f-3', name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 0 },
    ],
    images: [
      { id: 'i-1', name: 'ubuntu-2404-kube-v1.33.5', tags: [], kubernetesVersion: 'v1.33.5', osDistro: 'ubuntu', osVersion: '24.04' },
      { id: 'i-2', name: 'ubuntu-2404-kube-v1.34.2', tags: [], kubernetesVersion: 'v1.34.2', osDistro: 'ubuntu', osVersion: '24.04' },
      { id: 'i-3', name: 'flatcar-v1.34.2', tags: [], kubernetesVersion: 'v1.34.2', osDistro: 'flatcar' },
    ],
    networks: [
      { id: 'n-ext', name: 'public', external: true },
      { id: 'n-ext2', name: 'provider', external: true },
      { id: 'n-int', name: 'tenant-net', external: false },
    ],
    keyPairs: [{ name: 'ops', fingerprint: 'aa:bb' }, { name: 'ci' }],
    availabilityZones: [
      { name: 'az-1', available: true },
      { name: 'az-2', available: true },
      { name: 'az-3', available: false },
    ],
    quotas: [{ service: 'compute', resource: 'cores', limit: 64, inUse: 60 }],
    fetchedAt: '2026-05-01T10:00:00Z',
    ...overrides,
  };
}

/** What the backend answers when the cloud cannot be reached: the configured lists. */
export function unreachableCloud(overrides: Partial<OpenStackResourcesResponse> = {}): OpenStackResourcesResponse {
  return {
    available: false,
    source: 'config',
    message: 'Keystone at http://keystone.test/v3 did not answer within 10 s.',
    identity: { secretName: 'team-cloud', cloudName: 'openstack' },
    flavors: [
      { id: 'm1.large', name: 'm1.large' },
      { id: 'm1.2xlarge', name: 'm1.2xlarge' },
    ],
    images: [],
    networks: [],
    keyPairs: [],
    availabilityZones: [],
    quotas: [],
    ...overrides,
  };
}

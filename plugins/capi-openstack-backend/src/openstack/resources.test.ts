/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mapAvailabilityZones, mapImages, mapNeutronQuotas, mapNovaQuotas, mapOctaviaQuota } from './resources';

describe('OpenStack answer mappers', () => {
  it('keeps active images and reads the Kubernetes version from kube_version, else a kube image name', () => {
    const images = mapImages({
      images: [
        { id: '1', name: 'ubuntu-kube', status: 'active', kube_version: '1.34.2', tags: ['k8s'] },
        { id: '2', name: 'flatcar-k8s-v1.33.5', status: 'active' },
        { id: '3', name: 'cirros-0.6.2', status: 'active' },
        { id: '4', name: 'ubuntu-kube-v1.35.0', status: 'queued' },
      ],
    });
    expect(images.map(i => [i.name, i.kubernetesVersion])).toEqual([
      ['cirros-0.6.2', undefined],
      ['flatcar-k8s-v1.33.5', 'v1.33.5'],
      ['ubuntu-kube', 'v1.34.2'],
    ]);
  });

  it('drops the internal zone and reads availability', () => {
    expect(
      mapAvailabilityZones({
        availabilityZoneInfo: [
          { zoneName: 'internal', zoneState: { available: true } },
          { zoneName: 'b', zoneState: { available: false } },
          { zoneName: 'a', zoneState: { available: true } },
        ],
      }),
    ).toEqual([
      { name: 'a', available: true },
      { name: 'b', available: false },
    ]);
  });

  it('maps Nova in_use and Neutron used to inUse, and counts Octavia load balancers', () => {
    expect(mapNovaQuotas({ quota_set: { cores: { limit: 8, in_use: 3, reserved: 1 }, id: 'p' } })).toEqual([
      { service: 'compute', resource: 'cores', limit: 8, inUse: 3, reserved: 1 },
    ]);
    expect(mapNeutronQuotas({ quota: { floatingip: { limit: 5, used: 2, reserved: 0 } } })).toEqual([
      { service: 'network', resource: 'floatingip', limit: 5, inUse: 2, reserved: 0 },
    ]);
    expect(
      mapOctaviaQuota({ quota: { load_balancer: 3 } }, { loadbalancers: [{ provisioning_status: 'ACTIVE' }, { provisioning_status: 'DELETED' }] }),
    ).toEqual([{ service: 'load-balancer', resource: 'loadbalancer', limit: 3, inUse: 1 }]);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The testbed's seed against what the demo fleet names (no services needed):
// with `npm start -- --openstack` every flavor, image, key pair, external
// network and availability zone of the demo's specs must exist in the cloud.

import fs from 'node:fs';
import path from 'node:path';
import { buildDemoFleet, buildLiveClusters, SeedObject } from '@internal/management-cluster';
import {
  AVAILABILITY_ZONES,
  DEMO_QUOTAS,
  EXTERNAL_NETWORK,
  FLAVORS,
  IMAGES,
  KEY_PAIRS,
  KUBERNETES_VERSIONS,
} from './seedResources';

interface Referenced {
  flavors: Set<string>;
  imageNames: Set<string>;
  imageIds: Set<string>;
  keyPairs: Set<string>;
  zones: Set<string>;
  externalNetworks: Set<string>;
}

/** Every OpenStack name the demo's objects use (ClusterClass templates excepted: their image is a prefix). */
function referenced(objects: SeedObject[]): Referenced {
  const r: Referenced = {
    flavors: new Set(),
    imageNames: new Set(),
    imageIds: new Set(),
    keyPairs: new Set(),
    zones: new Set(),
    externalNetworks: new Set(),
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'flavor' && typeof value === 'string') r.flavors.add(value);
      if (key === 'sshKeyName' && typeof value === 'string')
        r.keyPairs.add(value);
      if (
        (key === 'failureDomain' || key === 'availabilityZone') &&
        typeof value === 'string'
      )
        r.zones.add(value);
      if (key === 'controlPlaneAvailabilityZones')
        (value as string[]).forEach(z => r.zones.add(z));
      if (key === 'image' && value && typeof value === 'object') {
        const image = value as { id?: string; filter?: { name?: string } };
        if (image.id) r.imageIds.add(image.id);
        if (image.filter?.name) r.imageNames.add(image.filter.name);
      }
      if (key === 'externalNetwork' && value && typeof value === 'object') {
        const name = (value as { filter?: { name?: string } }).filter?.name;
        if (name) r.externalNetworks.add(name);
      }
      walk(value);
    }
  };
  for (const o of objects) {
    if (o.owner?.kind === 'ClusterClass') continue;
    walk(o.manifest.spec);
    const failureDomains = (o.status as any)?.failureDomains;
    if (o.manifest.kind === 'OpenStackCluster' && failureDomains)
      Object.keys(failureDomains).forEach(z => r.zones.add(z));
  }
  return r;
}

describe('testbed seed and the demo fleet', () => {
  const demo = referenced([
    ...buildDemoFleet({ now: new Date('2026-09-01T10:00:00Z') }),
    ...buildLiveClusters(),
  ]);

  it('has every flavor the demo uses', () => {
    expect(demo.flavors.size).toBeGreaterThanOrEqual(6);
    const seeded = FLAVORS.map(f => f.name);
    expect([...demo.flavors].filter(f => !seeded.includes(f as any))).toEqual(
      [],
    );
  });

  it('has every image the demo names or refers to by id, with its Kubernetes version', () => {
    const names = IMAGES.map(i => i.name);
    expect([...demo.imageNames].filter(n => !names.includes(n))).toEqual([]);
    const ids = IMAGES.flatMap(i => (i.id ? [i.id] : []));
    expect(demo.imageIds.size).toBeGreaterThanOrEqual(1);
    expect([...demo.imageIds].filter(id => !ids.includes(id))).toEqual([]);
    for (const image of IMAGES) {
      const version = /-(v\d+\.\d+\.\d+)$/.exec(image.name)?.[1];
      expect([image.name, image.kube_version]).toEqual([image.name, version]);
    }
  });

  it('has every key pair, availability zone and external network the demo uses', () => {
    expect([...demo.keyPairs].sort()).toEqual([...KEY_PAIRS].sort());
    expect([...demo.zones].sort()).toEqual(
      Object.keys(AVAILABILITY_ZONES).sort(),
    );
    expect([...demo.externalNetworks]).toEqual([EXTERNAL_NETWORK]);
  });

  it('has the flavors, Kubernetes versions and fallback lists npm start configures', () => {
    const start = fs.readFileSync(
      path.resolve(__dirname, '../../../scripts/start.mjs'),
      'utf8',
    );
    const list = (name: string) =>
      JSON.parse(
        new RegExp(`const ${name} = (\\[[^\\]]*\\]);`)
          .exec(start)![1]
          .replace(/'/g, '"'),
      );
    expect(list('DEMO_KUBERNETES_VERSIONS')).toEqual([...KUBERNETES_VERSIONS]);
    expect(list('DEMO_FLAVORS')).toEqual(FLAVORS.map(f => f.name));
    // Its fallback lists (pickers without the testbed) name the same.
    expect(list('DEMO_EXTERNAL_NETWORKS')).toEqual([EXTERNAL_NETWORK]);
    expect(list('DEMO_KEY_PAIRS')).toEqual([...KEY_PAIRS]);
    expect(list('DEMO_AVAILABILITY_ZONES')).toEqual(
      Object.keys(AVAILABILITY_ZONES),
    );
  });

  it('leaves quota headroom for a new demo cluster and a scale-up, not for a pool of 30 m1.xlarge', () => {
    // A new cluster from the create form's defaults: 3 × m1.large + 2 × m1.medium.
    const large = FLAVORS.find(f => f.name === 'm1.large')!;
    const medium = FLAVORS.find(f => f.name === 'm1.medium')!;
    const xlarge = FLAVORS.find(f => f.name === 'm1.xlarge')!;
    const create = 3 * large.vcpus + 2 * medium.vcpus;
    // Scaling the demo's biggest pool (4 × m1.xlarge) to 10.
    const scale = 6 * xlarge.vcpus;
    expect(create + scale).toBeLessThan(DEMO_QUOTAS.compute.cores);
    expect(3 * large.ram + 2 * medium.ram + 6 * xlarge.ram).toBeLessThan(
      DEMO_QUOTAS.compute.ram,
    );
    expect(30 * xlarge.vcpus).toBeGreaterThan(DEMO_QUOTAS.compute.cores);
  });
});

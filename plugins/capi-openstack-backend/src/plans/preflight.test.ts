/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { asksNothing, computeNeeds, PreflightInputs, refusalMessage, runPreflight } from './preflight';

const cloud: PreflightInputs = {
  available: true,
  flavors: [
    { id: '1', name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40 },
    { id: '2', name: 'm1.large', vcpus: 4, ram: 8192, disk: 80 },
    { id: '3', name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 160 },
  ],
  images: [{ id: 'i1', name: 'ubuntu-2404-kube-v1.34.2', tags: [], kubernetesVersion: 'v1.34.2' }],
  networks: [
    { id: 'n1', name: 'public', external: true },
    { id: 'n2', name: 'tenant', external: false },
  ],
  keyPairs: [{ name: 'ops' }],
  availabilityZones: [
    { name: 'az-1', available: true },
    { name: 'az-2', available: false },
  ],
  quotas: [
    { service: 'compute', resource: 'cores', limit: 20, inUse: 10, reserved: 0 },
    { service: 'compute', resource: 'ram', limit: 65536, inUse: 16384 },
    { service: 'compute', resource: 'instances', limit: 10, inUse: 4 },
    { service: 'network', resource: 'floatingip', limit: 2, inUse: 2 },
    { service: 'network', resource: 'port', limit: -1, inUse: 50 },
  ],
};

describe('computeNeeds', () => {
  it('takes the largest phase, not the sum of phases', () => {
    const { needs } = computeNeeds(
      {
        phases: [
          [{ what: 'the control plane', flavor: 'm1.large', count: 1 }],
          [
            { what: 'pool a', flavor: 'm1.medium', count: 1 },
            { what: 'pool b', flavor: 'm1.medium', count: 1 },
          ],
        ],
      },
      cloud.flavors,
    );
    expect(needs).toMatchObject({ instances: 2, cores: 4, ram: 8192, ports: 2 });
  });

  it('sizes a rolling flavor change at its peak: all but one replaced plus the surge machine', () => {
    // 3 replicas m1.medium -> m1.xlarge: peak at k = 2: 2·8 + 2 + 8 − 3·2 = 20 → needs 8 + 2·6 = 20.
    const up = computeNeeds({ phases: [], rollout: { what: 'pool', from: 'm1.medium', to: 'm1.xlarge', replicas: 3 } }, cloud.flavors);
    expect(up.needs).toMatchObject({ instances: 1, cores: 20, ram: 16384 + 2 * 12288 });
    // Shrinking: only the first surge machine is extra.
    const down = computeNeeds({ phases: [], rollout: { what: 'pool', from: 'm1.xlarge', to: 'm1.medium', replicas: 3 } }, cloud.flavors);
    expect(down.needs).toMatchObject({ instances: 1, cores: 2, ram: 4096 });
  });

  it('honours maxSurge and counts an unknown old flavor as the new one (never a false refusal)', () => {
    // 4 replicas m1.medium -> m1.large, 2 at a time: 2·4 + 2·2 = 12 cores at the peak.
    const surged = computeNeeds({ phases: [], rollout: { what: 'pool', from: 'm1.medium', to: 'm1.large', replicas: 4, surge: 2 } }, cloud.flavors);
    expect(surged.needs).toMatchObject({ instances: 2, cores: 12 });
    const retired = computeNeeds({ phases: [], rollout: { what: 'pool', from: 'm0.retired', to: 'm1.large', replicas: 10 } }, cloud.flavors);
    expect(retired.needs).toMatchObject({ instances: 1, cores: 4 });
    expect(retired.unknownFlavors).toEqual(['m0.retired']);
  });

  it('counts root volumes and reports flavors it cannot size', () => {
    const { needs, unknownFlavors } = computeNeeds(
      { phases: [[{ what: 'pool', flavor: 'gpu.huge', count: 2, rootVolumeGiB: 50 }]] },
      cloud.flavors,
    );
    expect(needs).toMatchObject({ instances: 2, cores: 0, volumes: 2 });
    expect(unknownFlavors).toEqual(['gpu.huge']);
  });
});

/** One check of a preflight result, by id. */
const check = (r: ReturnType<typeof runPreflight>, id: string) => r.checks.find(c => c.id === id);
/** What the cores check says when three m1.large do not fit `cloud`. */
const CORES_SHORT = 'Nova cores: the change needs 12 more, but only 10 of 20 are left (10 in use).';

describe('runPreflight', () => {
  it('fails when a quota is too small and names the quota with its numbers', () => {
    const r = runPreflight({ phases: [[{ what: 'pool', flavor: 'm1.large', count: 3 }]] }, cloud);
    expect(r.status).toBe('fail');
    expect(check(r, 'quota:compute:cores')).toEqual({
      id: 'quota:compute:cores',
      status: 'fail',
      message: `${CORES_SHORT} Ask for a higher quota or make the change smaller.`,
    });
    expect(r.summary).toBe('Preflight failed: Nova cores.');
    expect(refusalMessage(r)).toMatch(/^Preflight failed: Nova cores: the change needs 12 more.*Send force: true to apply anyway\.$/);
  });

  it('warns above the threshold, passes below it, and treats -1 as unlimited', () => {
    const r = runPreflight({ phases: [[{ what: 'pool', flavor: 'm1.medium', count: 4 }]] }, cloud);
    // cores: 10 + 8 = 18 of 20 (90%) is not above 90%; instances: 8 of 10 (80%).
    expect(check(r, 'quota:compute:cores')?.status).toBe('pass');
    expect(check(r, 'quota:network:port')?.message).toBe('Neutron ports: needs 4 more, the quota is unlimited.');
    const warn = runPreflight({ phases: [[{ what: 'pool', flavor: 'm1.medium', count: 4 }]] }, cloud, { warnAboveRatio: 0.8 });
    expect(warn.status).toBe('warn');
    expect(check(warn, 'quota:compute:cores')?.message).toBe(
      'Nova cores: the change needs 8 more; 18 of 20 would be in use (90%).',
    );
  });

  it('formats RAM in GiB', () => {
    const r = runPreflight({ phases: [[{ what: 'pool', flavor: 'm1.xlarge', count: 1 }]] }, cloud);
    expect(check(r, 'quota:compute:ram')?.message).toBe('Nova RAM: needs 16 GiB more, 48 GiB of 64 GiB are left.');
  });

  it('checks that the flavor, image, key pair, external network and zones exist', () => {
    const r = runPreflight(
      {
        phases: [[{ what: 'cp', flavor: 'm1.tiny', count: 0 }]],
        rollout: { what: 'pool', from: 'm1.medium', to: 'm9.giant', replicas: 1 },
        image: { kubernetesVersion: 'v1.35.0' },
        keyPair: 'nobody',
        externalNetwork: 'tenant',
        availabilityZones: ['az-1', 'az-2', 'az-9'],
      },
      cloud,
    );
    const byId = Object.fromEntries(r.checks.map(c => [c.id, c]));
    expect(byId['flavor:m9.giant'].message).toBe(
      'Flavor m9.giant does not exist in this project (available: m1.medium, m1.large, m1.xlarge).',
    );
    // Zero new machines of a flavor: not checked.
    expect(byId['flavor:m1.tiny']).toBeUndefined();
    expect(byId.image.message).toBe(
      'No active image for Kubernetes v1.35.0 in Glance (Kubernetes images: ubuntu-2404-kube-v1.34.2 (v1.34.2)). Upload it first.',
    );
    expect(byId.keyPair.status).toBe('fail');
    expect(byId.externalNetwork.message).toMatch(/^Network tenant is not external/);
    expect(byId['availabilityZone:az-1'].status).toBe('pass');
    expect(byId['availabilityZone:az-2'].status).toBe('warn');
    expect(byId['availabilityZone:az-9'].status).toBe('fail');
    // Quota of a flavor that does not exist cannot be sized: no quota checks.
    expect(r.checks.some(c => c.id.startsWith('quota:'))).toBe(false);
  });

  it('finds an image named with the version appended (CAPO addImageVersion) only for a name prefix', () => {
    const r = runPreflight({ phases: [], image: { name: 'ubuntu-2404-kube', kubernetesVersion: 'v1.34.2', namePrefix: true } }, cloud);
    expect(r.checks).toEqual([
      { id: 'image', status: 'pass', message: 'Image ubuntu-2404-kube-v1.34.2 for Kubernetes v1.34.2 is available.' },
    ]);
    const exact = runPreflight({ phases: [], image: { name: 'ubuntu-2404-kube', kubernetesVersion: 'v1.34.2' } }, cloud);
    expect(exact.status).toBe('fail');
  });

  it('fails an image built for another Kubernetes version', () => {
    const r = runPreflight({ phases: [], image: { name: 'ubuntu-2404-kube-v1.34.2', kubernetesVersion: 'v1.35.0' } }, cloud);
    expect(r.checks).toEqual([
      {
        id: 'image',
        status: 'fail',
        message: 'Image ubuntu-2404-kube-v1.34.2 is built for Kubernetes v1.34.2, not v1.35.0. Choose an image of v1.35.0.',
      },
    ]);
  });

  it('only warns when the cloud could not be reached', () => {
    const r = runPreflight(
      { phases: [[{ what: 'pool', flavor: 'm1.large', count: 50 }]], keyPair: 'x' },
      { ...cloud, available: false, message: 'Keystone could not be reached (x: connection refused); showing the configured lists', quotas: [] },
    );
    expect(r.status).toBe('warn');
    expect(r.checks).toEqual([
      {
        id: 'cloud',
        status: 'warn',
        message:
          'OpenStack could not be checked (Keystone could not be reached (x: connection refused)): quota and resources were not verified.',
      },
    ]);
  });

  it('warns that machines of an unknown (class default) flavor are not counted', () => {
    const r = runPreflight({ phases: [[{ what: 'pool', count: 2 }]] }, cloud);
    expect(check(r, 'quota:sizing')?.status).toBe('warn');
    expect(check(r, 'quota:compute:instances')?.message).toBe('Nova instances: needs 2 more, 6 of 10 are left.');
  });

  it('turns a quota failure into a warning for autoscaler bounds (advice, not a refusal)', () => {
    const r = runPreflight(
      { phases: [[{ what: 'pool', flavor: 'm1.large', count: 3 }]], advisory: 'The autoscaler will stop below its maximum of 5.' },
      cloud,
    );
    expect(r.status).toBe('warn');
    expect(check(r, 'quota:compute:cores')).toEqual({
      id: 'quota:compute:cores',
      status: 'warn',
      message: `${CORES_SHORT} The autoscaler will stop below its maximum of 5.`,
    });
  });

  it('asks nothing of the cloud for a scale-down', () => {
    expect(asksNothing({ phases: [[]] })).toBe(true);
    expect(asksNothing({ phases: [[{ what: 'pool', flavor: 'm1.large', count: -2 }]] })).toBe(true);
    expect(asksNothing({ phases: [[{ what: 'pool', flavor: 'm1.large', count: 1 }]] })).toBe(false);
    expect(asksNothing({ phases: [], image: { kubernetesVersion: 'v1.35.0' } })).toBe(false);
  });
});

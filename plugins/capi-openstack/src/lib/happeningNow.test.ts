/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterTree } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { pool, tree } from '../__testUtils__/fixtures';
import { happeningNow } from './happeningNow';

type Versions = ClusterTree['versions'];

/** A tree whose desired version is `desired` while its machines run `observed` ([scope, version, replicas]). */
function upgradingTo(
  desired: string,
  observed: Array<[Versions['observed'][number]['scope'], string, number]>,
  upgradePlan?: Versions['upgradePlan'],
) {
  const versions: Versions = { desired, observed: observed.map(([scope, version, replicas]) => ({ scope, version, replicas })) };
  if (upgradePlan) versions.upgradePlan = upgradePlan;
  return tree({ versions });
}

describe('happeningNow', () => {
  it('says nothing for a cluster at rest', () => {
    expect(happeningNow(tree())).toEqual([]);
  });

  it('names a deletion in plain words, before anything else', () => {
    const t = tree({
      deletion: { deletionTimestamp: '2026-09-01T10:00:00Z', finalizers: [], reason: 'WaitingForControlPlaneDeletion' },
      paused: true,
    });
    expect(happeningNow(t)).toEqual(['Deleting: waiting for the control plane to be removed.']);
  });

  it('reports a paused cluster', () => {
    expect(happeningNow(tree({ paused: true }))[0]).toMatch(/^Paused/);
  });

  it('describes a pool scaling up with ready machines', () => {
    const t = tree({ pools: [pool({ name: 'md', topologyName: 'md-0', counters: { desired: 5, replicas: 3, ready: 3, upToDate: 3 } })] });
    expect(happeningNow(t)).toEqual(['Scaling up pool md-0 from 3 to 5 machines (3 ready)']);
  });

  it('describes a control plane upgrade from the observed versions', () => {
    const t = upgradingTo('v1.34.2', [
      ['controlPlane', 'v1.33.5', 2],
      ['controlPlane', 'v1.34.2', 2],
      ['workers', 'v1.33.5', 2],
    ]);
    t.controlPlane!.counters = { desired: 3, replicas: 4, ready: 4, upToDate: 2 };
    expect(happeningNow(t)).toEqual([
      'Upgrading the control plane to v1.34.2: 2 of 4 machines on v1.34.2',
      'Scaling down the control plane from 4 to 3 machines (4 ready)',
    ]);
  });

  it('moves on to the workers once the control plane runs the target, naming a chained plan', () => {
    const t = upgradingTo(
      'v1.34.2',
      [
        ['controlPlane', 'v1.34.2', 3],
        ['workers', 'v1.33.5', 1],
        ['workers', 'v1.34.2', 1],
      ],
      { workers: ['v1.34.0', 'v1.34.2'] },
    );
    expect(happeningNow(t)[0]).toBe('Upgrading workers to v1.34.2 via v1.34.0, v1.34.2: 1 of 2 machines on v1.34.2');
  });

  it('distinguishes a restart from another rollout', () => {
    const restarted = tree({
      pools: [pool({ rollout: { after: '2026-09-01T10:00:00Z' }, counters: { desired: 2, replicas: 2, ready: 2, upToDate: 1 } })],
    });
    expect(happeningNow(restarted)).toEqual(['Restarting pool alpha-md-0: 1 of 2 up to date']);
    const rolled = tree({ pools: [pool({ counters: { desired: 2, replicas: 2, ready: 2, upToDate: 0 } })] });
    expect(happeningNow(rolled)).toEqual(['Replacing machines of pool alpha-md-0: 0 of 2 up to date']);
  });

  it('reports provisioning of the infrastructure and the first control plane machine', () => {
    const t = tree({ infrastructure: { ...tree().infrastructure!, ready: false } });
    t.controlPlane!.initialized = false;
    expect(happeningNow(t)).toEqual([
      'Provisioning: waiting for the first control plane machine.',
      'Creating the OpenStack network, router and API load balancer.',
    ]);
  });
});

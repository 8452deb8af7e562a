/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The demo fleet of `npm start` is data the project writes by hand: the real
// CAPI v1.14 webhooks (validating and defaulting, served by the real
// managers) must accept every object of it, as they would on a production
// management cluster. (They found one: a Magnum ClusterClass patch replacing
// an array element, which CAPI refuses.)

import { buildDemoFleet } from './seed/fleet';
import { buildLiveClusters } from './seed/liveClusters';
import { setupManagementCluster } from './testing';

jest.setTimeout(180_000);

describe('the demo fleet through the real CAPI webhooks', () => {
  const mc = setupManagementCluster('capi-v1.14', { realControllers: true });

  it('accepts every object of the demo fleet', async () => {
    const fleet = [...buildDemoFleet({ now: new Date() }), ...buildLiveClusters()];
    await mc.apply(fleet);
    const names = async (apiVersion: string, kind: string) =>
      (await mc.client.list<any>(apiVersion, kind)).map(o => `${o.metadata.namespace}/${o.metadata.name}`).sort();
    const seeded = (kind: string) =>
      fleet.filter(o => o.manifest.kind === kind).map(o => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`).sort();
    expect(await names('cluster.x-k8s.io/v1beta2', 'ClusterClass')).toEqual(seeded('ClusterClass'));
    expect((await names('cluster.x-k8s.io/v1beta2', 'Cluster')).length).toBeGreaterThanOrEqual(seeded('Cluster').length);
    expect(await names('cluster.x-k8s.io/v1beta2', 'Cluster')).toEqual(expect.arrayContaining(seeded('Cluster')));
  });
});

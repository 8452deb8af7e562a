/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The demo fleet: three teams' clusters (one per status snapshot plus a few
// healthy, varied ones) and one Magnum cluster.

import { Clock } from './clock';
import { renderClusterGraph, clusterObjectsInOrder } from './clusterGraph';
import type { ClassInfo } from './classObjects';
import {
  DEMO_CLASS,
  DEMO_IMAGE_PREFIX,
  demoClassInfo,
  demoClusterClassObjects,
} from './clusterClass';
import { DEMO_TEAMS, MAGNUM_NAMESPACE } from './labels';
import {
  magnumClassInfo,
  magnumClusterClassObjects,
  magnumClusterSpec,
  MAGNUM_CLASS,
} from './magnum';
import { buildClusterModel } from './model';
import { applySnapshotToModel, applySnapshotToObjects } from './snapshots';
import type {
  ClusterVariable,
  DemoClusterSpec,
  PoolSpec,
  SeedObject,
} from './types';

const COMMON = {
  imageName: DEMO_IMAGE_PREFIX,
  sshKeyName: 'capi-demo',
  cloudName: 'openstack',
};

function cluster(
  team: (typeof DEMO_TEAMS)[number],
  name: string,
  spec: Partial<DemoClusterSpec> & { ageDays: number },
): DemoClusterSpec {
  return {
    ...COMMON,
    name,
    namespace: team,
    team,
    version: 'v1.34.2',
    controlPlane: { replicas: 3, flavor: 'm1.large' },
    pools: [{ name: 'md-0', replicas: 4, flavor: 'm1.xlarge' }],
    ...spec,
  };
}

/** A cluster of the demo ClusterClass; variables mirror the spec's flavors. */
function classy(
  team: (typeof DEMO_TEAMS)[number],
  name: string,
  spec: Partial<DemoClusterSpec> & { ageDays: number; pools: PoolSpec[] },
): DemoClusterSpec {
  const base = cluster(team, name, spec);
  const [firstPool, ...otherPools] = base.pools;
  const variables: ClusterVariable[] = [
    {
      name: 'identityRef',
      value: { name: `${name}-cloud-config`, cloudName: COMMON.cloudName },
    },
    { name: 'imageName', value: COMMON.imageName },
    { name: 'controlPlaneFlavor', value: base.controlPlane.flavor },
    { name: 'workerFlavor', value: firstPool.flavor },
  ];
  return {
    ...base,
    certificatesExpiryDays: 21,
    topology: { className: DEMO_CLASS, variables },
    pools: [
      firstPool,
      ...otherPools.map(p =>
        p.flavor === firstPool.flavor
          ? p
          : {
              ...p,
              variableOverrides: [{ name: 'workerFlavor', value: p.flavor }],
            },
      ),
    ],
  };
}

const AZS = ['az1', 'az2', 'az3'];

/** The workload clusters of the team namespaces. */
export const DEMO_FLEET: readonly DemoClusterSpec[] = [
  // team-payments
  cluster('team-payments', 'payments-prod', {
    ageDays: 210,
    pools: [{ name: 'md-0', replicas: 4, flavor: 'c2.xlarge' }],
    snapshot: 'S2',
  }),
  cluster('team-payments', 'payments-staging', { ageDays: 95, snapshot: 'S4' }),
  cluster('team-payments', 'payments-sandbox', {
    ageDays: 30,
    pools: [{ name: 'md-0', replicas: 4, flavor: 'm1.large' }],
    snapshot: 'S7',
  }),
  cluster('team-payments', 'payments-gateway', {
    ageDays: 160,
    snapshot: 'S9',
  }),
  cluster('team-payments', 'payments-batch', {
    ageDays: 64,
    version: 'v1.33.5',
    controlPlane: { replicas: 1, flavor: 'm1.large' },
    pools: [
      { name: 'md-0', replicas: 2, flavor: 'm1.large' },
      {
        name: 'md-batch',
        machines: 3,
        autoscale: { min: 1, max: 8 },
        flavor: 'c2.2xlarge',
      },
    ],
  }),
  // team-data
  classy('team-data', 'data-lake', {
    ageDays: 120,
    version: 'v1.33.5',
    pools: [{ name: 'md-0', replicas: 4, flavor: 'm1.xlarge' }],
    snapshot: 'S3',
  }),
  cluster('team-data', 'data-etl', {
    ageDays: 75,
    pools: [{ name: 'md-0', replicas: 4, flavor: 'c2.xlarge' }],
    snapshot: 'S5',
  }),
  classy('team-data', 'data-ml', {
    ageDays: 352,
    pools: [{ name: 'md-0', replicas: 4, flavor: 'm1.xlarge' }],
    snapshot: 'S10',
  }),
  classy('team-data', 'data-warehouse', {
    ageDays: 40,
    controlPlane: { replicas: 3, flavor: 'm1.xlarge' },
    availabilityZones: AZS,
    pools: [
      { name: 'md-0', replicas: 3, flavor: 'm1.xlarge', failureDomain: 'az1' },
      { name: 'md-1', replicas: 3, flavor: 'c2.xlarge', failureDomain: 'az2' },
    ],
  }),
  // team-platform
  cluster('team-platform', 'platform-ci', {
    ageDays: 12 / (24 * 60),
    snapshot: 'S1',
  }),
  cluster('team-platform', 'platform-tools', {
    ageDays: 20,
    pools: [{ name: 'md-0', replicas: 4, flavor: 'm1.large' }],
    bastion: true,
    snapshot: 'S6',
  }),
  cluster('team-platform', 'platform-legacy', {
    ageDays: 300,
    version: 'v1.33.5',
    snapshot: 'S8',
  }),
  cluster('team-platform', 'platform-observability', {
    ageDays: 150,
    availabilityZones: AZS,
    bastion: true,
    pools: [{ name: 'md-0', replicas: 3, flavor: 'm1.xlarge' }],
  }),
];

function classInfoFor(spec: DemoClusterSpec): ClassInfo | undefined {
  if (!spec.topology) return undefined;
  if (spec.topology.className === MAGNUM_CLASS) return magnumClassInfo();
  return demoClassInfo(spec.namespace);
}

function namespace(name: string): SeedObject {
  return {
    manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
  };
}

/**
 * The demo fleet as objects to create in list order. Deterministic: the same
 * `now` (default: the current time) gives the same objects. Snapshot times of
 * the domain doc are shifted so that its "now" is `now`.
 */
export function buildDemoFleet(options: { now?: Date } = {}): SeedObject[] {
  const clock = new Clock(options.now ?? new Date());
  const specs = [...DEMO_FLEET, magnumClusterSpec()];
  const rendered = specs.map((spec, index) => {
    const model = buildClusterModel(spec, index, clock, classInfoFor(spec));
    applySnapshotToModel(model, clock);
    const graph = renderClusterGraph(model, clock);
    applySnapshotToObjects(graph, clock);
    return graph;
  });
  return [
    ...DEMO_TEAMS.map(namespace),
    namespace(MAGNUM_NAMESPACE),
    ...DEMO_TEAMS.flatMap(team => demoClusterClassObjects(team, clock)),
    ...magnumClusterClassObjects(clock),
    ...rendered.map(r => r.cloudSecret),
    ...rendered.flatMap(clusterObjectsInOrder),
  ];
}

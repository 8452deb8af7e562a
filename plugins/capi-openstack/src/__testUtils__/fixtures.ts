/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Plain-object fixtures for component and pure-function tests.

import type {
  ClusterDetailResponse,
  ClusterSummary,
  ClusterTree,
  ManagementClusterStatus,
  PoolNode,
  ReplicaCounters,
  Verdict,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

export const NOW = '2026-09-01T10:10:00Z';

/** Counters of `n` machines, all ready, available and up to date. */
export function settledCounters(n: number): ReplicaCounters {
  return { desired: n, replicas: n, ready: n, available: n, upToDate: n };
}

export function managementCluster(overrides: Partial<ManagementClusterStatus> = {}): ManagementClusterStatus {
  return {
    name: 'mc-1',
    title: 'Management one',
    state: 'synced',
    since: '2026-09-01T09:00:00Z',
    clusters: 1,
    apiVersions: {},
    apiRequests: 10,
    ...overrides,
  };
}

export function summary(overrides: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    managementCluster: 'mc-1',
    namespace: 'team-a',
    name: 'alpha',
    verdict: 'Healthy',
    reasons: [],
    version: 'v1.33.5',
    versions: ['v1.33.5'],
    controlPlane: settledCounters(3),
    workers: settledCounters(2),
    owner: 'group:default/team-a',
    magnum: false,
    classy: false,
    paused: false,
    createdAt: '2026-08-01T10:00:00Z',
    resourceVersion: '100',
    ...overrides,
  };
}

export function pool(overrides: Partial<PoolNode> = {}): PoolNode {
  return {
    name: 'alpha-md-0',
    resourceVersion: '300',
    version: 'v1.33.5',
    counters: settledCounters(2),
    flavor: { name: 'm1.large' },
    image: { name: 'ubuntu-2404-kube-v1.33.5' },
    rollout: {},
    conditions: [],
    machineSets: [
      { name: 'alpha-md-0-abc', version: 'v1.33.5', counters: { replicas: 2 }, machines: ['alpha-md-0-abc-1', 'alpha-md-0-abc-2'] },
    ],
    ...overrides,
  };
}

export function tree(overrides: Partial<ClusterTree> = {}): ClusterTree {
  return {
    name: 'alpha',
    namespace: 'team-a',
    resourceVersion: '100',
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    labels: {},
    conditions: [{ type: 'ControlPlaneInitialized', status: 'True' }],
    counters: {
      controlPlane: settledCounters(3),
      workers: settledCounters(2),
    },
    controlPlane: {
      name: 'alpha-cp',
      kind: 'KubeadmControlPlane',
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
      resourceVersion: '200',
      version: 'v1.33.5',
      counters: settledCounters(3),
      versions: [{ version: 'v1.33.5', replicas: 3 }],
      initialized: true,
      flavor: { name: 'm1.medium' },
      image: { name: 'ubuntu-2404-kube-v1.33.5' },
      certificates: [{ machine: 'alpha-cp-1', expiry: '2027-08-01T00:00:00Z' }],
      conditions: [],
      rollout: {},
    },
    pools: [pool()],
    machines: [
      {
        name: 'alpha-cp-1',
        role: 'control-plane',
        pool: 'alpha-cp',
        phase: 'Running',
        version: 'v1.33.5',
        nodeName: 'alpha-cp-1',
        conditions: [],
        server: {
          source: 'OpenStackServer',
          name: 'alpha-cp-1',
          state: 'ACTIVE',
          flavor: { name: 'm1.medium' },
          image: { name: 'ubuntu-2404-kube-v1.33.5' },
          availabilityZone: 'nova-a',
          addresses: [{ type: 'InternalIP', address: '10.6.0.11' }],
          conditions: [],
        },
      },
    ],
    infrastructure: {
      kind: 'OpenStackCluster',
      name: 'alpha',
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
      ready: true,
      conditions: [],
      network: { id: 'net-1', name: 'k8s-clusterapi-cluster-team-a-alpha' },
      subnets: [{ id: 'sub-1', name: 'alpha-subnet', cidr: '10.6.0.0/24' }],
      router: { id: 'r-1', name: 'alpha-router', ips: ['172.24.4.10'] },
      apiServerLoadBalancer: { id: 'lb-1', name: 'alpha-kubeapi', ip: '172.24.4.20' },
      bastion: { enabled: false },
      failureDomains: [{ name: 'nova-a', controlPlane: true }],
    },
    machineHealthChecks: [],
    versions: { desired: 'v1.33.5', observed: [{ scope: 'controlPlane', version: 'v1.33.5', replicas: 3 }, { scope: 'workers', version: 'v1.33.5', replicas: 2 }] },
    classy: false,
    magnum: { managed: false },
    paused: false,
    apiGroupVersions: [],
    ...overrides,
  };
}

/** The catalog entity the backend publishes for `summary()`. */
export function clusterEntity() {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'mc-1.team-a.alpha',
      annotations: { 'capi-openstack.dev/management-cluster': 'mc-1', 'capi-openstack.dev/cluster': 'team-a/alpha' },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/team-a' },
  };
}

export function detail(
  overrides: { verdict?: Verdict; tree?: Partial<ClusterTree>; summary?: Partial<ClusterSummary>; managementCluster?: Partial<ManagementClusterStatus> } & Partial<Pick<ClusterDetailResponse, 'health'>> = {},
): ClusterDetailResponse {
  const verdict = overrides.verdict ?? 'Healthy';
  return {
    summary: summary({ verdict, ...overrides.summary }),
    health: overrides.health ?? { verdict, reasons: [], evaluatedAt: NOW },
    tree: tree(overrides.tree),
    managementCluster: managementCluster(overrides.managementCluster),
  };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** The kinds the cache watches, by API group; versions are discovered. */
export const WATCHED_KINDS = [
  { kind: 'Cluster', group: 'cluster.x-k8s.io' },
  { kind: 'ClusterClass', group: 'cluster.x-k8s.io' },
  { kind: 'MachineDeployment', group: 'cluster.x-k8s.io' },
  { kind: 'MachineSet', group: 'cluster.x-k8s.io' },
  { kind: 'Machine', group: 'cluster.x-k8s.io' },
  { kind: 'MachineHealthCheck', group: 'cluster.x-k8s.io' },
  { kind: 'KubeadmControlPlane', group: 'controlplane.cluster.x-k8s.io' },
  { kind: 'OpenStackCluster', group: 'infrastructure.cluster.x-k8s.io' },
  { kind: 'OpenStackMachine', group: 'infrastructure.cluster.x-k8s.io' },
  { kind: 'OpenStackMachineTemplate', group: 'infrastructure.cluster.x-k8s.io' },
  // Only served by CAPO >= v0.12 (v1alpha1); optional.
  { kind: 'OpenStackServer', group: 'infrastructure.cluster.x-k8s.io', optional: true },
  { kind: 'Event', group: 'events.k8s.io' },
] as const;

export type WatchedKind = (typeof WATCHED_KINDS)[number]['kind'];

export interface ResolvedKind {
  kind: WatchedKind;
  apiVersion: string;
  plural: string;
}

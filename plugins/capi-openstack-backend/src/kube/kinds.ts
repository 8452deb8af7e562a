/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { KIND_GROUPS } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** The kinds the cache watches, by API group; versions are discovered. */
export const WATCHED_KINDS = [
  { kind: 'Cluster', group: KIND_GROUPS.Cluster },
  { kind: 'ClusterClass', group: KIND_GROUPS.ClusterClass },
  { kind: 'MachineDeployment', group: KIND_GROUPS.MachineDeployment },
  { kind: 'MachineSet', group: KIND_GROUPS.MachineSet },
  { kind: 'Machine', group: KIND_GROUPS.Machine },
  { kind: 'MachineHealthCheck', group: KIND_GROUPS.MachineHealthCheck },
  { kind: 'KubeadmControlPlane', group: KIND_GROUPS.KubeadmControlPlane },
  { kind: 'OpenStackCluster', group: KIND_GROUPS.OpenStackCluster },
  { kind: 'OpenStackMachine', group: KIND_GROUPS.OpenStackMachine },
  { kind: 'OpenStackMachineTemplate', group: KIND_GROUPS.OpenStackMachineTemplate },
  // Only served by CAPO >= v0.12 (v1alpha1); optional.
  { kind: 'OpenStackServer', group: KIND_GROUPS.OpenStackServer, optional: true },
  { kind: 'Event', group: 'events.k8s.io' },
] as const;

export type WatchedKind = (typeof WATCHED_KINDS)[number]['kind'];

export interface ResolvedKind {
  kind: WatchedKind;
  apiVersion: string;
  plural: string;
}

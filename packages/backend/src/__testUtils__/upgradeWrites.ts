/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { UPGRADE_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { KubeObject } from '@internal/test-support';
import type { WatchRecord } from './kubeWatch';

const CAPI = 'cluster.x-k8s.io/v1beta2';

/** What the upgrade of a plain cluster writes, watched in its namespace. */
export const UPGRADE_KINDS = [
  { apiVersion: CAPI, kind: 'Cluster' },
  { apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2', kind: 'KubeadmControlPlane' },
  { apiVersion: CAPI, kind: 'MachineDeployment' },
  { apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1', kind: 'OpenStackMachineTemplate' },
  { apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta2', kind: 'KubeadmConfigTemplate' },
];

export interface UpgradeWrites {
  /** Templates created: `<kind> <name>`. */
  created: string[];
  deleted: string[];
  /** Each spec change (a new generation) of the control plane and the pools: `<kind> <version>`. */
  specChanges: string[];
  /** The Cluster's upgrade annotation each time it changed (null: removed). */
  annotation: Array<string | null>;
}

const versionOf = (kind: string, o: any): string | undefined =>
  kind === 'KubeadmControlPlane' ? o.spec?.version : o.spec?.template?.spec?.version;

/** The writes the API server stored for `cluster` and its objects (named `<cluster>-…`). */
export function upgradeWrites(record: WatchRecord, cluster: string): UpgradeWrites {
  const mine = (o: KubeObject) => o.metadata.name === cluster || o.metadata.name.startsWith(`${cluster}-`);
  const generation = new Map<string, number>();
  let annotation: string | null = null;
  for (const { kind, object } of record.initial.filter(i => mine(i.object))) {
    generation.set(`${kind}/${object.metadata.name}`, object.metadata.generation ?? 0);
    if (kind === 'Cluster') annotation = object.metadata.annotations?.[UPGRADE_ANNOTATION] ?? null;
  }
  const writes: UpgradeWrites = { created: [], deleted: [], specChanges: [], annotation: [] };
  for (const { type, kind, object } of record.events.filter(e => mine(e.object))) {
    const key = `${kind}/${object.metadata.name}`;
    if (type === 'ADDED') writes.created.push(`${kind} ${object.metadata.name}`);
    if (type === 'DELETED') writes.deleted.push(`${kind} ${object.metadata.name}`);
    if (type === 'MODIFIED' && (kind === 'KubeadmControlPlane' || kind === 'MachineDeployment')) {
      const g = object.metadata.generation ?? 0;
      if (g > (generation.get(key) ?? 0)) writes.specChanges.push(`${kind} ${versionOf(kind, object)}`);
    }
    generation.set(key, object.metadata.generation ?? 0);
    if (kind === 'Cluster') {
      const value = object.metadata.annotations?.[UPGRADE_ANNOTATION] ?? null;
      if (value !== annotation) writes.annotation.push(value);
      annotation = value;
    }
  }
  return writes;
}

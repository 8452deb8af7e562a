/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The writes plans are made of: merge patches, new templates, and the
// primary object a plan reports.

import crypto from 'node:crypto';
import {
  AUTOSCALER_MAX_ANNOTATION,
  AUTOSCALER_MIN_ANNOTATION,
  CLUSTER_NAME_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject } from '../model/objects';
import { editTopologyPool } from '../model/shapes';
import { stableJson } from '../model/stableJson';
import { LiveObjects, Plan } from './types';

/**
 * A new OpenStackMachineTemplate (templates are immutable) with `spec`,
 * named after its content so that a retry, or another backend replica,
 * lands on the same object. Owned by the Cluster (deleted with it).
 */
export function newMachineTemplate(
  objs: LiveObjects,
  from: KubeObject,
  base: string,
  spec: any,
): KubeObject {
  const hash = crypto.createHash('sha256').update(stableJson(spec)).digest('hex').slice(0, 8);
  const stem = base.replace(/-[0-9a-f]{8}$/, '').slice(0, 253 - 9);
  const cluster = objs.cluster;
  return {
    apiVersion: from.apiVersion,
    kind: 'OpenStackMachineTemplate',
    metadata: {
      name: `${stem}-${hash}`,
      namespace: cluster.metadata.namespace,
      labels: { [CLUSTER_NAME_LABEL]: cluster.metadata.name },
      ownerReferences: [
        { apiVersion: cluster.apiVersion, kind: 'Cluster', name: cluster.metadata.name, uid: cluster.metadata.uid },
      ],
    },
    spec,
  };
}

export function clusterPatch(cluster: KubeObject, patch: Record<string, unknown>) {
  return {
    kind: 'Cluster' as const,
    name: cluster.metadata.name,
    resourceVersion: cluster.metadata.resourceVersion!,
    patch,
    op: 'patch' as const,
  };
}

export function objectPatch(obj: KubeObject, patch: Record<string, unknown>) {
  return {
    kind: obj.kind as any,
    name: obj.metadata.name,
    resourceVersion: obj.metadata.resourceVersion!,
    patch,
    op: 'patch' as const,
  };
}

export function primaryOf(obj: KubeObject) {
  return {
    kind: obj.kind,
    name: obj.metadata.name,
    resourceVersion: obj.metadata.resourceVersion,
    generation: obj.metadata.generation,
  };
}

/**
 * The plan of a classy Cluster changing one field of its topology pool
 * `pool`: `edit` rewrites the pool, the change names the field below
 * `spec.topology.workers.machineDeployments[name=…]`.
 */
export function topologyPoolPlan(
  action: Plan['action'],
  cluster: KubeObject,
  pool: { name: string; topologyIndex?: number },
  edit: (pool: any) => any,
  change: { field: string; from: unknown; to: unknown },
  message: string,
): Plan {
  const pools = editTopologyPool(cluster, pool.topologyIndex!, edit);
  return {
    action,
    primary: primaryOf(cluster),
    writes: [clusterPatch(cluster, { spec: { topology: { workers: { machineDeployments: pools } } } })],
    changes: [
      {
        kind: 'Cluster',
        name: cluster.metadata.name,
        field: `spec.topology.workers.machineDeployments[name=${pool.name}].${change.field}`,
        from: change.from,
        to: change.to,
      },
    ],
    message,
  };
}

/** A copy of a topology pool without autoscaler annotations (and without the metadata that leaves empty). */
export function withoutAutoscalerBounds(pool: any): any {
  const copy = structuredClone(pool);
  const annotations = { ...copy.metadata?.annotations };
  delete annotations[AUTOSCALER_MIN_ANNOTATION];
  delete annotations[AUTOSCALER_MAX_ANNOTATION];
  if (copy.metadata) copy.metadata.annotations = annotations;
  if (copy.metadata && Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  if (copy.metadata && Object.keys(copy.metadata).length === 0) delete copy.metadata;
  return copy;
}

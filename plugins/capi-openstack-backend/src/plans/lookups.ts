/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Finding the object a plan changes among a cluster's live objects.

import { NotFoundError } from '@backstage/errors';
import { TOPOLOGY_DEPLOYMENT_LABEL } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject } from '../model/objects';
import { isClassy, topologyPools } from '../model/shapes';
import { LiveObjects } from './types';

/** A worker pool by MachineDeployment name or topology name. */
export interface PoolRef {
  /** The MachineDeployment, when it exists. */
  md?: KubeObject;
  /** Index in `spec.topology.workers.machineDeployments` (classy clusters). */
  topologyIndex?: number;
  /** Name in the topology or of the MachineDeployment. */
  name: string;
}

export function findPool(objs: LiveObjects, pool: string): PoolRef {
  const classy = isClassy(objs.cluster);
  const byName = objs.machineDeployments.find(md => md.metadata.name === pool);
  if (classy) {
    const topologyName = byName?.metadata.labels?.[TOPOLOGY_DEPLOYMENT_LABEL] ?? pool;
    const index = topologyPools(objs.cluster).findIndex(p => p.name === topologyName);
    if (index < 0) throw new NotFoundError(`pool "${pool}" not found in Cluster ${objs.cluster.metadata.name}`);
    const md =
      byName ?? objs.machineDeployments.find(m => m.metadata.labels?.[TOPOLOGY_DEPLOYMENT_LABEL] === topologyName);
    return { md, topologyIndex: index, name: topologyName };
  }
  if (!byName) throw new NotFoundError(`pool "${pool}" not found in Cluster ${objs.cluster.metadata.name}`);
  return { md: byName, name: pool };
}

export function templateByName(objs: LiveObjects, name: string | undefined): KubeObject | undefined {
  return name ? objs.machineTemplates.find(t => t.metadata.name === name) : undefined;
}

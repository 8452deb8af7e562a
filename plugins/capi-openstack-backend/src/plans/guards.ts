/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Refusals every plan shares: clusters the backend must not change, and
// objects a change needs.

import { isMagnumCluster } from '../model/magnum';
import { KubeObject } from '../model/objects';
import { classHasVariable, topologyClassName } from '../model/shapes';
import { UnprocessableError } from '../errors';
import { LiveObjects } from './types';

/** Refuses writes to clusters the Magnum driver owns (it re-applies its own state). */
export function refuseMagnum(cluster: KubeObject) {
  if (isMagnumCluster(cluster)) {
    throw new UnprocessableError(
      `Cluster ${cluster.metadata.name} is managed through OpenStack Magnum (cluster-uuid ${
        cluster.metadata.labels?.['cluster-uuid'] ?? 'unknown'
      }): change it with the Magnum API or Horizon, not here`,
    );
  }
}

export function refuseDeleting(cluster: KubeObject) {
  if (cluster.metadata.deletionTimestamp) {
    throw new UnprocessableError(`Cluster ${cluster.metadata.name} is being deleted`);
  }
}

/** The control plane of a plain cluster, or 422. */
export function requireControlPlane(objs: LiveObjects): KubeObject {
  const kcp = objs.controlPlane;
  if (!kcp) throw new UnprocessableError(`Cluster ${objs.cluster.metadata.name} has no control plane yet`);
  if (kcp.kind !== 'KubeadmControlPlane') {
    throw new UnprocessableError(`control plane kind ${kcp.kind} is not supported (only KubeadmControlPlane)`);
  }
  return kcp;
}

/** 422 naming the missing variable and the configuration key that names it. */
export function requireClassVariable(objs: LiveObjects, variable: string, configKey: string, what: string) {
  const className = topologyClassName(objs.cluster);
  if (!objs.clusterClass) {
    throw new UnprocessableError(`ClusterClass ${className} of Cluster ${objs.cluster.metadata.name} not found`);
  }
  if (!classHasVariable(objs.clusterClass, variable)) {
    throw new UnprocessableError(
      `ClusterClass ${className} has no variable "${variable}" to set the ${what} (capiOpenstack.actions.classVariables.${configKey}): change the class or move the cluster to a class that has it`,
    );
  }
}

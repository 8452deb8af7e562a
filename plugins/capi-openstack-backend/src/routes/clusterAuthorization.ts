/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { PolicyDecision, ResourcePermission } from '@backstage/plugin-permission-common';
import { capiClusterReadPermission, ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request } from 'express';
import { ClusterService } from '../clusters/ClusterService';
import { ClusterAccess, Principal } from '../permissions/access';

/** Who was let through, and the policy's decisions (kept by operations that run later). */
export interface Authorized {
  credentials: BackstageCredentials;
  decisions: { read: PolicyDecision; action: PolicyDecision };
}

/** Authorises a request on one existing cluster; see {@link clusterAuthorization}. */
export type AuthorizeCluster = (
  req: Request,
  ref: ClusterRef,
  permission: ResourcePermission,
  allow?: Principal[],
) => Promise<Authorized>;

/**
 * 404 when the caller may not read the cluster (as on the read side), 403
 * when the permission is denied; one policy call for both. Changes and
 * kubeconfigs are for users only by default (the scaffolder acts on behalf
 * of its task's initiator): a plain service token, which Backstage's
 * permission client always allows, cannot act on clusters.
 */
export function clusterAuthorization(access: ClusterAccess, clusters: ClusterService): AuthorizeCluster {
  return async (req, ref, permission, allow = ['user']) => {
    const credentials = await access.credentials(req, allow);
    const [read, decision] = await access.decisions(credentials, [capiClusterReadPermission, permission]);
    const summary = clusters.summary(ref);
    if (!summary || !access.admits(read, summary)) {
      throw new NotFoundError(`Cluster ${ref.namespace}/${ref.name} not found in management cluster ${ref.managementCluster}`);
    }
    if (!access.admits(decision, summary)) {
      throw new NotAllowedError(`You are not allowed to do this on cluster ${ref.name} (permission ${permission.name})`);
    }
    return { credentials, decisions: { read, action: decision } };
  };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The first step of every create route, before any lookup: the target's
// shape, its owner (defaulted to the caller's group) and the caller's create
// permission for exactly that management cluster, namespace and owner.

import { NotAllowedError } from '@backstage/errors';
import {
  checkDnsLabel,
  CreateClusterRequest,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CreateScope } from '../permissions/access';
import { normaliseOwner } from './validateCreateRequest';
import { UnprocessableError } from '../errors';

/** A create request whose owner is resolved. */
export type AuthorizedCreateRequest = CreateClusterRequest & { owner: string };

/** 422 naming the field, 403 when the caller may not create there (nothing is looked up before). */
export function authorizeCreateTarget(
  body: CreateClusterRequest,
  scope: CreateScope,
  service: { servesNamespace(managementCluster: string, namespace: string): boolean },
): AuthorizedCreateRequest {
  for (const field of ['managementCluster', 'namespace'] as const) {
    const problem = checkDnsLabel(field, body?.[field]);
    if (problem) throw new UnprocessableError(problem);
  }
  const { managementCluster, namespace } = body;
  let owner: string | undefined;
  if (body.owner !== undefined && body.owner !== null && body.owner !== '') {
    owner = normaliseOwner(body.owner);
    if (!owner) throw new UnprocessableError(`owner: "${String(body.owner)}" is not an entity ref such as group:default/team-a`);
  } else {
    owner = scope.defaultOwner;
    if (!owner) {
      throw new UnprocessableError('owner: required (you belong to no group that could own the cluster)');
    }
  }
  if (!scope.allows({ managementCluster, namespace, owner })) {
    if (scope.allowsNamespace(managementCluster, namespace)) {
      const groups = scope.ownershipRefs.filter(r => r.startsWith('group:'));
      throw new NotAllowedError(
        `You may not create clusters owned by ${owner}: the owner must be one of your groups (${groups.join(', ') || 'none'})`,
      );
    }
    throw new NotAllowedError(
      `You are not allowed to create clusters in namespace ${namespace} of management cluster ${managementCluster}`,
    );
  }
  if (!service.servesNamespace(managementCluster, namespace)) {
    throw new UnprocessableError(
      `namespace: ${namespace} is not served by this backend in management cluster ${managementCluster} (capiOpenstack.managementClusters[].namespaces)`,
    );
  }
  return { ...body, owner };
}

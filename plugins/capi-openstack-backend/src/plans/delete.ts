/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { isProtected } from '../model/shapes';
import { PROTECTED_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { primaryOf } from './writes';
import { LiveObjects, Plan } from './types';
import { UnprocessableError } from '../errors';

/** Only the Cluster is deleted: CAPI tears down the rest in order. */
export function planDelete(objs: LiveObjects, confirmName: string): Plan {
  const cluster = objs.cluster;
  const name = cluster.metadata.name;
  if (confirmName !== name) {
    throw new UnprocessableError(`confirmName must repeat the cluster's name "${name}" (got "${confirmName}")`);
  }
  if (cluster.metadata.deletionTimestamp) {
    return {
      action: 'delete',
      primary: primaryOf(cluster),
      writes: [],
      changes: [],
      message: `Cluster ${name} is already being deleted (since ${cluster.metadata.deletionTimestamp}).`,
    };
  }
  if (isProtected(cluster)) {
    throw new UnprocessableError(
      `Cluster ${name} is protected from deletion by the annotation ${PROTECTED_ANNOTATION}=${
        cluster.metadata.annotations![PROTECTED_ANNOTATION]
      }: remove it first (kubectl annotate cluster ${name} ${PROTECTED_ANNOTATION}-)`,
    );
  }
  return {
    action: 'delete',
    primary: primaryOf(cluster),
    writes: [{ op: 'delete', kind: 'Cluster', name, resourceVersion: cluster.metadata.resourceVersion! }],
    changes: [{ kind: 'Cluster', name, field: '(deleted)' }],
    message: `Deleting Cluster ${name}: workers, control plane and OpenStack resources are removed in order.`,
  };
}

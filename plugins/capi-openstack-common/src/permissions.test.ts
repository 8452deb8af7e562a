/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { isResourcePermission, Permission } from '@backstage/plugin-permission-common';
import {
  CAPI_CLUSTER_RESOURCE_TYPE,
  capiClusterCreatePermission,
  capiClusterKubeconfigPermission,
  capiOpenstackPermissions,
} from './permissions';

/** What a policy rule such as "allow every read" matches. */
const allowsEveryRead = (p: Permission) => p.attributes.action === 'read';

describe('capi-openstack permissions', () => {
  it('never hands out kubeconfigs to a policy that allows every read', () => {
    const granted = capiOpenstackPermissions.filter(allowsEveryRead).map(p => p.name);
    expect(granted).toEqual(['capi-openstack.cluster.read']);
    expect(allowsEveryRead(capiClusterKubeconfigPermission)).toBe(false);
  });

  it('makes create a resource permission on the cluster to be, so that it can be conditional', () => {
    expect(isResourcePermission(capiClusterCreatePermission, CAPI_CLUSTER_RESOURCE_TYPE)).toBe(true);
    expect(capiClusterCreatePermission).toMatchObject({ name: 'capi-openstack.cluster.create', attributes: { action: 'create' } });
    expect(capiOpenstackPermissions.every(p => isResourcePermission(p, CAPI_CLUSTER_RESOURCE_TYPE))).toBe(true);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The OpenStack read endpoints (contract: capi-openstack-common openstack.ts).
// Both answer 200 with `available: false` and the configured lists when the
// cloud cannot be reached, so that pickers keep working.

import { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  capiClusterCreatePermission,
  capiClusterReadPermission,
  checkDnsLabel,
  ClusterRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request, Router } from 'express';
import { OpenStackService } from '../openstack/OpenStackService';

export interface OpenStackRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  openstack: OpenStackService;
  clusterRefOf(req: Request): ClusterRef;
  /** 404 unless the caller may read the cluster. */
  authorize(req: Request, ref: ClusterRef, permission: typeof capiClusterReadPermission): Promise<void>;
}

const SECRET_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export function registerOpenStackRoutes(router: Router, options: OpenStackRoutesOptions) {
  const { httpAuth, permissions, openstack } = options;

  router.get('/clusters/:managementCluster/:namespace/:name/openstack', async (req, res) => {
    const ref = options.clusterRefOf(req);
    await options.authorize(req, ref, capiClusterReadPermission);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await openstack.resourcesOfCluster(ref));
  });

  // The create form: the identity a new cluster will use. Whoever may create
  // clusters may see what the cloud offers to them.
  router.get('/openstack/:managementCluster/:namespace/resources', async (req, res) => {
    const { managementCluster, namespace } = req.params;
    for (const [field, value] of [['managementCluster', managementCluster], ['namespace', namespace]]) {
      const problem = checkDnsLabel(field, value);
      if (problem) throw new InputError(problem);
    }
    const secret = req.query.secret;
    const cloud = req.query.cloud ?? 'openstack';
    if (typeof secret !== 'string' || secret.length > 253 || !SECRET_NAME.test(secret)) {
      throw new InputError('secret must be the name of the identity Secret (a DNS-1123 name)');
    }
    if (typeof cloud !== 'string' || !cloud || cloud.length > 128 || /[\s/]/.test(cloud)) {
      throw new InputError('cloud must be the name of a cloud in clouds.yaml');
    }
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await permissions.authorize([{ permission: capiClusterCreatePermission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You are not allowed to create workload clusters (capi-openstack.cluster.create)');
    }
    // Only namespaces the backend serves: the lookup reads a Secret there with its own credentials.
    if (!openstack.servesNamespace(managementCluster, namespace)) {
      throw new NotFoundError(`namespace ${namespace} of management cluster ${managementCluster} is not served by this backend`);
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(await openstack.resources(managementCluster, namespace, { secretName: secret, cloudName: cloud }));
  });
}

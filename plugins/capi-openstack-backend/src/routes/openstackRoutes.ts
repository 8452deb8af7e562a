/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The OpenStack read endpoints (contract: capi-openstack-common openstack.ts).
// Both answer 200 with `available: false` and the configured lists when the
// cloud cannot be reached, so that pickers keep working.

import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  capiClusterReadPermission,
  checkDnsLabel,
  isDnsSubdomain,
  ClusterRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request, Router } from 'express';
import { identitySecretRefusal, identitySecretUsable } from '../openstack/identitySecret';
import { OpenStackService } from '../openstack/OpenStackService';
import { ClusterAccess } from '../permissions/access';
import { ClusterService } from '../clusters/ClusterService';
import { clusterRefOf } from './requestParams';

export interface OpenStackRoutesOptions {
  access: ClusterAccess;
  clusters: ClusterService;
  openstack: OpenStackService;
  /** 404 unless the caller may read the cluster. */
  authorize(req: Request, ref: ClusterRef, permission: typeof capiClusterReadPermission): Promise<unknown>;
}


export function registerOpenStackRoutes(router: Router, options: OpenStackRoutesOptions) {
  const { access, clusters, openstack } = options;

  router.get('/clusters/:managementCluster/:namespace/:name/openstack', async (req, res) => {
    const ref = clusterRefOf(req);
    await options.authorize(req, ref, capiClusterReadPermission);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await openstack.resourcesOfCluster(ref));
  });

  // The create form: the identity a new cluster will use. Only for users who
  // may create in that namespace, and only with an identity Secret usable
  // there; nothing is read (neither the Secret nor the cloud) before both hold.
  router.get('/openstack/:managementCluster/:namespace/resources', async (req, res) => {
    const { managementCluster, namespace } = req.params;
    for (const [field, value] of [['managementCluster', managementCluster], ['namespace', namespace]]) {
      const problem = checkDnsLabel(field, value);
      if (problem) throw new InputError(problem);
    }
    const secret = req.query.secret;
    const cloud = req.query.cloud ?? 'openstack';
    if (typeof secret !== 'string' || !isDnsSubdomain(secret)) {
      throw new InputError('secret must be the name of the identity Secret (a DNS-1123 name)');
    }
    if (typeof cloud !== 'string' || !cloud || cloud.length > 128 || /[\s/]/.test(cloud)) {
      throw new InputError('cloud must be the name of a cloud in clouds.yaml');
    }
    const credentials = await access.credentials(req, ['user']);
    const scope = await access.createScope(credentials);
    if (!scope.allowsNamespace(managementCluster, namespace)) {
      throw new NotAllowedError(
        `You are not allowed to create clusters in namespace ${namespace} of management cluster ${managementCluster}`,
      );
    }
    // Only namespaces the backend serves: the lookup reads a Secret there with its own credentials.
    const cache = clusters.cache(managementCluster);
    if (!cache || !openstack.servesNamespace(managementCluster, namespace)) {
      throw new NotFoundError(`namespace ${namespace} of management cluster ${managementCluster} is not served by this backend`);
    }
    if (!(await identitySecretUsable(cache.client, namespace, secret))) {
      throw new NotFoundError(identitySecretRefusal(secret, namespace));
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(await openstack.resources(managementCluster, namespace, { secretName: secret, cloudName: cloud }));
  });
}

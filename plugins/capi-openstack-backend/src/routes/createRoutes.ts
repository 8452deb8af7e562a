/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AuditorService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { CreateClusterRequest } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request } from 'express';
import { ClusterAccess } from '../permissions/access';
import { spec } from '../schema/openapi.generated';
import { ClusterService } from '../clusters/ClusterService';
import { authorizeCreateTarget } from '../create/authorizeCreate';
import { CreateService } from '../create/CreateService';
import { audited } from './audited';

type ApiRouter = Awaited<ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>>;

export interface CreateRoutesOptions {
  access: ClusterAccess;
  auditor: AuditorService;
  create: CreateService;
  clusters: ClusterService;
}

/**
 * `POST /clusters`, `POST /clusters/render` and `GET /create-options`, for
 * users (the scaffolder calls on behalf of its task's initiator). Each is
 * authorized against its target: `capi-openstack.cluster.create` decided for
 * the request's management cluster, namespace and owner; create is audited.
 */
export function registerCreateRoutes(router: ApiRouter, options: CreateRoutesOptions) {
  const { access, auditor, create } = options;

  router.get('/create-options', async (req, res) => {
    const credentials = await access.credentials(req, ['user']);
    const scope = await access.createScope(credentials);
    res.json(create.options(scope) as any);
  });

  router.post('/clusters', async (req, res) => {
    const body = req.body as unknown as CreateClusterRequest;
    const raw = (req.query as { dryRun?: unknown }).dryRun;
    const dryRun = raw === true || raw === 'true';
    const event = {
      eventId: 'cluster-create',
      severityLevel: dryRun ? 'low' : 'medium',
      meta: {
        managementCluster: body.managementCluster,
        namespace: body.namespace,
        name: body.name,
        mode: body.mode,
        owner: body.owner ?? null,
        dryRun,
        force: body.force === true,
      },
    } as const;
    await audited(auditor, req as unknown as Request, event, async () => {
      const credentials = await access.credentials(req, ['user']);
      const scope = await access.createScope(credentials);
      const request = authorizeCreateTarget(body, scope, create);
      const result = await create.create(request, dryRun, scope.userEntityRef!);
      return {
        meta: {
          owner: request.owner,
          changed: result.changed,
          objects: result.objects.length,
          ...(result.preflight
            ? { preflight: { status: result.preflight.status, forced: result.preflight.forced ?? false } }
            : {}),
        },
        respond: () => res.status(result.changed ? 201 : 200).json(result as any),
      };
    });
  });

  router.post('/clusters/render', async (req, res) => {
    const credentials = await access.credentials(req, ['user']);
    const scope = await access.createScope(credentials);
    const request = authorizeCreateTarget(req.body as unknown as CreateClusterRequest, scope, create);
    res.json(create.renderOnly(request) as any);
  });
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  capiClusterCreatePermission,
  CreateClusterRequest,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { spec } from '../schema/openapi.generated';
import { CreateService } from './CreateService';

type ApiRouter = Awaited<ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>>;

export interface CreateRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  create: CreateService;
}

/**
 * `POST /clusters`, `POST /clusters/render` and `GET /create-options`:
 * `capi-openstack.cluster.create` with the caller's credentials (users, and
 * services calling on behalf of a user such as the scaffolder), audited.
 */
export function registerCreateRoutes(router: ApiRouter, options: CreateRoutesOptions) {
  const { httpAuth, permissions, auditor, create } = options;

  async function authorizeCreate(req: any) {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await permissions.authorize([{ permission: capiClusterCreatePermission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You are not allowed to create workload clusters (capi-openstack.cluster.create)');
    }
  }

  router.get('/create-options', async (req, res) => {
    await authorizeCreate(req);
    res.json(create.options() as any);
  });

  router.post('/clusters', async (req, res) => {
    const body = req.body as unknown as CreateClusterRequest;
    const raw = (req.query as { dryRun?: unknown }).dryRun;
    const dryRun = raw === true || raw === 'true';
    const event = await auditor.createEvent({
      eventId: 'cluster-create',
      severityLevel: dryRun ? 'low' : 'medium',
      request: req as any,
      meta: {
        managementCluster: body.managementCluster,
        namespace: body.namespace,
        name: body.name,
        mode: body.mode,
        owner: body.owner,
        dryRun,
        force: body.force === true,
      },
    });
    try {
      await authorizeCreate(req);
      const result = await create.create(body, dryRun);
      await event.success({
        meta: {
          changed: result.changed,
          objects: result.objects.length,
          ...(result.preflight
            ? { preflight: { status: result.preflight.status, forced: result.preflight.forced ?? false } }
            : {}),
        },
      });
      res.status(result.changed ? 201 : 200).json(result as any);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/clusters/render', async (req, res) => {
    await authorizeCreate(req);
    res.json(create.renderOnly(req.body as unknown as CreateClusterRequest) as any);
  });
}

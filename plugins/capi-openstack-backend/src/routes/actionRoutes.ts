/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The lifecycle endpoints (contract: capi-openstack-common actions.ts). They
// are described in openapi.yaml but validate their own input, so that every
// request, malformed ones included, gets exactly one audit event and a
// message naming the field.

import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  capiClusterDeletePermission,
  capiClusterKubeconfigPermission,
  capiClusterPausePermission,
  capiClusterReadPermission,
  capiClusterScalePermission,
  capiClusterUpdatePermission,
  capiClusterUpgradePermission,
  checkDnsLabel,
  ClusterAction,
  ClusterRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { ActionService, RequirementsOf } from '../actions/ActionService';
import {
  autoscalerRequirements,
  flavorRequirements,
  scaleControlPlaneRequirements,
  scalePoolRequirements,
  upgradeRequirements,
} from '../openstack/requirements';
import { planSetAutoscaler } from '../actions/plans/autoscaler';
import { planDelete } from '../actions/plans/delete';
import { planSetControlPlaneFlavor, planSetPoolFlavor } from '../actions/plans/flavor';
import { planPause } from '../actions/plans/pause';
import { planRestartControlPlane, planRestartPool, planSetCertificateRotation } from '../actions/plans/rollout';
import { planScaleControlPlane, planScalePool } from '../actions/plans/scale';
import { LiveObjects, Plan, PlanContext } from '../actions/plans/types';
import { planUpgrade } from '../actions/plans/upgrade';
import { ClusterAccess, Principal } from '../permissions/access';
import { OpenStackService } from '../openstack/OpenStackService';
import { ClusterService } from '../clusters/ClusterService';
import { registerOpenStackRoutes } from './openstackRoutes';

export interface ActionsRouterOptions {
  logger: LoggerService;
  auditor: AuditorService;
  /** The caller's permissions. */
  access: ClusterAccess;
  clusters: ClusterService;
  actions: ActionService;
  /** OpenStack read endpoints; absent: not served. */
  openstack?: OpenStackService;
}

type Body = Record<string, unknown>;

/** Field type checks of a JSON body: 400 naming the field. */
const fields = {
  object(body: unknown): Body {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InputError('the request body must be a JSON object');
    return body as Body;
  },
  only(body: Body, allowed: string[]) {
    const common = ['resourceVersion', 'force'];
    const unknown = Object.keys(body).filter(k => !allowed.includes(k) && !common.includes(k));
    if (unknown.length) throw new InputError(`unknown field ${unknown.join(', ')} (expected ${[...allowed, ...common].join(', ')})`);
  },
  number(body: Body, key: string): number {
    const v = body[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${key} must be a number`);
    return v;
  },
  numberOrNull(body: Body, key: string): number | null {
    if (!(key in body)) throw new InputError(`${key} is required (a number, or null)`);
    return body[key] === null ? null : fields.number(body, key);
  },
  string(body: Body, key: string): string {
    const v = body[key];
    if (typeof v !== 'string') throw new InputError(`${key} must be a string`);
    return v;
  },
  force(body: Body): boolean {
    const v = body.force;
    if (v === undefined) return false;
    if (typeof v !== 'boolean') throw new InputError('force must be true or false');
    return v;
  },
  resourceVersion(body: Body): string | undefined {
    const v = body.resourceVersion;
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !/^[0-9A-Za-z.-]{1,64}$/.test(v)) throw new InputError('resourceVersion must be a string');
    return v;
  },
};

const POOL_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function clusterRefOf(req: Request): ClusterRef {
  const { managementCluster, namespace, name } = req.params;
  for (const [field, value] of [['managementCluster', managementCluster], ['namespace', namespace], ['name', name]]) {
    const problem = checkDnsLabel(field, value);
    if (problem) throw new InputError(problem);
  }
  return { managementCluster, namespace, name };
}

function poolOf(req: Request): string {
  const pool = req.params.pool;
  if (!pool || pool.length > 253 || !POOL_NAME.test(pool)) {
    throw new InputError(`pool "${pool}" must be a DNS-1123 name (lower case letters, digits, '-' and '.')`);
  }
  return pool;
}

function dryRunOf(req: Request): boolean {
  const v = req.query.dryRun;
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw new InputError('dryRun must be true or false');
}

function outcomeOf(changed: boolean, dryRun: boolean) {
  if (!changed) return 'unchanged';
  return dryRun ? 'dry-run' : 'changed';
}

interface ActionRoute {
  action: ClusterAction;
  permission: ResourcePermission;
  /** Parses the body (400 on wrong types); returns the audited parameters and the plan. */
  parse(req: Request, body: Body): {
    params: Record<string, unknown>;
    plan: (objs: LiveObjects, ctx: PlanContext) => Plan;
    /** What the change asks of the cloud (preflight), for actions that add or change servers. */
    requirements?: RequirementsOf;
  };
}

export async function createActionsRouter(options: ActionsRouterOptions) {
  const { auditor, access, clusters, actions } = options;
  const router = Router();
  const CLUSTER = '/clusters/:managementCluster/:namespace/:name';
  // Only the action routes: other routers parse their own bodies.
  router.use(CLUSTER, express.json());
  // A body that is not JSON never reaches a handler: it is audited here.
  router.use(CLUSTER, async (err: any, req: Request, _res: Response, next: (e?: unknown) => void) => {
    if (err?.type !== 'entity.parse.failed' && err?.type !== 'entity.too.large') {
      next(err);
      return;
    }
    const event = await auditor.createEvent({
      eventId: 'cluster-action',
      severityLevel: req.method === 'DELETE' ? 'high' : 'medium',
      request: req,
      meta: { path: req.originalUrl.split('?')[0] },
    });
    const error = new InputError(err.type === 'entity.too.large' ? 'the request body is too large' : 'the request body is not valid JSON');
    await event.fail({ error, meta: { outcome: 'failed' } });
    next(error);
  });
  /**
   * 404 when the caller may not read the cluster (as on the read side),
   * 403 when the action's permission is denied; one policy call. Changes
   * and kubeconfigs are for users only (the scaffolder acts on behalf of its
   * task's initiator): a plain service token, which Backstage's permission
   * client always allows, cannot act on clusters.
   */
  async function authorize(req: Request, ref: ClusterRef, permission: ResourcePermission, allow: Principal[] = ['user']) {
    const credentials = await access.credentials(req, allow);
    const [read, decision] = await access.decisions(credentials, [capiClusterReadPermission, permission]);
    const summary = clusters.summary(ref);
    if (!summary || !access.admits(read, summary)) {
      throw new NotFoundError(`Cluster ${ref.namespace}/${ref.name} not found in management cluster ${ref.managementCluster}`);
    }
    if (!access.admits(decision, summary)) {
      throw new NotAllowedError(`You are not allowed to do this on cluster ${ref.name} (permission ${permission.name})`);
    }
  }

  function register(method: 'post' | 'delete', path: string, route: ActionRoute) {
    router[method](`/clusters/:managementCluster/:namespace/:name${path}`, async (req: Request, res: Response) => {
      const dryRunRaw = req.query.dryRun;
      const event = await auditor.createEvent({
        eventId: 'cluster-action',
        severityLevel: route.action === 'delete' ? 'high' : 'medium',
        request: req,
        meta: {
          action: route.action,
          cluster: { ...req.params },
          dryRun: dryRunRaw === 'true',
        },
      });
      let params: Record<string, unknown> = {};
      try {
        const ref = clusterRefOf(req);
        const dryRun = dryRunOf(req);
        const body = fields.object(req.body ?? {});
        const resourceVersion = fields.resourceVersion(body);
        const force = fields.force(body);
        const parsed = route.parse(req, body);
        params = force ? { ...parsed.params, force } : parsed.params;
        await authorize(req, ref, route.permission);
        const result = await actions.run(ref, route.action, parsed.plan, { dryRun, resourceVersion, force }, parsed.requirements);
        await event.success({
          meta: {
            parameters: params as any,
            resourceVersion: resourceVersion ?? null,
            outcome: outcomeOf(result.changed, dryRun),
            changes: result.changes as any,
            ...(result.preflight
              ? { preflight: { status: result.preflight.status, forced: result.preflight.forced ?? false } }
              : {}),
          },
        });
        res.json(result);
      } catch (e) {
        const status = (e as any).statusCode ?? (e as any).status;
        const outcome = (e as Error).name === 'NotAllowedError' ? 'denied' : 'failed';
        await event.fail({ error: e as Error, meta: { parameters: params as any, outcome, ...(status ? { status } : {}) } });
        throw e;
      }
    });
  }

  const pool = (req: Request) => poolOf(req);

  register('post', '/control-plane/scale', {
    action: 'scale-control-plane',
    permission: capiClusterScalePermission,
    parse(_req, body) {
      fields.only(body, ['replicas']);
      const replicas = fields.number(body, 'replicas');
      return {
        params: { replicas },
        plan: objs => planScaleControlPlane(objs, replicas),
        requirements: (objs, ctx) => scaleControlPlaneRequirements(objs, replicas, ctx),
      };
    },
  });
  register('post', '/pools/:pool/scale', {
    action: 'scale-pool',
    permission: capiClusterScalePermission,
    parse(req, body) {
      fields.only(body, ['replicas']);
      const name = pool(req);
      const replicas = fields.number(body, 'replicas');
      return {
        params: { pool: name, replicas },
        plan: (objs, ctx) => planScalePool(objs, name, replicas, ctx),
        requirements: (objs, ctx) => scalePoolRequirements(objs, name, replicas, ctx),
      };
    },
  });
  register('post', '/pools/:pool/autoscaler', {
    action: 'set-autoscaler',
    permission: capiClusterUpdatePermission,
    parse(req, body) {
      fields.only(body, ['bounds']);
      const name = pool(req);
      if (!('bounds' in body)) throw new InputError('bounds is required ({min, max}, or null)');
      let bounds: { min: number; max: number } | null = null;
      if (body.bounds !== null) {
        const b = fields.object(body.bounds);
        bounds = { min: fields.number(b, 'min'), max: fields.number(b, 'max') };
      }
      return {
        params: { pool: name, bounds },
        plan: (objs, ctx) => planSetAutoscaler(objs, name, bounds, ctx),
        requirements: (objs, ctx) => autoscalerRequirements(objs, name, bounds, ctx),
      };
    },
  });
  register('post', '/upgrade', {
    action: 'upgrade',
    permission: capiClusterUpgradePermission,
    parse(_req, body) {
      fields.only(body, ['version']);
      const version = fields.string(body, 'version');
      return {
        params: { version },
        plan: (objs, ctx) => planUpgrade(objs, version, ctx),
        requirements: (objs, ctx) => upgradeRequirements(objs, version, ctx),
      };
    },
  });
  register('post', '/control-plane/flavor', {
    action: 'set-control-plane-flavor',
    permission: capiClusterUpdatePermission,
    parse(_req, body) {
      fields.only(body, ['flavor']);
      const flavor = fields.string(body, 'flavor');
      return {
        params: { flavor },
        plan: (objs, ctx) => planSetControlPlaneFlavor(objs, flavor, ctx),
        requirements: (objs, ctx) => flavorRequirements(objs, undefined, flavor, ctx),
      };
    },
  });
  register('post', '/pools/:pool/flavor', {
    action: 'set-pool-flavor',
    permission: capiClusterUpdatePermission,
    parse(req, body) {
      fields.only(body, ['flavor']);
      const name = pool(req);
      const flavor = fields.string(body, 'flavor');
      return {
        params: { pool: name, flavor },
        plan: (objs, ctx) => planSetPoolFlavor(objs, name, flavor, ctx),
        requirements: (objs, ctx) => flavorRequirements(objs, name, flavor, ctx),
      };
    },
  });
  register('post', '/control-plane/restart', {
    action: 'restart-control-plane',
    permission: capiClusterUpdatePermission,
    parse(_req, body) {
      fields.only(body, []);
      return { params: {}, plan: (objs, ctx) => planRestartControlPlane(objs, ctx) };
    },
  });
  register('post', '/pools/:pool/restart', {
    action: 'restart-pool',
    permission: capiClusterUpdatePermission,
    parse(req, body) {
      fields.only(body, []);
      const name = pool(req);
      return { params: { pool: name }, plan: (objs, ctx) => planRestartPool(objs, name, ctx) };
    },
  });
  register('post', '/control-plane/rotate-certificates', {
    action: 'rotate-certificates',
    permission: capiClusterUpdatePermission,
    parse(_req, body) {
      fields.only(body, []);
      return { params: {}, plan: (objs, ctx) => planRestartControlPlane(objs, ctx, 'rotate-certificates') };
    },
  });
  register('post', '/control-plane/certificate-rotation', {
    action: 'set-certificate-rotation',
    permission: capiClusterUpdatePermission,
    parse(_req, body) {
      fields.only(body, ['certificatesExpiryDays']);
      const days = fields.numberOrNull(body, 'certificatesExpiryDays');
      return { params: { certificatesExpiryDays: days }, plan: (objs, ctx) => planSetCertificateRotation(objs, days, ctx) };
    },
  });
  for (const paused of [true, false]) {
    register('post', paused ? '/pause' : '/resume', {
      action: paused ? 'pause' : 'resume',
      permission: capiClusterPausePermission,
      parse(_req, body) {
        fields.only(body, []);
        return { params: {}, plan: objs => planPause(objs, paused) };
      },
    });
  }
  register('delete', '', {
    action: 'delete',
    permission: capiClusterDeletePermission,
    parse(_req, body) {
      fields.only(body, ['confirmName']);
      const confirmName = fields.string(body, 'confirmName');
      return { params: { confirmName }, plan: objs => planDelete(objs, confirmName) };
    },
  });

  if (options.openstack) {
    registerOpenStackRoutes(router, {
      access,
      clusters,
      openstack: options.openstack,
      clusterRefOf,
      authorize: (req, ref, permission) => authorize(req, ref, permission, ['user', 'service']),
    });
  }

  router.get('/clusters/:managementCluster/:namespace/:name/upgrades', async (req, res) => {
    const ref = clusterRefOf(req);
    await authorize(req, ref, capiClusterReadPermission, ['user', 'service']);
    res.json(await actions.upgrades(ref));
  });

  router.get('/clusters/:managementCluster/:namespace/:name/kubeconfig', async (req, res) => {
    if (!actions.config.kubeconfigEnabled) {
      throw new NotFoundError('The kubeconfig endpoint is turned off (capiOpenstack.kubeconfig.enabled: false)');
    }
    const event = await auditor.createEvent({
      eventId: 'kubeconfig-read',
      severityLevel: 'high',
      request: req,
      meta: { action: 'kubeconfig', cluster: { ...req.params } },
    });
    try {
      const ref = clusterRefOf(req);
      const download = req.query.download === 'true';
      await authorize(req, ref, capiClusterKubeconfigPermission);
      const kubeconfig = await actions.kubeconfig(ref);
      await event.success({ meta: { download } });
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
      if (download) {
        res.setHeader('Content-Disposition', `attachment; filename="${ref.name}.kubeconfig"`);
        res.type('application/yaml').send(kubeconfig);
      } else {
        res.json({ kubeconfig });
      }
    } catch (e) {
      const outcome = (e as Error).name === 'NotAllowedError' ? 'denied' : 'failed';
      await event.fail({ error: e as Error, meta: { outcome } });
      throw e;
    }
  });

  return router;
}

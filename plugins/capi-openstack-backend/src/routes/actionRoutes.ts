/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The lifecycle endpoints, registered from the common action table
// (route, permission, body fields), the kubeconfig read and the upgrade
// targets. They are described in openapi.yaml (a test holds it to the
// table) but validate their own input, so that every request, malformed
// ones included, gets exactly one audit event and a message naming the field.

import { AuditorService, BackstageCredentials, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import {
  capiClusterConsolePermission,
  capiClusterKubeconfigPermission,
  capiClusterReadPermission,
  clusterActions,
  isHealthCheckAction,
  isMachineAction,
  isPoolAction,
  parseActionBody,
  WriteAction,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { planAction } from '../actions/actionPlans';
import { operationView, planRemoveOperation, storedOperationsOf } from '../plans/maintenance';
import type { OwnershipLookup } from '../permissions/ownership';
import { OpenStackError, UnprocessableError, UpstreamError } from '../errors';
import { ActionService } from '../actions/ActionService';
import { ClusterService } from '../clusters/ClusterService';
import { OpenStackService } from '../openstack/OpenStackService';
import { ClusterAccess } from '../permissions/access';
import { audited } from './audited';
import { clusterAuthorization } from './clusterAuthorization';
import { registerOpenStackRoutes } from './openstackRoutes';
import { clusterRefOf, dryRunOf, healthCheckOf, machineOf, poolOf } from './requestParams';

export interface ActionsRouterOptions {
  logger: LoggerService;
  auditor: AuditorService;
  /** The caller's permissions. */
  access: ClusterAccess;
  clusters: ClusterService;
  actions: ActionService;
  /** OpenStack read endpoints; absent: not served. */
  openstack?: OpenStackService;
  /** Who a user is in the catalog now: operations that wait for a window are for catalog users only. */
  ownershipOf?: OwnershipLookup;
}

const CLUSTER = '/clusters/:managementCluster/:namespace/:name';

/** Nova's refusal of a console, said for the user (OpenStack's own status kept apart from ours). */
function consoleError(e: unknown, machine: string): Error {
  if (!(e instanceof OpenStackError)) return e as Error;
  if (e.status === 404) return new NotFoundError(`Nova offers no console for the server of ${machine}: ${e.message}`);
  if (e.status === 0 || e.status === 401 || e.status >= 500) return new UpstreamError(`the console of ${machine}: ${e.message}`);
  return new UnprocessableError(`machine: Nova offers no console for the server of ${machine} now: ${e.message}`);
}

/** A short id for a pending operation, unique within its cluster. */
const operationId = () => randomUUID().slice(0, 8);

/** The user entity ref of user credentials (actions are for users; see clusterAuthorization). */
function userOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { type?: string; userEntityRef?: string };
  if (principal.type !== 'user' || !principal.userEntityRef) throw new NotAllowedError('Only users can schedule operations');
  return principal.userEntityRef;
}

function outcomeOf(changed: boolean, dryRun: boolean) {
  if (!changed) return 'unchanged';
  return dryRun ? 'dry-run' : 'changed';
}

export async function createActionsRouter(options: ActionsRouterOptions) {
  const { auditor, access, clusters, actions } = options;
  /** Why a user's waiting operation could not be checked again when it runs. */
  const requesterProblem = async (user: string): Promise<string | undefined> => {
    if (!options.ownershipOf) return undefined;
    const owned = await options.ownershipOf(user).catch(() => null);
    if (owned === null) return 'the catalog cannot be asked who you are now; try again, or run the change now';
    return owned ? undefined : `${user} is not in the catalog, so the permission of a change that waits cannot be checked again when it runs; run it now`;
  };
  const authorize = clusterAuthorization(access, clusters);
  const router = Router();
  // Only the action routes: other routers parse their own bodies.
  router.use(CLUSTER, express.json());
  // A body that is not JSON never reaches a handler: it is audited here.
  router.use(CLUSTER, async (err: any, req: Request, _res: Response, next: (e?: unknown) => void) => {
    if (err?.type !== 'entity.parse.failed' && err?.type !== 'entity.too.large') {
      next(err);
      return;
    }
    const error = new InputError(err.type === 'entity.too.large' ? 'the request body is too large' : 'the request body is not valid JSON');
    const event = { eventId: 'cluster-action', severityLevel: req.method === 'DELETE' ? 'high' : 'medium', meta: { path: req.originalUrl.split('?')[0] } } as const;
    await audited(auditor, req, event, async () => {
      throw error;
    }).catch(next);
  });

  function register(action: WriteAction) {
    const spec = clusterActions[action];
    const method = spec.method === 'DELETE' ? 'delete' : 'post';
    router[method](spec.path ? `${CLUSTER}/${spec.path}` : CLUSTER, async (req: Request, res: Response) => {
      const event = {
        eventId: 'cluster-action',
        severityLevel: spec.severity,
        meta: { action, cluster: { ...req.params }, dryRun: req.query.dryRun === 'true' },
      };
      await audited(auditor, req, event, async failure => {
        failure.meta.parameters = {};
        const ref = clusterRefOf(req);
        const dryRun = dryRunOf(req);
        const parsed = parseActionBody(action, req.body ?? {});
        if (!parsed.ok) throw new InputError(parsed.message);
        const { fields, resourceVersion, force, when } = parsed.body;
        const pool = isPoolAction(action) ? poolOf(req) : '';
        const machine = isMachineAction(action) ? machineOf(req) : '';
        const healthCheck = isHealthCheckAction(action) ? healthCheckOf(req) : '';
        const parameters = {
          ...(pool ? { pool } : {}),
          ...(machine ? { machine } : {}),
          ...(healthCheck ? { healthCheck } : {}),
          ...fields,
          ...(force ? { force } : {}),
          ...(when === 'window' ? { when } : {}),
        };
        failure.meta.parameters = parameters;
        const { credentials, decisions } = await authorize(req, ref, spec.permission);
        const planned = planAction(action, fields, pool || machine || healthCheck);
        const result =
          when === 'window'
            ? await actions.schedule(
                ref,
                { id: operationId(), action, ...(pool ? { pool } : {}), fields, requestedBy: userOf(credentials), decisions },
                planned.plan,
                { dryRun, resourceVersion },
                () => requesterProblem(userOf(credentials)),
              )
            : await actions.run(
                ref,
                action,
                planned.plan,
                { dryRun, resourceVersion, force, ...(machine ? { machine } : {}), ...(healthCheck ? { healthCheck } : {}) },
                planned.requirements,
              );
        return {
          meta: {
            parameters,
            resourceVersion: resourceVersion ?? null,
            outcome: outcomeOf(result.changed, dryRun),
            changes: result.changes,
            ...(result.preflight
              ? { preflight: { status: result.preflight.status, forced: result.preflight.forced ?? false } }
              : {}),
          },
          respond: () => res.json(result),
        };
      });
    });
  }
  for (const action of Object.keys(clusterActions) as WriteAction[]) register(action);

  if (options.openstack) {
    registerOpenStackRoutes(router, {
      access,
      clusters,
      openstack: options.openstack,
      authorize: (req, ref, permission) => authorize(req, ref, permission, ['user', 'service']),
    });
  }

  router.get(`${CLUSTER}/upgrades`, async (req, res) => {
    const ref = clusterRefOf(req);
    await authorize(req, ref, capiClusterReadPermission, ['user', 'service']);
    res.json(await actions.upgrades(ref));
  });

  // Cancelling an operation that waits for the maintenance window takes the permission of its action.
  router.delete(`${CLUSTER}/pending-operations/:operation`, async (req, res) => {
    const id = req.params.operation;
    const event = {
      eventId: 'cluster-action',
      severityLevel: 'medium',
      meta: { action: 'cancel-pending-operation', cluster: { ...req.params }, dryRun: req.query.dryRun === 'true' },
    } as const;
    await audited(auditor, req, event, async () => {
      const ref = clusterRefOf(req);
      const dryRun = dryRunOf(req);
      if (!/^[a-z0-9-]{1,64}$/.test(id)) throw new InputError(`operation "${id}" must be an operation id`);
      await authorize(req, ref, capiClusterReadPermission);
      const cluster = clusters.cache(ref.managementCluster)?.objectsOf(`${ref.namespace}/${ref.name}`)?.cluster;
      const op = cluster && storedOperationsOf(cluster).find(o => o.id === id);
      if (!op) throw new NotFoundError(`No operation ${id} waits for the maintenance window of Cluster ${ref.name}`);
      await authorize(req, ref, clusterActions[op.action].permission);
      const result = await actions.run(ref, op.action, objs => planRemoveOperation(objs, id), { dryRun });
      const message = dryRun ? `Dry run (nothing changed): ${result.message}` : result.message;
      return {
        meta: { operation: id, cancelledAction: op.action, outcome: outcomeOf(result.changed, dryRun) },
        respond: () => res.json({ cancelled: operationView(op), message }),
      };
    });
  });

  // A machine's remote console: a one-time URL from Nova, asked with the cluster's credentials.
  router.post(`${CLUSTER}/machines/:machine/console`, async (req, res) => {
    const event = { eventId: 'console-read', severityLevel: 'high', meta: { action: 'console', cluster: { ...req.params } } } as const;
    await audited(auditor, req, event, async () => {
      const ref = clusterRefOf(req);
      const machine = machineOf(req);
      await authorize(req, ref, capiClusterConsolePermission);
      const node = clusters.detail(ref)?.tree.machines.find(m => m.name === machine);
      if (!node) throw new NotFoundError(`Machine ${machine} not found in Cluster ${ref.name}`);
      const instanceId = node.server?.instanceId;
      if (!instanceId) throw new UnprocessableError(`machine: ${machine} has no OpenStack server yet`);
      if (!options.openstack) throw new NotFoundError('OpenStack calls are not configured (capiOpenstack.openstack)');
      const consoleUrl = await options.openstack.serverConsole(ref, instanceId).catch(e => {
        throw consoleError(e, machine);
      });
      return {
        meta: { machine },
        respond: () => {
          res.setHeader('Cache-Control', 'no-store');
          res.json(consoleUrl);
        },
      };
    });
  });

  router.get(`${CLUSTER}/kubeconfig`, async (req, res) => {
    if (!actions.config.kubeconfigEnabled) {
      throw new NotFoundError('The kubeconfig endpoint is turned off (capiOpenstack.kubeconfig.enabled: false)');
    }
    const event = { eventId: 'kubeconfig-read', severityLevel: 'high', meta: { action: 'kubeconfig', cluster: { ...req.params } } } as const;
    await audited(auditor, req, event, async () => {
      const ref = clusterRefOf(req);
      const download = req.query.download === 'true';
      await authorize(req, ref, capiClusterKubeconfigPermission);
      const kubeconfig = await actions.kubeconfig(ref);
      return {
        meta: { download },
        respond: () => {
          res.setHeader('Cache-Control', 'no-store');
          res.setHeader('Pragma', 'no-cache');
          if (download) {
            res.setHeader('Content-Disposition', `attachment; filename="${ref.name}.kubeconfig"`);
            res.type('application/yaml').send(kubeconfig);
          } else {
            res.json({ kubeconfig });
          }
        },
      };
    });
  });

  return router;
}

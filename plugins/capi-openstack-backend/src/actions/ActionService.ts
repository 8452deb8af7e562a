/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  ActionResult,
  ClusterAction,
  ClusterRef,
  PreflightResult,
  UpgradesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ManagementClusterCache } from '../cache/ManagementClusterCache';
import { ClusterService } from '../clusters/ClusterService';
import { ActionsConfig } from '../actionsConfig';
import { isStaleWrite, mapKubeError } from './kubeErrors';
import { loadLiveObjects } from './liveObjects';
import { topologyClassName } from '../model/shapes';
import { refuseDeleting, refuseMagnum } from '../plans/guards';
import { LiveObjects, Plan, PlanContext } from '../plans/types';
import { upgradeOptions } from '../plans/upgrade';
import { reconcileUpgrades } from './upgradeReconciliation';
import { executeWrites } from './writeExecution';
import { identityOfCluster } from '../openstack/identity';
import { OpenStackService } from '../openstack/OpenStackService';
import { windowOf } from '../model/maintenanceWindow';
import { noWindowMessage, planSchedule, ScheduleRequest } from '../plans/maintenance';
import { asksNothing, ChangeRequirements, refusalMessage } from '../plans/preflight';
import { KubeRequestError, UnprocessableError } from '../errors';

export interface RunOptions {
  dryRun: boolean;
  /** What the caller saw; a different current version is answered 409. */
  resourceVersion?: string;
  /** Write although the preflight failed. */
  force?: boolean;
  /** A Machine the action writes: read from the API server, not the watch cache. */
  machine?: string;
  /** A MachineHealthCheck the action writes (plain clusters): read from the API server. */
  healthCheck?: string;
  /** The time the plan takes as now (the hibernation schedule passes its clock). */
  now?: Date;
}

/** What a change asks of the cloud, for the preflight (actions that add or change servers). */
export type RequirementsOf = (objs: LiveObjects, ctx: PlanContext) => ChangeRequirements;

/**
 * Executes lifecycle actions: reads the current objects from the API server
 * (never from the cache: a plan is only as good as what it was computed
 * from), plans, and writes with resourceVersion preconditions. Writes use the
 * backend's management cluster credentials; authorization happens before.
 */
/** How often an action is planned again after a 409 from a concurrent status write. */
const WRITE_ATTEMPTS = 3;

/** A precondition of the backend's own write failed (not the caller's resourceVersion). */
class WriteConflict extends Error {
  constructor(
    readonly cause: Error,
    /** The primary object as read by the attempt whose caller check passed. */
    readonly primary: Plan['primary'],
  ) {
    super(cause.message);
  }
}

export class ActionService {
  constructor(
    private readonly clusters: ClusterService,
    readonly config: ActionsConfig,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
    /** Preflight checks against the cloud; none when absent. */
    private readonly openstack?: OpenStackService,
  ) {}

  private context(now?: Date): PlanContext {
    return { config: this.config, now: now ?? this.now() };
  }

  private cacheOf(ref: ClusterRef): ManagementClusterCache {
    const cache = this.clusters.cache(ref.managementCluster);
    if (!cache) throw new NotFoundError(`management cluster ${ref.managementCluster} is not configured`);
    return cache;
  }

  /** The current objects of a cluster, from the API server. */
  async load(ref: ClusterRef): Promise<LiveObjects> {
    return loadLiveObjects(this.cacheOf(ref), ref);
  }

  /**
   * Plans and (unless nothing changes) executes one action. A write refused
   * with 409 because a controller wrote status between the read and the
   * write (the real controllers do, often, right after a change) is planned
   * again from fresh objects, up to WRITE_ATTEMPTS times; the caller's
   * resourceVersion stays valid while the object's generation (its spec)
   * has not moved.
   */
  async run(
    ref: ClusterRef,
    action: ClusterAction,
    plan: (objs: LiveObjects, ctx: PlanContext) => Plan,
    options: RunOptions,
    requirements?: RequirementsOf,
  ): Promise<ActionResult> {
    let checked: Plan['primary'] | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(ref, action, plan, options, requirements, checked);
      } catch (e) {
        if (!(e instanceof WriteConflict)) throw e;
        if (attempt >= WRITE_ATTEMPTS) throw e.cause;
        checked ??= e.primary;
        this.logger.info(`${action} of ${ref.namespace}/${ref.name}: write conflict (attempt ${attempt}), planning again`);
      }
    }
  }

  private async runOnce(
    ref: ClusterRef,
    action: ClusterAction,
    plan: (objs: LiveObjects, ctx: PlanContext) => Plan,
    options: RunOptions,
    requirements: RequirementsOf | undefined,
    /** The primary object as the first attempt saw it (its resourceVersion check passed then). */
    checked: Plan['primary'] | undefined,
  ): Promise<ActionResult> {
    const cache = this.cacheOf(ref);
    const objs = await loadLiveObjects(cache, ref, options.machine, options.healthCheck);
    refuseMagnum(objs.cluster);
    if (action !== 'delete') refuseDeleting(objs.cluster);
    const ctx = this.context(options.now);
    const p = plan(objs, ctx);
    const base = { action, cluster: ref, dryRun: options.dryRun, changes: p.changes };
    if (p.writes.length === 0) {
      return { ...base, changed: false, message: p.message };
    }
    const seen = options.resourceVersion;
    const specUnchanged =
      checked !== undefined && checked.generation !== undefined && checked.generation === p.primary.generation;
    if (
      seen !== undefined &&
      seen !== p.primary.resourceVersion &&
      !p.alsoAccepted?.includes(seen) &&
      !specUnchanged
    ) {
      throw new ConflictError(
        `${p.primary.kind} ${p.primary.name} was changed since you loaded it (resourceVersion ${seen}, now ${p.primary.resourceVersion}): reload and try again`,
      );
    }
    const preflight = requirements ? await this.preflight(cache, ref, objs, requirements(objs, ctx), options) : undefined;
    // A failed multi-step write is taken back (see executeWrites).
    let written: Awaited<ReturnType<typeof executeWrites>>;
    try {
      written = await executeWrites(cache, ref.namespace, p.writes, options.dryRun, this.logger);
    } catch (e) {
      if (isStaleWrite(e)) throw new WriteConflict(e as Error, p.primary);
      throw e;
    }
    const primary = written.find(o => o.kind === p.primary.kind && o.metadata?.name === p.primary.name);
    return {
      ...base,
      changed: true,
      message: options.dryRun ? `Dry run (nothing changed): ${lowerFirst(p.message)}` : p.message,
      ...(preflight ? { preflight } : {}),
      ...(options.dryRun || action === 'delete'
        ? {}
        : {
            target: {
              kind: p.primary.kind,
              name: p.primary.name,
              resourceVersion: primary?.metadata?.resourceVersion,
            },
          }),
    };
  }

  /**
   * An action asked with `when: 'window'`: planned now against the live
   * objects (so that its refusals come now, not at 02:00), then kept as a
   * pending operation of the Cluster instead of written. `requesterProblem`
   * says why the operation could not be checked again on behalf of its
   * requester at run time (e.g. no catalog user): refused now, not at 02:00.
   */
  async schedule(
    ref: ClusterRef,
    request: ScheduleRequest,
    plan: (objs: LiveObjects, ctx: PlanContext) => Plan,
    options: Pick<RunOptions, 'dryRun' | 'resourceVersion'>,
    requesterProblem?: () => Promise<string | undefined>,
  ): Promise<ActionResult> {
    const live = await this.load(ref);
    if (!windowOf(live.cluster)) throw new UnprocessableError(noWindowMessage(ref.name));
    const problem = await requesterProblem?.();
    if (problem) throw new UnprocessableError(`when: ${problem}`);
    return this.run(
      ref,
      request.action,
      (objs, ctx) => planSchedule(objs, ctx, request, plan(objs, ctx), options.resourceVersion),
      { dryRun: options.dryRun },
    );
  }

  /**
   * Checks the change against the cloud of the cluster's identity. A failure
   * refuses real writes (422) unless forced; dry runs only report it.
   */
  private async preflight(
    cache: ManagementClusterCache,
    ref: ClusterRef,
    objs: LiveObjects,
    requirements: ChangeRequirements,
    options: RunOptions,
  ): Promise<PreflightResult | undefined> {
    if (!this.openstack || asksNothing(requirements)) return undefined;
    const cached = cache.objectsOf(`${ref.namespace}/${ref.name}`);
    const identity = identityOfCluster(objs.cluster, cached?.openStackCluster);
    const result = await this.openstack.preflight(ref.managementCluster, ref.namespace, identity, requirements);
    if (result.status !== 'fail' || options.dryRun) return result;
    if (!options.force) throw new UnprocessableError(refusalMessage(result));
    return { ...result, forced: true };
  }


  /** `GET .../upgrades`, from the watch cache (a read for the UI). */
  async upgrades(ref: ClusterRef): Promise<UpgradesResponse> {
    const cache = this.cacheOf(ref);
    const objs = cache.objectsOf(`${ref.namespace}/${ref.name}`);
    if (!objs) throw new NotFoundError(`Cluster ${ref.namespace}/${ref.name} not found`);
    const cluster = objs.cluster;
    const classNs = cluster.spec?.topology?.classRef?.namespace ?? cluster.spec?.topology?.classNamespace ?? ref.namespace;
    const className = topologyClassName(cluster);
    return upgradeOptions(
      {
        cluster,
        controlPlane: objs.controlPlane,
        machineDeployments: objs.machineDeployments,
        clusterClass: className ? cache.clusterClass(classNs, className) : undefined,
        machineTemplates: objs.openStackMachineTemplates ?? [],
        machines: objs.machines,
      },
      this.context(),
    );
  }

  /** The admin kubeconfig (`<name>-kubeconfig`, key `value`): read on every call, never kept. */
  async kubeconfig(ref: ClusterRef): Promise<string> {
    const cache = this.cacheOf(ref);
    const secretName = `${ref.name}-kubeconfig`;
    let secret: any;
    try {
      secret = await cache.client.request(
        'GET',
        `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/secrets/${encodeURIComponent(secretName)}`,
      );
    } catch (e) {
      if (e instanceof KubeRequestError && e.statusCode === 404) {
        throw new NotFoundError(`The kubeconfig of ${ref.name} is not available yet (Secret ${secretName} not found)`);
      }
      throw mapKubeError(e, 'Secret', secretName);
    }
    const value = secret?.data?.value;
    if (typeof value !== 'string' || !value) {
      throw new NotFoundError(`Secret ${secretName} has no key "value"`);
    }
    return Buffer.from(value, 'base64').toString('utf8');
  }

  /** One pass of the plain-cluster upgrade orchestration (see `reconcileUpgrades` in upgradeReconciliation.ts). */
  async reconcileUpgrades(only?: readonly ClusterRef[]): Promise<number> {
    return reconcileUpgrades(
      { clusters: this.clusters, logger: this.logger, context: () => this.context(), load: ref => this.load(ref) },
      only,
    );
  }
}

function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

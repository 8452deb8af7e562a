/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type {
  ActionResult,
  ClusterAction,
  ClusterRef,
  PreflightResult,
  UpgradesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ManagementClusterCache } from '../cache/ManagementClusterCache';
import { KubeRequestError } from '../kube/createKubeClient';
import { WatchedKind } from '../kube/kinds';
import { KubeObject } from '../model';
import { ClusterService } from '../service/ClusterService';
import { ActionsConfig } from './actionsConfig';
import { UnprocessableError, UpstreamError } from './errors';
import {
  classNameOf,
  isClassy,
  kcpTemplateName,
  mdTemplateName,
  refuseDeleting,
  refuseMagnum,
  UPGRADE_ANNOTATION,
} from './plans/shapes';
import { CreateWrite, LiveObjects, PatchWrite, Plan, PlanContext, Write } from './plans/types';
import { planUpgradeStep, UPGRADE_FAILED_ANNOTATION, upgradeOptions, upgradeProgress } from './plans/upgrade';
import { identityOfCluster } from '../openstack/identity';
import { OpenStackService } from '../openstack/OpenStackService';
import { asksNothing, ChangeRequirements, refusalMessage } from '../openstack/preflight';

const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

export interface RunOptions {
  dryRun: boolean;
  /** What the caller saw; a different current version is answered 409. */
  resourceVersion?: string;
  /** Write although the preflight failed. */
  force?: boolean;
}

/** What a change asks of the cloud, for the preflight (actions that add or change servers). */
export type RequirementsOf = (objs: LiveObjects, ctx: PlanContext) => ChangeRequirements;

/**
 * Executes lifecycle actions: reads the current objects from the API server
 * (never from the cache: a plan is only as good as what it was computed
 * from), plans, and writes with resourceVersion preconditions. Writes use the
 * backend's management cluster credentials; authorization happens before.
 */
export class ActionService {
  constructor(
    private readonly clusters: ClusterService,
    readonly config: ActionsConfig,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
    /** Preflight checks against the cloud; none when absent. */
    private readonly openstack?: OpenStackService,
  ) {}

  private context(): PlanContext {
    return { config: this.config, now: this.now() };
  }

  private cacheOf(ref: ClusterRef): ManagementClusterCache {
    const cache = this.clusters.cache(ref.managementCluster);
    if (!cache) throw new NotFoundError(`management cluster ${ref.managementCluster} is not configured`);
    return cache;
  }

  private path(cache: ManagementClusterCache, kind: WatchedKind, namespace: string, name?: string) {
    const resolved = cache.apiVersionOf(kind);
    if (!resolved) throw new ServiceUnavailableError(`management cluster ${cache.name} is not synced yet (${kind})`);
    const base = `/apis/${resolved.apiVersion}/namespaces/${encodeURIComponent(namespace)}/${resolved.plural}`;
    return name ? `${base}/${encodeURIComponent(name)}` : base;
  }

  private async get(cache: ManagementClusterCache, kind: WatchedKind, namespace: string, name: string) {
    try {
      return await cache.client.request<KubeObject>('GET', this.path(cache, kind, namespace, name));
    } catch (e) {
      if (e instanceof KubeRequestError && e.statusCode === 404) return undefined;
      throw mapKubeError(e, kind, name);
    }
  }

  /** The current objects of a cluster, from the API server. */
  async load(ref: ClusterRef): Promise<LiveObjects> {
    const cache = this.cacheOf(ref);
    const ns = ref.namespace;
    const cluster = await this.get(cache, 'Cluster', ns, ref.name);
    if (!cluster) {
      throw new NotFoundError(`Cluster ${ns}/${ref.name} not found in management cluster ${ref.managementCluster}`);
    }
    const cpName = cluster.spec?.controlPlaneRef?.name;
    // Not by label: CAPI's controllers add the cluster-name label, a pool
    // created a moment ago may not carry it yet. spec.clusterName is required.
    const mdPath = this.path(cache, 'MachineDeployment', ns);
    const classNs = cluster.spec?.topology?.classRef?.namespace ?? cluster.spec?.topology?.classNamespace ?? ns;
    const [controlPlane, mdList, clusterClass] = await Promise.all([
      cpName ? this.get(cache, 'KubeadmControlPlane', ns, cpName) : undefined,
      cache.client.request<{ items: KubeObject[] }>('GET', mdPath).catch(e => {
        throw mapKubeError(e, 'MachineDeployment', '(list)');
      }),
      isClassy(cluster) ? this.get(cache, 'ClusterClass', classNs, classNameOf(cluster)!) : undefined,
    ]);
    // Items of a LIST carry no kind or apiVersion.
    const mdApiVersion = cache.apiVersionOf('MachineDeployment')!.apiVersion;
    const machineDeployments = (mdList.items ?? [])
      .filter(md => md.spec?.clusterName === ref.name || md.metadata.labels?.[CLUSTER_NAME_LABEL] === ref.name)
      .map(md => ({ ...md, kind: 'MachineDeployment', apiVersion: mdApiVersion }));
    const templateNames = new Set(
      [controlPlane && kcpTemplateName(controlPlane), ...machineDeployments.map(mdTemplateName)].filter(
        (n): n is string => !!n,
      ),
    );
    const machineTemplates = (
      await Promise.all([...templateNames].map(n => this.get(cache, 'OpenStackMachineTemplate', ns, n)))
    ).filter((t): t is KubeObject => !!t);
    return {
      cluster,
      controlPlane,
      machineDeployments,
      clusterClass,
      machineTemplates,
      // Only restarts and upgrade progress look at machines: the cache is enough.
      machines: cache.objectsOf(`${ns}/${ref.name}`)?.machines ?? [],
    };
  }

  /** Plans and (unless nothing changes) executes one action. */
  async run(
    ref: ClusterRef,
    action: ClusterAction,
    plan: (objs: LiveObjects, ctx: PlanContext) => Plan,
    options: RunOptions,
    requirements?: RequirementsOf,
  ): Promise<ActionResult> {
    const cache = this.cacheOf(ref);
    const objs = await this.load(ref);
    refuseMagnum(objs.cluster);
    if (action !== 'delete') refuseDeleting(objs.cluster);
    const ctx = this.context();
    const p = plan(objs, ctx);
    const base = { action, cluster: ref, dryRun: options.dryRun, changes: p.changes };
    if (p.writes.length === 0) {
      return { ...base, changed: false, message: p.message };
    }
    const seen = options.resourceVersion;
    if (seen !== undefined && seen !== p.primary.resourceVersion && !p.alsoAccepted?.includes(seen)) {
      throw new ConflictError(
        `${p.primary.kind} ${p.primary.name} was changed since you loaded it (resourceVersion ${seen}, now ${p.primary.resourceVersion}): reload and try again`,
      );
    }
    const preflight = requirements ? await this.preflight(ref, objs, requirements(objs, ctx), options) : undefined;
    const written = await this.execute(cache, ref.namespace, p.writes, options.dryRun);
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
   * Checks the change against the cloud of the cluster's identity. A failure
   * refuses real writes (422) unless forced; dry runs only report it.
   */
  private async preflight(
    ref: ClusterRef,
    objs: LiveObjects,
    requirements: ChangeRequirements,
    options: RunOptions,
  ): Promise<PreflightResult | undefined> {
    if (!this.openstack || asksNothing(requirements)) return undefined;
    const cached = this.clusters.cache(ref.managementCluster)?.objectsOf(`${ref.namespace}/${ref.name}`);
    const identity = identityOfCluster(objs.cluster, cached?.openStackCluster);
    const result = await this.openstack.preflight(ref.managementCluster, ref.namespace, identity, requirements);
    if (result.status !== 'fail' || options.dryRun) return result;
    if (!options.force) throw new UnprocessableError(refusalMessage(result));
    return { ...result, forced: true };
  }

  /**
   * Executes writes in order. Templates named after their content are
   * reused when they exist. When a write fails, the writes before it that
   * say how (`undo`) are taken back, and the templates this request created
   * are removed unless something references them by then: a failed action
   * leaves nothing behind, and nothing another request relies on is lost.
   * The caller gets the original error.
   */
  async execute(cache: ManagementClusterCache, ns: string, writes: Write[], dryRun: boolean): Promise<KubeObject[]> {
    const query = `?fieldValidation=Strict${dryRun ? '&dryRun=All' : ''}`;
    const created: KubeObject[] = [];
    const reused: CreateWrite[] = [];
    const done: Array<{ write: PatchWrite; result: KubeObject }> = [];
    const results: KubeObject[] = [];
    try {
      for (const w of writes) {
        if (w.op === 'create') {
          const { object, isNew } = await this.createOrReuse(cache, ns, w, query);
          results.push(object);
          if (isNew && !dryRun) created.push(object);
          if (!isNew) reused.push(w);
        } else if (w.op === 'patch') {
          const body = w.resourceVersion
            ? { ...w.patch, metadata: { ...(w.patch.metadata as object), resourceVersion: w.resourceVersion } }
            : w.patch;
          const result = await this.write(
            cache, 'PATCH', this.path(cache, w.kind, ns, w.name) + query, body, w.kind, w.name, 'application/merge-patch+json',
          );
          results.push(result);
          if (w.undo && !dryRun) done.push({ write: w, result });
        } else {
          const body = {
            apiVersion: 'v1',
            kind: 'DeleteOptions',
            propagationPolicy: 'Background',
            preconditions: { resourceVersion: w.resourceVersion },
            // With a body the server reads DeleteOptions from it, not from the query.
            ...(dryRun ? { dryRun: ['All'] } : {}),
          };
          results.push(await this.write(cache, 'DELETE', this.path(cache, w.kind, ns, w.name), body, w.kind, w.name));
        }
      }
    } catch (e) {
      // A dry run stored nothing to take back.
      for (const d of done.reverse()) await this.undo(cache, ns, d.write, d.result);
      await this.removeUnreferenced(cache, ns, created);
      throw e;
    }
    // A request that failed meanwhile may have removed a template this one reused.
    if (!dryRun) await this.restoreMissing(cache, ns, reused.map(w => w.object));
    return results;
  }

  /** Creates a content-named template, or reuses the one with that name (also one created a moment ago). */
  private async createOrReuse(
    cache: ManagementClusterCache,
    ns: string,
    w: CreateWrite,
    query: string,
  ): Promise<{ object: KubeObject; isNew: boolean }> {
    const name = w.object.metadata.name;
    const reuse = (existing: KubeObject) => {
      if (!isSubset(w.object.spec, existing.spec)) {
        throw new ConflictError(`${w.kind} ${name} already exists with a different spec`);
      }
      return { object: existing, isNew: false };
    };
    const existing = await this.get(cache, w.kind, ns, name);
    if (existing) return reuse(existing);
    const body = { ...w.object, apiVersion: cache.apiVersionOf(w.kind)!.apiVersion };
    try {
      return { object: await cache.client.request<KubeObject>('POST', this.path(cache, w.kind, ns) + query, { body }), isNew: true };
    } catch (e) {
      const raced = e instanceof KubeRequestError && e.statusCode === 409 ? await this.get(cache, w.kind, ns, name) : undefined;
      if (raced) return reuse(raced);
      throw mapKubeError(e, w.kind, name);
    }
  }

  /**
   * Takes a patch back, conditional on the resourceVersion it returned. If
   * the object changed since, it is re-read and undone only while it still
   * carries what this write set (`whileAnnotations`); otherwise it is left
   * alone and logged.
   */
  private async undo(cache: ManagementClusterCache, ns: string, w: PatchWrite, result: KubeObject) {
    const u = w.undo!;
    const what = `${w.kind} ${ns}/${w.name}`;
    try {
      if (u.unless) {
        const other = await this.get(cache, u.unless.kind, ns, u.unless.name);
        if (other && fieldOf(other, u.unless.field) === u.unless.value) {
          this.logger.info(`kept the change of ${what}: ${u.unless.kind} ${u.unless.name} already has ${u.unless.field} ${u.unless.value}`);
          return;
        }
      }
      let resourceVersion = result.metadata.resourceVersion;
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await cache.client.request('PATCH', this.path(cache, w.kind, ns, w.name), {
            body: { ...u.patch, metadata: { ...(u.patch.metadata as object), resourceVersion } },
            contentType: 'application/merge-patch+json',
          });
          return;
        } catch (e) {
          if (!(e instanceof KubeRequestError && e.statusCode === 409)) throw e;
          const current = await this.get(cache, w.kind, ns, w.name);
          const annotations = current?.metadata.annotations ?? {};
          if (!current || Object.entries(u.whileAnnotations).some(([k, v]) => annotations[k] !== v)) {
            this.logger.warn(`did not undo the change of ${what} after a failed action: someone else changed it since`);
            return;
          }
          resourceVersion = current.metadata.resourceVersion;
        }
      }
      throw new Error('it kept changing');
    } catch (e) {
      this.logger.warn(`could not undo the change of ${what} after a failed action: ${(e as Error).message}`);
    }
  }

  /** Names of the OpenStackMachineTemplates the namespace's control planes, pools and machine sets point at. */
  private async templateReferences(cache: ManagementClusterCache, ns: string): Promise<Set<string>> {
    const kinds = (['KubeadmControlPlane', 'MachineDeployment', 'MachineSet'] as const).filter(k => cache.apiVersionOf(k));
    const lists = await Promise.all(
      kinds.map(k => cache.client.request<{ items?: KubeObject[] }>('GET', this.path(cache, k, ns))),
    );
    const names = lists.flatMap((l, i) =>
      (l.items ?? []).map(o => (kinds[i] === 'KubeadmControlPlane' ? kcpTemplateName(o) : mdTemplateName(o))),
    );
    return new Set(names.filter((n): n is string => !!n));
  }

  /**
   * Deletes templates this request created that nothing references, each
   * conditional on its uid and resourceVersion as created. A request that
   * reused one meanwhile may point at it only after the check: references
   * are checked again after the deletes, and a template referenced by then
   * is created again (same name, same spec).
   */
  private async removeUnreferenced(cache: ManagementClusterCache, ns: string, created: KubeObject[]) {
    if (!created.length) return;
    const warn = (what: string, e: unknown) =>
      this.logger.warn(`after a failed action, could not ${what}: ${(e as Error).message}`);
    let referenced: Set<string>;
    try {
      referenced = await this.templateReferences(cache, ns);
    } catch (e) {
      warn(`check what references ${created.map(t => t.metadata.name).join(', ')} (kept)`, e);
      return;
    }
    const deleted: KubeObject[] = [];
    for (const t of created) {
      const { name, uid, resourceVersion } = t.metadata;
      if (referenced.has(name)) {
        this.logger.info(`kept OpenStackMachineTemplate ${ns}/${name} after a failed action: it is in use`);
        continue;
      }
      try {
        await cache.client.request('DELETE', this.path(cache, 'OpenStackMachineTemplate', ns, name), {
          body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid, resourceVersion } },
        });
        deleted.push(t);
      } catch (e) {
        // 409: changed or replaced since; 404: gone already.
        if (!(e instanceof KubeRequestError && (e.statusCode === 409 || e.statusCode === 404))) {
          warn(`remove OpenStackMachineTemplate ${name}`, e);
        }
      }
    }
    if (!deleted.length) return;
    try {
      const now = await this.templateReferences(cache, ns);
      await this.restoreMissing(cache, ns, deleted.filter(t => now.has(t.metadata.name)));
    } catch (e) {
      warn('check the references again', e);
    }
  }

  /** Creates again templates that were removed although something points at them. */
  private async restoreMissing(cache: ManagementClusterCache, ns: string, templates: KubeObject[]) {
    for (const t of templates) {
      const name = t.metadata.name;
      try {
        if (await this.get(cache, 'OpenStackMachineTemplate', ns, name)) continue;
        const { labels, annotations, ownerReferences } = t.metadata as any;
        await cache.client.request('POST', this.path(cache, 'OpenStackMachineTemplate', ns), {
          body: {
            apiVersion: cache.apiVersionOf('OpenStackMachineTemplate')!.apiVersion,
            kind: 'OpenStackMachineTemplate',
            metadata: { name, namespace: ns, labels, annotations, ownerReferences },
            spec: t.spec,
          },
        });
        this.logger.warn(`created OpenStackMachineTemplate ${ns}/${name} again: a failed request had removed it while it came into use`);
      } catch (e) {
        if (e instanceof KubeRequestError && e.statusCode === 409) continue;
        this.logger.warn(`OpenStackMachineTemplate ${ns}/${name} is in use but missing, and could not be created again: ${(e as Error).message}`);
      }
    }
  }

  private async write(
    cache: ManagementClusterCache,
    method: string,
    path: string,
    body: unknown,
    kind: string,
    name: string,
    contentType?: string,
  ): Promise<KubeObject> {
    try {
      return await cache.client.request<KubeObject>(method, path, { body, contentType });
    } catch (e) {
      throw mapKubeError(e, kind, name);
    }
  }

  /** `GET .../upgrades`, from the watch cache (a read for the UI). */
  async upgrades(ref: ClusterRef): Promise<UpgradesResponse> {
    const cache = this.cacheOf(ref);
    const objs = cache.objectsOf(`${ref.namespace}/${ref.name}`);
    if (!objs) throw new NotFoundError(`Cluster ${ref.namespace}/${ref.name} not found`);
    const cluster = objs.cluster;
    const classNs = cluster.spec?.topology?.classRef?.namespace ?? cluster.spec?.topology?.classNamespace ?? ref.namespace;
    const className = classNameOf(cluster);
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

  /**
   * One pass of the plain-cluster upgrade orchestration over the cache:
   * clusters carrying UPGRADE_ANNOTATION get their next step. Conflicts
   * (another replica, a stale cache) and outages are left to the next pass;
   * a step the management cluster refuses (422: admission, validation) stops
   * the orchestration with UPGRADE_FAILED_ANNOTATION instead of retrying it
   * forever.
   */
  async reconcileUpgrades(only?: readonly ClusterRef[]): Promise<number> {
    let steps = 0;
    for (const cfg of this.clusters.managementClusters().map(m => m.name)) {
      const cache = this.clusters.cache(cfg);
      if (!cache) continue;
      // `only`: the clusters whose objects just changed; else every cluster.
      const keys = only?.filter(r => r.managementCluster === cfg).map(r => `${r.namespace}/${r.name}`);
      for (const key of keys ?? cache.clusterNames()) {
        const [ns, name] = key.split('/');
        const cached = cache.get('Cluster', ns, name);
        const target = cached?.metadata.annotations?.[UPGRADE_ANNOTATION];
        if (!target || this.stoppedInCache(cache, key)) continue;
        let message = 'loading';
        try {
          // The cache strips specs (templates above all): plan from the API server's objects.
          const live = await this.load({ managementCluster: cfg, namespace: ns, name });
          const step = planUpgradeStep(live, this.context());
          message = step.message;
          if (!step.writes.length) continue;
          await this.execute(cache, ns, step.writes, false);
          steps++;
          this.logger.info(`upgrade of ${cfg}/${key} to ${target}: ${step.message}`);
        } catch (e) {
          const status = (e as any).statusCode ?? (e instanceof ConflictError ? 409 : undefined);
          if (status === 422) {
            await this.stopUpgrade(cache, ns, name, target, `${message}: ${(e as Error).message}`);
          } else if (status !== 409) {
            this.logger.warn(`upgrade of ${cfg}/${key}: ${(e as Error).message}`);
          }
        }
      }
    }
    return steps;
  }

  /** A stopped upgrade waits for a retry, unless it is complete anyway (then the step removes the annotations). */
  private stoppedInCache(cache: ManagementClusterCache, key: string): boolean {
    const objs = cache.objectsOf(key);
    if (!objs?.cluster.metadata.annotations?.[UPGRADE_FAILED_ANNOTATION]) return false;
    const progress = upgradeProgress({ ...objs, machineTemplates: [] });
    return progress?.phase !== 'done';
  }

  /**
   * Records why the upgrade to `target` stopped, on the Cluster as re-read
   * (only while it still asks for `target`), so that `GET .../upgrades`
   * shows it and the reconciler leaves it alone until a retry.
   */
  private async stopUpgrade(cache: ManagementClusterCache, ns: string, name: string, target: string, reason: string) {
    const short = reason.length > 300 ? `${reason.slice(0, 297)}...` : reason;
    const what = `upgrade of ${cache.name}/${ns}/${name} to ${target}`;
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const cluster = await this.get(cache, 'Cluster', ns, name);
        if (cluster?.metadata.annotations?.[UPGRADE_ANNOTATION] !== target) return;
        try {
          await cache.client.request('PATCH', this.path(cache, 'Cluster', ns, name), {
            body: { metadata: { resourceVersion: cluster.metadata.resourceVersion, annotations: { [UPGRADE_FAILED_ANNOTATION]: short } } },
            contentType: 'application/merge-patch+json',
          });
          this.logger.warn(`${what} stopped: ${short}`);
          return;
        } catch (e) {
          if (!(e instanceof KubeRequestError && e.statusCode === 409)) throw e;
        }
      }
      throw new Error('the Cluster kept changing');
    } catch (e) {
      this.logger.warn(`${what} failed (${short}) and could not be marked as stopped: ${(e as Error).message}`);
    }
  }
}

function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function fieldOf(obj: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<any>((o, k) => o?.[k], obj);
}

/** Whether every field of `want` has the same value in `have` (the server may add defaults). */
function isSubset(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && want.length === have.length && want.every((w, i) => isSubset(w, have[i]));
  }
  if (want && typeof want === 'object') {
    return !!have && typeof have === 'object' && Object.entries(want).every(([k, v]) => isSubset(v, (have as any)[k]));
  }
  return want === have;
}

/** Drops the objects the API server quotes in its messages (a merge patch's whole result). */
function readable(message: string): string {
  const short = message.replace(/Invalid value: "(?:[^"\\]|\\.){80,}"/g, 'Invalid value').replace(/\s+/g, ' ').trim();
  return short.length > 300 ? `${short.slice(0, 297)}...` : short;
}

/** API server errors as readable messages (no request paths, no raw Status objects). */
export function mapKubeError(e: unknown, kind: string, name: string): Error {
  if (!(e instanceof KubeRequestError)) return e as Error;
  const what = `${kind} ${name}`;
  const message = e.status?.message || e.reason || `status ${e.statusCode}`;
  if (e.statusCode === 0) return new ServiceUnavailableError(`the management cluster is unreachable (${what})`);
  if (/admission webhook|ValidatingAdmissionPolicy .* denied request/i.test(message)) {
    const reason = message.replace(/^.*denied (?:the )?request:\s*/i, '');
    return new UnprocessableError(`${what} was refused by the management cluster's admission control: ${readable(reason)}`);
  }
  // fieldValidation=Strict: a field this CAPI version does not have.
  const unknown = [...new Set([...message.matchAll(/unknown field "([^"]+)"/g)].map(m => m[1]))];
  if (unknown.length) {
    return new UnprocessableError(
      `${what}: this management cluster's Cluster API version does not support ${unknown.join(', ')}`,
    );
  }
  switch (e.statusCode) {
    case 409:
      if (e.reason === 'AlreadyExists') return new ConflictError(`${what} already exists`);
      return new ConflictError(`${what} was changed since you loaded it: reload and try again`);
    case 404:
      return new NotFoundError(`${what} no longer exists`);
    case 422: {
      const causes: Array<{ field?: string; message?: string }> = e.status?.details?.causes ?? [];
      const detail = causes.length
        ? causes.map(c => `${c.field ?? ''}${c.field ? ': ' : ''}${c.message ?? ''}`).join('; ')
        : message;
      return new UnprocessableError(`${what} is invalid: ${readable(detail)}`);
    }
    case 400:
      return new UnprocessableError(`${what} was refused: ${readable(message)}`);
    case 403:
      return new UpstreamError(`the backend's credentials for the management cluster may not change ${what}`);
    default:
      return new UpstreamError(`the management cluster answered ${e.statusCode} for ${what}`);
  }
}

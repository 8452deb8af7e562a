/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Creating workload clusters: validation against configuration and the
// cached ClusterClass, rendering, then server-side apply (or render only).
// The router authorizes and audits; this class does the work.

import {
  CAPI_GROUP,
  CreateClusterRequest,
  CreateClusterResponse,
  CreateOptionsResponse,
  INFRA_GROUP,
  PreflightResult,
  REQUESTED_BY_ANNOTATION,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CreateScope } from '../permissions/access';
import { ActionsConfig } from '../actionsConfig';
import { OpenStackService } from '../openstack/OpenStackService';
import { refusalMessage } from '../plans/preflight';
import { createRequirements } from '../plans/requirements';
import { ClusterService } from '../clusters/ClusterService';
import { applyManifests, checkTargets } from './applyManifests';
import { AuthorizedCreateRequest } from './authorizeCreate';
import { Manifest, renderManifests, RenderApiVersions } from './renderManifests';
import { classVariables, validateCreateRequest, workerClasses } from './validateCreateRequest';
import { UnprocessableError } from '../errors';

const CAPI_V1BETA2 = `${CAPI_GROUP}/v1beta2`;
const CAPO_V1BETA1 = `${INFRA_GROUP}/v1beta1`;

export class CreateService {
  constructor(
    private readonly clusters: ClusterService,
    private readonly config: Pick<ActionsConfig, 'flavors' | 'kubernetesVersions' | 'maxPoolReplicas' | 'classVariables'>,
    private readonly managementClusterNames: Array<{ name: string; title: string }>,
    /** Preflight against the cloud of the request's identity; none when absent. */
    private readonly openstack?: OpenStackService,
  ) {}

  /** Whether clusters can be created in a management cluster (API versions it serves). */
  support(name: string): { supported: boolean; message?: string; apiVersions?: RenderApiVersions } {
    const cache = this.clusters.cache(name);
    if (!cache) return { supported: false, message: `management cluster "${name}" is not configured` };
    const cluster = cache.apiVersionOf('Cluster')?.apiVersion;
    const infra = cache.apiVersionOf('OpenStackCluster')?.apiVersion;
    if (!cluster || !infra) {
      return { supported: false, message: `management cluster "${name}" has not been discovered yet (API server unreachable or still syncing)` };
    }
    if (cluster !== CAPI_V1BETA2) {
      return {
        supported: false,
        message: `management cluster "${name}" serves Cluster API ${cluster}; creating clusters needs ${CAPI_V1BETA2} (CAPI v1.11 or newer)`,
      };
    }
    if (infra !== CAPO_V1BETA1) {
      return { supported: false, message: `management cluster "${name}" serves ${infra}; creating clusters needs ${CAPO_V1BETA1} (CAPO v0.10 to v0.14)` };
    }
    return { supported: true, apiVersions: { capi: 'v1beta2', infrastructure: infra } };
  }

  private clusterClassOf(req: CreateClusterRequest) {
    if (req.mode !== 'clusterClass' || !req.clusterClass?.name) return undefined;
    return this.clusters.cache(req.managementCluster)?.clusterClass(req.namespace, req.clusterClass.name);
  }

  /** Validates and renders; throws 422 naming every bad field. */
  render(req: CreateClusterRequest): Manifest[] {
    const clusterClass = this.clusterClassOf(req);
    const problems = validateCreateRequest(req, {
      managementClusters: new Map(this.managementClusterNames.map(m => [m.name, this.support(m.name)])),
      clusterClass,
      flavors: this.config.flavors,
      kubernetesVersions: this.config.kubernetesVersions,
      maxPoolReplicas: this.config.maxPoolReplicas,
      classVariables: this.config.classVariables,
    });
    if (problems.length) throw new UnprocessableError(problems.map(p => p.message).join('; '));
    return renderManifests({
      request: req,
      clusterClass,
      configuredImage: this.config.kubernetesVersions.find(v => v.version === req.kubernetesVersion)?.image,
      classVariables: this.config.classVariables,
      apiVersions: this.support(req.managementCluster).apiVersions,
    });
  }

  /** Whether the backend serves the namespace (the management cluster's allow-list; unknown ones are refused by validation). */
  servesNamespace(managementCluster: string, namespace: string): boolean {
    const cache = this.clusters.cache(managementCluster);
    return !cache || !cache.config.namespaces || cache.config.namespaces.includes(namespace);
  }

  /**
   * Creates (or dry-runs) a cluster the caller was authorized for. Only
   * creates: an existing cluster is a 409 unless it is an identical retry of
   * the same caller's request.
   */
  async create(req: AuthorizedCreateRequest, dryRun: boolean, requestedBy: string): Promise<CreateClusterResponse> {
    const manifests = this.render(req).map(m => ({
      ...m,
      metadata: { ...m.metadata, annotations: { ...(m.metadata.annotations ?? {}), [REQUESTED_BY_ANNOTATION]: requestedBy } },
    }));
    const client = this.clusters.cache(req.managementCluster)!.client;
    const existing = await checkTargets(client, manifests, {
      namespace: req.namespace,
      secretName: req.identity.secretName,
      requestedBy,
    });
    // A retry of a cluster that exists asks nothing new of the cloud.
    let preflight: PreflightResult | undefined;
    const clusterExists = manifests.some(m => m.kind === 'Cluster' && existing.has(m));
    const resuming = existing.size > 0 && !clusterExists;
    if (this.openstack && (existing.size === 0 || resuming)) {
      preflight = await this.openstack.preflight(
        req.managementCluster,
        req.namespace,
        req.identity,
        createRequirements(req, this.config),
      );
      if (preflight.status === 'fail' && !dryRun) {
        if (!req.force) throw new UnprocessableError(refusalMessage(preflight));
        preflight = { ...preflight, forced: true };
      }
    }
    const result = await applyManifests(client, manifests, existing, dryRun);
    const where = `${req.namespace}/${req.name} in ${req.managementCluster}`;
    let message: string;
    if (clusterExists) message = `Cluster ${where} already exists as requested; nothing changed.`;
    else if (dryRun) message = `Dry run: the API server accepted the ${manifests.length} objects of cluster ${where}; nothing was created.`;
    else if (!result.changed) message = `Cluster ${where} already exists as requested; nothing changed.`;
    else if (existing.size === 0) message = `Created cluster ${where} (${manifests.length} objects).`;
    else message = `Created cluster ${where}: completed an interrupted create (${result.objects.filter(o => o.changed).length} objects written).`;
    return {
      cluster: { managementCluster: req.managementCluster, namespace: req.namespace, name: req.name },
      dryRun,
      changed: result.changed,
      message,
      objects: result.objects,
      manifests: dryRun && !clusterExists ? result.applied.map(stripServerFields) : manifests,
      ...(preflight ? { preflight } : {}),
    };
  }

  renderOnly(req: CreateClusterRequest): CreateClusterResponse {
    const manifests = this.render(req);
    return {
      cluster: { managementCluster: req.managementCluster, namespace: req.namespace, name: req.name },
      dryRun: false,
      changed: false,
      message: `Rendered ${manifests.length} objects of cluster ${req.namespace}/${req.name} for ${req.managementCluster}.`,
      objects: manifests.map(m => ({ apiVersion: m.apiVersion, kind: m.kind, name: m.metadata.name })),
      manifests,
    };
  }

  /**
   * What the create form may offer this caller: the management clusters and
   * ClusterClasses of the namespaces it may create in (all for an
   * unconditional allow), and those namespaces as far as the backend knows
   * them (its allow-list, else the namespaces it has seen clusters or
   * ClusterClasses in).
   */
  options(scope?: CreateScope): CreateOptionsResponse {
    const namespaces: NonNullable<CreateOptionsResponse['namespaces']> = [];
    const visible = new Set<string>();
    for (const m of this.managementClusterNames) {
      const cache = this.clusters.cache(m.name);
      if (!cache) continue;
      for (const namespace of cache.config.namespaces ?? cache.knownNamespaces()) {
        if (scope && !scope.allowsNamespace(m.name, namespace)) continue;
        namespaces.push({ managementCluster: m.name, namespace });
        visible.add(m.name);
      }
    }
    const everything = !scope || scope.unconditional;
    const managementClusters = this.managementClusterNames
      .filter(m => everything || visible.has(m.name))
      .map(m => {
        const s = this.support(m.name);
        return { name: m.name, title: m.title, supported: s.supported, ...(s.message ? { message: s.message } : {}) };
      });
    const clusterClasses: CreateOptionsResponse['clusterClasses'] = [];
    for (const mc of managementClusters) {
      const cache = this.clusters.cache(mc.name);
      if (!cache || !mc.supported) continue;
      for (const cc of cache.clusterClasses()) {
        const namespace = cc.metadata.namespace ?? '';
        if (!everything && !scope!.allowsNamespace(mc.name, namespace)) continue;
        clusterClasses.push({
          managementCluster: mc.name,
          namespace,
          name: cc.metadata.name,
          kubernetesVersions: cc.spec?.kubernetesVersions ?? [],
          workerClasses: workerClasses(cc),
          variables: [...classVariables(cc)].map(([name, v]) => ({ name, required: v.required, schema: v.schema })),
        });
      }
    }
    return {
      managementClusters,
      namespaces,
      ...(scope?.defaultOwner ? { defaultOwner: scope.defaultOwner } : {}),
      kubernetesVersions: this.config.kubernetesVersions.map(v => v.version),
      flavors: this.config.flavors ?? [],
      clusterClasses,
    };
  }
}

/** Dry-run answers without the server's bookkeeping (managedFields, uid...). */
function stripServerFields(m: Manifest): Manifest {
  const copy: any = structuredClone(m);
  for (const f of ['managedFields', 'uid', 'resourceVersion', 'creationTimestamp', 'generation']) delete copy.metadata[f];
  delete copy.status;
  return copy;
}

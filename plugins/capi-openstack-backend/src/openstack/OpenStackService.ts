/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// OpenStack lists and preflight per management cluster + namespace +
// identity (the Secret holding clouds.yaml and the cloud in it). Lists are
// cached briefly per identity so that pickers and dry runs do not fan out to
// the cloud on every request; a failed lookup falls back to configured lists.

import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  type ClusterRef,
  INFRA_GROUP,
  type OpenStackResourcesResponse,
  type ServerConsoleResponse,
  type PreflightResult,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ActionsConfig } from '../actionsConfig';
import { ClusterService } from '../clusters/ClusterService';
import { parseCloudsYaml } from './cloudsYaml';
import { EgressPolicy, NO_EGRESS_MESSAGE } from './egress';
import { Identity, identityOfCluster, selectorMatches } from './identity';
import { OpenStackClient } from './OpenStackClient';
import { OpenStackConfig } from './openstackConfig';
import { ChangeRequirements, runPreflight } from '../plans/preflight';
import { readCloudLists } from './resources';
import { KubeRequestError, OpenStackError, UnprocessableError } from '../errors';

interface Cached {
  at: number;
  value: Promise<OpenStackResourcesResponse>;
}

/** The identity of a cluster that names none. */
const NO_IDENTITY: Identity = { secretName: '', cloudName: '' };
/** How old the quota a preflight reads may be. */
const PREFLIGHT_MAX_AGE_MS = 10_000;
/** Identities remembered (lists, warnings) before old entries are dropped. */
const MAX_ENTRIES = 500;

export class OpenStackService {
  private readonly lists = new Map<string, Cached>();
  private readonly warned = new Map<string, string>();

  constructor(
    private readonly clusters: ClusterService,
    private readonly config: OpenStackConfig,
    private readonly actionsConfig: Pick<ActionsConfig, 'flavors' | 'kubernetesVersions'>,
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Drops answers older than the cache time once the maps grow (identities come and go). */
  private prune() {
    if (this.lists.size < MAX_ENTRIES && this.warned.size < MAX_ENTRIES) return;
    const cutoff = this.now() - this.config.cacheMs;
    for (const [k, v] of this.lists) if (v.at < cutoff) this.lists.delete(k);
    if (this.warned.size >= MAX_ENTRIES) this.warned.clear();
  }

  /** Whether the backend watches `namespace` of the management cluster (its allow-list, if any). */
  servesNamespace(managementCluster: string, namespace: string): boolean {
    const cache = this.clusters.cache(managementCluster);
    if (!cache) return false;
    return !cache.config.namespaces || cache.config.namespaces.includes(namespace);
  }

  /** The identity of a cached cluster (404 when the cluster is unknown). */
  identityOf(ref: ClusterRef): Identity | undefined {
    const objs = this.clusters.cache(ref.managementCluster)?.objectsOf(`${ref.namespace}/${ref.name}`);
    if (!objs) throw new NotFoundError(`Cluster ${ref.namespace}/${ref.name} not found`);
    return identityOfCluster(objs.cluster, objs.openStackCluster);
  }

  /** The configured lists, answered when the cloud cannot be reached. */
  fallback(identity: Identity, message: string): OpenStackResourcesResponse {
    const f = this.config.fallback;
    return {
      available: false,
      source: 'config',
      message,
      identity,
      flavors: (this.actionsConfig.flavors ?? []).map(name => ({ id: name, name })),
      images: this.actionsConfig.kubernetesVersions.map(v => ({ id: v.image, name: v.image, tags: [], kubernetesVersion: v.version })),
      networks: f.externalNetworks.map(name => ({ id: name, name, external: true })),
      keyPairs: f.keyPairs.map(name => ({ name })),
      availabilityZones: f.availabilityZones.map(name => ({ name, available: true })),
      quotas: [],
    };
  }

  /**
   * Where the clouds.yaml of an identity is: the Secret in the namespace, or
   * the one an OpenStackClusterIdentity names, if its namespaceSelector
   * admits the namespace (as CAPO checks).
   */
  private async secretLocation(managementCluster: string, namespace: string, identity: Identity) {
    if (identity.type !== 'ClusterIdentity') return { namespace, name: identity.secretName };
    const client = this.clusters.cache(managementCluster)!.client;
    const what = `OpenStackClusterIdentity ${identity.secretName}`;
    let obj: any;
    try {
      obj = await client.request('GET', `/apis/${INFRA_GROUP}/v1alpha1/openstackclusteridentities/${encodeURIComponent(identity.secretName)}`);
    } catch (e) {
      const status = e instanceof KubeRequestError ? e.statusCode : 0;
      if (status === 404) throw new OpenStackError(`the ${what} does not exist`, 404);
      if (status === 403) throw new OpenStackError(`the backend may not read the ${what} (RBAC)`, 403);
      throw new OpenStackError(`the ${what} could not be read from the management cluster`, 0);
    }
    const ref = obj?.spec?.secretRef;
    if (!ref?.name || !ref?.namespace) throw new OpenStackError(`the ${what} names no secretRef`, 422);
    if (obj.spec.namespaceSelector) {
      let ns: any;
      try {
        ns = await client.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}`);
      } catch {
        // Without the namespace's labels the selector cannot be checked: deny.
        throw new OpenStackError(`the labels of namespace ${namespace} could not be read to check the ${what}`, 403);
      }
      if (!selectorMatches(obj.spec.namespaceSelector, ns?.metadata?.labels ?? {})) {
        throw new OpenStackError(`the ${what} may not be used from namespace ${namespace} (its namespaceSelector)`, 403);
      }
    }
    return { namespace: String(ref.namespace), name: String(ref.name) };
  }

  private async readSecret(managementCluster: string, namespace: string, identity: Identity) {
    const cache = this.clusters.cache(managementCluster);
    if (!cache) throw new NotFoundError(`management cluster ${managementCluster} is not configured`);
    const location = await this.secretLocation(managementCluster, namespace, identity);
    const where = `${location.namespace}/${location.name}`;
    let secret: any;
    try {
      secret = await cache.client.request(
        'GET',
        `/api/v1/namespaces/${encodeURIComponent(location.namespace)}/secrets/${encodeURIComponent(location.name)}`,
      );
    } catch (e) {
      if (e instanceof KubeRequestError && e.statusCode === 404) {
        throw new OpenStackError(`the identity Secret ${where} does not exist`, 404);
      }
      if (e instanceof KubeRequestError && e.statusCode === 403) {
        throw new OpenStackError(`the backend may not read the identity Secret ${where} (RBAC)`, 403);
      }
      throw new OpenStackError(`the identity Secret ${where} could not be read from the management cluster`, 0);
    }
    const data = secret?.data ?? {};
    if (typeof data['clouds.yaml'] !== 'string') {
      throw new OpenStackError(`the identity Secret ${where} has no key clouds.yaml`, 422);
    }
    const decode = (v: string) => Buffer.from(v, 'base64').toString('utf8');
    try {
      return parseCloudsYaml(decode(data['clouds.yaml']), identity.cloudName, data.cacert ? decode(data.cacert) : undefined);
    } catch (e) {
      if (e instanceof UnprocessableError) throw new OpenStackError(`the identity Secret ${where}: ${e.message}`, 422);
      throw e;
    }
  }

  private async fetch(managementCluster: string, namespace: string, identity: Identity): Promise<OpenStackResourcesResponse> {
    // Read per call: the allow-list may be reloaded (followOpenStackConfig).
    const egress = new EgressPolicy(this.config.allowedAuthUrls);
    if (egress.empty) throw new OpenStackError(NO_EGRESS_MESSAGE, 403);
    const credentials = await this.readSecret(managementCluster, namespace, identity);
    // Before any request; the client checks again for each session and endpoint.
    egress.checkAuthUrl(credentials.authUrl, credentials.cloudName);
    const client = new OpenStackClient(credentials, { timeoutMs: this.config.timeoutMs, egress });
    const lists = await readCloudLists(client);
    if (lists.notes.length) {
      this.logger.debug(`OpenStack lookups for ${managementCluster}/${namespace}/${identity.secretName}: ${lists.notes.join('; ')}`);
    }
    const { notes, projectId, ...rest } = lists;
    const horizonUrl = this.config.horizon.find(h => credentials.authUrl.startsWith(h.authUrl))?.url;
    return {
      available: true,
      source: 'cloud',
      identity,
      cloud: { authUrl: credentials.authUrl, region: credentials.region, projectId, ...(horizonUrl ? { horizonUrl } : {}) },
      ...rest,
      ...(notes.length ? { message: notes.join('; ') } : {}),
      fetchedAt: new Date(this.now()).toISOString(),
    };
  }

  /**
   * Lists and quotas of an identity; `maxAgeMs` bounds how old a cached
   * answer may be (preflights ask for fresher quota than pickers).
   */
  async resources(
    managementCluster: string,
    namespace: string,
    identity: Identity,
    maxAgeMs = this.config.cacheMs,
  ): Promise<OpenStackResourcesResponse> {
    if (!this.config.enabled) {
      return this.fallback(identity, 'OpenStack lookups are turned off (capiOpenstack.openstack.enabled: false)');
    }
    const key = [managementCluster, namespace, identity.type ?? 'Secret', identity.secretName, identity.cloudName].join('\u0000');
    const cached = this.lists.get(key);
    if (cached && this.now() - cached.at <= maxAgeMs) return cached.value;
    const value = this.fetch(managementCluster, namespace, identity).then(
      r => {
        this.warned.delete(key);
        return r;
      },
      (e: unknown) => {
        // Failures are not cached: the next request tries again.
        if (this.lists.get(key)?.value === value) this.lists.delete(key);
        const message = e instanceof OpenStackError ? e.message : 'the OpenStack lookup failed';
        if (this.warned.get(key) !== message) {
          this.warned.set(key, message);
          this.logger.warn(`OpenStack lookups for ${managementCluster}/${namespace}/${identity.secretName}: ${message}`);
        }
        if (!(e instanceof OpenStackError)) this.logger.error('OpenStack lookup failed', e as Error);
        return this.fallback(identity, `${message}; showing the configured lists`);
      },
    );
    this.prune();
    this.lists.set(key, { at: this.now(), value });
    return value;
  }

  /**
   * A remote console of a cluster's server (Nova `os-remote-consoles`,
   * noVNC), asked with the cluster's own credentials. Never cached: each URL
   * carries a one-time token.
   */
  async serverConsole(ref: ClusterRef, instanceId: string): Promise<ServerConsoleResponse> {
    if (!this.config.enabled) throw new OpenStackError('OpenStack calls are turned off (capiOpenstack.openstack.enabled: false)', 404);
    const identity = this.identityOf(ref);
    if (!identity) throw new OpenStackError(`Cluster ${ref.name} names no identity (OpenStackCluster spec.identityRef)`, 422);
    const egress = new EgressPolicy(this.config.allowedAuthUrls);
    if (egress.empty) throw new OpenStackError(NO_EGRESS_MESSAGE, 403);
    const credentials = await this.readSecret(ref.managementCluster, ref.namespace, identity);
    egress.checkAuthUrl(credentials.authUrl, credentials.cloudName);
    const client = new OpenStackClient(credentials, { timeoutMs: this.config.timeoutMs, egress });
    const body = await client.request<any>('POST', 'compute', `/servers/${encodeURIComponent(instanceId)}/remote-consoles`, {
      body: { remote_console: { protocol: 'vnc', type: 'novnc' } },
      // os-remote-consoles needs compute microversion 2.6.
      headers: { 'OpenStack-API-Version': 'compute 2.6', 'X-OpenStack-Nova-API-Version': '2.6' },
    });
    const c = body?.remote_console;
    if (typeof c?.url !== 'string') throw new OpenStackError('Nova offered no console for the server', 404);
    return { url: c.url, protocol: String(c.protocol ?? 'vnc'), type: String(c.type ?? 'novnc') };
  }

  async resourcesOfCluster(ref: ClusterRef): Promise<OpenStackResourcesResponse> {
    const identity = this.identityOf(ref);
    if (!identity) {
      return this.fallback(
        NO_IDENTITY,
        `Cluster ${ref.name} names no identity (OpenStackCluster spec.identityRef); showing the configured lists`,
      );
    }
    return this.resources(ref.managementCluster, ref.namespace, identity);
  }

  /**
   * Preflight of a change, on quota read at most 10 s ago: the dry run a
   * person previews and the write they confirm see the same numbers.
   */
  async preflight(
    managementCluster: string,
    namespace: string,
    identity: Identity | undefined,
    requirements: ChangeRequirements,
  ): Promise<PreflightResult> {
    const cloud = identity
      ? await this.resources(managementCluster, namespace, identity, Math.min(PREFLIGHT_MAX_AGE_MS, this.config.cacheMs))
      : this.fallback(NO_IDENTITY, 'the cluster names no identity Secret');
    return runPreflight(requirements, cloud, { warnAboveRatio: this.config.warnAboveRatio });
  }
}

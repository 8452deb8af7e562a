/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The cloud lists of the create form: which identity the form names, fetching
// `GET /openstack/:mc/:ns/resources` once for all fields, and the pure rules
// each picker applies to the answer.

import { ApiHolder, discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import type {
  OpenStackImage,
  OpenStackNetwork,
  OpenStackResourcesResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { capiOpenstackApiRef, CapiOpenstackApi, OpenStackResourcesQuery } from '../api/CapiOpenstackApi';
import { CapiOpenstackClient } from '../api/CapiOpenstackClient';
import { placeOf } from './createOptions';

/**
 * `ui:options` every cloud picker understands.
 * @public
 */
export interface OpenStackPickerOptions {
  /** Form field holding the identity Secret's name (default `identitySecretName`). */
  secretField?: string;
  /** Form field holding the cloud of clouds.yaml (default `cloudName`; `openstack` when empty). */
  cloudField?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The identity the form names, or the fields still missing (by title, for the note). */
export function identityQuery(
  formData: Record<string, unknown> | undefined,
  options: OpenStackPickerOptions = {},
): { query: OpenStackResourcesQuery } | { missing: string[] } {
  const { managementCluster, namespace } = placeOf(formData);
  const secret = str(formData?.[options.secretField ?? 'identitySecretName']);
  const cloud = str(formData?.[options.cloudField ?? 'cloudName']) ?? 'openstack';
  if (managementCluster && namespace && secret) return { query: { managementCluster, namespace, secret, cloud } };
  const missing = [
    managementCluster ? '' : 'management cluster',
    namespace ? '' : 'namespace',
    secret ? '' : 'cloud credentials Secret',
  ].filter(Boolean);
  return { missing };
}

/** Cache key of a query. */
export function queryKey(q: OpenStackResourcesQuery): string {
  return JSON.stringify([q.managementCluster, q.namespace, q.secret, q.cloud]);
}

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; promise: Promise<OpenStackResourcesResponse> }>();

function clientOf(apis: ApiHolder): CapiOpenstackApi {
  const api = apis.get(capiOpenstackApiRef);
  if (api) return api;
  // Apps that register the fields without the plugin's API factory.
  const discoveryApi = apis.get(discoveryApiRef);
  const fetchApi = apis.get(fetchApiRef);
  if (!discoveryApi || !fetchApi) throw new Error('discovery and fetch APIs are required');
  return new CapiOpenstackClient({ discoveryApi, fetchApi });
}

/** The cloud lists of an identity, shared by the fields of a form for a while; failures are not kept. */
export function fetchOpenStackResources(apis: ApiHolder, query: OpenStackResourcesQuery): Promise<OpenStackResourcesResponse> {
  const key = queryKey(query);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.promise;
  let promise: Promise<OpenStackResourcesResponse>;
  try {
    promise = clientOf(apis).getOpenStackResources(query);
  } catch (e) {
    return Promise.reject(e);
  }
  cache.set(key, { at: Date.now(), promise });
  promise.catch(() => cache.delete(key));
  return promise;
}

/** For tests. */
export function clearOpenStackResourcesCache() {
  cache.clear();
}

/** One entry of a picker. */
export interface PickerItem {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Images for a Kubernetes version (all images when no version is chosen yet). */
export function imagesForVersion(images: OpenStackImage[], version: string | undefined): OpenStackImage[] {
  return version ? images.filter(i => i.kubernetesVersion === version) : images;
}

/**
 * `ui:options.namePrefix` (ClusterClass `imageName` variables that append the
 * version): the image name without its `-<version>` suffix; undefined when the
 * name does not end with it.
 */
export function imagePrefix(image: OpenStackImage, version: string | undefined): string | undefined {
  const v = version ?? image.kubernetesVersion;
  if (!v || !image.name.endsWith(`-${v}`)) return undefined;
  return image.name.slice(0, -(v.length + 1)) || undefined;
}

/**
 * Which networks a network picker lists.
 * @public
 */
export type NetworkKind = 'external' | 'tenant' | 'all';

export function networksOfKind(networks: OpenStackNetwork[], kind: NetworkKind = 'external'): OpenStackNetwork[] {
  if (kind === 'all') return networks;
  return networks.filter(n => n.external === (kind === 'external'));
}

/** Items for the values of a response a picker offers, with the form's value kept when it is not listed. */
export function withCurrent(items: PickerItem[], current: string | string[] | undefined): PickerItem[] {
  const values = (Array.isArray(current) ? current : [current]).filter((v): v is string => Boolean(v));
  const extra = values
    .filter(v => !items.some(i => i.value === v))
    .map(v => ({ value: v, label: `${v} (not in the list)` }));
  return [...extra, ...items];
}

/**
 * For validators: the cloud's lists for the identity in the form data when the
 * cloud answered; undefined (nothing to check against) otherwise.
 */
export async function liveResourcesFor(
  apis: ApiHolder,
  formData: Record<string, unknown> | undefined,
  options: OpenStackPickerOptions = {},
): Promise<OpenStackResourcesResponse | undefined> {
  const identity = identityQuery(formData, options);
  if (!('query' in identity)) return undefined;
  try {
    const response = await fetchOpenStackResources(apis, identity.query);
    return response.available ? response : undefined;
  } catch {
    return undefined;
  }
}

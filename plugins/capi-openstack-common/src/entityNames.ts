/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// How the catalog names a workload cluster: entity name and ref, location,
// and the path of its page in the app. The catalog module publishes the
// entities; the scaffolder actions and the frontend link to them.

import type { ClusterRef } from './api';
import { sha256Hex } from './sha256';
import { isDnsLabel, isDnsSubdomain } from './validation';

/** Catalog entity type of published workload clusters. @public */
export const CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';
/** Location type of the cluster entities (`capi-openstack:<mc>/<ns>/<name>`). @public */
export const LOCATION_TYPE = 'capi-openstack';

/** Maximum length of an entity name. */
const MAX_NAME_LENGTH = 63;
/** Hex digits of the hash suffix of shortened names (40 bits). */
const HASH_LENGTH = 10;

/**
 * The entity name of a workload cluster: `<mc>.<ns>.<name>`, for example
 * `prod-zrh.team-payments.pay-prod`.
 *
 * Management cluster and namespace names are DNS labels and cannot contain a
 * dot, so the first two dots separate the parts and two different clusters
 * never get the same readable name. When the readable name is longer than 63
 * characters (or a part is not a DNS name), it is shortened to a prefix and a
 * hash of the three parts: `<first 52 characters>-<10 hex digits>`.
 *
 * @public
 */
export function clusterEntityName(ref: ClusterRef): string {
  const { managementCluster: mc, namespace: ns, name } = ref;
  const readable = `${mc}.${ns}.${name}`;
  if (isDnsLabel(mc) && isDnsLabel(ns) && isDnsSubdomain(name) && readable.length <= MAX_NAME_LENGTH) {
    return readable;
  }
  const hash = sha256Hex(JSON.stringify([mc, ns, name])).slice(0, HASH_LENGTH);
  const prefix = readable
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .slice(0, MAX_NAME_LENGTH - 1 - HASH_LENGTH)
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return prefix ? `${prefix}-${hash}` : hash;
}

/** `resource:default/<entity name>` of a workload cluster. @public */
export function clusterEntityRef(ref: ClusterRef): string {
  return `resource:default/${clusterEntityName(ref)}`;
}

/**
 * The location (and the provider's location key) of a cluster entity:
 * `capi-openstack:<mc>/<ns>/<name>`.
 * @public
 */
export function clusterLocation(ref: ClusterRef): string {
  return `${LOCATION_TYPE}:${ref.managementCluster}/${ref.namespace}/${ref.name}`;
}

/** `<mc>/<ns>/<name>`, each part URI-encoded: a cluster's page below the plugin's fleet page. @public */
export function clusterPathSegments(ref: ClusterRef): string {
  return [ref.managementCluster, ref.namespace, ref.name].map(encodeURIComponent).join('/');
}

/** The path of the cluster's page in the app, below `app.baseUrl`. @public */
export function clusterPagePath(ref: ClusterRef): string {
  return `/capi-openstack/clusters/${clusterPathSegments(ref)}`;
}

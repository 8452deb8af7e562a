/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Pure mapping of a workload cluster summary to a catalog `Resource` entity.
 *
 * The entity holds only stable facts (identity, owner, Kubernetes version,
 * ClusterClass, Magnum flag): the verdict, reasons and replica counters change
 * all the time and would churn the catalog, so they stay in the plugin's own
 * views.
 */

import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  DEFAULT_NAMESPACE,
  Entity,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER_REF,
  ANNOTATION_MANAGEMENT_CLUSTER,
  CLUSTER_ENTITY_TYPE,
  ClusterRef,
  ClusterSummary,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { createHash } from 'node:crypto';

/** Entity label: `'true'` on clusters created by OpenStack Magnum. @public */
export const LABEL_MAGNUM = 'capi-openstack.dev/magnum';
/** Entity label: the ClusterClass of a classy cluster. @public */
export const LABEL_CLUSTER_CLASS = 'capi-openstack.dev/cluster-class';
/** Entity label: the desired Kubernetes version (changes on upgrades only). @public */
export const LABEL_KUBERNETES_VERSION = 'capi-openstack.dev/kubernetes-version';

/** Location type of the entities (`capi-openstack:<mc>/<ns>/<name>`). @public */
export const LOCATION_TYPE = 'capi-openstack';

/** Maximum length of an entity name. */
const MAX_NAME_LENGTH = 63;
/** Hex digits of the hash suffix of shortened names (40 bits). */
const HASH_LENGTH = 10;
/** Management cluster and namespace names: DNS-1123 labels (no dots). */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Cluster names: DNS-1123 subdomains. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Options of {@link clusterToEntity}. @public */
export interface ClusterEntityOptions {
  /** `app.baseUrl`: when given, the entity links to the cluster's page in the app. */
  appBaseUrl?: string;
  /** `spec.lifecycle` of every cluster entity. Default `production`. */
  lifecycle?: string;
  /** `spec.system` of every cluster entity, when given. */
  system?: string;
  /** Owner used when the summary's owner is not a valid entity ref. Default `group:default/platform`. */
  fallbackOwner?: string;
  /** Human readable name of the management cluster (for the description). */
  managementClusterTitle?: string;
}

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
  if (
    DNS_LABEL.test(mc) &&
    DNS_LABEL.test(ns) &&
    DNS_SUBDOMAIN.test(name) &&
    readable.length <= MAX_NAME_LENGTH
  ) {
    return readable;
  }
  const hash = createHash('sha256')
    .update(JSON.stringify([mc, ns, name]))
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const prefix = readable
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .slice(0, MAX_NAME_LENGTH - 1 - HASH_LENGTH)
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return prefix ? `${prefix}-${hash}` : hash;
}

/** `resource:default/<entity name>` of a workload cluster. @public */
export function clusterEntityRef(ref: ClusterRef): string {
  return stringifyEntityRef({ kind: 'Resource', namespace: DEFAULT_NAMESPACE, name: clusterEntityName(ref) });
}

/**
 * The location (and the provider's location key) of a cluster entity:
 * `capi-openstack:<mc>/<ns>/<name>`.
 * @public
 */
export function clusterLocation(ref: ClusterRef): string {
  return `${LOCATION_TYPE}:${ref.managementCluster}/${ref.namespace}/${ref.name}`;
}

/** The path of the cluster's page in the app, below `app.baseUrl`. @public */
export function clusterPagePath(ref: ClusterRef): string {
  return `/capi-openstack/clusters/${[ref.managementCluster, ref.namespace, ref.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** Whether `ref` is a full, valid entity ref such as `group:default/team-a`. */
function isValidOwnerRef(ref: string): boolean {
  try {
    const parsed = parseEntityRef(ref, { defaultKind: 'Group', defaultNamespace: DEFAULT_NAMESPACE });
    return (
      KubernetesValidatorFunctions.isValidObjectName(parsed.name) &&
      KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) &&
      /^[a-zA-Z][a-z0-9A-Z]*$/.test(parsed.kind)
    );
  } catch {
    return false;
  }
}

/** A label only when its value is a valid Kubernetes label value. */
function label(key: string, value: string | undefined): Record<string, string> {
  return value && KubernetesValidatorFunctions.isValidLabelValue(value) ? { [key]: value } : {};
}

/**
 * The catalog `Resource` entity of a workload cluster.
 * @public
 */
export function clusterToEntity(summary: ClusterSummary, options: ClusterEntityOptions = {}): Entity {
  const { managementCluster: mc, namespace: ns, name } = summary;
  const location = clusterLocation(summary);
  const pageUrl = options.appBaseUrl
    ? `${options.appBaseUrl.replace(/\/+$/, '')}${clusterPagePath(summary)}`
    : undefined;
  const owner = isValidOwnerRef(summary.owner)
    ? summary.owner
    : options.fallbackOwner ?? 'group:default/platform';
  const origin = summary.magnum ? ', created by OpenStack Magnum' : '';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: clusterEntityName(summary),
      namespace: DEFAULT_NAMESPACE,
      title: `${name} (${mc}/${ns})`,
      description:
        `Kubernetes workload cluster ${ns}/${name} managed by Cluster API on OpenStack ` +
        `in management cluster ${mc}${titleOf(mc, options.managementClusterTitle)}${origin}.`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_MANAGEMENT_CLUSTER]: mc,
        [ANNOTATION_CLUSTER_REF]: `${ns}/${name}`,
        ...(pageUrl ? { [ANNOTATION_VIEW_URL]: pageUrl } : {}),
      },
      labels: {
        ...(summary.magnum ? { [LABEL_MAGNUM]: 'true' } : {}),
        ...label(LABEL_CLUSTER_CLASS, summary.classy ? summary.className : undefined),
        ...label(LABEL_KUBERNETES_VERSION, summary.version),
      },
      tags: ['kubernetes', 'cluster-api', 'openstack', ...(summary.magnum ? ['magnum'] : [])],
      ...(pageUrl ? { links: [{ url: pageUrl, title: 'Cluster page', icon: 'dashboard' }] } : {}),
    },
    spec: {
      type: CLUSTER_ENTITY_TYPE,
      owner,
      lifecycle: options.lifecycle ?? 'production',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

/** ` (Title)` when the management cluster has a title other than its name. */
function titleOf(name: string, title: string | undefined): string {
  return title && title !== name ? ` (${title})` : '';
}

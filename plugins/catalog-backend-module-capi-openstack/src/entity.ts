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
} from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER_REF,
  ANNOTATION_MANAGEMENT_CLUSTER,
  CLUSTER_ENTITY_TYPE,
  ClusterSummary,
  clusterEntityName,
  clusterLocation,
  clusterPagePath,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

// The naming is shared with the scaffolder actions and the frontend.
export {
  clusterEntityName,
  clusterEntityRef,
  clusterLocation,
  clusterPagePath,
  LOCATION_TYPE,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Entity label: `'true'` on clusters created by OpenStack Magnum. @public */
export const LABEL_MAGNUM = 'capi-openstack.dev/magnum';
/** Entity label: the ClusterClass of a classy cluster. @public */
export const LABEL_CLUSTER_CLASS = 'capi-openstack.dev/cluster-class';
/** Entity label: the desired Kubernetes version (changes on upgrades only). @public */
export const LABEL_KUBERNETES_VERSION = 'capi-openstack.dev/kubernetes-version';

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

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Catalog entity annotation: the management cluster a workload cluster lives in. @public */
export const ANNOTATION_MANAGEMENT_CLUSTER = 'capi-openstack.dev/management-cluster';
/** Catalog entity annotation: `<namespace>/<name>` of the CAPI Cluster object. @public */
export const ANNOTATION_CLUSTER_REF = 'capi-openstack.dev/cluster';

/** Label or annotation on a CAPI Cluster naming its Backstage owner (a group). @public */
export const OWNER_LABEL = 'capi-openstack.dev/owner';
/** Annotation that protects a cluster from deletion through the plugin. @public */
export const PROTECTED_ANNOTATION = 'capi-openstack.dev/protected';

/**
 * Label that marks a Secret (holding `clouds.yaml`) as an identity Secret:
 * only Secrets with `capi-openstack.dev/identity: "true"`, or named by an
 * OpenStackClusterIdentity whose namespaceSelector admits the namespace, can
 * be used for new clusters and their cloud lookups. @public
 */
export const IDENTITY_SECRET_LABEL = 'capi-openstack.dev/identity';
/** Value of {@link IDENTITY_SECRET_LABEL}. @public */
export const IDENTITY_SECRET_LABEL_VALUE = 'true';

/** Catalog entity type of published workload clusters. @public */
export const CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Kubernetes and catalog annotations: the ones CAPI defines, and this
// project's own `capi-openstack.dev/*` keys used by more than one package.

/** Annotation that pauses reconciliation of a Cluster (or another CAPI object). @public */
export const PAUSED_ANNOTATION = 'cluster.x-k8s.io/paused';
/** Annotation marking a Machine to delete first on scale-down. @public */
export const DELETE_MACHINE_ANNOTATION = 'cluster.x-k8s.io/delete-machine';
/** Cluster autoscaler: minimum size of a node group (MachineDeployment or topology pool). @public */
export const AUTOSCALER_MIN_ANNOTATION = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
/** Cluster autoscaler: maximum size of a node group. @public */
export const AUTOSCALER_MAX_ANNOTATION = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';
/** Annotation on an object cloned from a template: the template's name. @public */
export const CLONED_FROM_NAME_ANNOTATION = 'cluster.x-k8s.io/cloned-from-name';
/** Annotation on an object cloned from a template: the template's `Kind.group`. @public */
export const CLONED_FROM_GROUPKIND_ANNOTATION = 'cluster.x-k8s.io/cloned-from-groupkind';
/** Annotation on control-plane Machines: when their certificates expire. @public */
export const CERTIFICATES_EXPIRY_ANNOTATION = 'machine.cluster.x-k8s.io/certificates-expiry';
/** Annotation on MachineDeployments and MachineSets: the rollout revision. @public */
export const MD_REVISION_ANNOTATION = 'machinedeployment.clusters.x-k8s.io/revision';

/** Catalog entity annotation: the management cluster a workload cluster lives in. @public */
export const ANNOTATION_MANAGEMENT_CLUSTER = 'capi-openstack.dev/management-cluster';
/** Catalog entity annotation: `<namespace>/<name>` of the CAPI Cluster object. @public */
export const ANNOTATION_CLUSTER_REF = 'capi-openstack.dev/cluster';

/** Annotation that protects a cluster from deletion through the plugin. @public */
export const PROTECTED_ANNOTATION = 'capi-openstack.dev/protected';
/** Annotation on Clusters created through the plugin: `<created-by>` marker. @public */
export const CREATED_BY_ANNOTATION = 'capi-openstack.dev/created-by';
/** Value of {@link CREATED_BY_ANNOTATION}. @public */
export const CREATED_BY_VALUE = 'backstage-capi-openstack';
/**
 * Annotation on every object the plugin creates: the entity ref of the user
 * whose request created it. A retry is recognised by it; it is never shown
 * to other callers. @public
 */
export const REQUESTED_BY_ANNOTATION = 'capi-openstack.dev/requested-by';
/** Annotation on a plain Cluster whose Kubernetes upgrade the backend orchestrates: the target version. @public */
export const UPGRADE_ANNOTATION = 'capi-openstack.dev/upgrade-to';
/** Annotation on a Cluster whose orchestrated upgrade stopped: why. @public */
export const UPGRADE_FAILED_ANNOTATION = 'capi-openstack.dev/upgrade-failed';
/** Annotation naming the status snapshot (S1..S10) a demo cluster shows. @public */
export const SNAPSHOT_ANNOTATION = 'capi-openstack.dev/snapshot';
/**
 * On a hibernated Cluster: JSON {@link HibernationRecord}, what the worker
 * pools had before they were scaled to 0 (wake restores it). @public
 */
export const HIBERNATION_ANNOTATION = 'capi-openstack.dev/hibernated';
/** On a Cluster: JSON {@link HibernationSchedule}, when the backend hibernates and wakes it. @public */
export const HIBERNATION_SCHEDULE_ANNOTATION = 'capi-openstack.dev/hibernation-schedule';
/** On a Cluster: when it was last hibernated or woken (ISO 8601); a schedule acts only on later events. @public */
export const HIBERNATION_CHANGED_ANNOTATION = 'capi-openstack.dev/hibernation-changed-at';
/** On a Cluster: JSON {@link MaintenanceWindow}, when changes that disrupt it may run. @public */
export const MAINTENANCE_WINDOW_ANNOTATION = 'capi-openstack.dev/maintenance-window';
/** On a Cluster: JSON list of the operations waiting for its maintenance window. @public */
export const PENDING_OPERATIONS_ANNOTATION = 'capi-openstack.dev/pending-operations';

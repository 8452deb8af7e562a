/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterHealth, ClusterTree, ReplicaCounters, Verdict, VerdictReason } from './types';
import type { HibernationSchedule } from './actions';
import type { ClusterMaintenance } from './maintenance';

/** Sync state of one management cluster's watch cache. @public */
export type SyncState = 'syncing' | 'synced' | 'stale' | 'error';

/** A management cluster and the state of its cache. @public */
export interface ManagementClusterStatus {
  name: string;
  title: string;
  state: SyncState;
  /** ISO 8601: since when the state holds (for `stale`: since the watch broke). */
  since: string;
  /** Readable reason for `stale` and `error` (never contains credentials). */
  message?: string;
  /** Number of workload clusters known. */
  clusters: number;
  /** API versions discovered per kind, e.g. `{ Cluster: 'cluster.x-k8s.io/v1beta2' }`. */
  apiVersions: Record<string, string>;
  /** Requests this backend made to the management cluster since it started (lists, watches, writes). */
  apiRequests: number;
}

/** Identifies a workload cluster across management clusters. @public */
export interface ClusterRef {
  managementCluster: string;
  namespace: string;
  name: string;
}

/** One row of the fleet. @public */
export interface ClusterSummary extends ClusterRef {
  uid?: string;
  verdict: Verdict;
  /** The most important reasons, shortened. */
  reasons: Array<Pick<VerdictReason, 'severity' | 'message' | 'reason' | 'conditionType' | 'fix'> & { object: string }>;
  /** Set while the cluster is hibernated (worker pools at 0): since when, and by whom (`schedule` for a schedule). */
  hibernated?: { since?: string; by?: string };
  /** The cluster's hibernation schedule and its next change (ISO 8601), when it has one. */
  hibernationSchedule?: HibernationSchedule & { next?: { action: 'hibernate' | 'wake'; at: string } };
  /** Set when the cluster has a maintenance window or operations waiting for one. */
  maintenance?: ClusterMaintenance;
  /** Desired Kubernetes version. */
  version?: string;
  /** Versions running, control plane and workers together. */
  versions: string[];
  controlPlane: ReplicaCounters;
  workers: ReplicaCounters;
  /** Entity ref of the owner, e.g. `group:default/team-payments`. */
  owner: string;
  magnum: boolean;
  classy: boolean;
  className?: string;
  paused: boolean;
  phase?: string;
  /** ISO 8601 creation time. */
  createdAt?: string;
  /** resourceVersion of the Cluster object (for optimistic concurrency). */
  resourceVersion?: string;
}

/** `GET /clusters`. @public */
export interface ClusterListResponse {
  items: ClusterSummary[];
  /** Matching clusters before paging. */
  totalCount: number;
  /** Matching clusters per verdict (before paging). */
  verdictCounts: Partial<Record<Verdict, number>>;
  managementClusters: ManagementClusterStatus[];
}

/** `GET /clusters/:mc/:ns/:name`. @public */
export interface ClusterDetailResponse {
  summary: ClusterSummary;
  health: ClusterHealth;
  tree: ClusterTree;
  managementCluster: ManagementClusterStatus;
}

/** A Kubernetes Event or a condition transition of one of the cluster's objects. @public */
export interface ClusterTimelineEntry {
  /** ISO 8601. */
  time: string;
  source: 'event' | 'condition';
  type: 'Normal' | 'Warning';
  object: { kind: string; name: string };
  reason?: string;
  message?: string;
  /** Events: how many times it happened. */
  count?: number;
  /** Conditions: the condition type and its new status. */
  condition?: { type: string; status: string };
}

/** `GET /clusters/:mc/:ns/:name/events`. @public */
export interface ClusterEventsResponse {
  items: ClusterTimelineEntry[];
}

/** `GET /management-clusters`. @public */
export interface ManagementClustersResponse {
  items: ManagementClusterStatus[];
}

/**
 * Data of one server-sent event of `GET /stream` (event name `changes`):
 * summaries that changed or appeared, clusters removed, and management
 * cluster states, coalesced over a short window.
 * @public
 */
export interface StreamChanges {
  upserted: ClusterSummary[];
  removed: ClusterRef[];
  managementClusters: ManagementClusterStatus[];
}

/** Builds the `mc/ns/name` key of a cluster. @public */
export function clusterKey(ref: ClusterRef): string {
  return `${ref.managementCluster}/${ref.namespace}/${ref.name}`;
}

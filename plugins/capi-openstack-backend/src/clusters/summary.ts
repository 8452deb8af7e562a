/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  ClusterHealth,
  ClusterSummary,
  ClusterTree,
  hibernationOf,
  OWNER_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterObjects } from '../model';
import { nextScheduledChange, scheduleOf } from '../model/hibernationSchedule';
import { nextWindowStart, openWindow, windowOf } from '../model/maintenanceWindow';
import { operationView, storedOperationsOf } from '../plans/maintenance';

const MAX_REASONS = 3;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The owner of a workload cluster: the `capi-openstack.dev/owner` annotation
 * (an entity ref), else the label of the same name (a group name, since label
 * values cannot hold `:` or `/`), else the configured default.
 */
export function ownerOf(objs: ClusterObjects, defaultOwner: string): string {
  const meta = objs.cluster.metadata;
  const annotation = meta.annotations?.[OWNER_LABEL];
  if (annotation) return annotation.includes(':') ? annotation : `group:default/${annotation}`;
  const label = meta.labels?.[OWNER_LABEL];
  if (label) return `group:default/${label}`;
  return defaultOwner;
}

function hibernatedOf(objs: ClusterObjects, now: Date): Pick<ClusterSummary, 'hibernated' | 'hibernationSchedule'> {
  const record = hibernationOf(objs.cluster);
  const schedule = scheduleOf(objs.cluster);
  const out: Pick<ClusterSummary, 'hibernated' | 'hibernationSchedule'> = {};
  if (record) out.hibernated = { ...(record.at ? { since: record.at } : {}), ...(record.by ? { by: record.by } : {}) };
  if (schedule) {
    const next = nextScheduledChange(schedule, now);
    out.hibernationSchedule = { ...schedule, next: { action: next.action, at: next.at.toISOString() } };
  }
  return out;
}

function maintenanceOf(objs: ClusterObjects, now: Date): Pick<ClusterSummary, 'maintenance'> {
  const window = windowOf(objs.cluster);
  const pending = storedOperationsOf(objs.cluster).map(operationView);
  if (!window && pending.length === 0) return {};
  const open = window && openWindow(window, now);
  return {
    maintenance: {
      ...(window ? { window, nextStart: nextWindowStart(window, open ? open.end : now).toISOString() } : {}),
      ...(open ? { openUntil: open.end.toISOString() } : {}),
      pending,
    },
  };
}

/** One fleet row, from the model's tree and health. */
export function toSummary(
  managementCluster: string,
  objs: ClusterObjects,
  tree: ClusterTree,
  health: ClusterHealth,
  defaultOwner: string,
  now: Date = new Date(),
): ClusterSummary {
  const versions = [
    ...new Set(tree.versions.observed.map(v => v.version).filter(Boolean)),
  ].sort();
  return {
    managementCluster,
    namespace: tree.namespace,
    name: tree.name,
    uid: tree.uid,
    verdict: health.verdict,
    reasons: health.reasons
      .filter(r => r.severity !== 'info' || health.verdict === 'Healthy')
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      .slice(0, MAX_REASONS)
      .map(r => ({
        severity: r.severity,
        reason: r.reason,
        conditionType: r.conditionType,
        message: r.message && r.message.length > 240 ? `${r.message.slice(0, 237)}...` : r.message,
        object: `${r.object.kind}/${r.object.name}`,
        ...(r.fix ? { fix: r.fix } : {}),
      })),
    ...hibernatedOf(objs, now),
    ...maintenanceOf(objs, now),
    version: tree.versions.desired,
    versions,
    controlPlane: tree.counters.controlPlane,
    workers: tree.counters.workers,
    owner: ownerOf(objs, defaultOwner),
    magnum: tree.magnum.managed,
    classy: tree.classy,
    className: tree.topology?.className,
    paused: tree.paused,
    phase: tree.phase,
    createdAt: tree.createdAt,
    resourceVersion: (objs.cluster.metadata as { resourceVersion?: string }).resourceVersion,
  };
}

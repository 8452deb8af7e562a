/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Hibernation: every worker pool scaled to 0, what each had (replicas,
// autoscaler bounds) kept in the Cluster's annotation; wake restores it. On
// an OpenStack cloud an idle worker still holds quota and costs money; the
// control plane cannot go to 0 with kubeadm and keeps running.
//
// Plain clusters take several writes. Hibernate writes the record first and
// the pools after it; wake restores the pools first and removes the record
// last. A write that fails takes the earlier ones back, so a cluster is
// never left without the record of the pools it has scaled down.

import {
  AUTOSCALER_MAX_ANNOTATION,
  AUTOSCALER_MIN_ANNOTATION,
  HIBERNATION_ANNOTATION,
  HIBERNATION_CHANGED_ANNOTATION,
  hibernationOf,
  HIBERNATION_SCHEDULE_ANNOTATION,
  type HibernationSchedule,
  type HibernatedPool,
  type HibernationRecord,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { UnprocessableError } from '../errors';
import { nextScheduledChange, scheduleOf, scheduleProblems } from '../model/hibernationSchedule';
import { isClusterPaused } from '../model/links';
import { KubeObject } from '../model/objects';
import { autoscalerBounds, isClassy, topologyPools } from '../model/shapes';
import { ChangeRequirements } from './preflight';
import { scalePoolRequirements } from './requirements';
import { LiveObjects, PatchWrite, Plan, PlanContext } from './types';
import { findPool } from './lookups';
import { clusterPatch, objectPatch, primaryOf, withoutAutoscalerBounds } from './writes';

const NO_BOUNDS = { [AUTOSCALER_MIN_ANNOTATION]: null, [AUTOSCALER_MAX_ANNOTATION]: null };

function boundsOf(obj: any): HibernatedPool['autoscaler'] {
  const b = autoscalerBounds(obj);
  return b?.min !== undefined && b?.max !== undefined ? { min: b.min, max: b.max } : undefined;
}

/** The pools as they are now: topology pools for ClusterClass clusters, else MachineDeployments. */
function currentPools(objs: LiveObjects): HibernatedPool[] {
  const cluster = objs.cluster;
  if (isClassy(cluster)) {
    return topologyPools(cluster).map((p: any) => {
      const md = findPool(objs, p.name).md;
      const autoscaler = boundsOf(p);
      const replicas = p.replicas ?? md?.spec?.replicas ?? 0;
      return { name: p.name, replicas, ...(autoscaler ? { autoscaler } : {}) };
    });
  }
  return objs.machineDeployments.map(md => {
    const autoscaler = boundsOf(md);
    return { name: md.metadata.name, replicas: md.spec?.replicas ?? 0, ...(autoscaler ? { autoscaler } : {}) };
  });
}

function refusePaused(cluster: KubeObject, verb: string) {
  if (isClusterPaused(cluster)) {
    throw new UnprocessableError(`Cluster ${cluster.metadata.name} is paused: its pools would not follow; resume it before you ${verb} it`);
  }
}

const noOp = (action: Plan['action'], cluster: KubeObject, message: string): Plan => ({
  action,
  primary: primaryOf(cluster),
  writes: [],
  changes: [],
  message,
});

/** The record (or its removal) and the time of the change, which schedules count from. */
function recordPatch(record: HibernationRecord | null, now: Date) {
  return {
    metadata: {
      annotations: {
        [HIBERNATION_ANNOTATION]: record ? JSON.stringify(record) : null,
        [HIBERNATION_CHANGED_ANNOTATION]: now.toISOString(),
      },
    },
  };
}

/** The replicas a pool wakes to: its own, kept inside the bounds it had. */
function wakeReplicas(p: HibernatedPool): number {
  return p.autoscaler ? Math.min(p.autoscaler.max, Math.max(p.autoscaler.min, p.replicas)) : p.replicas;
}

export function planHibernate(objs: LiveObjects, ctx: PlanContext, by?: string): Plan {
  const cluster = objs.cluster;
  const name = cluster.metadata.name;
  const existing = hibernationOf(cluster);
  if (existing) return noOp('hibernate', cluster, `Cluster ${name} is already hibernated${existing.at ? ` (since ${existing.at})` : ''}.`);
  refusePaused(cluster, 'hibernate');
  const pools = currentPools(objs);
  if (pools.length === 0) throw new UnprocessableError(`Cluster ${name} has no worker pools to hibernate`);
  const record: HibernationRecord = { at: ctx.now.toISOString(), ...(by ? { by } : {}), pools };
  const changes: Plan['changes'] = [
    { kind: 'Cluster', name, field: `metadata.annotations[${HIBERNATION_ANNOTATION}]`, to: JSON.stringify(record) },
  ];
  const writes: PatchWrite[] = [];
  if (isClassy(cluster)) {
    const next = topologyPools(cluster).map((p: any) => ({ ...withoutAutoscalerBounds(p), replicas: 0 }));
    writes.push(clusterPatch(cluster, { ...recordPatch(record, ctx.now), spec: { topology: { workers: { machineDeployments: next } } } }));
    for (const p of pools) {
      changes.push({ kind: 'Cluster', name, field: `spec.topology.workers.machineDeployments[name=${p.name}].replicas`, from: p.replicas, to: 0 });
    }
  } else {
    writes.push({
      ...clusterPatch(cluster, recordPatch(record, ctx.now)),
      undo: {
        patch: {
          metadata: {
            annotations: {
              [HIBERNATION_ANNOTATION]: null,
              [HIBERNATION_CHANGED_ANNOTATION]: cluster.metadata.annotations?.[HIBERNATION_CHANGED_ANNOTATION] ?? null,
            },
          },
        },
        whileAnnotations: { [HIBERNATION_ANNOTATION]: JSON.stringify(record) },
      },
    });
    for (const md of objs.machineDeployments) {
      const p = pools.find(x => x.name === md.metadata.name)!;
      if (p.replicas === 0 && !p.autoscaler) continue;
      const restore = p.autoscaler
        ? { [AUTOSCALER_MIN_ANNOTATION]: String(p.autoscaler.min), [AUTOSCALER_MAX_ANNOTATION]: String(p.autoscaler.max) }
        : {};
      writes.push({
        ...objectPatch(md, { metadata: { annotations: NO_BOUNDS }, spec: { replicas: 0 } }),
        undo: { patch: { metadata: { annotations: restore }, spec: { replicas: p.replicas } }, whileAnnotations: {} },
      });
      changes.push({ kind: 'MachineDeployment', name: md.metadata.name, field: 'spec.replicas', from: p.replicas, to: 0 });
    }
  }
  const machines = pools.reduce((n, p) => n + p.replicas, 0);
  return {
    action: 'hibernate',
    primary: primaryOf(cluster),
    writes,
    changes,
    message: `Hibernated Cluster ${name}: ${pools.length} worker pool${pools.length === 1 ? '' : 's'} scaled to 0 (${machines} machine${machines === 1 ? '' : 's'} removed); the control plane keeps running. Wake restores them.`,
  };
}

export function planWake(objs: LiveObjects, ctx: PlanContext): Plan {
  const cluster = objs.cluster;
  const name = cluster.metadata.name;
  const record = hibernationOf(cluster);
  if (!record) return noOp('wake', cluster, `Cluster ${name} is not hibernated.`);
  refusePaused(cluster, 'wake');
  const changes: Plan['changes'] = [
    { kind: 'Cluster', name, field: `metadata.annotations[${HIBERNATION_ANNOTATION}]`, from: JSON.stringify(record) },
  ];
  const writes: PatchWrite[] = [];
  const gone: string[] = [];
  if (isClassy(cluster)) {
    const current = topologyPools(cluster);
    const next = current.map((p: any) => {
      const was = record.pools.find(x => x.name === p.name);
      if (!was) return p;
      const copy = structuredClone(p);
      if (was.autoscaler) {
        // The MachineDeployment webhook moves replicas into the bounds once they are set.
        copy.metadata = {
          ...copy.metadata,
          annotations: {
            ...copy.metadata?.annotations,
            [AUTOSCALER_MIN_ANNOTATION]: String(was.autoscaler.min),
            [AUTOSCALER_MAX_ANNOTATION]: String(was.autoscaler.max),
          },
        };
        delete copy.replicas;
      } else {
        copy.replicas = was.replicas;
      }
      changes.push({ kind: 'Cluster', name, field: `spec.topology.workers.machineDeployments[name=${p.name}].replicas`, from: p.replicas, to: copy.replicas });
      return copy;
    });
    gone.push(...record.pools.filter(p => !current.some((c: any) => c.name === p.name)).map(p => p.name));
    writes.push(clusterPatch(cluster, { ...recordPatch(null, ctx.now), spec: { topology: { workers: { machineDeployments: next } } } }));
  } else {
    for (const p of record.pools) {
      const md = objs.machineDeployments.find(m => m.metadata.name === p.name);
      if (!md) {
        gone.push(p.name);
        continue;
      }
      const replicas = wakeReplicas(p);
      const bounds = p.autoscaler
        ? { [AUTOSCALER_MIN_ANNOTATION]: String(p.autoscaler.min), [AUTOSCALER_MAX_ANNOTATION]: String(p.autoscaler.max) }
        : {};
      writes.push({
        ...objectPatch(md, { metadata: { annotations: bounds }, spec: { replicas } }),
        undo: { patch: { metadata: { annotations: NO_BOUNDS }, spec: { replicas: md.spec?.replicas ?? 0 } }, whileAnnotations: {} },
      });
      changes.push({ kind: 'MachineDeployment', name: p.name, field: 'spec.replicas', from: md.spec?.replicas, to: replicas });
    }
    writes.push(clusterPatch(cluster, recordPatch(null, ctx.now)));
  }
  const restored = record.pools.filter(p => !gone.includes(p.name));
  return {
    action: 'wake',
    primary: primaryOf(cluster),
    writes,
    changes,
    message: `Woke Cluster ${name}: ${
      restored.map(p => `pool ${p.name} back to ${p.autoscaler ? `autoscaler ${p.autoscaler.min}..${p.autoscaler.max}` : p.replicas}`).join(', ') ||
      'no pool to restore'
    }.${gone.length ? ` Pools no longer there: ${gone.join(', ')}.` : ''}`,
  };
}

/** What waking asks of the cloud: every pool's servers, created at once. */
export function wakeRequirements(objs: LiveObjects, ctx: PlanContext): ChangeRequirements {
  const record = hibernationOf(objs.cluster);
  const classy = isClassy(objs.cluster);
  const names = new Set(currentPools(objs).map(p => p.name));
  const groups = (record?.pools ?? [])
    .filter(p => names.has(p.name))
    .flatMap(p => {
      const replicas = p.autoscaler && classy ? p.autoscaler.min : wakeReplicas(p);
      return scalePoolRequirements(objs, p.name, replicas, ctx).phases.flat();
    });
  return { phases: [groups] };
}

/** Sets (or, with `null`, removes) the schedule; it acts only on events after now. */
export function planSetHibernationSchedule(objs: LiveObjects, schedule: HibernationSchedule | null, ctx: PlanContext): Plan {
  const cluster = objs.cluster;
  const name = cluster.metadata.name;
  const current = scheduleOf(cluster);
  const field = `metadata.annotations[${HIBERNATION_SCHEDULE_ANNOTATION}]`;
  if (schedule) {
    const problems = scheduleProblems(schedule);
    if (problems.length) throw new UnprocessableError(problems.join('; '));
  }
  const wanted = schedule ? { hibernate: schedule.hibernate.trim(), wake: schedule.wake.trim(), timeZone: schedule.timeZone } : undefined;
  if (JSON.stringify(wanted) === JSON.stringify(current)) {
    return noOp(
      'set-hibernation-schedule',
      cluster,
      wanted ? `Cluster ${name} already has this hibernation schedule.` : `Cluster ${name} has no hibernation schedule.`,
    );
  }
  const value = wanted ? JSON.stringify(wanted) : null;
  return {
    action: 'set-hibernation-schedule',
    primary: primaryOf(cluster),
    writes: [
      clusterPatch(cluster, {
        metadata: { annotations: { [HIBERNATION_SCHEDULE_ANNOTATION]: value, [HIBERNATION_CHANGED_ANNOTATION]: ctx.now.toISOString() } },
      }),
    ],
    changes: [{ kind: 'Cluster', name, field, from: current ? JSON.stringify(current) : undefined, to: value ?? undefined }],
    message: wanted
      ? `Cluster ${name} hibernates at "${wanted.hibernate}" and wakes at "${wanted.wake}" (${wanted.timeZone}); next: ${describeNext(wanted, ctx.now)}.`
      : `Removed the hibernation schedule of Cluster ${name}.`,
  };
}

function describeNext(s: HibernationSchedule, now: Date): string {
  const n = nextScheduledChange(s, now);
  return `${n.action} at ${n.at.toISOString()}`;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  buildDemoFleet,
  SEED_DELETE_ANNOTATION,
  SNAPSHOT_ANNOTATION,
  SNAPSHOT_IDS,
  type SeedObject,
  type SnapshotId,
} from '@internal/management-cluster';
import type { ClusterObjects, KubeObject } from '../objects';

/**
 * Test fixtures: the status snapshots S1..S10 of section 4 of the domain doc.
 * They are defined once, by the demo seed: snapshot Sn is the demo fleet's
 * cluster annotated `capi-openstack.dev/snapshot: Sn`, seeded at
 * {@link SNAPSHOT_NOW} and read back as the API server serves it.
 *
 * Tests derive variants with an {@link Overlay}: a condition in an overlay
 * replaces the condition of the same type on that object, other fields are
 * deep-merged, arrays replaced; a condition without `lastTransitionTime` gets
 * "5 minutes before now" (the doc's rule). Unnamed `machine` /
 * `machineDeployment` overlays hit the first control-plane Machine / the
 * first MachineDeployment.
 */

export { SNAPSHOT_IDS, type SnapshotId };

/** The doc's evaluation time, and the moment the fixtures are seeded. */
export const SNAPSHOT_NOW = new Date('2026-09-01T10:10:00Z');
const DEFAULT_LTT = new Date(SNAPSHOT_NOW.getTime() - 5 * 60_000).toISOString();

/** The doc's expected verdicts at {@link SNAPSHOT_NOW}. */
export const EXPECTED_VERDICTS: Record<SnapshotId, Verdict> = {
  S1: 'Progressing',
  S2: 'Healthy',
  S3: 'Progressing',
  S4: 'Progressing',
  S5: 'Failed',
  S6: 'Healthy',
  S7: 'Paused',
  S8: 'Deleting',
  S9: 'Degraded',
  S10: 'Progressing',
};

type Patch = Record<string, any>;
type NamedKind =
  | 'Machine'
  | 'OpenStackMachine'
  | 'OpenStackServer'
  | 'MachineDeployment';

/** Changes applied to a snapshot. */
export interface Overlay {
  cluster?: Patch;
  kubeadmControlPlane?: Patch;
  /** First MachineDeployment. */
  machineDeployment?: Patch;
  /** First control-plane Machine. */
  machine?: Patch;
  openStackCluster?: Patch;
  /** Patches of named objects. */
  objects?: Array<{ kind: NamedKind; name: string; patch: Patch }>;
}

const FLEET = buildDemoFleet({ now: SNAPSHOT_NOW });
const SEEDED_AT = SNAPSHOT_NOW.toISOString().replace(/\.\d{3}Z$/, 'Z');
const uidOf = (kind: string, name: string) => `uid-${kind}-${name}`;

/**
 * What the API server returns for a seed object once the applier created it
 * at {@link SNAPSHOT_NOW}: uid, generation, creation time, owner reference,
 * and the deletion the applier requests for objects marked to be deleted.
 */
function served(seed: SeedObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = structuredClone(
    seed.manifest,
  );
  const owner = seed.owner;
  return {
    ...rest,
    apiVersion,
    kind,
    metadata: {
      ...metadata,
      uid: uidOf(kind, metadata.name),
      generation: 1,
      creationTimestamp: SEEDED_AT,
      ...(metadata.annotations?.[SEED_DELETE_ANNOTATION] === 'true'
        ? { deletionTimestamp: SEEDED_AT }
        : {}),
      ...(owner
        ? {
            ownerReferences: [
              {
                ...owner,
                uid: uidOf(owner.kind, owner.name),
                ...(owner.controller ? { blockOwnerDeletion: true } : {}),
              },
            ],
          }
        : {}),
    },
    ...(seed.status ? { status: structuredClone(seed.status) } : {}),
  };
}

/** Groups one cluster's served objects as the model reads them, in seed order. */
function clusterObjects(seeds: SeedObject[]): ClusterObjects {
  const objs = seeds.map(served);
  const ofKind = (kind: string) => objs.filter(o => o.kind === kind);
  const [cluster] = ofKind('Cluster');
  if (!cluster) throw new Error('no Cluster among the seed objects');
  return {
    cluster,
    controlPlane: ofKind('KubeadmControlPlane')[0],
    machineDeployments: ofKind('MachineDeployment'),
    machineSets: ofKind('MachineSet'),
    machines: ofKind('Machine'),
    openStackCluster: ofKind('OpenStackCluster')[0],
    openStackMachines: ofKind('OpenStackMachine'),
    openStackServers: ofKind('OpenStackServer'),
    machineHealthChecks: ofKind('MachineHealthCheck'),
    kubeadmConfigs: ofKind('KubeadmConfig'),
    openStackMachineTemplates: ofKind('OpenStackMachineTemplate'),
  };
}

/** A demo fleet cluster (snapshot or not) as served at {@link SNAPSHOT_NOW}. */
export function buildFleetCluster(
  namespace: string,
  name: string,
): ClusterObjects {
  return clusterObjects(
    FLEET.filter(
      o =>
        o.manifest.metadata.namespace === namespace &&
        (o.manifest.kind === 'Cluster'
          ? o.manifest.metadata.name === name
          : o.manifest.metadata.labels?.['cluster.x-k8s.io/cluster-name'] ===
            name),
    ),
  );
}

function isPlainObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeConditions(base: any[], patch: any[]): any[] {
  const out = base.map(c => ({ ...c }));
  for (const c of patch) {
    const i = out.findIndex(x => x.type === c.type);
    if (i >= 0) out[i] = { ...c };
    else out.push({ ...c });
  }
  return out;
}

/** Deep merge; `conditions` arrays merge by type, other arrays are replaced. */
function merge(target: Record<string, any>, patch: Patch): void {
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'conditions' && Array.isArray(v) && Array.isArray(target[k])) {
      target[k] = mergeConditions(target[k], v);
    } else if (isPlainObject(v) && isPlainObject(target[k])) {
      merge(target[k], v);
    } else if (v === undefined) {
      delete target[k];
    } else {
      target[k] = structuredClone(v);
    }
  }
}

const NAMED_LISTS: Record<NamedKind, keyof ClusterObjects> = {
  Machine: 'machines',
  OpenStackMachine: 'openStackMachines',
  OpenStackServer: 'openStackServers',
  MachineDeployment: 'machineDeployments',
};

/** The first control-plane Machine. */
export function firstControlPlaneMachine(objs: ClusterObjects): KubeObject {
  const m = objs.machines.find(
    x => x.metadata.labels?.['cluster.x-k8s.io/control-plane'] !== undefined,
  );
  if (!m) throw new Error('no control-plane Machine in the fixture');
  return m;
}

/** Applies an overlay to a deep copy of `objs`. A patch value `undefined` deletes the field. */
export function applyOverlay(
  objs: ClusterObjects,
  overlay: Overlay,
): ClusterObjects {
  const out = structuredClone(objs);
  if (overlay.cluster) merge(out.cluster, overlay.cluster);
  if (overlay.kubeadmControlPlane)
    merge(out.controlPlane!, overlay.kubeadmControlPlane);
  if (overlay.machineDeployment)
    merge(out.machineDeployments[0], overlay.machineDeployment);
  if (overlay.machine) merge(firstControlPlaneMachine(out), overlay.machine);
  if (overlay.openStackCluster)
    merge(out.openStackCluster!, overlay.openStackCluster);
  for (const { kind, name, patch } of overlay.objects ?? []) {
    const target = (out[NAMED_LISTS[kind]] as KubeObject[]).find(
      o => o.metadata.name === name,
    );
    if (!target) throw new Error(`${kind}/${name} not in the fixture`);
    merge(target, patch);
  }
  return out;
}

/** Gives every condition without `lastTransitionTime` the doc's default (5 minutes before now). */
export function fillTransitionTimes(
  objs: ClusterObjects,
  ltt: string = DEFAULT_LTT,
): ClusterObjects {
  const all = Object.values(objs).flat() as (KubeObject | undefined)[];
  for (const o of all) {
    const lists = [
      o?.status?.conditions,
      o?.status?.v1beta2?.conditions,
      o?.status?.deprecated?.v1beta1?.conditions,
    ];
    for (const l of lists) {
      if (!Array.isArray(l)) continue;
      for (const c of l) if (!c.lastTransitionTime) c.lastTransitionTime = ltt;
    }
  }
  return objs;
}

const SNAPSHOTS = new Map(
  SNAPSHOT_IDS.map(id => [
    id,
    clusterObjects(
      FLEET.filter(
        o => o.manifest.metadata.annotations?.[SNAPSHOT_ANNOTATION] === id,
      ),
    ),
  ]),
);

/** The snapshot as seeded (+ an optional overlay), transition times filled. */
export function buildSnapshot(id: SnapshotId, extra?: Overlay): ClusterObjects {
  const objs = applyOverlay(SNAPSHOTS.get(id)!, extra ?? {});
  return fillTransitionTimes(objs);
}

/** S5's new worker Machine, whose server failed on the Nova quota. */
export function s5FailedMachineName(): string {
  const failed = buildSnapshot('S5').openStackServers.find(
    s => s.status?.instanceState === 'ERROR',
  );
  if (!failed) throw new Error('S5 has no server in ERROR');
  return failed.metadata.name;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Kubernetes upgrades. ClusterClass clusters: `spec.topology.version`, the
// topology controller does the rest. Plain clusters: the backend
// orchestrates, from the objects' state alone (resumable by any backend
// replica): the Cluster carries UPGRADE_ANNOTATION with the target; the
// control plane gets a new OpenStackMachineTemplate (image of the target)
// and its version in one update; once every control plane machine runs the
// target, each pool gets the same; when every machine runs it, the
// annotation is removed. A step the management cluster refuses for good
// (422) stops the orchestration: UPGRADE_FAILED_ANNOTATION records why, and
// upgrading to the same version again retries.

import {
  CONTROL_PLANE_LABEL,
  UPGRADE_ANNOTATION,
  UPGRADE_FAILED_ANNOTATION,
  type UpgradeProgress,
  type UpgradesResponse,
  type UpgradeTarget,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject } from '../model/objects';
import { isMagnumCluster } from '../model/magnum';
import { clusterPatch, newMachineTemplate, objectPatch, primaryOf } from './writes';
import { isClassy, kcpTemplateField, kcpTemplateName, kcpTemplatePatch, mdTemplateName } from '../model/shapes';
import { requireControlPlane } from './guards';
import { templateByName } from './lookups';
import { LiveObjects, PatchWrite, Plan, PlanContext, Write } from './types';
import { UnprocessableError } from '../errors';

export { UPGRADE_FAILED_ANNOTATION };

const VERSION = /^v(\d+)\.(\d+)\.(\d+)$/;

export function parseVersion(v: unknown): [number, number, number] | undefined {
  const m = typeof v === 'string' ? VERSION.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? [0, 0, 0];
  const pb = parseVersion(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** Newer than `current`, same major, at most one minor step ahead. */
export function isAllowedStep(current: string, target: string): boolean {
  const c = parseVersion(current);
  const t = parseVersion(target);
  if (!c || !t) return false;
  return t[0] === c[0] && t[1] - c[1] <= 1 && compareVersions(target, current) > 0;
}

export function currentVersion(objs: LiveObjects): string | undefined {
  return isClassy(objs.cluster) ? objs.cluster.spec.topology.version : objs.controlPlane?.spec?.version;
}

/** Versions the cluster could move to, ignoring any upgrade in progress. */
export function candidateTargets(objs: LiveObjects, ctx: PlanContext): UpgradeTarget[] {
  const current = currentVersion(objs);
  if (!current) return [];
  const images = new Map(ctx.config.kubernetesVersions.map(v => [v.version, v.image]));
  const classVersions: string[] | undefined = objs.clusterClass?.spec?.kubernetesVersions;
  let candidates: UpgradeTarget[] = ctx.config.kubernetesVersions.map(v => ({ version: v.version, source: 'config' as const }));
  if (isClassy(objs.cluster) && classVersions?.length) {
    candidates = classVersions.map(version => ({ version, source: 'clusterClass' as const }));
  }
  return candidates
    .filter(t => isAllowedStep(current, t.version))
    .map(t => (t.image || !images.has(t.version) ? t : { ...t, image: images.get(t.version) }))
    .sort((a, b) => compareVersions(a.version, b.version));
}

const live = (m: KubeObject) => !m.metadata.deletionTimestamp;
const isControlPlaneMachine = (m: KubeObject) => m.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined;

/**
 * The upgrade in progress: of a plain cluster from its annotation, of a
 * classy one when the control plane, a pool or a machine is not yet at
 * `spec.topology.version`.
 */
export function upgradeProgress(objs: LiveObjects): UpgradeProgress | undefined {
  const classy = isClassy(objs.cluster);
  const target: string | undefined = classy
    ? objs.cluster.spec.topology.version
    : objs.cluster.metadata.annotations?.[UPGRADE_ANNOTATION];
  if (!target) return undefined;
  const failed = classy ? undefined : objs.cluster.metadata.annotations?.[UPGRADE_FAILED_ANNOTATION];
  const kcp = objs.controlPlane;
  const cpMachines = objs.machines.filter(m => isControlPlaneMachine(m) && live(m));
  const cpBehind =
    (!!kcp && kcp.spec?.version !== target) ||
    cpMachines.some(m => m.spec?.version !== target) ||
    // Plain: the orchestration waits until the control plane is complete again.
    (!classy && (!kcp || cpMachines.length < (kcp.spec?.replicas ?? 1)));
  const pendingPools = objs.machineDeployments
    .filter(md => live(md) && md.spec?.template?.spec?.version !== target)
    .map(md => md.metadata.name);
  const machinesAt = objs.machines.filter(live).every(m => m.spec?.version === target);
  const stopped = failed !== undefined ? { failed } : {};
  if (cpBehind) return { version: target, phase: 'control-plane', pendingPools, ...stopped };
  if (pendingPools.length || !machinesAt) return { version: target, phase: 'workers', pendingPools, ...stopped };
  return classy ? undefined : { version: target, phase: 'done', pendingPools: [] };
}

/** `GET .../upgrades`. */
export function upgradeOptions(objs: LiveObjects, ctx: PlanContext): UpgradesResponse {
  const current = currentVersion(objs);
  const inProgress = upgradeProgress(objs);
  if (inProgress?.failed !== undefined && inProgress.phase !== 'done') {
    // Only the stopped upgrade can be retried: a pool may already run its version.
    const image = ctx.config.kubernetesVersions.find(v => v.version === inProgress.version)?.image;
    return {
      current,
      targets: image ? [{ version: inProgress.version, source: 'config', image }] : [],
      inProgress,
      message: `The upgrade to ${inProgress.version} stopped (${phaseName(inProgress)}): ${inProgress.failed}. Fix the cause, then upgrade to ${inProgress.version} again to retry.`,
    };
  }
  if (inProgress && inProgress.phase !== 'done') {
    return {
      current,
      targets: [],
      inProgress,
      message: `An upgrade to ${inProgress.version} is in progress (${phaseName(inProgress)}).`,
    };
  }
  if (isMagnum(objs)) {
    return { current, targets: [], message: 'Upgrades of Magnum clusters go through the Magnum API.' };
  }
  const targets = candidateTargets(objs, ctx);
  if (!isClassy(objs.cluster)) {
    // A plain cluster needs an image per version.
    const withImage = targets.filter(t => t.image);
    return {
      current,
      targets: withImage,
      ...(withImage.length ? {} : { message: `No newer version within one minor step of ${current} is configured (capiOpenstack.kubernetesVersions).` }),
    };
  }
  return {
    current,
    targets,
    ...(targets.length ? {} : { message: `No newer version within one minor step of ${current} is offered.` }),
  };
}

function phaseName(p: UpgradeProgress) {
  return p.phase === 'control-plane' ? 'control plane' : 'worker pools';
}

function isMagnum(objs: LiveObjects) {
  return isMagnumCluster(objs.cluster);
}

/** Writes that move the control plane of a plain cluster to `version` with `image`. */
function controlPlaneStep(objs: LiveObjects, version: string, image: string): { writes: Write[]; changes: Plan['changes'] } {
  const kcp = requireControlPlane(objs);
  const templateName = kcpTemplateName(kcp);
  const template = templateByName(objs, templateName);
  if (!template) throw new UnprocessableError(`OpenStackMachineTemplate ${templateName ?? '(none)'} of the control plane not found`);
  const spec = specWithImage(template, image);
  const created = newMachineTemplate(objs, template, template.metadata.name, spec);
  return {
    writes: [
      { op: 'create', kind: 'OpenStackMachineTemplate', object: created },
      objectPatch(kcp, { spec: { version, ...kcpTemplatePatch(kcp, created.metadata.name) } }),
    ],
    changes: [
      { kind: 'OpenStackMachineTemplate', name: created.metadata.name, field: '(created)' },
      { kind: kcp.kind, name: kcp.metadata.name, field: 'spec.version', from: kcp.spec?.version, to: version },
      { kind: kcp.kind, name: kcp.metadata.name, field: kcpTemplateField(kcp), from: templateName, to: created.metadata.name },
    ],
  };
}

function specWithImage(template: KubeObject, image: string) {
  const spec = structuredClone(template.spec);
  spec.template.spec.image = { filter: { name: image } };
  return spec;
}

/**
 * Why Cluster API would refuse to change a topology's version now, as its
 * Cluster webhook does (validateTopologyVersionUpdate, CAPI v1.14), beyond
 * what upgradeProgress already sees (a control plane or pool behind the
 * topology): the control plane must have finished provisioning
 * (`status.version` set) and its last upgrade. A cluster whose control plane
 * does not exist yet is left to the webhook.
 */
export function topologyUpgradeBlocker(objs: LiveObjects): string | undefined {
  const kcp = objs.controlPlane;
  if (!kcp) return undefined;
  const running = kcp.status?.version;
  if (!running) return 'the control plane is still provisioning';
  if (running !== kcp.spec?.version) return 'the control plane is still completing a previous upgrade';
  return undefined;
}

export function planUpgrade(objs: LiveObjects, version: unknown, ctx: PlanContext): Plan {
  if (!parseVersion(version)) {
    throw new UnprocessableError(`version must look like v1.34.2, got ${JSON.stringify(version)}`);
  }
  const target = version as string;
  const cluster = objs.cluster;
  const classy = isClassy(cluster);
  const current = currentVersion(objs);
  const primary = primaryOf(classy ? cluster : requireControlPlane(objs));
  const progress = upgradeProgress(objs);
  const retry = progress?.failed !== undefined && progress.phase !== 'done';
  if (current === target && !retry) {
    return { action: 'upgrade', primary, writes: [], changes: [], message: `Cluster ${cluster.metadata.name} is already at ${target}.` };
  }
  if (progress && progress.phase !== 'done' && !retry) {
    throw new UnprocessableError(`version: an upgrade to ${progress.version} is still in progress (${progress.phase}); wait for it to finish`);
  }
  const options = upgradeOptions(objs, ctx);
  const allowed = options.targets.find(t => t.version === target);
  if (!allowed && retry) {
    throw new UnprocessableError(`version: the upgrade to ${progress!.version} stopped (${progress!.failed}); only ${progress!.version} can be retried`);
  }
  if (!allowed) {
    const list = options.targets.map(t => t.version).join(', ') || 'none';
    throw new UnprocessableError(
      `version ${target} is not an allowed upgrade target for ${current} (one minor step at a time, never a downgrade; allowed: ${list})`,
    );
  }
  if (classy) {
    const blocker = topologyUpgradeBlocker(objs);
    if (blocker) {
      throw new UnprocessableError(
        `version: Cluster ${cluster.metadata.name} cannot move to ${target} yet: ${blocker} (Cluster API changes a topology's version only once the previous one has rolled out)`,
      );
    }
    return {
      action: 'upgrade',
      primary,
      writes: [clusterPatch(cluster, { spec: { topology: { version: target } } })],
      changes: [{ kind: 'Cluster', name: cluster.metadata.name, field: 'spec.topology.version', from: current, to: target }],
      message: `Upgrading ${cluster.metadata.name} from ${current} to ${target}: the control plane first, then the worker pools.`,
    };
  }
  const kcp = requireControlPlane(objs);
  // A retry after the control plane moved: the reconciler carries on with the pools.
  const step = kcp.spec?.version === target ? undefined : controlPlaneStep(objs, target, allowed.image!);
  const failed = progress?.failed;
  return {
    action: 'upgrade',
    primary,
    alsoAccepted: cluster.metadata.resourceVersion ? [cluster.metadata.resourceVersion] : [],
    // The annotation first: after a crash, a backend carries on from it.
    writes: [startWrite(cluster, kcp, target, !!step), ...(step?.writes ?? [])],
    changes: [
      ...(retry ? [] : [{ kind: 'Cluster', name: cluster.metadata.name, field: `metadata.annotations[${UPGRADE_ANNOTATION}]`, to: target }]),
      ...(failed !== undefined
        ? [{ kind: 'Cluster', name: cluster.metadata.name, field: `metadata.annotations[${UPGRADE_FAILED_ANNOTATION}]`, from: failed }]
        : []),
      ...(step?.changes ?? []),
    ],
    message: retry
      ? `Retrying the upgrade of ${cluster.metadata.name} to ${target} (${phaseName(progress!)}).`
      : `Upgrading ${cluster.metadata.name} from ${current} to ${target}: the control plane first, then the worker pools.`,
  };
}

/**
 * Starts (or restarts) the orchestration, conditional on the Cluster as read
 * (two requests cannot both start one). Undone when the control plane write
 * after it fails, unless someone else moved the control plane to the target
 * meanwhile (another replica's reconciler carried the step out).
 */
function startWrite(cluster: KubeObject, kcp: KubeObject, target: string, withStep: boolean): PatchWrite {
  const before = cluster.metadata.annotations ?? {};
  const failed = before[UPGRADE_FAILED_ANNOTATION];
  return {
    ...clusterPatch(cluster, {
      metadata: { annotations: { [UPGRADE_ANNOTATION]: target, ...(failed !== undefined ? { [UPGRADE_FAILED_ANNOTATION]: null } : {}) } },
    }),
    undo: {
      patch: {
        metadata: {
          annotations: {
            [UPGRADE_ANNOTATION]: before[UPGRADE_ANNOTATION] ?? null,
            ...(failed !== undefined ? { [UPGRADE_FAILED_ANNOTATION]: failed } : {}),
          },
        },
      },
      whileAnnotations: { [UPGRADE_ANNOTATION]: target },
      ...(withStep ? { unless: { kind: 'KubeadmControlPlane', name: kcp.metadata.name, field: 'spec.version', value: target } } : {}),
    },
  };
}

/** Ends the orchestration; conditional, so a stale view cannot end a newer one. */
function finishWrite(cluster: KubeObject): Write {
  const failed = cluster.metadata.annotations?.[UPGRADE_FAILED_ANNOTATION] !== undefined;
  return clusterPatch(cluster, {
    metadata: { annotations: { [UPGRADE_ANNOTATION]: null, ...(failed ? { [UPGRADE_FAILED_ANNOTATION]: null } : {}) } },
  });
}

/**
 * The next step of a plain cluster's upgrade (the backend's reconciler):
 * writes conditional on the versions it was computed from, so concurrent
 * replicas cannot both apply it.
 */
export function planUpgradeStep(objs: LiveObjects, ctx: PlanContext): { writes: Write[]; progress?: UpgradeProgress; message: string } {
  const cluster = objs.cluster;
  const target = cluster.metadata.annotations?.[UPGRADE_ANNOTATION];
  if (!target || isClassy(cluster) || cluster.metadata.deletionTimestamp || cluster.spec?.paused) {
    return { writes: [], message: 'nothing to do' };
  }
  const image = ctx.config.kubernetesVersions.find(v => v.version === target)?.image;
  const kcp = objs.controlPlane;
  if (!image || !kcp) {
    return { writes: [], message: `no image configured for ${target} (capiOpenstack.kubernetesVersions)` };
  }
  const progress = upgradeProgress(objs)!;
  if (progress.phase === 'done') return { writes: [finishWrite(cluster)], progress, message: 'done' };
  if (progress.failed !== undefined) return { writes: [], progress, message: `stopped: ${progress.failed}` };
  if (kcp.spec?.version !== target) {
    if (compareVersions(kcp.spec?.version ?? 'v0.0.0', target) > 0) {
      // Someone moved past the target: the orchestration is over.
      return { writes: [finishWrite(cluster)], progress, message: 'control plane beyond the target' };
    }
    return { writes: controlPlaneStep(objs, target, image).writes, progress, message: 'control plane' };
  }
  if (progress.phase === 'control-plane') return { writes: [], progress, message: 'waiting for the control plane' };
  const writes: Write[] = [];
  for (const md of objs.machineDeployments) {
    if (!live(md) || md.spec?.template?.spec?.version === target) continue;
    const template = templateByName(objs, mdTemplateName(md));
    if (!template) continue;
    const created = newMachineTemplate(objs, template, template.metadata.name, specWithImage(template, image));
    writes.push(
      { op: 'create', kind: 'OpenStackMachineTemplate', object: created },
      objectPatch(md, { spec: { template: { spec: { version: target, infrastructureRef: { name: created.metadata.name } } } } }),
    );
  }
  // A refused pool leaves the pools before it moved (each consistent with its
  // template): a retry carries on from there.
  if (writes.length) return { writes, progress, message: 'worker pools' };
  return { writes: [], progress, message: 'waiting for the worker pools' };
}

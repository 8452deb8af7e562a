/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The fields lifecycle actions read and write, in CAPI v1beta2 and v1beta1
// shapes (docs/domain.md section 3; CRDs of CAPI v1.14 and v1.10).

import crypto from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import { PROTECTED_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { isMagnumCluster } from '../../model/magnum';
import {
  ANNOTATION_AUTOSCALER_MAX,
  ANNOTATION_AUTOSCALER_MIN,
  KubeObject,
  LABEL_TOPOLOGY_DEPLOYMENT_NAME,
  versionOf,
} from '../../model/objects';
import { LiveObjects } from './types';
import { stableJson } from '../../model/stableJson';
import { UnprocessableError } from '../../errors';

export { ANNOTATION_AUTOSCALER_MAX, ANNOTATION_AUTOSCALER_MIN, PROTECTED_ANNOTATION };

/** Annotation on a plain Cluster whose Kubernetes upgrade the backend orchestrates. */
export const UPGRADE_ANNOTATION = 'capi-openstack.dev/upgrade-to';

export const isV1beta1 = (o: KubeObject) => versionOf(o) === 'v1beta1';

export function isClassy(cluster: KubeObject): boolean {
  const t = cluster.spec?.topology;
  return !!(t?.classRef?.name ?? t?.class);
}

export function classNameOf(cluster: KubeObject): string | undefined {
  const t = cluster.spec?.topology;
  return t?.classRef?.name ?? t?.class;
}

/** Refuses writes to clusters the Magnum driver owns (it re-applies its own state). */
export function refuseMagnum(cluster: KubeObject) {
  if (isMagnumCluster(cluster)) {
    throw new UnprocessableError(
      `Cluster ${cluster.metadata.name} is managed through OpenStack Magnum (cluster-uuid ${
        cluster.metadata.labels?.['cluster-uuid'] ?? 'unknown'
      }): change it with the Magnum API or Horizon, not here`,
    );
  }
}

export function refuseDeleting(cluster: KubeObject) {
  if (cluster.metadata.deletionTimestamp) {
    throw new UnprocessableError(`Cluster ${cluster.metadata.name} is being deleted`);
  }
}

export function isProtected(cluster: KubeObject): boolean {
  const v = cluster.metadata.annotations?.[PROTECTED_ANNOTATION];
  return v !== undefined && v.toLowerCase() !== 'false';
}

/** The control plane of a plain cluster, or 422. */
export function requireControlPlane(objs: LiveObjects): KubeObject {
  const kcp = objs.controlPlane;
  if (!kcp) throw new UnprocessableError(`Cluster ${objs.cluster.metadata.name} has no control plane yet`);
  if (kcp.kind !== 'KubeadmControlPlane') {
    throw new UnprocessableError(`control plane kind ${kcp.kind} is not supported (only KubeadmControlPlane)`);
  }
  return kcp;
}

/** A worker pool by MachineDeployment name or topology name. */
export interface PoolRef {
  /** The MachineDeployment, when it exists. */
  md?: KubeObject;
  /** Index in `spec.topology.workers.machineDeployments` (classy clusters). */
  topologyIndex?: number;
  /** Name in the topology or of the MachineDeployment. */
  name: string;
}

export function topologyPools(cluster: KubeObject): any[] {
  return cluster.spec?.topology?.workers?.machineDeployments ?? [];
}

export function findPool(objs: LiveObjects, pool: string): PoolRef {
  const classy = isClassy(objs.cluster);
  const byName = objs.machineDeployments.find(md => md.metadata.name === pool);
  if (classy) {
    const topologyName = byName?.metadata.labels?.[LABEL_TOPOLOGY_DEPLOYMENT_NAME] ?? pool;
    const index = topologyPools(objs.cluster).findIndex(p => p.name === topologyName);
    if (index < 0) throw new NotFoundError(`pool "${pool}" not found in Cluster ${objs.cluster.metadata.name}`);
    const md =
      byName ?? objs.machineDeployments.find(m => m.metadata.labels?.[LABEL_TOPOLOGY_DEPLOYMENT_NAME] === topologyName);
    return { md, topologyIndex: index, name: topologyName };
  }
  if (!byName) throw new NotFoundError(`pool "${pool}" not found in Cluster ${objs.cluster.metadata.name}`);
  return { md: byName, name: pool };
}

// --- references ------------------------------------------------------------

export function kcpTemplateName(kcp: KubeObject): string | undefined {
  const t = kcp.spec?.machineTemplate;
  return (t?.spec?.infrastructureRef ?? t?.infrastructureRef)?.name;
}

/** Merge patch of the KCP's infrastructure template name. */
export function kcpTemplatePatch(kcp: KubeObject, name: string) {
  return isV1beta1(kcp)
    ? { machineTemplate: { infrastructureRef: { name } } }
    : { machineTemplate: { spec: { infrastructureRef: { name } } } };
}

export function kcpTemplateField(kcp: KubeObject) {
  return isV1beta1(kcp)
    ? 'spec.machineTemplate.infrastructureRef.name'
    : 'spec.machineTemplate.spec.infrastructureRef.name';
}

export function mdTemplateName(md: KubeObject): string | undefined {
  return md.spec?.template?.spec?.infrastructureRef?.name;
}

export function kcpRolloutAfter(kcp: KubeObject): string | undefined {
  return kcp.spec?.rollout?.after ?? kcp.spec?.rolloutAfter;
}

export function mdRolloutAfter(md: KubeObject): string | undefined {
  return md.spec?.rollout?.after ?? md.spec?.rolloutAfter;
}

export function kcpCertificatesExpiryDays(kcp: KubeObject): number | undefined {
  return kcp.spec?.rollout?.before?.certificatesExpiryDays ?? kcp.spec?.rolloutBefore?.certificatesExpiryDays;
}

export function autoscalerBounds(obj: { metadata?: { annotations?: Record<string, string> } } | undefined) {
  const a = obj?.metadata?.annotations ?? {};
  const min = a[ANNOTATION_AUTOSCALER_MIN];
  const max = a[ANNOTATION_AUTOSCALER_MAX];
  if (min === undefined && max === undefined) return undefined;
  return { min: min === undefined ? undefined : Number(min), max: max === undefined ? undefined : Number(max) };
}

// --- templates ------------------------------------------------------------

export function templateByName(objs: LiveObjects, name: string | undefined): KubeObject | undefined {
  return name ? objs.machineTemplates.find(t => t.metadata.name === name) : undefined;
}

/**
 * A new OpenStackMachineTemplate (templates are immutable) with `spec`,
 * named after its content so that a retry, or another backend replica,
 * lands on the same object. Owned by the Cluster (deleted with it).
 */
export function newMachineTemplate(
  objs: LiveObjects,
  from: KubeObject,
  base: string,
  spec: any,
): KubeObject {
  const hash = crypto.createHash('sha256').update(stableJson(spec)).digest('hex').slice(0, 8);
  const stem = base.replace(/-[0-9a-f]{8}$/, '').slice(0, 253 - 9);
  const cluster = objs.cluster;
  return {
    apiVersion: from.apiVersion,
    kind: 'OpenStackMachineTemplate',
    metadata: {
      name: `${stem}-${hash}`,
      namespace: cluster.metadata.namespace,
      labels: { 'cluster.x-k8s.io/cluster-name': cluster.metadata.name },
      ownerReferences: [
        { apiVersion: cluster.apiVersion, kind: 'Cluster', name: cluster.metadata.name, uid: cluster.metadata.uid },
      ],
    },
    spec,
  };
}

/** The flavor of a template (`spec.template.spec.flavor`, else `flavorID`). */
export function templateFlavor(t: KubeObject | undefined): string | undefined {
  return t?.spec?.template?.spec?.flavor ?? t?.spec?.template?.spec?.flavorID;
}

// --- ClusterClass variables --------------------------------------------------

export function classHasVariable(cls: KubeObject | undefined, name: string): boolean {
  const inSpec = (cls?.spec?.variables ?? []).some((v: any) => v.name === name);
  const inStatus = (cls?.status?.variables ?? []).some((v: any) => v.name === name);
  return inSpec || inStatus;
}

/** 422 naming the missing variable and the configuration key that names it. */
export function requireClassVariable(objs: LiveObjects, variable: string, configKey: string, what: string) {
  const className = classNameOf(objs.cluster);
  if (!objs.clusterClass) {
    throw new UnprocessableError(`ClusterClass ${className} of Cluster ${objs.cluster.metadata.name} not found`);
  }
  if (!classHasVariable(objs.clusterClass, variable)) {
    throw new UnprocessableError(
      `ClusterClass ${className} has no variable "${variable}" to set the ${what} (capiOpenstack.actions.classVariables.${configKey}): change the class or move the cluster to a class that has it`,
    );
  }
}

export function variableValue(list: any[] | undefined, name: string): unknown {
  return (list ?? []).find(v => v.name === name)?.value;
}

/** The list with `name` set to `value` (removed for undefined). */
export function withVariable(list: any[] | undefined, name: string, value: unknown): any[] {
  const out = (list ?? []).filter(v => v.name !== name);
  const index = (list ?? []).findIndex(v => v.name === name);
  if (value === undefined) return out;
  const entry = { ...(index >= 0 ? list![index] : {}), name, value };
  if (index >= 0) out.splice(index, 0, entry);
  else out.push(entry);
  return out;
}

/** A copy of the topology pools with pool `index` changed by `edit`. */
export function editTopologyPool(cluster: KubeObject, index: number, edit: (pool: any) => any): any[] {
  return topologyPools(cluster).map((p, i) => (i === index ? edit(structuredClone(p)) : p));
}

export function clusterPatch(cluster: KubeObject, patch: Record<string, unknown>) {
  return {
    kind: 'Cluster' as const,
    name: cluster.metadata.name,
    resourceVersion: cluster.metadata.resourceVersion!,
    patch,
    op: 'patch' as const,
  };
}

export function objectPatch(obj: KubeObject, patch: Record<string, unknown>) {
  return {
    kind: obj.kind as any,
    name: obj.metadata.name,
    resourceVersion: obj.metadata.resourceVersion!,
    patch,
    op: 'patch' as const,
  };
}

export function primaryOf(obj: KubeObject) {
  return { kind: obj.kind, name: obj.metadata.name, resourceVersion: obj.metadata.resourceVersion };
}

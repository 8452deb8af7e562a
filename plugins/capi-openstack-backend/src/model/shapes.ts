/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The fields lifecycle actions read and write, in CAPI v1beta2 and v1beta1
// shapes (docs/domain.md section 3; CRDs of CAPI v1.14 and v1.10). Readers
// the simulator needs too live in the common package.

import {
  AUTOSCALER_MAX_ANNOTATION,
  AUTOSCALER_MIN_ANNOTATION,
  PROTECTED_ANNOTATION,
  topologyPools,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject, versionOf } from './objects';

export {
  isClassy,
  kcpCertificatesExpiryDays,
  kcpRolloutAfter,
  mdRolloutAfter,
  topologyClassName,
  topologyPools,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

export const isV1beta1 = (o: KubeObject) => versionOf(o) === 'v1beta1';

/** Protected by the annotation with any value but `false`. */
export function isProtected(cluster: KubeObject): boolean {
  const v = cluster.metadata.annotations?.[PROTECTED_ANNOTATION];
  return v !== undefined && v.toLowerCase() !== 'false';
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

export function autoscalerBounds(obj: { metadata?: { annotations?: Record<string, string> } } | undefined) {
  const a = obj?.metadata?.annotations ?? {};
  const min = a[AUTOSCALER_MIN_ANNOTATION];
  const max = a[AUTOSCALER_MAX_ANNOTATION];
  if (min === undefined && max === undefined) return undefined;
  return { min: min === undefined ? undefined : Number(min), max: max === undefined ? undefined : Number(max) };
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

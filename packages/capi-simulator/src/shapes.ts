/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Reading and writing the fields that moved between CAPI v1beta1 and
// v1beta2 (refs, rollout settings, topology), plus small object helpers.
// Readers the backend needs too (ClusterClass name, rollout fields) and the
// deterministic ids come from the common package.

import crypto from 'node:crypto';
import { intFor } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CapiGeneration, KindInfo } from './apiVersions';
import { KObj, OwnerReference } from './kube';

/** A reference resolved to group, kind and name (same namespace). */
export interface Ref {
  group: string;
  kind: string;
  name: string;
}

/** Reads a v1beta2 ContractVersionedObjectReference, a v1beta1 ObjectReference or a ClusterClass templateRef. */
export function readRef(ref: any): Ref | undefined {
  if (!ref?.name || !ref.kind) return undefined;
  const group: string =
    ref.apiGroup ?? String(ref.apiVersion ?? '').split('/')[0];
  return { group, kind: ref.kind, name: ref.name };
}

/** Writes a reference in the shape of the CAPI generation. */
export function writeRef(
  gen: CapiGeneration,
  info: KindInfo,
  name: string,
  namespace?: string,
) {
  return gen === 'v1beta2'
    ? { apiGroup: info.group, kind: info.kind, name }
    : {
        apiVersion: info.apiVersion,
        kind: info.kind,
        name,
        ...(namespace ? { namespace } : {}),
      };
}

// --- Cluster ---------------------------------------------------------------

export function topologyClassNamespace(cluster: KObj): string {
  const t = cluster.spec?.topology;
  return (
    t?.classRef?.namespace ?? t?.classNamespace ?? cluster.metadata.namespace!
  );
}

export function controlPlaneTopologyRolloutAfter(
  cluster: KObj,
): string | undefined {
  const t = cluster.spec?.topology;
  return t?.controlPlane?.rollout?.after ?? t?.rolloutAfter;
}

// --- ClusterClass ------------------------------------------------------------

export function classTemplateRef(x: any): Ref | undefined {
  return readRef(x?.templateRef ?? x?.ref);
}

export function classWorkerRefs(workerClass: any): {
  bootstrap?: Ref;
  infrastructure?: Ref;
} {
  return {
    bootstrap: classTemplateRef(
      workerClass?.bootstrap ?? workerClass?.template?.bootstrap,
    ),
    infrastructure: classTemplateRef(
      workerClass?.infrastructure ?? workerClass?.template?.infrastructure,
    ),
  };
}

// --- KubeadmControlPlane --------------------------------------------------

export function kcpInfrastructureRef(kcp: KObj): Ref | undefined {
  const t = kcp.spec?.machineTemplate;
  return readRef(t?.spec?.infrastructureRef ?? t?.infrastructureRef);
}

export function kcpInitialized(kcp: KObj | undefined): boolean {
  return !!(
    kcp?.status?.initialization?.controlPlaneInitialized ??
    kcp?.status?.initialized
  );
}

// --- MachineDeployment / MachineSet / Machine -----------------------------

export function mdRollingUpdate(md: KObj): {
  maxSurge: number;
  maxUnavailable: number;
} {
  const ru =
    md.spec?.rollout?.strategy?.rollingUpdate ??
    md.spec?.strategy?.rollingUpdate ??
    {};
  const desired = md.spec?.replicas ?? 1;
  const resolve = (v: unknown, fallback: number, roundUp: boolean) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.endsWith('%')) {
      const n = (Number(v.slice(0, -1)) / 100) * desired;
      return roundUp ? Math.ceil(n) : Math.floor(n);
    }
    return fallback;
  };
  let maxSurge = resolve(ru.maxSurge, 1, true);
  const maxUnavailable = resolve(ru.maxUnavailable, 0, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxSurge = 1;
  return { maxSurge, maxUnavailable };
}

export function bootstrapConfigRef(machineSpec: any): Ref | undefined {
  return readRef(machineSpec?.bootstrap?.configRef);
}

export function infrastructureRef(spec: any): Ref | undefined {
  return readRef(spec?.infrastructureRef);
}

// --- helpers ----------------------------------------------------------------

export function labels(o: KObj | undefined): Record<string, string> {
  return o?.metadata.labels ?? {};
}

export function annotations(o: KObj | undefined): Record<string, string> {
  return o?.metadata.annotations ?? {};
}

export function isDeleting(o: KObj | undefined): boolean {
  return !!o?.metadata.deletionTimestamp;
}

export function createdAt(o: KObj): number {
  return o.metadata.creationTimestamp
    ? Date.parse(o.metadata.creationTimestamp)
    : Date.now();
}

export function ownerRef(owner: KObj, controller = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid!,
    ...(controller ? { controller: true, blockOwnerDeletion: true } : {}),
  };
}

export function isOwnedBy(o: KObj, owner: KObj | undefined): boolean {
  return (
    !!owner &&
    (o.metadata.ownerReferences ?? []).some(r => r.uid === owner.metadata.uid)
  );
}

export function controllerOf(o: KObj): OwnerReference | undefined {
  return (o.metadata.ownerReferences ?? []).find(r => r.controller);
}

/** Kubernetes-style random suffix (5 characters of the name generator's alphabet). */
export function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const bytes = crypto.randomBytes(5);
  return [...bytes].map(b => alphabet[b % alphabet.length]).join('');
}

/** A short stable hash (decimal, like machine-template-hash). */
export function templateHash(value: unknown): string {
  return String(intFor(4_000_000_000, stableJson(value)));
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareStrings(a, b));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Whether every field of `want` is present in `have` with the same value.
 * Lists compare by length and position, except lists of objects with
 * unique `type`s (conditions), which compare by type (extra types in `have`
 * are allowed: another field manager may own them).
 */
export function isSubset(want: unknown, have: unknown): boolean {
  if (want === undefined) return true;
  // An empty list or object is what an absent field means.
  if (have === undefined && isEmpty(want)) return true;
  if (want === null || typeof want !== 'object') return want === have;
  if (Array.isArray(want)) {
    if (!Array.isArray(have)) return false;
    const types = want.map(w =>
      w && typeof w === 'object' ? (w as any).type : undefined,
    );
    const byType =
      types.every(t => typeof t === 'string') &&
      new Set(types).size === types.length;
    // Conditions: each wanted type present (others may belong to other managers).
    if (byType) {
      return want.every(w =>
        isSubset(
          w,
          have.find((h: any) => h?.type === (w as any).type),
        ),
      );
    }
    if (have.length !== want.length) return false;
    return want.every((w, i) => isSubset(w, have[i]));
  }
  if (!have || typeof have !== 'object' || Array.isArray(have)) return false;
  return Object.entries(want as Record<string, unknown>).every(([k, v]) =>
    isSubset(v, (have as Record<string, unknown>)[k]),
  );
}

function isEmpty(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return (
    !!v &&
    typeof v === 'object' &&
    Object.values(v).every(x => x === undefined || isEmpty(x))
  );
}

export function compareVersions(a: string, b: string): number {
  const pa = a
    .replace(/^v/, '')
    .split(/[.+-]/)
    .map(n => Number(n) || 0);
  const pb = b
    .replace(/^v/, '')
    .split(/[.+-]/)
    .map(n => Number(n) || 0);
  for (let i = 0; i < 3; i++)
    if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export function namespacedName(o: KObj): string {
  return `${o.metadata.namespace}/${o.metadata.name}`;
}

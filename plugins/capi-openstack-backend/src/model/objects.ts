/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/**
 * Input of the domain model: the plain Kubernetes objects of one workload
 * cluster, as returned by the API server, in whichever API version the server
 * prefers (CAPI v1beta2 or v1beta1, CAPO v1beta1 or v1beta2, OpenStackServer
 * v1alpha1). Typed loosely on purpose: the model reads both generations.
 */

import type { KubeObject, OwnerReference } from '@capi-openstack/backstage-plugin-capi-openstack-common';

export type {
  KubeObject,
  ManagedFieldsEntry,
  ObjectMeta,
  OwnerReference,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Everything the model needs about one workload cluster. */
export interface ClusterObjects {
  cluster: KubeObject;
  /** The object named by `spec.controlPlaneRef` (KubeadmControlPlane). */
  controlPlane?: KubeObject;
  machineDeployments: KubeObject[];
  machineSets: KubeObject[];
  machines: KubeObject[];
  /** The object named by `spec.infrastructureRef`. */
  openStackCluster?: KubeObject;
  openStackMachines: KubeObject[];
  /** Includes the bastion server, if any. */
  openStackServers: KubeObject[];
  machineHealthChecks: KubeObject[];
  /** Optional: fallback source of certificate expiry dates. */
  kubeadmConfigs?: KubeObject[];
  /** Optional: source of flavor and image per pool / control plane. */
  openStackMachineTemplates?: KubeObject[];
}

/** A label value, or undefined. */
export function labelOf(obj: KubeObject | undefined, key: string) {
  return obj?.metadata?.labels?.[key];
}

/** An annotation value, or undefined. */
export function annotationOf(obj: KubeObject | undefined, key: string) {
  return obj?.metadata?.annotations?.[key];
}

/** True when the object carries the label (any value, including ""). */
export function hasLabel(obj: KubeObject | undefined, key: string): boolean {
  return labelOf(obj, key) !== undefined;
}

/** The API version part of `apiVersion` (`v1beta2` in `cluster.x-k8s.io/v1beta2`). */
export function versionOf(obj: KubeObject | undefined): string | undefined {
  const av = obj?.apiVersion;
  if (!av) return undefined;
  const slash = av.lastIndexOf('/');
  return slash >= 0 ? av.slice(slash + 1) : av;
}

/** Name of an object reference in either shape (v1beta2 `{apiGroup,kind,name}` or v1beta1 `{apiVersion,kind,name,namespace}`). */
export function refName(ref: any): string | undefined {
  return typeof ref?.name === 'string' && ref.name ? ref.name : undefined;
}

/** The owner reference of the given kind, if any. */
export function ownerOf(
  obj: KubeObject,
  kind: string,
): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find(o => o.kind === kind);
}

/** Parses a timestamp; undefined when absent or invalid. */
export function parseTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Normalises a timestamp to ISO 8601 (`toISOString`); keeps unparsable strings as they are. */
export function isoTime(value: unknown): string | undefined {
  const d = parseTime(value);
  if (d) return d.toISOString();
  return typeof value === 'string' && value ? value : undefined;
}

/** A number, or undefined for anything else (counters are pointers: absent ≠ 0). */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

/** A non-empty string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

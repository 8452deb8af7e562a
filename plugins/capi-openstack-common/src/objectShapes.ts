/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Readers of the CAPI fields that moved between v1beta1 and v1beta2 (the
// ClusterClass ref, rollout settings): both shapes are read, the v1beta2 one
// first. Shared by the backend and the simulator.

/** Any object with a free-form spec (a Kubernetes object as the API server returns it). @public */
export interface SpecHolder {
  spec?: any;
}

/** The ClusterClass of a Cluster (`spec.topology.classRef.name`, v1beta1 `spec.topology.class`). @public */
export function topologyClassName(cluster: SpecHolder): string | undefined {
  const t = cluster.spec?.topology;
  return t?.classRef?.name ?? t?.class;
}

/** Whether a Cluster is managed through a ClusterClass (has a topology with a class). @public */
export function isClassy(cluster: SpecHolder): boolean {
  return !!topologyClassName(cluster);
}

/** The worker pools of a classy Cluster (`spec.topology.workers.machineDeployments`). @public */
export function topologyPools(cluster: SpecHolder): any[] {
  return cluster.spec?.topology?.workers?.machineDeployments ?? [];
}

/** `spec.rollout.after` (v1beta2) or `spec.rolloutAfter` (v1beta1) of a KubeadmControlPlane. @public */
export function kcpRolloutAfter(kcp: SpecHolder): string | undefined {
  return kcp.spec?.rollout?.after ?? kcp.spec?.rolloutAfter;
}

/** `spec.rollout.after` (v1beta2) or `spec.rolloutAfter` (v1beta1) of a MachineDeployment. @public */
export function mdRolloutAfter(md: SpecHolder): string | undefined {
  return md.spec?.rollout?.after ?? md.spec?.rolloutAfter;
}

/** Days before certificate expiry at which a KubeadmControlPlane rolls out its machines. @public */
export function kcpCertificatesExpiryDays(kcp: SpecHolder): number | undefined {
  return kcp.spec?.rollout?.before?.certificatesExpiryDays ?? kcp.spec?.rolloutBefore?.certificatesExpiryDays;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Helpers for the simulator's integration tests (not exported by the package).

import type { TestManagementCluster } from '@internal/management-cluster/testing';
import { Condition, waitFor as waitForCondition } from '@internal/test-support';
import { startSimulator, Simulator } from './simulator';

export interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: any };
  spec?: any;
  status?: any;
}

/** test-support's waitFor with the simulator suites' defaults (20 s, every 50 ms). */
export function waitFor<T>(
  what: string,
  probe: Condition<T>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<Exclude<T, undefined | false>> {
  return waitForCondition(probe, { timeoutMs, intervalMs, message: what });
}

export function condition(
  obj: Obj | undefined,
  type: string,
  v1beta1 = false,
): any {
  const list = v1beta1
    ? obj?.status?.v1beta2?.conditions
    : obj?.status?.conditions;
  return (list ?? []).find((c: any) => c.type === type);
}

export function legacyCondition(obj: Obj | undefined, type: string): any {
  return (obj?.status?.conditions ?? []).find((c: any) => c.type === type);
}

/** Lists and gets of CAPI/CAPO objects in one namespace. */
export function objects(
  mc: TestManagementCluster,
  ns: string,
  capi: 'v1beta2' | 'v1beta1' = 'v1beta2',
) {
  const v = {
    Cluster: `cluster.x-k8s.io/${capi}`,
    MachineDeployment: `cluster.x-k8s.io/${capi}`,
    MachineSet: `cluster.x-k8s.io/${capi}`,
    Machine: `cluster.x-k8s.io/${capi}`,
    MachineHealthCheck: `cluster.x-k8s.io/${capi}`,
    KubeadmControlPlane: `controlplane.cluster.x-k8s.io/${capi}`,
    KubeadmConfig: `bootstrap.cluster.x-k8s.io/${capi}`,
    KubeadmConfigTemplate: `bootstrap.cluster.x-k8s.io/${capi}`,
    OpenStackCluster: 'infrastructure.cluster.x-k8s.io/v1beta1',
    OpenStackMachine: 'infrastructure.cluster.x-k8s.io/v1beta1',
    OpenStackMachineTemplate: 'infrastructure.cluster.x-k8s.io/v1beta1',
    OpenStackServer: 'infrastructure.cluster.x-k8s.io/v1alpha1',
  } as const;
  type K = keyof typeof v;
  return {
    get: (kind: K, name: string) =>
      mc.client.get(v[kind], kind, ns, name) as Promise<Obj | undefined>,
    list: (kind: K) => mc.client.list(v[kind], kind, ns) as Promise<Obj[]>,
    patch: (kind: K, name: string, patch: unknown) =>
      mc.client.patch(v[kind], kind, ns, name, patch),
    remove: (kind: K, name: string) =>
      mc.client.delete(v[kind], kind, ns, name),
  };
}

export async function runSimulator(
  mc: TestManagementCluster,
  namespace: string,
  timeScale: number,
  logs: string[] = [],
): Promise<Simulator> {
  return startSimulator({
    kubeconfig: mc.kubeconfig('admin'),
    timeScale,
    namespaces: [namespace],
    log: m => logs.push(m),
  });
}

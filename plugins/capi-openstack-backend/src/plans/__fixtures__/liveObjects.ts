/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { DEFAULT_ACTIONS_CONFIG } from '../../actionsConfig';
import { LiveObjects, PlanContext } from '../types';

const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta1';

export const ctx = (over: Partial<PlanContext['config']> = {}): PlanContext => ({
  config: {
    ...DEFAULT_ACTIONS_CONFIG,
    kubernetesVersions: [
      { version: 'v1.33.5', image: 'ubuntu-2404-kube-v1.33.5' },
      { version: 'v1.34.2', image: 'ubuntu-2404-kube-v1.34.2' },
      { version: 'v1.35.0', image: 'ubuntu-2404-kube-v1.35.0' },
      { version: 'v1.36.1', image: 'ubuntu-2404-kube-v1.36.1' },
    ],
    ...over,
  },
  now: new Date('2026-11-29T10:00:00Z'),
});

const template = (name: string, flavor: string) => ({
  apiVersion: INFRA,
  kind: 'OpenStackMachineTemplate',
  metadata: { name, namespace: 'ns', resourceVersion: '5' },
  spec: { template: { spec: { flavor, image: { filter: { name: 'ubuntu-2404-kube-v1.34.2' } }, sshKeyName: 'k' } } },
});

const machine = (name: string, version: string, created: string, cp: boolean, md?: string) => ({
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Machine',
  metadata: {
    name,
    namespace: 'ns',
    creationTimestamp: created,
    labels: {
      'cluster.x-k8s.io/cluster-name': 'c1',
      ...(cp ? { 'cluster.x-k8s.io/control-plane': '' } : {}),
      ...(md ? { 'cluster.x-k8s.io/deployment-name': md } : {}),
    },
  },
  spec: { version },
});

/** A plain cluster (CAPO's cluster-template.yaml) in CAPI v1beta2 or v1beta1 shape. */
export function plain(gen: 'v1beta2' | 'v1beta1' = 'v1beta2', version = 'v1.34.2'): LiveObjects {
  const v1 = gen === 'v1beta1';
  const ref = (kind: string, name: string) =>
    v1 ? { apiVersion: INFRA, kind, name } : { apiGroup: 'infrastructure.cluster.x-k8s.io', kind, name };
  return {
    cluster: {
      apiVersion: `cluster.x-k8s.io/${gen}`,
      kind: 'Cluster',
      metadata: { name: 'c1', namespace: 'ns', uid: 'u1', resourceVersion: '100' },
      spec: { controlPlaneRef: { kind: 'KubeadmControlPlane', name: 'c1-control-plane' } },
    },
    controlPlane: {
      apiVersion: `controlplane.cluster.x-k8s.io/${gen}`,
      kind: 'KubeadmControlPlane',
      metadata: { name: 'c1-control-plane', namespace: 'ns', resourceVersion: '200' },
      spec: {
        replicas: 3,
        version,
        machineTemplate: v1
          ? { infrastructureRef: ref('OpenStackMachineTemplate', 'c1-control-plane') }
          : { spec: { infrastructureRef: ref('OpenStackMachineTemplate', 'c1-control-plane') } },
      },
      // The version every control plane machine runs (unset while provisioning).
      status: { version },
    },
    machineDeployments: [
      {
        apiVersion: `cluster.x-k8s.io/${gen}`,
        kind: 'MachineDeployment',
        metadata: { name: 'c1-md-0', namespace: 'ns', resourceVersion: '300' },
        spec: {
          replicas: 2,
          template: { spec: { version, infrastructureRef: ref('OpenStackMachineTemplate', 'c1-md-0') } },
        },
      },
    ],
    machineTemplates: [template('c1-control-plane', 'm1.large'), template('c1-md-0', 'm1.medium')],
    machines: [
      machine('c1-cp-a', version, '2026-11-01T00:00:00Z', true),
      machine('c1-cp-b', version, '2026-11-01T00:00:00Z', true),
      machine('c1-cp-c', version, '2026-11-01T00:00:00Z', true),
      machine('c1-md-0-a', version, '2026-11-01T00:00:00Z', false, 'c1-md-0'),
      machine('c1-md-0-b', version, '2026-11-01T00:00:00Z', false, 'c1-md-0'),
    ],
  };
}

/** A cluster of the demo ClusterClass. */
export function classy(gen: 'v1beta2' | 'v1beta1' = 'v1beta2'): LiveObjects {
  const objs = plain(gen);
  const classRef = gen === 'v1beta2' ? { classRef: { name: 'demo' } } : { class: 'demo' };
  objs.cluster.spec = {
    controlPlaneRef: { kind: 'KubeadmControlPlane', name: 'c1-control-plane' },
    topology: {
      ...classRef,
      version: 'v1.34.2',
      controlPlane: { replicas: 3 },
      workers: {
        machineDeployments: [
          { class: 'default-worker', name: 'md-0', replicas: 2 },
          { class: 'default-worker', name: 'md-1', replicas: 1, variables: { overrides: [{ name: 'workerFlavor', value: 'm1.xlarge' }] } },
        ],
      },
      variables: [
        { name: 'imageName', value: 'ubuntu' },
        { name: 'controlPlaneFlavor', value: 'm1.large' },
        { name: 'workerFlavor', value: 'm1.medium' },
      ],
    },
  };
  objs.machineDeployments[0].metadata.labels = { 'topology.cluster.x-k8s.io/deployment-name': 'md-0' };
  objs.clusterClass = {
    apiVersion: `cluster.x-k8s.io/${gen}`,
    kind: 'ClusterClass',
    metadata: { name: 'demo', namespace: 'ns' },
    spec: {
      kubernetesVersions: ['v1.33.5', 'v1.34.2', 'v1.35.0'],
      variables: [
        { name: 'imageName' },
        { name: 'controlPlaneFlavor' },
        { name: 'workerFlavor' },
        { name: 'certificatesExpiryDays' },
      ],
    },
  };
  return objs;
}

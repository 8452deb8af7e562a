/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Kubeadm settings of CAPO's cluster templates (external cloud provider,
// node name and provider id filled in by cloud-init).

import type { MachineModel } from './model';

function nodeRegistration() {
  return {
    name: '{{ local_hostname }}',
    kubeletExtraArgs: [
      { name: 'cloud-provider', value: 'external' },
      { name: 'provider-id', value: "openstack:///'{{ instance_id }}'" },
    ],
  };
}

function clusterConfiguration() {
  return {
    controllerManager: {
      extraArgs: [{ name: 'cloud-provider', value: 'external' }],
    },
  };
}

/** KubeadmControlPlane(Template) spec.kubeadmConfigSpec. */
export function controlPlaneConfigSpec() {
  return {
    clusterConfiguration: clusterConfiguration(),
    initConfiguration: { nodeRegistration: nodeRegistration() },
    joinConfiguration: { nodeRegistration: nodeRegistration() },
  };
}

/** KubeadmConfigTemplate spec.template.spec for workers. */
export function workerConfigSpec() {
  return { joinConfiguration: { nodeRegistration: nodeRegistration() } };
}

/** The KubeadmConfig spec KCP or a MachineSet generated for one Machine. */
export function machineConfigSpec(machine: MachineModel) {
  if (machine.role === 'worker') return workerConfigSpec();
  if (machine.init) {
    return {
      clusterConfiguration: clusterConfiguration(),
      initConfiguration: { nodeRegistration: nodeRegistration() },
    };
  }
  return {
    joinConfiguration: {
      controlPlane: {},
      nodeRegistration: nodeRegistration(),
    },
  };
}

export function controlPlaneRollout(certificatesExpiryDays?: number) {
  return {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    ...(certificatesExpiryDays ? { before: { certificatesExpiryDays } } : {}),
  };
}

export function workerRollout() {
  return {
    strategy: {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    },
  };
}

export function clusterNetwork() {
  return {
    pods: { cidrBlocks: ['192.168.0.0/16'] },
    services: { cidrBlocks: ['10.96.0.0/12'] },
    serviceDomain: 'cluster.local',
  };
}

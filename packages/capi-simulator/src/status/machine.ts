/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Machine status: phase, addresses, node reference and info, and the
// conditions computed by the Machine reconcile.

import { Cond } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { write } from './layout';

export interface MachineStatusInput {
  phase: string;
  bootstrapReady: boolean;
  infrastructureReady: boolean;
  addresses?: Array<{ type: string; address: string }>;
  nodeRef?: string;
  nodeInfo?: Record<string, unknown>;
  failureDomain?: string;
  certificatesExpiryDate?: string;
  nodeDrainStartTime?: string;
  lastUpdated: string;
  conditions: Cond[];
}

export async function writeMachineStatus(
  scope: ClusterScope,
  machine: KObj,
  s: MachineStatusInput,
) {
  const common = {
    phase: s.phase,
    ...(s.addresses ? { addresses: s.addresses } : {}),
    ...(s.nodeInfo ? { nodeInfo: s.nodeInfo } : {}),
    ...(s.certificatesExpiryDate
      ? { certificatesExpiryDate: s.certificatesExpiryDate }
      : {}),
    ...(s.nodeDrainStartTime
      ? { deletion: { nodeDrainStartTime: s.nodeDrainStartTime } }
      : {}),
    lastUpdated: s.lastUpdated,
  };
  await write(
    scope,
    'Machine',
    machine,
    {
      fields: {
        ...common,
        initialization: {
          bootstrapDataSecretCreated: s.bootstrapReady,
          infrastructureProvisioned: s.infrastructureReady,
        },
        ...(s.nodeRef ? { nodeRef: { name: s.nodeRef } } : {}),
        ...(s.failureDomain ? { failureDomain: s.failureDomain } : {}),
      },
      conditions: s.conditions,
    },
    {
      fields: {
        ...common,
        bootstrapReady: s.bootstrapReady,
        infrastructureReady: s.infrastructureReady,
        ...(s.nodeRef
          ? { nodeRef: { apiVersion: 'v1', kind: 'Node', name: s.nodeRef } }
          : {}),
      },
      legacy: [
        ['Ready', 'Ready'],
        ['BootstrapReady', 'BootstrapConfigReady'],
        ['InfrastructureReady', 'InfrastructureReady'],
        ['NodeHealthy', 'NodeHealthy'],
      ],
    },
  );
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Garbage collection of topology templates left behind by template changes.

import {
  TOPOLOGY_OWNED_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import {
  bootstrapConfigRef,
  infrastructureRef,
  isDeleting,
  isOwnedBy,
  kcpInfrastructureRef,
  labels,
} from '../shapes';

/** Topology templates no KubeadmControlPlane, MachineDeployment or MachineSet refers to any more. */
export async function deleteUnusedTemplates(scope: ClusterScope) {
  const used = new Set<string>();
  const kcp = scope.kcp();
  if (kcp) used.add(kcpInfrastructureRef(kcp)?.name ?? '');
  for (const o of [...scope.machineDeployments(), ...scope.machineSets()]) {
    used.add(bootstrapConfigRef(o.spec?.template?.spec)?.name ?? '');
    used.add(infrastructureRef(o.spec?.template?.spec)?.name ?? '');
  }
  for (const kind of [
    'OpenStackMachineTemplate',
    'KubeadmConfigTemplate',
  ] as const) {
    for (const t of scope.list(kind)) {
      if (used.has(t.metadata.name) || isDeleting(t)) continue;
      if (!(TOPOLOGY_OWNED_LABEL in labels(t)) || !isOwnedBy(t, scope.cluster))
        continue;
      await scope.rt.writer.remove(kind, t);
    }
  }
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The MachineHealthCheck of a topology MachineDeployment, from its worker
// class and the topology's overrides (removed when disabled).

import {
  CLUSTER_NAME_LABEL,
  DEPLOYMENT_NAME_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { isOwnedBy, ownerRef } from '../shapes';
import { applyOwned, ownedLabels } from './ownedObjects';

export async function reconcileHealthCheck(
  scope: ClusterScope,
  name: string,
  workerClass: any,
  mdt: any,
) {
  const hc = workerClass.healthCheck;
  const legacyHc = workerClass.machineHealthCheck;
  const existing = scope.get('MachineHealthCheck', name);
  const enabled =
    (hc || legacyHc) &&
    (mdt.healthCheck?.enabled ?? mdt.machineHealthCheck?.enable) !== false;
  if (!enabled) {
    if (existing && isOwnedBy(existing, scope.cluster))
      await scope.rt.writer.remove('MachineHealthCheck', existing);
    return;
  }
  const selector = {
    matchLabels: {
      [CLUSTER_NAME_LABEL]: scope.name,
      [DEPLOYMENT_NAME_LABEL]: name,
    },
  };
  const spec =
    scope.gen === 'v1beta2'
      ? {
          clusterName: scope.name,
          selector,
          ...(hc?.checks || mdt.healthCheck?.checks
            ? { checks: mdt.healthCheck?.checks ?? hc.checks }
            : {}),
          ...(hc?.remediation || mdt.healthCheck?.remediation
            ? { remediation: mdt.healthCheck?.remediation ?? hc.remediation }
            : {}),
        }
      : { clusterName: scope.name, selector, ...legacyHc };
  await applyOwned(scope, 'MachineHealthCheck', existing, {
    apiVersion: scope.rt.versions.kinds.MachineHealthCheck.apiVersion,
    kind: 'MachineHealthCheck',
    metadata: {
      name,
      namespace: scope.ns,
      labels: ownedLabels(scope),
      ownerReferences: [ownerRef(scope.cluster, false)],
    },
    spec,
  });
}

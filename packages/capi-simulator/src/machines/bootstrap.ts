/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// CABPK: renders a KubeadmConfig's bootstrap data Secret once the cluster
// infrastructure (and, for joining nodes, the control plane) is ready.

import { isoTime } from '../clock';
import {
  CAPI_SECRET_TYPE,
  CERTIFICATES_EXPIRY_ANNOTATION,
  CLUSTER_NAME_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { CONTROLLERS } from '../events';
import { KObj } from '../kube';
import { annotations, createdAt, ownerRef } from '../shapes';
import { writeKubeadmConfigStatus } from '../status';
import { isControlPlane } from './lookups';

const DAY = 24 * 60 * 60 * 1000;

export function isInitConfig(kc: KObj): boolean {
  return !!kc.spec?.initConfiguration && !kc.spec?.joinConfiguration;
}

function bootstrapData(kc: KObj): string {
  const config = isInitConfig(kc) ? 'kubeadm init' : 'kubeadm join';
  return [
    '## template: jinja',
    '#cloud-config',
    '# Simulated bootstrap data (capi-openstack-simulator): never booted anywhere.',
    'runcmd:',
    `  - '${config} --config /run/kubeadm/kubeadm.yaml'`,
    '',
  ].join('\n');
}

export async function reconcileKubeadmConfig(
  scope: ClusterScope,
  machine: KObj,
  kc: KObj,
): Promise<string | undefined> {
  const name = kc.status?.dataSecretName;
  if (name) return name;
  const waiting = (reason: string, message: string) =>
    writeKubeadmConfigStatus(scope, kc, { waiting: { reason, message } });
  if (!scope.infrastructureReady()) {
    await waiting(
      'WaitingForClusterInfrastructure',
      'Waiting for Cluster status.infrastructureReady to be true',
    );
    return undefined;
  }
  if (!isInitConfig(kc) && !scope.controlPlaneInitialized()) {
    await waiting(
      'WaitingForControlPlaneInitialization',
      'Waiting for the control plane to be initialized',
    );
    return undefined;
  }
  const remaining = scope.rt.clock.remaining(
    kc.metadata.uid!,
    'bootstrapData',
    createdAt(kc),
  );
  if (remaining > 0) {
    scope.requeue(remaining);
    await waiting(
      'DataSecretGenerationInProgress',
      'Generating bootstrap data',
    );
    return undefined;
  }
  const secretName = kc.metadata.name;
  await scope.rt.writer.applySecret({
    type: CAPI_SECRET_TYPE,
    metadata: {
      name: secretName,
      namespace: scope.ns,
      labels: { [CLUSTER_NAME_LABEL]: scope.name },
      ownerReferences: [ownerRef(kc)],
    },
    data: {
      format: Buffer.from('cloud-config').toString('base64'),
      value: Buffer.from(bootstrapData(kc)).toString('base64'),
    },
  });
  let current: KObj | undefined = kc;
  if (
    isControlPlane(machine) &&
    !annotations(kc)[CERTIFICATES_EXPIRY_ANNOTATION]
  ) {
    current = await scope.rt.writer.patch('KubeadmConfig', kc, {
      metadata: {
        annotations: {
          [CERTIFICATES_EXPIRY_ANNOTATION]: isoTime(Date.now() + 365 * DAY),
        },
      },
    });
  }
  if (current)
    await writeKubeadmConfigStatus(scope, current, {
      dataSecretName: secretName,
    });
  scope.event({
    regarding: kc,
    controller: CONTROLLERS.kubeadmConfig,
    reason: 'DataSecretCreated',
    action: 'Create',
    note: `Created bootstrap data Secret "${secretName}"`,
  });
  return secretName;
}

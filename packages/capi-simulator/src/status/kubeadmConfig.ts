/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// KubeadmConfig status: the bootstrap data Secret, or why it is not there yet.

import { cond } from '../conditions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { write } from './layout';
import { pausedCond } from './machineConditions';

export async function writeKubeadmConfigStatus(
  scope: ClusterScope,
  config: KObj,
  s: { dataSecretName?: string; waiting?: { reason: string; message: string } },
) {
  const ready = !!s.dataSecretName;
  const conditions = [
    ready
      ? cond('Ready', 'True', 'Ready')
      : cond('Ready', 'False', 'NotReady', s.waiting?.message ?? ''),
    ready
      ? cond('DataSecretAvailable', 'True', 'Available')
      : cond(
          'DataSecretAvailable',
          'False',
          s.waiting?.reason ?? 'NotAvailable',
          s.waiting?.message ?? '',
        ),
    cond('CertificatesAvailable', 'True', 'Available'),
    pausedCond(scope.paused),
  ];
  await write(
    scope,
    'KubeadmConfig',
    config,
    {
      fields: {
        initialization: { dataSecretCreated: ready },
        ...(ready ? { dataSecretName: s.dataSecretName } : {}),
      },
      conditions,
    },
    {
      fields: { ready, ...(ready ? { dataSecretName: s.dataSecretName } : {}) },
      legacy: [
        ['Ready', 'Ready'],
        ['DataSecretAvailable', 'DataSecretAvailable'],
        ['CertificatesAvailable', 'CertificatesAvailable'],
      ],
    },
  );
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mapKubeError } from './kubeErrors';
import { KubeRequestError } from '../errors';

const kubeError = (code: number, reason: string, status: object) => new KubeRequestError(code, reason, `PATCH /apis/x failed: ${code}`, status as any);

describe('mapKubeError', () => {
  it('names unknown fields without quoting the object', () => {
    const huge = JSON.stringify({ spec: { topology: { token: 'x'.repeat(500) } } }).replace(/"/g, '\\"');
    const e = mapKubeError(
      kubeError(422, 'Invalid', {
        message: `Cluster "c" is invalid: patch: Invalid value: "${huge}": strict decoding error: unknown field "spec.topology.controlPlane.rollout"`,
      }),
      'Cluster',
      'c',
    );
    expect((e as any).statusCode).toBe(422);
    expect(e.message).toBe(
      "Cluster c: this management cluster's Cluster API version does not support spec.topology.controlPlane.rollout",
    );
  });

  it('maps validation causes, conflicts, admission denials and outages', () => {
    const invalid = mapKubeError(
      kubeError(422, 'Invalid', { message: 'x', details: { causes: [{ field: 'spec.replicas', message: 'Invalid value: -1: must be >= 0' }] } }),
      'MachineDeployment',
      'md',
    );
    expect(invalid.message).toBe('MachineDeployment md is invalid: spec.replicas: Invalid value: -1: must be >= 0');
    expect(mapKubeError(kubeError(409, 'Conflict', { message: 'the object has been modified' }), 'Cluster', 'c').message).toMatch(
      /changed since you loaded it/,
    );
    const webhook = mapKubeError(
      kubeError(403, 'Forbidden', { message: 'admission webhook "validation.kcp" denied the request: replicas must be odd' }),
      'KubeadmControlPlane',
      'kcp',
    );
    expect([(webhook as any).statusCode, webhook.message]).toEqual([
      422,
      "KubeadmControlPlane kcp was refused by the management cluster's admission control: replicas must be odd",
    ]);
    expect(mapKubeError(new KubeRequestError(0, 'Unreachable', 'x'), 'Cluster', 'c').name).toBe('ServiceUnavailableError');
    expect(mapKubeError(kubeError(403, 'Forbidden', { message: 'no' }), 'Cluster', 'c').message).toMatch(/backend's credentials/);
  });
});

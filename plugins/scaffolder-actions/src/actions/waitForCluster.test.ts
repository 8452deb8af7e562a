/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The verdict handling of the wait action with plain objects (the real
// backend and controllers are in dayTwoActions.integration.test.ts; a Failed verdict
// needs 15 minutes of failure there).

import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ClusterDetailResponse, Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CapiOpenstackService } from '@capi-openstack/backstage-plugin-capi-openstack-node';
import { progressLine, createCapiOpenstackWaitForClusterAction } from './waitForCluster';

function detail(verdict: Verdict, ready: number, reasons: ClusterDetailResponse['health']['reasons'] = []): ClusterDetailResponse {
  return {
    summary: { controlPlane: { desired: 3, ready }, workers: { desired: 2, ready: 0 } },
    health: { verdict, reasons, evaluatedAt: '2026-11-29T10:00:00Z' },
  } as unknown as ClusterDetailResponse;
}

function serviceAnswering(answers: Array<ClusterDetailResponse | undefined>): CapiOpenstackService {
  let i = 0;
  return { getCluster: jest.fn(async () => answers[Math.min(i++, answers.length - 1)]) } as unknown as CapiOpenstackService;
}

describe('capi-openstack:cluster:wait verdicts', () => {
  it('describes progress as machines ready/desired with the first reason', () => {
    expect(
      progressLine(detail('Progressing', 1, [{ object: { kind: 'KubeadmControlPlane', name: 'cp' }, reason: 'ScalingUp', message: 'Scaling up\nmore', severity: 'info' }])),
    ).toBe('Progressing: control plane 1/3 ready, workers 0/2 ready (ScalingUp: Scaling up)');
  });

  it('fails with the reasons when the verdict is Failed', async () => {
    const failed = detail('Failed', 0, [
      { object: { kind: 'OpenStackMachine', name: 'm-1' }, reason: 'InstanceCreateFailed', message: 'Quota exceeded for cores', severity: 'error' },
    ]);
    const capiOpenstack = serviceAnswering([undefined, detail('Progressing', 0), failed]);
    const action = createCapiOpenstackWaitForClusterAction({ capiOpenstack });
    const ctx = createMockActionContext({ input: { cluster: 'mc/ns/c1', intervalSeconds: 0.01, timeoutMinutes: 1 } });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'Cluster mc/ns/c1 failed: OpenStackMachine/m-1: InstanceCreateFailed Quota exceeded for cores',
    );
    expect(capiOpenstack.getCluster).toHaveBeenCalledTimes(3);
  });

  it('rejects a malformed cluster reference, naming the field', async () => {
    const action = createCapiOpenstackWaitForClusterAction({ capiOpenstack: serviceAnswering([]) });
    await expect(action.handler(createMockActionContext({ input: { cluster: 'ns/c1' } }) as any)).rejects.toThrow(
      'cluster "ns/c1" must look like <managementCluster>/<namespace>/<name>',
    );
  });
});

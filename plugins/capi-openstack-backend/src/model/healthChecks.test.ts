/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { durationSeconds, machineHealthCheckOf } from './healthChecks';
import type { KubeObject } from './objects';

const machine = (name: string, healthy: boolean): KubeObject => ({
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Machine',
  metadata: { name },
  status: { conditions: [{ type: 'HealthCheckSucceeded', status: healthy ? 'True' : 'False', reason: healthy ? 'Succeeded' : 'UnhealthyNode' }] },
});

describe('MachineHealthCheck in the tree', () => {
  it('reads Go durations', () => {
    expect([durationSeconds('10m'), durationSeconds('5m0s'), durationSeconds('1h30m'), durationSeconds('300s'), durationSeconds('soon')]).toEqual([
      600, 300, 5400, 300, undefined,
    ]);
  });

  it('reads v1beta2 checks and triggers, and names the unhealthy targets', () => {
    const mhc: KubeObject = {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineHealthCheck',
      metadata: { name: 'c1-md-0', resourceVersion: '42' },
      spec: {
        selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': 'c1-md-0' } },
        checks: { nodeStartupTimeoutSeconds: 600, unhealthyNodeConditions: [{ type: 'Ready', status: 'False', timeoutSeconds: 300 }] },
        remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
      },
      status: { expectedMachines: 3, currentHealthy: 2, remediationsAllowed: 0, targets: ['a', 'b', 'c'] },
    };
    expect(machineHealthCheckOf(mhc, [machine('a', true), machine('b', false), machine('c', true), machine('other', false)])).toEqual({
      name: 'c1-md-0',
      target: 'c1-md-0',
      resourceVersion: '42',
      selector: { 'cluster.x-k8s.io/deployment-name': 'c1-md-0' },
      expectedMachines: 3,
      currentHealthy: 2,
      remediationsAllowed: 0,
      targets: ['a', 'b', 'c'],
      conditions: [],
      unhealthyNodeConditions: [{ type: 'Ready', status: 'False', timeoutSeconds: 300 }],
      nodeStartupTimeoutSeconds: 600,
      maxUnhealthy: '40%',
      unhealthyMachines: ['b'],
    });
  });

  it('reads the v1beta1 shape (durations as strings, maxUnhealthy, unhealthyRange)', () => {
    const mhc: KubeObject = {
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'MachineHealthCheck',
      metadata: { name: 'old' },
      spec: {
        nodeStartupTimeout: '10m',
        unhealthyConditions: [{ type: 'Ready', status: 'Unknown', timeout: '5m0s' }],
        maxUnhealthy: 2,
        unhealthyRange: '[1-3]',
      },
    };
    expect(machineHealthCheckOf(mhc, [])).toMatchObject({
      unhealthyNodeConditions: [{ type: 'Ready', status: 'Unknown', timeoutSeconds: 300 }],
      nodeStartupTimeoutSeconds: 600,
      maxUnhealthy: '2',
      unhealthyRange: '[1-3]',
      unhealthyMachines: [],
    });
  });

  it('names what an edit writes: the object (plain), the topology control plane or pool (ClusterClass)', () => {
    const mhc = (matchLabels: Record<string, string>): KubeObject => ({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineHealthCheck',
      metadata: { name: 'k1-x7f2' },
      spec: { selector: { matchLabels } },
    });
    expect(machineHealthCheckOf(mhc({ 'cluster.x-k8s.io/control-plane': '' }), [], true).target).toBe('control-plane');
    expect(machineHealthCheckOf(mhc({ 'topology.cluster.x-k8s.io/deployment-name': 'md-0' }), [], true).target).toBe('md-0');
    expect(machineHealthCheckOf(mhc({ app: 'x' }), [], true).target).toBeUndefined();
    // A selector that names the MachineDeployment (as some controllers write it): its topology pool.
    const byMd = mhc({ 'cluster.x-k8s.io/deployment-name': 'k1-md-0-abcde' });
    expect(machineHealthCheckOf(byMd, [], true, md => (md === 'k1-md-0-abcde' ? 'md-0' : undefined)).target).toBe('md-0');
    expect(machineHealthCheckOf(mhc({ 'cluster.x-k8s.io/control-plane': '' }), [], false).target).toBe('k1-x7f2');
  });
});

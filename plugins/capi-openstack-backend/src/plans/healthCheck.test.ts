/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { classy, plain } from './__fixtures__/liveObjects';
import { currentSettings, HealthCheckSettings, planSetHealthCheck } from './healthCheck';
import { LiveObjects, PatchWrite } from './types';

const SETTINGS: HealthCheckSettings = {
  nodeStartupTimeoutSeconds: 900,
  unhealthyNodeConditions: [{ type: 'Ready', status: 'False', timeoutSeconds: 600 }],
  maxUnhealthy: '2',
  unhealthyRange: '',
};

function withMhc(gen: 'v1beta2' | 'v1beta1' = 'v1beta2'): LiveObjects {
  const objs = plain(gen);
  const spec =
    gen === 'v1beta2'
      ? {
          clusterName: 'c1',
          selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': 'c1-md-0' } },
          checks: { nodeStartupTimeoutSeconds: 600, unhealthyNodeConditions: [{ type: 'Ready', status: 'Unknown', timeoutSeconds: 300 }] },
          remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' }, templateRef: { kind: 'X', name: 'keep-me' } },
        }
      : {
          clusterName: 'c1',
          selector: { matchLabels: {} },
          nodeStartupTimeout: '10m',
          unhealthyConditions: [{ type: 'Ready', status: 'Unknown', timeout: '5m0s' }],
          maxUnhealthy: '40%',
        };
  objs.healthChecks = [
    { apiVersion: `cluster.x-k8s.io/${gen}`, kind: 'MachineHealthCheck', metadata: { name: 'c1-md-0-mhc', namespace: 'ns', resourceVersion: '77' }, spec },
  ];
  return objs;
}

describe('planSetHealthCheck', () => {
  it('patches a plain v1beta2 MachineHealthCheck: checks and triggerIf, keeping its remediation template', () => {
    const plan = planSetHealthCheck(withMhc(), 'c1-md-0-mhc', SETTINGS);
    const write = plan.writes[0] as PatchWrite;
    expect([write.kind, write.name, write.resourceVersion]).toEqual(['MachineHealthCheck', 'c1-md-0-mhc', '77']);
    expect(write.patch).toEqual({
      spec: {
        checks: { nodeStartupTimeoutSeconds: 900, unhealthyNodeConditions: SETTINGS.unhealthyNodeConditions },
        remediation: { triggerIf: { unhealthyLessThanOrEqualTo: 2, unhealthyInRange: null } },
      },
    });
    expect(plan.message).toBe('MachineHealthCheck c1-md-0-mhc: Ready=False for 600s; node startup 900s; remediation up to 2 unhealthy.');
    expect(plan.primary).toMatchObject({ kind: 'MachineHealthCheck', resourceVersion: '77' });
  });

  it('writes v1beta1 durations and reads them back as the same settings (no-op on repeat)', () => {
    const objs = withMhc('v1beta1');
    expect(currentSettings(objs.healthChecks![0].spec, true)).toEqual({
      nodeStartupTimeoutSeconds: 600,
      unhealthyNodeConditions: [{ type: 'Ready', status: 'Unknown', timeoutSeconds: 300 }],
      maxUnhealthy: '40%',
      unhealthyRange: '',
    });
    const write = planSetHealthCheck(objs, 'c1-md-0-mhc', { ...SETTINGS, maxUnhealthy: '', unhealthyRange: '[1-3]' }).writes[0] as PatchWrite;
    expect(write.patch).toEqual({
      spec: {
        nodeStartupTimeout: '900s',
        unhealthyConditions: [{ type: 'Ready', status: 'False', timeout: '600s' }],
        maxUnhealthy: null,
        unhealthyRange: '[1-3]',
      },
    });
    expect(planSetHealthCheck(objs, 'c1-md-0-mhc', currentSettings(objs.healthChecks![0].spec, true)).writes).toEqual([]);
  });

  it('refuses bad settings naming the field, and an unknown health check with 404', () => {
    const bad = (s: Partial<HealthCheckSettings>) => () => planSetHealthCheck(withMhc(), 'c1-md-0-mhc', { ...SETTINGS, ...s });
    expect(bad({ nodeStartupTimeoutSeconds: -1 })).toThrow(/^nodeStartupTimeoutSeconds must be a whole number/);
    expect(bad({ unhealthyNodeConditions: [{ type: 'Ready', status: 'Maybe', timeoutSeconds: 1 }] })).toThrow(/unhealthyNodeConditions\[0\].status must be True, False or Unknown/);
    expect(bad({ maxUnhealthy: 'lots' })).toThrow(/^maxUnhealthy "lots" must be a count or a percentage/);
    expect(bad({ unhealthyRange: '[3-1]' })).toThrow(/unhealthyRange "\[3-1\]" must be \[min-max\]/);
    expect(bad({ unhealthyRange: '[1-3]' })).toThrow(/set one of them, not both/);
    expect(bad({ unhealthyNodeConditions: [SETTINGS.unhealthyNodeConditions[0], SETTINGS.unhealthyNodeConditions[0]] })).toThrow(/Ready=False is listed twice/);
    expect(() => planSetHealthCheck(withMhc(), 'other', SETTINGS)).toThrow('MachineHealthCheck "other" of Cluster c1 not found');
  });

  it("ClusterClass: the topology's health check of the control plane (merge patch) or of one pool (its list entry)", () => {
    const cp = planSetHealthCheck(classy(), 'control-plane', SETTINGS);
    expect((cp.writes[0] as PatchWrite).patch).toEqual({
      spec: {
        topology: {
          controlPlane: {
            healthCheck: {
              checks: { nodeStartupTimeoutSeconds: 900, unhealthyNodeConditions: SETTINGS.unhealthyNodeConditions },
              remediation: { triggerIf: { unhealthyLessThanOrEqualTo: 2, unhealthyInRange: null } },
            },
          },
        },
      },
    });
    const objs = classy();
    objs.cluster.spec.topology.workers.machineDeployments[1].healthCheck = { enabled: true, remediation: { triggerIf: { unhealthyInRange: '[1-2]' } } };
    const pool = planSetHealthCheck(objs, 'md-1', SETTINGS);
    const pools = ((pool.writes[0] as PatchWrite).patch as any).spec.topology.workers.machineDeployments;
    expect(pools[0]).toEqual(objs.cluster.spec.topology.workers.machineDeployments[0]);
    expect(pools[1].healthCheck).toEqual({
      enabled: true,
      checks: { nodeStartupTimeoutSeconds: 900, unhealthyNodeConditions: SETTINGS.unhealthyNodeConditions },
      remediation: { triggerIf: { unhealthyLessThanOrEqualTo: 2 } },
    });
    expect(pool.changes[0].field).toBe('spec.topology.workers.machineDeployments[name=md-1].healthCheck');
    expect(cp.changes[0].from).toBe("the ClusterClass's health check");
    const v1 = planSetHealthCheck(classy('v1beta1'), 'md-0', SETTINGS);
    expect(((v1.writes[0] as PatchWrite).patch as any).spec.topology.workers.machineDeployments[0].machineHealthCheck).toEqual({
      nodeStartupTimeout: '900s',
      unhealthyConditions: [{ type: 'Ready', status: 'False', timeout: '600s' }],
      maxUnhealthy: 2,
    });
    expect(() => planSetHealthCheck(classy(), 'md-9', SETTINGS)).toThrow(/pool "md-9" not found/);
  });
});

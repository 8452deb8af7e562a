/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The older API generation: CAPI v1.10.10 CRDs store v1beta1 (what Magnum's
// driver and pre-v1.11 management clusters use).

import { plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster } from '@internal/management-cluster/testing';
import {
  condition,
  legacyCondition,
  objects,
  runSimulator,
  waitFor,
} from './testSupport';

const mc = setupManagementCluster('capi-v1.10');

describe('capi-simulator (CAPI v1beta1)', () => {
  it('brings a plain v1beta1 cluster to Available and writes v1beta1 status', async () => {
    const ns = await mc.createNamespace('sim-v1beta1');
    const sim = await runSimulator(mc, ns, 300);
    const o = objects(mc, ns, 'v1beta1');
    try {
      expect(sim.apiVersions.capi).toBe('v1beta1');
      expect(sim.apiVersions.kinds.Machine.apiVersion).toBe(
        'cluster.x-k8s.io/v1beta1',
      );
      expect(sim.apiVersions.kinds.OpenStackServer.apiVersion).toBe(
        'infrastructure.cluster.x-k8s.io/v1alpha1',
      );
      await mc.apply(
        plainClusterObjects({
          name: 'old',
          namespace: ns,
          generation: 'v1beta1',
          controlPlaneReplicas: 3,
          workerReplicas: 2,
        }),
      );
      const cluster = await waitFor(
        'the v1beta1 Cluster to be Available with every machine ready',
        async () => {
          const c = await o.get('Cluster', 'old');
          const v2 = c?.status?.v1beta2;
          return (
            condition(c, 'Available', true)?.status === 'True' &&
            v2?.controlPlane?.readyReplicas === 3 &&
            v2?.workers?.readyReplicas === 2 &&
            c
          );
        },
        30_000,
      );
      // v1beta1 layout: legacy conditions, booleans, failure domain map.
      expect(cluster.status).toMatchObject({
        phase: 'Provisioned',
        infrastructureReady: true,
        controlPlaneReady: true,
      });
      expect(cluster.status.failureDomains).toEqual({
        nova: { controlPlane: true },
      });
      expect(legacyCondition(cluster, 'Ready')?.status).toBe('True');
      expect(legacyCondition(cluster, 'ControlPlaneInitialized')?.status).toBe(
        'True',
      );
      expect(cluster.status.v1beta2.controlPlane).toMatchObject({
        desiredReplicas: 3,
        replicas: 3,
        availableReplicas: 3,
        upToDateReplicas: 3,
      });
      expect(
        cluster.status.conditions.every(
          (c: any) => !('observedGeneration' in c),
        ),
      ).toBe(true);

      const kcp = (await o.get('KubeadmControlPlane', 'old-control-plane'))!;
      expect(kcp.status).toMatchObject({
        initialized: true,
        ready: true,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 3,
        version: 'v1.34.2',
      });
      const md = (await o.get('MachineDeployment', 'old-md-0'))!;
      expect(md.status).toMatchObject({
        replicas: 2,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 0,
        phase: 'Running',
      });
      expect(md.status.v1beta2).toMatchObject({ upToDateReplicas: 2 });

      const machines = await o.list('Machine');
      expect(machines).toHaveLength(5);
      for (const m of machines) {
        // v1beta1 references and node reference.
        expect(m.spec.bootstrap.configRef).toMatchObject({
          apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1',
          kind: 'KubeadmConfig',
          name: m.metadata.name,
        });
        expect(m.spec.infrastructureRef).toMatchObject({
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
          kind: 'OpenStackMachine',
        });
        expect(m.status).toMatchObject({
          phase: 'Running',
          bootstrapReady: true,
          infrastructureReady: true,
          nodeRef: { kind: 'Node', name: m.metadata.name },
        });
        expect(legacyCondition(m, 'Ready')?.status).toBe('True');
        expect(condition(m, 'Ready', true)?.status).toBe('True');
      }
      const configs = await o.list('KubeadmConfig');
      expect(
        configs.every(
          k =>
            k.status.ready === true &&
            k.status.dataSecretName === k.metadata.name,
        ),
      ).toBe(true);
      // The first control plane Machine ran kubeadm init, the others joined.
      expect(configs.filter(k => k.spec.initConfiguration)).toHaveLength(1);
      expect(sim.stats().errors).toBe(0);
    } finally {
      await sim.stop();
    }
  }, 60_000);
});

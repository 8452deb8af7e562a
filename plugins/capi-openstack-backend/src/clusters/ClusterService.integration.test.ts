/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockServices } from '@backstage/backend-test-utils';
import {
  applySeed,
  buildDemoFleet,
  KubeObject,
  startManagementCluster,
} from '@internal/management-cluster';
import { setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StreamChanges } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterService } from './ClusterService';
import { healthyV1beta1ControlPlaneStatus } from '../model/__testUtils__/v1beta1ControlPlaneStatus';

/** The tooling's waitFor with this suite's timeout. */
const waitUntil = <T>(what: string, probe: () => T | undefined, timeoutMs = 30_000) =>
  waitFor(what, probe, { timeoutMs });

/** The kubeconfig files of the services, removed after the suite. */
let kubeconfigDir: string | undefined;
afterAll(() => {
  if (kubeconfigDir) fs.rmSync(kubeconfigDir, { recursive: true, force: true });
});

function serviceFor(kubeconfig: string, namespaces?: string[], tuning = {}) {
  kubeconfigDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'capi-svc-'));
  const file = path.join(kubeconfigDir, `kubeconfig-${fs.readdirSync(kubeconfigDir).length}`);
  fs.writeFileSync(file, kubeconfig);
  return new ClusterService({
    config: {
      managementClusters: [
        { name: 'mc', title: 'MC', source: { type: 'kubeconfig', path: file }, namespaces, skipTLSVerify: false },
      ],
      defaultOwner: 'group:default/platform',
    },
    logger: process.env.DEBUG_SVC ? mockServices.rootLogger({ level: 'debug' }) : mockServices.logger.mock(),
    coalesceMs: 50,
    tuning,
  });
}

const T0 = '2026-09-01T10:00:00Z';
const cond = (type: string, status = 'True', extra = {}) => ({ type, status, lastTransitionTime: T0, ...extra });

/** A healthy plain cluster as CAPI v1.10 stores it (v1beta1), with one control plane machine. */
function v1beta1Cluster(ns: string, name: string): Array<{ manifest: KubeObject; status?: any }> {
  const ref = (apiVersion: string, kind: string, n: string) => ({ apiVersion, kind, name: n, namespace: ns });
  const labels = { 'cluster.x-k8s.io/cluster-name': name };
  return [
    {
      manifest: {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Cluster',
        metadata: { name, namespace: ns, labels },
        spec: {
          controlPlaneRef: ref('controlplane.cluster.x-k8s.io/v1beta1', 'KubeadmControlPlane', `${name}-cp`),
          infrastructureRef: ref('infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackCluster', name),
        },
      },
      status: {
        phase: 'Provisioned',
        infrastructureReady: true,
        controlPlaneReady: true,
        observedGeneration: 1,
        conditions: [cond('Ready'), cond('ControlPlaneReady'), cond('InfrastructureReady')],
      },
    },
    {
      manifest: {
        apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
        kind: 'KubeadmControlPlane',
        metadata: { name: `${name}-cp`, namespace: ns, labels },
        spec: {
          replicas: 1,
          version: 'v1.31.4',
          machineTemplate: {
            infrastructureRef: ref('infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackMachineTemplate', `${name}-cp`),
          },
          kubeadmConfigSpec: {},
        },
      },
      status: {
        ...healthyV1beta1ControlPlaneStatus(),
        version: 'v1.31.4',
        conditions: [cond('Ready'), cond('Available'), cond('MachinesReady')],
      },
    },
    {
      manifest: {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Machine',
        metadata: {
          name: `${name}-cp-abcde`,
          namespace: ns,
          labels: { ...labels, 'cluster.x-k8s.io/control-plane': '', 'cluster.x-k8s.io/control-plane-name': `${name}-cp` },
        },
        spec: {
          clusterName: name,
          version: 'v1.31.4',
          bootstrap: { dataSecretName: `${name}-cp-abcde` },
          infrastructureRef: ref('infrastructure.cluster.x-k8s.io/v1beta1', 'OpenStackMachine', `${name}-cp-abcde`),
          providerID: 'openstack://RegionOne/5b0c7a52-1f7e-4c0a-9e1e-2b1c3d4e5f60',
        },
      },
      status: {
        phase: 'Running',
        nodeRef: { kind: 'Node', name: `${name}-cp-abcde` },
        conditions: [cond('Ready'), cond('InfrastructureReady'), cond('NodeHealthy')],
      },
    },
  ];
}

describe('ClusterService with the CAPI v1.10 CRDs (v1beta1)', () => {
  const mc = setupManagementCluster('capi-v1.10');
  /** A started service watching a new namespace (`prefix`) holding one v1beta1 cluster. */
  const startedWithCluster = async (prefix: string, name: string) => {
    const ns = await mc.createNamespace(prefix);
    await mc.apply(v1beta1Cluster(ns, name));
    const service = serviceFor(mc.kubeconfig('admin'), [ns]);
    await service.start();
    return { ns, service };
  };

  it('discovers v1beta1 and evaluates a v1beta1 cluster', async () => {
    const { ns, service } = await startedWithCluster('v1beta1', 'legacy');
    try {
      // While the first LIST runs a cluster shows up with the objects listed
      // so far; wait for the evaluation once every kind is listed.
      const summary = await waitUntil('the summary', () => {
        const s = service.summary({ managementCluster: 'mc', namespace: ns, name: 'legacy' });
        return service.managementClusters()[0].state === 'synced' && s?.versions.length ? s : undefined;
      }).catch(e => {
        throw new Error(`${e.message}: ${JSON.stringify(service.managementClusters())}`);
      });
      expect(service.managementClusters()[0].apiVersions).toMatchObject({
        Cluster: 'cluster.x-k8s.io/v1beta1',
        KubeadmControlPlane: 'controlplane.cluster.x-k8s.io/v1beta1',
        OpenStackCluster: 'infrastructure.cluster.x-k8s.io/v1beta1',
        OpenStackServer: 'infrastructure.cluster.x-k8s.io/v1alpha1',
      });
      expect(summary.verdict).toBe('Healthy');
      expect(summary.versions).toEqual(['v1.31.4']);
      const detail = service.detail({ managementCluster: 'mc', namespace: ns, name: 'legacy' })!;
      expect(detail.tree.machines.map(m => m.role)).toEqual(['control-plane']);
    } finally {
      await service.stop();
    }
  }, 120_000);

  it('notifies no listener of an Event that changes no summary', async () => {
    const { ns, service } = await startedWithCluster('events', 'quiet');
    try {
      const ref = { managementCluster: 'mc', namespace: ns, name: 'quiet' };
      await waitUntil('the evaluation after the sync', () =>
        service.managementClusters()[0].state === 'synced' && service.summary(ref) ? true : undefined,
      );
      const heard: StreamChanges[] = [];
      service.subscribe(changes => heard.push(changes));
      const machine = (await mc.client.get('cluster.x-k8s.io/v1beta1', 'Machine', ns, 'quiet-cp-abcde'))!;
      await mc.client.create({
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'quiet-cp-abcde.probe', namespace: ns },
        eventTime: new Date().toISOString().replace(/Z$/, '000Z'),
        reportingController: 'capi-openstack.dev/test',
        reportingInstance: 'test',
        action: 'Probing',
        reason: 'ProbeSucceeded',
        type: 'Normal',
        regarding: { apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Machine', namespace: ns, name: machine.metadata.name, uid: machine.metadata.uid },
      } as any);
      await waitUntil('the Event in the timeline', () =>
        service.timeline(ref)?.some(e => e.reason === 'ProbeSucceeded') ? true : undefined,
      );
      // Whatever the Event marked is evaluated now (one cluster: in one slice).
      service.flush();
      expect(heard).toEqual([]);
    } finally {
      await service.stop();
    }
  }, 120_000);
});

describe('ClusterService across an API server restart', () => {
  it('goes stale, resyncs, and ends equal to a fresh LIST', async () => {
    const mc = await startManagementCluster({ log: () => {} });
    const service = serviceFor(mc.kubeconfig('admin'), undefined, { backoff: { initialMs: 4000, maxMs: 8000 } });
    try {
      const fleet = buildDemoFleet({ now: new Date() });
      await mc.client.request('POST', '/api/v1/namespaces', { metadata: { name: 'scratch' } });
      await applySeed(mc.client, fleet);
      await service.start();
      const total = fleet.filter(o => o.manifest.kind === 'Cluster').length;
      // Every kind listed (summaries can be complete while Events are still listing).
      await waitUntil('the initial sync', () =>
        [...service.summaries()].length === total && service.managementClusters()[0].state === 'synced' ? true : undefined,
      );
      const states = new Set<string>();
      const poll = setInterval(() => states.add(service.managementClusters()[0].state), 20);

      // Down for longer than the first retry, so that the watchers fail at
      // least once (a closed watch alone is normal and does not make stale).
      await mc.restartApiServer({ downtimeMs: 5_000 });
      // Changes while the watches are broken (they back off for seconds).
      const victim = fleet.find(o => o.manifest.kind === 'Cluster' && !o.manifest.metadata.finalizers)!.manifest;
      await mc.client.request(
        'DELETE',
        `/apis/cluster.x-k8s.io/v1beta2/namespaces/${victim.metadata.namespace}/clusters/${victim.metadata.name}`,
      );
      await mc.client.create({
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: { name: 'born-during-outage', namespace: 'scratch' },
        spec: { paused: false },
      });

      const fresh = async () =>
        (await mc.client.list('cluster.x-k8s.io/v1beta2', 'Cluster'))
          .map(c => `${c.metadata.namespace}/${c.metadata.name}@${c.metadata.resourceVersion}`)
          .sort();
      const expected = await fresh();
      await waitUntil(
        'the cache to converge',
        () => {
          const ours = [...service.summaries()]
            .map(s => `${s.namespace}/${s.name}@${s.resourceVersion}`)
            .sort();
          return JSON.stringify(ours) === JSON.stringify(expected) ? true : undefined;
        },
        60_000,
      );
      await waitUntil('synced again', () => (service.managementClusters()[0].state === 'synced' ? true : undefined));
      clearInterval(poll);
      expect([...states]).toContain('stale');
      expect(await fresh()).toEqual(expected);
    } finally {
      await service.stop();
      await mc.stop();
    }
  }, 180_000);
});

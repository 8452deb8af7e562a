/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { SEED_DELETE_ANNOTATION as APPLIER_DELETE_ANNOTATION } from '../applySeed';
import {
  buildDemoFleet,
  DEMO_CLASS,
  DEMO_TEAMS,
  FROZEN_LABEL,
  MAGNUM_CLASS,
  MAGNUM_NAMESPACE,
  OWNER_LABEL,
  SNAPSHOT_ANNOTATION,
  SNAPSHOT_IDS,
  type SeedObject,
} from './index';
import { SEED_DELETE_ANNOTATION } from './labels';

const NOW = new Date('2026-09-01T10:10:00Z');
const CLUSTER_NAME = 'cluster.x-k8s.io/cluster-name';

type Json = Record<string, any>;
interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

const fleet = buildDemoFleet({ now: NOW });

const group = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
const key = (
  o: { apiVersion: string; kind: string; name: string },
  ns?: string,
) => `${group(o.apiVersion)}/${o.kind}/${ns ?? ''}/${o.name}`;
const objectKey = (o: SeedObject) =>
  key(
    { ...o.manifest, name: o.manifest.metadata.name },
    o.manifest.metadata.namespace,
  );

const ofKind = (kind: string) => fleet.filter(o => o.manifest.kind === kind);
const spec = (o: SeedObject) => o.manifest.spec as Json;
const status = (o: SeedObject) => (o.status ?? {}) as Json;
const labels = (o: SeedObject) => o.manifest.metadata.labels ?? {};
const cond = (o: SeedObject, type: string) =>
  ((status(o).conditions ?? []) as Cond[]).find(c => c.type === type);
/** The object's condition of `type` has this status and reason. */
const expectCondition = (
  o: SeedObject,
  type: string,
  conditionStatus: string,
  reason: string,
) => expect(cond(o, type)).toMatchObject({ status: conditionStatus, reason });
const minutesBeforeNow = (time: string) =>
  (NOW.getTime() - Date.parse(time)) / 60_000;

const clusters = ofKind('Cluster');
const teamClusters = clusters.filter(c =>
  (DEMO_TEAMS as readonly string[]).includes(c.manifest.metadata.namespace!),
);
function snapshotCluster(id: string): SeedObject {
  const found = clusters.filter(
    c => c.manifest.metadata.annotations?.[SNAPSHOT_ANNOTATION] === id,
  );
  expect(found).toHaveLength(1);
  return found[0];
}
/** Objects of a cluster (by the cluster-name label) of one kind. */
function clusterObjects(c: SeedObject, kind: string): SeedObject[] {
  return fleet.filter(
    o =>
      o.manifest.kind === kind &&
      o.manifest.metadata.namespace === c.manifest.metadata.namespace &&
      labels(o)[CLUSTER_NAME] === c.manifest.metadata.name,
  );
}
const controlPlaneMachines = (c: SeedObject) =>
  clusterObjects(c, 'Machine').filter(
    m => 'cluster.x-k8s.io/control-plane' in labels(m),
  );
const workerMachines = (c: SeedObject) =>
  clusterObjects(c, 'Machine').filter(
    m => !('cluster.x-k8s.io/control-plane' in labels(m)),
  );

describe('buildDemoFleet', () => {
  it('has at least 12 workload clusters in the three team namespaces', () => {
    expect(teamClusters.length).toBeGreaterThanOrEqual(12);
    for (const team of DEMO_TEAMS) {
      expect(
        teamClusters.some(c => c.manifest.metadata.namespace === team),
      ).toBe(true);
    }
    for (const c of teamClusters) {
      expect(labels(c)[OWNER_LABEL]).toBe(c.manifest.metadata.namespace);
    }
  });

  it('covers every snapshot exactly once and freezes exactly those clusters', () => {
    for (const id of SNAPSHOT_IDS) snapshotCluster(id);
    for (const c of clusters) {
      const snapshot = c.manifest.metadata.annotations?.[SNAPSHOT_ANNOTATION];
      const objects = fleet.filter(
        o =>
          o.manifest.metadata.namespace === c.manifest.metadata.namespace &&
          labels(o)[CLUSTER_NAME] === c.manifest.metadata.name,
      );
      expect(objects.length).toBeGreaterThan(5);
      for (const o of objects) {
        expect(labels(o)[FROZEN_LABEL]).toBe(snapshot ? 'frozen' : undefined);
        expect(o.manifest.metadata.annotations?.[SNAPSHOT_ANNOTATION]).toBe(
          snapshot,
        );
      }
    }
  });

  it('has one Magnum cluster of a real Magnum ClusterClass', () => {
    const magnum = clusters.filter(
      c => c.manifest.metadata.namespace === MAGNUM_NAMESPACE,
    );
    expect(magnum).toHaveLength(1);
    const [c] = magnum;
    const name = c.manifest.metadata.name;
    expect(name).toMatch(/^kube-[a-z0-9]{5}$/);
    expect(labels(c)['cluster-uuid']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(labels(c).cni).toBe('calico-v3.29.0');
    expect(spec(c).topology.classRef.name).toBe(MAGNUM_CLASS);
    const classes = ofKind('ClusterClass').filter(
      o =>
        o.manifest.metadata.namespace === MAGNUM_NAMESPACE &&
        o.manifest.metadata.name === MAGNUM_CLASS,
    );
    expect(classes).toHaveLength(1);
    const secrets = ofKind('Secret').map(s => s.manifest.metadata.name);
    expect(secrets).toContain(`${name}-cloud-config`);
    const md = clusterObjects(c, 'MachineDeployment');
    expect(labels(md[0])['topology.cluster.x-k8s.io/deployment-name']).toBe(
      'default-worker',
    );
  });

  it('has the demo ClusterClass in every team namespace and classy clusters using it', () => {
    for (const team of DEMO_TEAMS) {
      const cc = ofKind('ClusterClass').find(
        o =>
          o.manifest.metadata.namespace === team &&
          o.manifest.metadata.name === DEMO_CLASS,
      );
      expect(spec(cc!).kubernetesVersions).toEqual(['v1.33.5', 'v1.34.2']);
      expect(spec(cc!).variables.map((v: Json) => v.name)).toEqual([
        'identityRef',
        'imageName',
        'controlPlaneFlavor',
        'workerFlavor',
        'certificatesExpiryDays',
      ]);
    }
    const classy = teamClusters.filter(
      c => spec(c).topology?.classRef.name === DEMO_CLASS,
    );
    expect(classy.length).toBeGreaterThanOrEqual(2);
    for (const c of classy) {
      const name = c.manifest.metadata.name;
      const [kcp] = clusterObjects(c, 'KubeadmControlPlane');
      expect(kcp.manifest.metadata.name).toMatch(
        new RegExp(`^${name}-[a-z0-9]{5}$`),
      );
      expect(labels(kcp)['topology.cluster.x-k8s.io/owned']).toBe('');
      expect(spec(kcp).rollout.before.certificatesExpiryDays).toBe(21);
      for (const md of clusterObjects(c, 'MachineDeployment')) {
        const pool = labels(md)['topology.cluster.x-k8s.io/deployment-name'];
        expect(md.manifest.metadata.name).toMatch(
          new RegExp(`^${name}-${pool}-[a-z0-9]{5}$`),
        );
      }
    }
  });

  it('labels every object with its cluster except namespaces and classes', () => {
    const classOwned = new Set(['ClusterClass']);
    for (const o of fleet) {
      const { kind } = o.manifest;
      if (
        kind === 'Namespace' ||
        classOwned.has(kind) ||
        o.owner?.kind === 'ClusterClass'
      )
        continue;
      expect([kind, labels(o)[CLUSTER_NAME]]).toEqual([
        kind,
        expect.any(String),
      ]);
    }
  });

  it('creates owners before what they own and has unique objects', () => {
    const seen = new Set<string>();
    const ownerMissing: string[] = [];
    const duplicates: string[] = [];
    for (const o of fleet) {
      if (o.owner && !seen.has(key(o.owner, o.manifest.metadata.namespace))) {
        ownerMissing.push(objectKey(o));
      }
      if (seen.has(objectKey(o))) duplicates.push(objectKey(o));
      seen.add(objectKey(o));
    }
    expect(ownerMissing).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(fleet.filter(o => o.manifest.metadata.ownerReferences)).toEqual([]);
    const firstNonNamespace = fleet.findIndex(
      o => o.manifest.kind !== 'Namespace',
    );
    expect(
      fleet.slice(firstNonNamespace).some(o => o.manifest.kind === 'Namespace'),
    ).toBe(false);
  });

  it('is deterministic for a given now', () => {
    expect(buildDemoFleet({ now: NOW })).toEqual(fleet);
    expect(
      buildDemoFleet({ now: new Date('2026-10-01T00:00:00Z') }),
    ).not.toEqual(fleet);
  });

  it('gives every condition a type, status, reason and a past transition time', () => {
    const bad: string[] = [];
    for (const o of fleet) {
      const v1beta2 =
        /^(cluster|controlplane|bootstrap)\.cluster\.x-k8s\.io\/v1beta2$/.test(
          o.manifest.apiVersion,
        );
      for (const c of (status(o).conditions ?? []) as Cond[]) {
        const ok =
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(c.lastTransitionTime) &&
          Date.parse(c.lastTransitionTime) <= NOW.getTime() &&
          ['True', 'False', 'Unknown'].includes(c.status) &&
          (v1beta2
            ? /^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/.test(c.reason ?? '') &&
              typeof c.message === 'string'
            : c.status === 'True' || Boolean(c.reason));
        if (!ok) bad.push(`${objectKey(o)} ${JSON.stringify(c)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps counters consistent with the Machines', () => {
    for (const c of clusters) {
      const s = status(c);
      const cp = controlPlaneMachines(c);
      const workers = workerMachines(c);
      expect(s.controlPlane.replicas).toBe(cp.length);
      expect(s.workers.replicas).toBe(workers.length);
      const [kcp] = clusterObjects(c, 'KubeadmControlPlane');
      expect(status(kcp).replicas).toBe(cp.length);
      expect(s.controlPlane.desiredReplicas).toBe(spec(kcp).replicas);
      for (const md of clusterObjects(c, 'MachineDeployment')) {
        const mine = workers.filter(
          m =>
            labels(m)['cluster.x-k8s.io/deployment-name'] ===
            md.manifest.metadata.name,
        );
        expect(status(md).replicas).toBe(mine.length);
        expect(status(md).readyReplicas).toBe(
          mine.filter(m => cond(m, 'Ready')?.status === 'True').length,
        );
      }
    }
  });

  it('varies versions, pools, autoscaling, bastions and failure domains', () => {
    const versions = new Set(
      ofKind('KubeadmControlPlane').map(k => spec(k).version),
    );
    expect(versions).toEqual(new Set(['v1.33.5', 'v1.34.2']));
    const autoscaled = ofKind('MachineDeployment').filter(
      md =>
        md.manifest.metadata.annotations?.[
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size'
        ],
    );
    expect(autoscaled.length).toBeGreaterThanOrEqual(1);
    for (const md of autoscaled) expect(spec(md).replicas).toBeUndefined();
    expect(
      ofKind('OpenStackCluster').filter(o => spec(o).bastion?.enabled).length,
    ).toBeGreaterThanOrEqual(2);
    expect(clusters.some(c => status(c).failureDomains.length === 3)).toBe(
      true,
    );
    expect(
      clusters.some(c => clusterObjects(c, 'MachineDeployment').length === 2),
    ).toBe(true);
  });

  it('writes a kubeconfig pointing at the API load balancer', () => {
    const c = snapshotCluster('S2');
    const name = c.manifest.metadata.name;
    const secret = ofKind('Secret').find(
      s => s.manifest.metadata.name === `${name}-kubeconfig`,
    )!;
    expect(secret.manifest.type).toBe('cluster.x-k8s.io/secret');
    const text = Buffer.from(
      (secret.manifest.data as Json).value,
      'base64',
    ).toString('utf8');
    const endpoint = spec(c).controlPlaneEndpoint;
    expect(text).toContain(`server: https://${endpoint.host}:6443`);
    expect(endpoint.host).toMatch(/^203\.0\.113\.\d+$/);
    const cloud = ofKind('Secret').find(
      s => s.manifest.metadata.name === `${name}-cloud-config`,
    )!;
    const clouds = Buffer.from(
      (cloud.manifest.data as Json)['clouds.yaml'],
      'base64',
    ).toString('utf8');
    expect(clouds).toContain('auth_url: http://127.0.0.1:5000/v3');
  });

  describe('snapshot overlays', () => {
    it('S1 provisioning: no machines, infrastructure not ready', () => {
      const c = snapshotCluster('S1');
      expect(status(c).phase).toBe('Provisioning');
      expectCondition(c, 'InfrastructureReady', 'False', 'NotReady');
      expectCondition(c, 'ControlPlaneInitialized', 'False', 'NotInitialized');
      expect(cond(c, 'Available')?.status).toBe('False');
      expect(clusterObjects(c, 'Machine')).toHaveLength(0);
      expect(spec(c).controlPlaneEndpoint).toBeUndefined();
      const [osc] = clusterObjects(c, 'OpenStackCluster');
      expect(status(osc).ready).toBe(false);
      expect(cond(osc, 'Ready')).toBeUndefined();
      expect(
        clusterObjects(c, 'Secret').map(s => s.manifest.metadata.name),
      ).toEqual([`${c.manifest.metadata.name}-cloud-config`]);
    });

    it('S2 healthy', () => {
      const c = snapshotCluster('S2');
      const s = status(c);
      expect(s.phase).toBe('Provisioned');
      expect(s.controlPlane).toMatchObject({
        desiredReplicas: 3,
        replicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        upToDateReplicas: 3,
      });
      expect(s.workers).toMatchObject({
        desiredReplicas: 4,
        replicas: 4,
        readyReplicas: 4,
        availableReplicas: 4,
        upToDateReplicas: 4,
      });
      expect(cond(c, 'Available')?.status).toBe('True');
      expectCondition(c, 'RemoteConnectionProbe', 'True', 'ProbeSucceeded');
      expect(cond(c, 'RollingOut')?.status).toBe('False');
      for (const m of controlPlaneMachines(c))
        expect(status(m).certificatesExpiryDate).toMatch(
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/,
        );
      for (const m of clusterObjects(c, 'Machine')) {
        expect(spec(m).providerID).toMatch(
          /^openstack:\/\/RegionOne\/[0-9a-f-]{36}$/,
        );
        expect(status(m).nodeRef.name).toBe(m.manifest.metadata.name);
      }
    });

    it('S3 control plane upgrade of a classy cluster', () => {
      const c = snapshotCluster('S3');
      expect(spec(c).topology.version).toBe('v1.34.2');
      expect(status(c).controlPlane).toMatchObject({
        desiredReplicas: 3,
        replicas: 4,
        upToDateReplicas: 1,
        versions: [
          { version: 'v1.33.5', replicas: 3 },
          { version: 'v1.34.2', replicas: 1 },
        ],
      });
      expectCondition(c, 'TopologyReconciled', 'False', 'ClusterUpgrading');
      expectCondition(c, 'RollingOut', 'True', 'RollingOut');
      const [kcp] = clusterObjects(c, 'KubeadmControlPlane');
      expect(spec(kcp).version).toBe('v1.34.2');
      expect(status(kcp)).toMatchObject({ replicas: 4, upToDateReplicas: 1 });
      expect(cond(kcp, 'RollingOut')?.message).toBe(
        'Rolling out 3 not up-to-date replicas',
      );
      const old = controlPlaneMachines(c).filter(
        m => spec(m).version === 'v1.33.5',
      );
      expect(old).toHaveLength(3);
      for (const m of old) {
        expect(cond(m, 'UpToDate')).toMatchObject({
          status: 'False',
          reason: 'NotUpToDate',
          message: '* Version v1.33.5, v1.34.2 required',
        });
      }
      const template = fleet.find(
        o =>
          o.manifest.kind === 'OpenStackMachineTemplate' &&
          o.manifest.metadata.name ===
            spec(kcp).machineTemplate.spec.infrastructureRef.name,
      )!;
      expect(spec(template).template.spec.image.filter.name).toBe(
        'ubuntu-2404-kube-v1.34.2',
      );
    });

    it('S4 worker pool scaling from 3 to 5', () => {
      const c = snapshotCluster('S4');
      const [md] = clusterObjects(c, 'MachineDeployment');
      expect(spec(md).replicas).toBe(5);
      expect(status(md)).toMatchObject({
        replicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        upToDateReplicas: 3,
        phase: 'ScalingUp',
      });
      expect(cond(md, 'ScalingUp')).toMatchObject({
        status: 'True',
        message: 'Scaling up from 3 to 5 replicas',
      });
      expect(workerMachines(c)).toHaveLength(3);
      expect(status(c).workers).toMatchObject({
        desiredReplicas: 5,
        replicas: 3,
      });
      expect(cond(c, 'ScalingUp')?.status).toBe('True');
      expect(cond(c, 'WorkersAvailable')?.status).toBe('False');
    });

    it('S5 Nova quota error on scale-up, 10 minutes old', () => {
      const c = snapshotCluster('S5');
      const errored = clusterObjects(c, 'OpenStackServer').filter(
        s => status(s).instanceState === 'ERROR',
      );
      expect(errored).toHaveLength(1);
      const instance = cond(errored[0], 'InstanceReady')!;
      expect(instance).toMatchObject({
        status: 'False',
        reason: 'InstanceCreateFailed',
      });
      expect(instance.message).toContain('Quota exceeded for cores');
      expect(minutesBeforeNow(instance.lastTransitionTime)).toBe(10);
      const machine = clusterObjects(c, 'Machine').find(
        m => m.manifest.metadata.name === errored[0].manifest.metadata.name,
      )!;
      expect(status(machine).phase).toBe('Provisioning');
      expectCondition(
        machine,
        'InfrastructureReady',
        'False',
        'InstanceStateError',
      );
      expect(minutesBeforeNow(cond(c, 'ScalingUp')!.lastTransitionTime)).toBe(
        10,
      );
      expect(cond(c, 'WorkersAvailable')?.status).toBe('False');
    });

    it('S6 bastion still building, cluster healthy', () => {
      const c = snapshotCluster('S6');
      const [osc] = clusterObjects(c, 'OpenStackCluster');
      expect(spec(osc).bastion.enabled).toBe(true);
      expect(status(osc).bastion.state).toBe('BUILD');
      expect(cond(osc, 'Ready')?.status).toBe('True');
      const bastion = clusterObjects(c, 'OpenStackServer').find(
        s => s.manifest.metadata.name === `${c.manifest.metadata.name}-bastion`,
      )!;
      expect(status(bastion)).toMatchObject({
        ready: false,
        instanceState: 'BUILD',
      });
      expect(bastion.owner).toMatchObject({ kind: 'OpenStackCluster' });
      expect(cond(c, 'Available')?.status).toBe('True');
    });

    it('S7 paused', () => {
      const c = snapshotCluster('S7');
      expect(spec(c).paused).toBe(true);
      expect(cond(c, 'Paused')).toMatchObject({
        status: 'True',
        reason: 'Paused',
        message: 'Cluster spec.paused is set to true',
      });
      for (const m of clusterObjects(c, 'Machine'))
        expect(cond(m, 'Paused')?.status).toBe('True');
    });

    it('S8 deleting: finalizer plus the applier delete annotation', () => {
      expect(SEED_DELETE_ANNOTATION).toBe(APPLIER_DELETE_ANNOTATION);
      const c = snapshotCluster('S8');
      expect(c.manifest.metadata.finalizers).toEqual([
        'cluster.cluster.x-k8s.io',
      ]);
      expect(c.manifest.metadata.annotations?.[SEED_DELETE_ANNOTATION]).toBe(
        'true',
      );
      expect(status(c).phase).toBe('Deleting');
      expectCondition(c, 'Deleting', 'True', 'WaitingForControlPlaneDeletion');
      expect(clusterObjects(c, 'MachineDeployment')).toHaveLength(0);
      const [kcp] = clusterObjects(c, 'KubeadmControlPlane');
      expect(kcp.manifest.metadata.finalizers).toEqual([
        'kubeadm.controlplane.cluster.x-k8s.io',
      ]);
      // Only objects with a finalizer may be marked, or they would vanish.
      const marked = fleet.filter(
        o => o.manifest.metadata.annotations?.[SEED_DELETE_ANNOTATION],
      );
      expect(marked.length).toBeGreaterThanOrEqual(2);
      expect(
        marked.filter(o => !o.manifest.metadata.finalizers?.length),
      ).toEqual([]);
    });

    it('S9 API server unreachable', () => {
      const c = snapshotCluster('S9');
      expect(cond(c, 'ControlPlaneInitialized')?.status).toBe('True');
      const probe = cond(c, 'RemoteConnectionProbe')!;
      expect(probe).toMatchObject({ status: 'False', reason: 'ProbeFailed' });
      expect(probe.message).toContain('2026-09-01T09:58:10Z');
      expect(cond(c, 'Available')?.status).toBe('False');
      for (const m of clusterObjects(c, 'Machine')) {
        expectCondition(m, 'NodeHealthy', 'Unknown', 'ConnectionDown');
      }
    });

    it('S10 certificates expiring with rollout.before set', () => {
      const c = snapshotCluster('S10');
      const [kcp] = clusterObjects(c, 'KubeadmControlPlane');
      expect(spec(kcp).rollout.before.certificatesExpiryDays).toBe(21);
      expectCondition(kcp, 'RollingOut', 'True', 'RollingOut');
      const expiring = controlPlaneMachines(c).filter(
        m => status(m).certificatesExpiryDate === '2026-09-15T00:00:00Z',
      );
      expect(expiring).toHaveLength(1);
      expect(cond(expiring[0], 'UpToDate')).toMatchObject({
        status: 'False',
        message: '* Certificates will expire soon',
      });
      expectCondition(c, 'RollingOut', 'True', 'RollingOut');
      expect(status(c).controlPlane.upToDateReplicas).toBe(2);
    });
  });
});

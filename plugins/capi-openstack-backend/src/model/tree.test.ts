/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { isMagnumCluster } from './magnum';
import type { ClusterObjects, KubeObject } from './objects';
import { buildClusterTree } from './tree';
import {
  CLUSTER_NAME,
  S5_MACHINE_NAME,
  SNAPSHOT_NOW,
  buildSnapshot,
} from './__fixtures__/snapshots';

describe('buildClusterTree on the baseline (v1beta2 CAPI, v1beta1 CAPO)', () => {
  const tree = buildClusterTree(buildSnapshot('S2'), SNAPSHOT_NOW);

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it('describes the cluster', () => {
    expect(tree).toMatchObject({
      name: CLUSTER_NAME,
      namespace: 'tenants',
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      phase: 'Provisioned',
      classy: true,
      paused: false,
      magnum: { managed: false },
      controlPlaneEndpoint: { host: '203.0.113.10', port: 6443 },
      counters: {
        controlPlane: {
          desired: 3,
          replicas: 3,
          ready: 3,
          available: 3,
          upToDate: 3,
        },
        workers: {
          desired: 4,
          replicas: 4,
          ready: 4,
          available: 4,
          upToDate: 4,
        },
      },
      topology: {
        className: 'dev-test',
        version: 'v1.33.5',
        controlPlaneReplicas: 3,
        workers: [
          { name: 'md-0', class: 'default-worker', replicas: 3 },
          { name: 'md-1', class: 'default-worker' },
        ],
      },
    });
    expect(tree.deletion).toBeUndefined();
    expect(tree.apiGroupVersions).toEqual([
      'cluster.x-k8s.io/v1beta2',
      'controlplane.cluster.x-k8s.io/v1beta2',
      'infrastructure.cluster.x-k8s.io/v1alpha1',
      'infrastructure.cluster.x-k8s.io/v1beta1',
    ]);
  });

  it('describes the control plane with flavor/image from its template and certificate expiry per machine', () => {
    const cp = tree.controlPlane!;
    expect(cp).toMatchObject({
      name: `${CLUSTER_NAME}-control-plane`,
      kind: 'KubeadmControlPlane',
      version: 'v1.33.5',
      initialized: true,
      counters: {
        desired: 3,
        replicas: 3,
        ready: 3,
        available: 3,
        upToDate: 3,
      },
      infrastructureTemplate: `${CLUSTER_NAME}-control-plane-8x2kq`,
      flavor: { name: 'm1.large' },
      image: { name: 'ubuntu-2404-kube-v1.33.5' },
      rollout: {},
    });
    expect(cp.certificates).toHaveLength(3);
    expect(cp.certificates[0]).toEqual({
      machine: `${CLUSTER_NAME}-control-plane-abcde`,
      expiry: '2027-08-01T09:00:00.000Z',
    });
    expect(cp.conditions.map(c => c.type)).toContain('EtcdClusterHealthy');
  });

  it('describes the pools with topology names, autoscaler bounds and machine sets', () => {
    expect(
      tree.pools.map(p => [p.name, p.topologyName, p.class, p.flavor?.name]),
    ).toEqual([
      ['team-a-md-0', 'md-0', 'default-worker', 'm1.xlarge'],
      ['team-a-md-1', 'md-1', 'default-worker', 'm1.medium'],
    ]);
    expect(tree.pools[0].autoscaler).toBeUndefined();
    expect(tree.pools[1].autoscaler).toEqual({ min: 1, max: 5 });
    expect(tree.pools[0].machineSets).toEqual([
      expect.objectContaining({
        name: 'team-a-md-0-5f8d7',
        revision: '1',
        machines: [
          'team-a-md-0-q4w8e',
          'team-a-md-0-r5t9y',
          'team-a-md-0-u6i0o',
        ],
      }),
    ]);
  });

  it('lists machines control plane first, linked to pools and servers', () => {
    expect(tree.machines.map(m => `${m.role}:${m.pool}:${m.name}`)).toEqual([
      'control-plane:team-a-control-plane:team-a-control-plane-abcde',
      'control-plane:team-a-control-plane:team-a-control-plane-fghij',
      'control-plane:team-a-control-plane:team-a-control-plane-klmno',
      'worker:team-a-md-0:team-a-md-0-q4w8e',
      'worker:team-a-md-0:team-a-md-0-r5t9y',
      'worker:team-a-md-0:team-a-md-0-u6i0o',
      'worker:team-a-md-1:team-a-md-1-p3l7k',
    ]);
    const w = tree.machines[3];
    expect(w).toMatchObject({
      machineSet: 'team-a-md-0-5f8d7',
      phase: 'Running',
      version: 'v1.33.5',
      providerID: 'openstack://RegionOne/00000004-aaaa-4bbb-8ccc-000000000004',
      nodeName: 'team-a-md-0-q4w8e',
      infrastructureRef: {
        kind: 'OpenStackMachine',
        name: 'team-a-md-0-q4w8e',
      },
      server: {
        source: 'OpenStackServer',
        instanceId: '00000004-aaaa-4bbb-8ccc-000000000004',
        state: 'ACTIVE',
        flavor: { name: 'm1.xlarge', resolvedId: 'flavor-m1.xlarge' },
        availabilityZone: 'az1',
        addresses: [{ type: 'InternalIP', address: '10.6.0.14' }],
        ready: true,
      },
    });
    expect(w.certificatesExpiryDate).toBeUndefined();
    expect(w.server?.failureMessage).toBeUndefined();
  });

  it('describes the OpenStackCluster', () => {
    expect(tree.infrastructure).toMatchObject({
      kind: 'OpenStackCluster',
      ready: true,
      network: { id: 'net-id' },
      subnets: [{ id: 'subnet-id', cidr: '10.6.0.0/24' }],
      router: { id: 'router-id', ips: ['203.0.113.5'] },
      externalNetwork: { id: 'ext-net-id', name: 'public' },
      apiServerLoadBalancer: {
        id: 'lb-id',
        ip: '203.0.113.10',
        internalIP: '10.6.0.5',
      },
      bastion: { enabled: false },
      failureDomains: [
        { name: 'az1', controlPlane: true },
        { name: 'az2', controlPlane: true },
        { name: 'az3', controlPlane: true },
      ],
    });
    expect(tree.infrastructure!.bastion.badge).toBeUndefined();
  });

  it('describes health checks and versions', () => {
    expect(tree.machineHealthChecks).toEqual([
      expect.objectContaining({
        name: 'team-a-md-0',
        expectedMachines: 3,
        currentHealthy: 3,
        remediationAllowed: 'True',
        targets: [
          'team-a-md-0-q4w8e',
          'team-a-md-0-r5t9y',
          'team-a-md-0-u6i0o',
        ],
      }),
    ]);
    expect(tree.versions).toEqual({
      desired: 'v1.33.5',
      observed: [
        { version: 'v1.33.5', replicas: 3, scope: 'controlPlane' },
        { version: 'v1.33.5', replicas: 4, scope: 'workers' },
      ],
    });
  });
});

describe('buildClusterTree on other snapshots', () => {
  it('S3: desired and observed versions during an upgrade', () => {
    const t = buildClusterTree(buildSnapshot('S3'));
    expect(t.versions.desired).toBe('v1.34.2');
    expect(t.versions.observed.filter(v => v.scope === 'controlPlane')).toEqual(
      [
        { version: 'v1.33.5', replicas: 3, scope: 'controlPlane' },
        { version: 'v1.34.2', replicas: 1, scope: 'controlPlane' },
      ],
    );
    expect(t.controlPlane?.counters.upToDate).toBe(1);
  });

  it('S5: the failing server of the new machine', () => {
    const t = buildClusterTree(buildSnapshot('S5'));
    const m = t.machines.find(x => x.name === S5_MACHINE_NAME)!;
    expect(m.phase).toBe('Provisioning');
    expect(m.providerID).toBeUndefined();
    expect(m.nodeName).toBeUndefined();
    expect(m.server).toMatchObject({
      source: 'OpenStackServer',
      state: 'ERROR',
      ready: false,
    });
    expect(m.server?.failureMessage).toContain('Quota exceeded for cores');
    expect(t.pools[0].machineSets[0].machines).toContain(S5_MACHINE_NAME);
  });

  it('S6: bastion with its badge', () => {
    const t = buildClusterTree(buildSnapshot('S6'), SNAPSHOT_NOW);
    expect(t.infrastructure?.bastion).toEqual({
      enabled: true,
      name: 'team-a-bastion',
      state: 'BUILD',
      ready: false,
      badge: 'Progressing',
      message: 'Bastion server is BUILD',
    });
    // The bastion is not a machine.
    expect(t.machines.some(m => m.name === 'team-a-bastion')).toBe(false);
  });

  it('S6: the OpenStackServer state wins over the (older) OpenStackCluster status.bastion', () => {
    const objs = buildSnapshot('S6', {
      objects: [
        {
          kind: 'OpenStackServer',
          name: 'team-a-bastion',
          patch: { status: { ready: true, instanceState: 'ACTIVE' } },
        },
      ],
    });
    const t = buildClusterTree(objs, SNAPSHOT_NOW);
    expect(t.infrastructure?.bastion).toMatchObject({
      state: 'ACTIVE',
      ready: true,
      badge: 'Healthy',
    });
  });

  it('S7 and S8: paused and deletion info', () => {
    expect(buildClusterTree(buildSnapshot('S7')).paused).toBe(true);
    expect(buildClusterTree(buildSnapshot('S8')).deletion).toEqual({
      deletionTimestamp: '2026-09-01T12:00:00.000Z',
      finalizers: ['cluster.cluster.x-k8s.io'],
      reason: 'WaitingForControlPlaneDeletion',
      message: 'Waiting for KubeadmControlPlane to be deleted',
    });
  });

  it('S10: rollout.before and certificate expiry', () => {
    const t = buildClusterTree(buildSnapshot('S10'));
    expect(t.controlPlane?.rollout).toEqual({
      before: { certificatesExpiryDays: 21 },
    });
    expect(t.controlPlane?.certificates[0].expiry).toBe(
      '2026-09-15T00:00:00.000Z',
    );
  });
});

/** Magnum-style v1beta1 objects, linked by owner references and v1beta1 refs. */
function v1beta1Objects(): ClusterObjects {
  const ns = 'magnum-system';
  const cl = 'kube-ab12c';
  const capo = 'infrastructure.cluster.x-k8s.io/v1beta1';
  const meta = (name: string, extra: Record<string, any> = {}) => ({
    name,
    namespace: ns,
    ...extra,
    labels: { 'cluster.x-k8s.io/cluster-name': cl, ...(extra.labels ?? {}) },
  });
  const machine = (
    name: string,
    owner: { kind: string; name: string },
    labels: Record<string, string>,
  ): KubeObject => ({
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Machine',
    metadata: meta(name, {
      labels,
      ownerReferences: [{ ...owner, controller: true }],
    }),
    spec: {
      clusterName: cl,
      version: 'v1.31.1',
      failureDomain: 'nova',
      infrastructureRef: {
        apiVersion: capo,
        kind: 'OpenStackMachine',
        name: `${name}-osm`,
        namespace: ns,
      },
    },
    status: {
      phase: 'Running',
      nodeRef: { apiVersion: 'v1', kind: 'Node', name },
    },
  });
  return {
    cluster: {
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: {
        name: cl,
        namespace: ns,
        labels: {
          'cluster-uuid': '5d12f6fd-a196-4bf0-ae4c-1f639a523a52',
          cni: 'calico-v3.28.0',
        },
      },
      spec: {
        controlPlaneRef: {
          apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
          kind: 'KubeadmControlPlane',
          name: `${cl}-cp`,
          namespace: ns,
        },
        infrastructureRef: {
          apiVersion: capo,
          kind: 'OpenStackCluster',
          name: `${cl}-osc`,
          namespace: ns,
        },
        topology: {
          class: 'magnum-v0.38.1',
          version: 'v1.31.1',
          workers: {
            machineDeployments: [
              { class: 'default-worker', name: 'default-worker' },
            ],
          },
        },
      },
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: '2026-09-01T08:00:00Z',
          },
        ],
      },
    },
    controlPlane: {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
      kind: 'KubeadmControlPlane',
      metadata: meta(`${cl}-cp`),
      spec: {
        replicas: 1,
        version: 'v1.31.1',
        rolloutBefore: { certificatesExpiryDays: 30 },
        rolloutAfter: '2026-08-30T00:00:00Z',
        machineTemplate: {
          infrastructureRef: {
            apiVersion: capo,
            kind: 'OpenStackMachineTemplate',
            name: `${cl}-cp-tpl`,
            namespace: ns,
          },
        },
      },
      status: {
        replicas: 1,
        readyReplicas: 1,
        updatedReplicas: 1,
        initialized: true,
      },
    },
    machineDeployments: [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'MachineDeployment',
        metadata: meta(`${cl}-default-worker-x`, {
          labels: {
            'topology.cluster.x-k8s.io/deployment-name': 'default-worker',
          },
        }),
        spec: {
          replicas: 2,
          rolloutAfter: '2026-08-31T00:00:00Z',
          template: {
            spec: {
              version: 'v1.31.1',
              infrastructureRef: {
                apiVersion: capo,
                kind: 'OpenStackMachineTemplate',
                name: 'missing-tpl',
                namespace: ns,
              },
            },
          },
        },
        // No status yet: counters must stay absent, not 0.
      },
    ],
    machineSets: [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'MachineSet',
        metadata: meta(`${cl}-default-worker-x-1`, {
          ownerReferences: [
            {
              kind: 'MachineDeployment',
              name: `${cl}-default-worker-x`,
              controller: true,
            },
          ],
        }),
        spec: { replicas: 2 },
        status: {
          replicas: 2,
          readyReplicas: 1,
          availableReplicas: 1,
          v1beta2: { upToDateReplicas: 2 },
        },
      },
    ],
    machines: [
      machine(
        `${cl}-cp-aaaaa`,
        { kind: 'KubeadmControlPlane', name: `${cl}-cp` },
        { 'cluster.x-k8s.io/control-plane': '' },
      ),
      // Worker linked by owner reference only (no set-name / deployment-name labels).
      machine(
        `${cl}-default-worker-x-1-bbbbb`,
        { kind: 'MachineSet', name: `${cl}-default-worker-x-1` },
        {},
      ),
    ],
    openStackCluster: {
      apiVersion: capo,
      kind: 'OpenStackCluster',
      metadata: meta(`${cl}-osc`),
      spec: { bastion: { enabled: false } },
      status: {
        ready: true,
        apiServerLoadBalancer: {
          id: 'lb',
          ip: '198.51.100.7',
          internalIP: '10.0.0.3',
          allowedCIDRs: ['0.0.0.0/0'],
        },
        failureDomains: { nova: { controlPlane: true } },
      },
    },
    openStackMachines: [
      {
        apiVersion: capo,
        kind: 'OpenStackMachine',
        metadata: meta(`${cl}-cp-aaaaa-osm`),
        spec: { flavor: 'ds4G', image: { id: 'img-1' } },
        status: {
          ready: true,
          instanceID: 'srv-1',
          instanceState: 'ACTIVE',
          addresses: [{ type: 'InternalIP', address: '10.0.0.10' }],
        },
      },
      {
        apiVersion: capo,
        kind: 'OpenStackMachine',
        metadata: meta(`${cl}-default-worker-x-1-bbbbb-osm`),
        spec: {
          flavorID: 'f-123',
          image: {
            filter: { name: 'ubuntu-2204-kube-v1.31.1', tags: ['kube'] },
          },
        },
        status: {
          ready: false,
          instanceState: 'ERROR',
          failureReason: 'UpdateError',
          failureMessage: 'OpenStack instance state "ERROR" is unexpected',
        },
      },
    ],
    openStackServers: [],
    machineHealthChecks: [],
    openStackMachineTemplates: [
      {
        apiVersion: capo,
        kind: 'OpenStackMachineTemplate',
        metadata: meta(`${cl}-cp-tpl`),
        spec: {
          template: { spec: { flavor: 'ds4G', image: { id: 'img-1' } } },
        },
      },
    ],
  };
}

describe('buildClusterTree on v1beta1 objects (Magnum view, CAPO v0.14)', () => {
  const t = buildClusterTree(v1beta1Objects());

  it('reads v1beta1 topology, refs and counters', () => {
    expect(t.topology).toEqual({
      className: 'magnum-v0.38.1',
      version: 'v1.31.1',
      workers: [{ name: 'default-worker', class: 'default-worker' }],
    });
    expect(t.controlPlane).toMatchObject({
      infrastructureTemplate: 'kube-ab12c-cp-tpl',
      flavor: { name: 'ds4G' },
      image: { id: 'img-1' },
      initialized: true,
      counters: { desired: 1, replicas: 1, ready: 1, upToDate: 1 },
      rollout: {
        before: { certificatesExpiryDays: 30 },
        after: '2026-08-30T00:00:00.000Z',
      },
    });
    // v1beta1 KCP has no availableReplicas: absent, not 0.
    expect(t.controlPlane?.counters.available).toBeUndefined();
    expect(t.pools[0].counters).toEqual({ desired: 2 });
    expect(t.pools[0].rollout).toEqual({ after: '2026-08-31T00:00:00.000Z' });
    expect(t.pools[0].machineSets[0].counters).toEqual({
      desired: 2,
      replicas: 2,
      ready: 1,
      available: 1,
      upToDate: 2,
    });
  });

  it('links machines through owner references and v1beta1 infrastructureRefs', () => {
    const w = t.machines.find(m => m.role === 'worker')!;
    expect(w).toMatchObject({
      pool: 'kube-ab12c-default-worker-x',
      machineSet: 'kube-ab12c-default-worker-x-1',
      nodeName: 'kube-ab12c-default-worker-x-1-bbbbb',
      infrastructureRef: {
        kind: 'OpenStackMachine',
        name: 'kube-ab12c-default-worker-x-1-bbbbb-osm',
      },
      server: {
        source: 'OpenStackMachine',
        state: 'ERROR',
        ready: false,
        availabilityZone: 'nova',
        flavor: { id: 'f-123' },
        image: { name: 'ubuntu-2204-kube-v1.31.1', tags: ['kube'] },
        failureMessage: 'OpenStack instance state "ERROR" is unexpected',
      },
    });
    // Pool flavor falls back to the first machine when the template is missing.
    expect(t.pools[0].flavor).toEqual({ id: 'f-123' });
    expect(t.machines[0].role).toBe('control-plane');
    expect(t.machines[0].pool).toBe('kube-ab12c-cp');
  });

  it('reads the CAPO v1beta1 OpenStackCluster', () => {
    expect(t.infrastructure).toMatchObject({
      ready: true,
      apiServerLoadBalancer: {
        id: 'lb',
        ip: '198.51.100.7',
        internalIP: '10.0.0.3',
        allowedCIDRs: ['0.0.0.0/0'],
      },
      failureDomains: [{ name: 'nova', controlPlane: true }],
      bastion: { enabled: false },
    });
  });

  it('counts observed versions from the machines when no status reports them', () => {
    expect(t.versions.observed).toEqual([
      { version: 'v1.31.1', replicas: 1, scope: 'controlPlane' },
      { version: 'v1.31.1', replicas: 1, scope: 'workers' },
    ]);
  });

  it('flags the Magnum cluster with its UUID', () => {
    expect(t.magnum).toEqual({
      managed: true,
      uuid: '5d12f6fd-a196-4bf0-ae4c-1f639a523a52',
    });
  });
});

describe('CAPO v1beta2 field names', () => {
  it('reads flavor/image objects, apiServerManagedLoadBalancer, failure domain list and initialization.provisioned', () => {
    const objs = buildSnapshot('S2');
    const osc = objs.openStackCluster!;
    osc.apiVersion = 'infrastructure.cluster.x-k8s.io/v1beta2';
    delete osc.status.ready;
    delete osc.status.apiServerLoadBalancer;
    osc.status.apiServerManagedLoadBalancer = { id: 'lb2', ip: '192.0.2.1' };
    osc.status.failureDomains = [
      { name: 'zone-b' },
      { name: 'zone-a', controlPlane: true },
    ];
    const tpl = objs.openStackMachineTemplates!.find(
      x => x.metadata.name === 'team-a-md-0-tpl',
    )!;
    tpl.spec.template.spec.flavor = { filter: { name: 'g1.large' } };
    tpl.spec.template.spec.image = { imageRef: { name: 'node-image' } };
    const t = buildClusterTree(objs);
    expect(t.infrastructure).toMatchObject({
      ready: true,
      apiServerLoadBalancer: { id: 'lb2', ip: '192.0.2.1' },
      failureDomains: [
        { name: 'zone-a', controlPlane: true },
        { name: 'zone-b' },
      ],
    });
    expect(t.pools[0].flavor).toEqual({ name: 'g1.large' });
    expect(t.pools[0].image).toEqual({ imageRef: 'node-image' });
  });
});

describe('isMagnumCluster', () => {
  const cluster = (
    namespace: string,
    labels: Record<string, string>,
  ): KubeObject => ({
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: { name: 'kube-ab12c', namespace, labels },
  });

  it('needs both the magnum-system namespace and the cluster-uuid label', () => {
    expect(
      isMagnumCluster(cluster('magnum-system', { 'cluster-uuid': 'u' })),
    ).toBe(true);
    expect(isMagnumCluster(cluster('magnum-system', {}))).toBe(false);
    expect(isMagnumCluster(cluster('tenants', { 'cluster-uuid': 'u' }))).toBe(
      false,
    );
  });

  it('is reflected in the tree', () => {
    expect(buildClusterTree(buildSnapshot('S2')).magnum.managed).toBe(false);
  });
});

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import { isMagnumCluster } from './magnum';
import type { ClusterObjects, KubeObject } from './objects';
import { buildClusterTree } from './tree';
import {
  SNAPSHOT_NOW,
  buildFleetCluster,
  buildSnapshot,
  s5FailedMachineName,
} from './__testUtils__/snapshots';

const named = (list: KubeObject[], name: string) =>
  list.find(o => o.metadata.name === name)!;

describe('buildClusterTree on the baseline S2 (plain, v1beta2 CAPI, v1beta1 CAPO)', () => {
  const objs = buildSnapshot('S2');
  const tree = buildClusterTree(objs, SNAPSHOT_NOW);
  const cpNames = [
    'payments-prod-control-plane-ftgj5',
    'payments-prod-control-plane-hbxj7',
    'payments-prod-control-plane-kd8t2',
  ];
  const workerNames = [
    'payments-prod-md-0-dd666-4w7t5',
    'payments-prod-md-0-dd666-b7g66',
    'payments-prod-md-0-dd666-htcmn',
    'payments-prod-md-0-dd666-l42sg',
  ];

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it('describes the cluster', () => {
    expect(tree).toMatchObject({
      name: 'payments-prod',
      namespace: 'team-payments',
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      phase: 'Provisioned',
      classy: false,
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
    });
    expect(tree.topology).toBeUndefined();
    expect(tree.deletion).toBeUndefined();
    expect(tree.apiGroupVersions).toEqual([
      'bootstrap.cluster.x-k8s.io/v1beta2',
      'cluster.x-k8s.io/v1beta2',
      'controlplane.cluster.x-k8s.io/v1beta2',
      'infrastructure.cluster.x-k8s.io/v1alpha1',
      'infrastructure.cluster.x-k8s.io/v1beta1',
    ]);
  });

  it('describes the control plane with flavor/image from its template and certificate expiry per machine', () => {
    const cp = tree.controlPlane!;
    expect(cp).toMatchObject({
      name: 'payments-prod-control-plane',
      kind: 'KubeadmControlPlane',
      version: 'v1.34.2',
      initialized: true,
      counters: {
        desired: 3,
        replicas: 3,
        ready: 3,
        available: 3,
        upToDate: 3,
      },
      infrastructureTemplate: 'payments-prod-control-plane',
      flavor: { name: 'm1.large' },
      image: { name: 'ubuntu-2404-kube-v1.34.2' },
      rollout: {},
    });
    expect(cp.certificates).toEqual(
      cpNames.map(machine => ({
        machine,
        expiry: new Date(
          named(objs.machines, machine).status.certificatesExpiryDate,
        ).toISOString(),
      })),
    );
    expect(cp.certificates[0].expiry).toBe('2027-02-03T10:13:00.000Z');
    expect(cp.conditions.map(c => c.type)).toContain('EtcdClusterHealthy');
  });

  it('describes the pool with its machine set, and no topology name or autoscaler', () => {
    expect(
      tree.pools.map(p => [p.name, p.topologyName, p.class, p.flavor?.name]),
    ).toEqual([['payments-prod-md-0', undefined, undefined, 'c2.xlarge']]);
    expect(tree.pools[0].autoscaler).toBeUndefined();
    expect(tree.pools[0].machineSets).toEqual([
      expect.objectContaining({
        name: 'payments-prod-md-0-dd666',
        revision: '1',
        machines: workerNames,
      }),
    ]);
  });

  it('lists machines control plane first, linked to pools and servers', () => {
    expect(tree.machines.map(m => `${m.role}:${m.pool}:${m.name}`)).toEqual([
      ...cpNames.map(n => `control-plane:payments-prod-control-plane:${n}`),
      ...workerNames.map(n => `worker:payments-prod-md-0:${n}`),
    ]);
    const w = tree.machines[3];
    const server = named(objs.openStackServers, workerNames[0]);
    const instanceId = server.status.instanceID;
    expect(instanceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(w).toMatchObject({
      machineSet: 'payments-prod-md-0-dd666',
      phase: 'Running',
      version: 'v1.34.2',
      providerID: `openstack://RegionOne/${instanceId}`,
      nodeName: workerNames[0],
      infrastructureRef: {
        kind: 'OpenStackMachine',
        name: workerNames[0],
      },
      server: {
        source: 'OpenStackServer',
        instanceId,
        state: 'ACTIVE',
        flavor: {
          name: 'c2.xlarge',
          resolvedId: server.status.resolved.flavorID,
        },
        addresses: [{ type: 'InternalIP', address: '10.6.0.190' }],
        ready: true,
      },
    });
    expect(w.certificatesExpiryDate).toBeUndefined();
    expect(w.server?.failureMessage).toBeUndefined();
    expect(tree.machines[0].server?.availabilityZone).toBe('nova');
  });

  it('describes the OpenStackCluster', () => {
    const status = objs.openStackCluster!.status;
    expect(tree.infrastructure).toMatchObject({
      kind: 'OpenStackCluster',
      ready: true,
      network: { id: status.network.id },
      subnets: [{ id: status.network.subnets[0].id, cidr: '10.6.0.0/24' }],
      router: { id: status.router.id, ips: ['203.0.113.11'] },
      externalNetwork: { id: status.externalNetwork.id, name: 'public' },
      apiServerLoadBalancer: {
        id: status.apiServerLoadBalancer.id,
        ip: '203.0.113.10',
        internalIP: '10.6.0.131',
      },
      bastion: { enabled: false },
      failureDomains: [{ name: 'nova', controlPlane: true }],
    });
    expect(tree.infrastructure!.bastion.badge).toBeUndefined();
  });

  it('sorts the failure domains of a CAPO v1beta1 map', () => {
    const osc = structuredClone(objs.openStackCluster!);
    osc.status.failureDomains = {
      az2: { controlPlane: true },
      az1: { controlPlane: true },
      az3: { controlPlane: true },
    };
    const t = buildClusterTree({ ...objs, openStackCluster: osc });
    expect(t.infrastructure?.failureDomains).toEqual([
      { name: 'az1', controlPlane: true },
      { name: 'az2', controlPlane: true },
      { name: 'az3', controlPlane: true },
    ]);
  });

  it('describes health checks and versions', () => {
    expect(tree.machineHealthChecks).toEqual([
      expect.objectContaining({
        name: 'payments-prod-md-0-unhealthy',
        expectedMachines: 4,
        currentHealthy: 4,
        remediationAllowed: 'True',
        targets: workerNames,
      }),
    ]);
    expect(tree.versions).toEqual({
      desired: 'v1.34.2',
      observed: [
        { version: 'v1.34.2', replicas: 3, scope: 'controlPlane' },
        { version: 'v1.34.2', replicas: 4, scope: 'workers' },
      ],
    });
  });
});

describe('buildClusterTree on fleet clusters beyond the baseline', () => {
  it('a classy cluster: topology, pools with topology names and classes, failure domains', () => {
    const t = buildClusterTree(
      buildFleetCluster('team-data', 'data-warehouse'),
      SNAPSHOT_NOW,
    );
    expect(t).toMatchObject({
      classy: true,
      topology: {
        className: 'capi-openstack-demo',
        version: 'v1.34.2',
        controlPlaneReplicas: 3,
        workers: [
          { name: 'md-0', class: 'default-worker', replicas: 3 },
          { name: 'md-1', class: 'default-worker', replicas: 3 },
        ],
      },
    });
    expect(
      t.pools.map(p => [p.name, p.topologyName, p.class, p.flavor?.name]),
    ).toEqual([
      ['data-warehouse-md-0-rrrch', 'md-0', 'default-worker', 'm1.xlarge'],
      ['data-warehouse-md-1-xdfqj', 'md-1', 'default-worker', 'c2.xlarge'],
    ]);
    expect(
      t.machines
        .filter(m => m.role === 'worker')
        .map(m => [m.pool, m.server?.availabilityZone]),
    ).toEqual([
      ['data-warehouse-md-0-rrrch', 'az1'],
      ['data-warehouse-md-0-rrrch', 'az1'],
      ['data-warehouse-md-0-rrrch', 'az1'],
      ['data-warehouse-md-1-xdfqj', 'az2'],
      ['data-warehouse-md-1-xdfqj', 'az2'],
      ['data-warehouse-md-1-xdfqj', 'az2'],
    ]);
    expect(t.infrastructure?.failureDomains).toEqual([
      { name: 'az1', controlPlane: true },
      { name: 'az2', controlPlane: true },
      { name: 'az3', controlPlane: true },
    ]);
  });

  it('an autoscaled pool: autoscaler bounds', () => {
    const t = buildClusterTree(
      buildFleetCluster('team-payments', 'payments-batch'),
      SNAPSHOT_NOW,
    );
    expect(t.pools.map(p => [p.name, p.autoscaler])).toEqual([
      ['payments-batch-md-0', undefined],
      ['payments-batch-md-batch', { min: 1, max: 8 }],
    ]);
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
    const name = s5FailedMachineName();
    const m = t.machines.find(x => x.name === name)!;
    expect(m.phase).toBe('Provisioning');
    expect(m.providerID).toBeUndefined();
    expect(m.nodeName).toBeUndefined();
    expect(m.server).toMatchObject({
      source: 'OpenStackServer',
      state: 'ERROR',
      ready: false,
    });
    expect(m.server?.failureMessage).toContain('Quota exceeded for cores');
    expect(t.pools[0].machineSets[0].machines).toContain(name);
  });

  it('S6: bastion with its badge', () => {
    const objs = buildSnapshot('S6');
    const t = buildClusterTree(objs, SNAPSHOT_NOW);
    expect(t.infrastructure?.bastion).toEqual({
      enabled: true,
      name: 'platform-tools-bastion',
      state: 'BUILD',
      ip: objs.openStackCluster!.status.bastion.ip,
      ready: false,
      badge: 'Progressing',
      message: 'Bastion server is BUILD',
    });
    // The bastion is not a machine.
    expect(t.machines.some(m => m.name === 'platform-tools-bastion')).toBe(
      false,
    );
  });

  it('S6: the OpenStackServer state wins over the (older) OpenStackCluster status.bastion', () => {
    const objs = buildSnapshot('S6', {
      objects: [
        {
          kind: 'OpenStackServer',
          name: 'platform-tools-bastion',
          patch: { status: { ready: true, instanceState: 'ACTIVE' } },
        },
      ],
    });
    expect(objs.openStackCluster!.status.bastion.state).toBe('BUILD');
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
      // The seed's deletion is requested when it is applied, i.e. at now.
      deletionTimestamp: '2026-09-01T10:10:00.000Z',
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
  const input = v1beta1Objects();
  const t = buildClusterTree(input);

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
    expect(input.openStackCluster!.status.apiServerLoadBalancer.ip).toBe(
      '198.51.100.7',
    );
    expect(t.infrastructure).toMatchObject({
      ready: true,
      apiServerLoadBalancer:
        input.openStackCluster!.status.apiServerLoadBalancer,
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
    const tpl = named(objs.openStackMachineTemplates!, 'payments-prod-md-0');
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

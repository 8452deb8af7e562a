/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { ClusterObjects, KubeObject } from '../objects';

/**
 * Test fixtures: the status snapshots S1..S10 of section 7 of the domain doc.
 * Each snapshot is the healthy baseline S2 with an overlay applied; a
 * condition in an overlay replaces the baseline condition of the same type on
 * that object, other fields are deep-merged, arrays replaced. Conditions
 * without `lastTransitionTime` get "5 minutes before now" (the doc's rule).
 *
 * Unnamed `machine` / `machineDeployment` overlays hit the first
 * control-plane Machine / the first MachineDeployment.
 */

/** The doc's evaluation time. */
export const SNAPSHOT_NOW = new Date('2026-09-01T10:10:00Z');
const DEFAULT_LTT = new Date(SNAPSHOT_NOW.getTime() - 5 * 60_000).toISOString();

export type SnapshotId =
  | 'S1'
  | 'S2'
  | 'S3'
  | 'S4'
  | 'S5'
  | 'S6'
  | 'S7'
  | 'S8'
  | 'S9'
  | 'S10';
export const SNAPSHOT_IDS: SnapshotId[] = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S10',
];

/** The doc's expected verdicts at {@link SNAPSHOT_NOW}. */
export const EXPECTED_VERDICTS: Record<SnapshotId, Verdict> = {
  S1: 'Progressing',
  S2: 'Healthy',
  S3: 'Progressing',
  S4: 'Progressing',
  S5: 'Progressing',
  S6: 'Healthy',
  S7: 'Paused',
  S8: 'Deleting',
  S9: 'Degraded',
  S10: 'Progressing',
};

type Patch = Record<string, any>;
type NamedKind =
  | 'Machine'
  | 'OpenStackMachine'
  | 'OpenStackServer'
  | 'MachineDeployment';

/** Changes applied to the baseline. */
export interface Overlay {
  cluster?: Patch;
  kubeadmControlPlane?: Patch;
  /** First MachineDeployment. */
  machineDeployment?: Patch;
  /** First control-plane Machine. */
  machine?: Patch;
  openStackCluster?: Patch;
  /** Objects added before the patches. */
  add?: KubeObject[];
  /** Patches of named objects. */
  objects?: Array<{ kind: NamedKind; name: string; patch: Patch }>;
}

export const NAMESPACE = 'tenants';
export const CLUSTER_NAME = 'team-a';
const CREATED = '2026-08-01T09:00:00Z';
const V1 = 'v1.33.5';
const CAPI = 'cluster.x-k8s.io/v1beta2';
const CAPO = 'infrastructure.cluster.x-k8s.io/v1beta1';
const OSS_API = 'infrastructure.cluster.x-k8s.io/v1alpha1';

const cond = (
  type: string,
  status = 'True',
  reason?: string,
  message?: string,
) => ({
  type,
  status,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

function meta(name: string, extra: Record<string, any> = {}) {
  return {
    name,
    namespace: NAMESPACE,
    uid: `uid-${name}`,
    generation: 1,
    creationTimestamp: CREATED,
    ...extra,
    labels: {
      'cluster.x-k8s.io/cluster-name': CLUSTER_NAME,
      ...(extra.labels ?? {}),
    },
  };
}

interface MachineSpecInput {
  name: string;
  index: number;
  role: 'cp' | 'worker';
  md?: string;
  ms?: string;
  az: string;
  flavor: string;
}

/** A running Machine with its OpenStackMachine and OpenStackServer. */
function machineTriple(i: MachineSpecInput): KubeObject[] {
  const serverId = `0000000${i.index}-aaaa-4bbb-8ccc-${String(i.index).padStart(
    12,
    '0',
  )}`;
  const ip = `10.6.0.${10 + i.index}`;
  const labels: Record<string, string> =
    i.role === 'cp'
      ? {
          'cluster.x-k8s.io/control-plane': '',
          'cluster.x-k8s.io/control-plane-name': `${CLUSTER_NAME}-control-plane`,
        }
      : {
          'cluster.x-k8s.io/deployment-name': i.md!,
          'cluster.x-k8s.io/set-name': i.ms!,
        };
  const owner =
    i.role === 'cp'
      ? {
          apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
          kind: 'KubeadmControlPlane',
          name: `${CLUSTER_NAME}-control-plane`,
          controller: true,
        }
      : { apiVersion: CAPI, kind: 'MachineSet', name: i.ms!, controller: true };
  const machine: KubeObject = {
    apiVersion: CAPI,
    kind: 'Machine',
    metadata: meta(i.name, { labels, ownerReferences: [owner] }),
    spec: {
      clusterName: CLUSTER_NAME,
      version: V1,
      providerID: `openstack://RegionOne/${serverId}`,
      failureDomain: i.az,
      bootstrap: {
        configRef: {
          apiGroup: 'bootstrap.cluster.x-k8s.io',
          kind: 'KubeadmConfig',
          name: i.name,
        },
      },
      infrastructureRef: {
        apiGroup: 'infrastructure.cluster.x-k8s.io',
        kind: 'OpenStackMachine',
        name: i.name,
      },
    },
    status: {
      observedGeneration: 1,
      phase: 'Running',
      nodeRef: { name: i.name },
      addresses: [{ type: 'InternalIP', address: ip }],
      initialization: {
        bootstrapDataSecretCreated: true,
        infrastructureProvisioned: true,
      },
      ...(i.role === 'cp'
        ? { certificatesExpiryDate: '2027-08-01T09:00:00Z' }
        : {}),
      conditions: [
        cond('Ready', 'True', 'Ready'),
        cond('Available', 'True', 'Available'),
        cond('UpToDate', 'True', 'UpToDate'),
        cond('BootstrapConfigReady', 'True', 'Ready'),
        cond('InfrastructureReady', 'True', 'Ready'),
        cond('NodeReady', 'True', 'NodeReady'),
        cond('NodeHealthy', 'True', 'NodeHealthy'),
      ],
    },
  };
  const osmSpec = {
    flavor: i.flavor,
    image: { filter: { name: `ubuntu-2404-kube-${V1}` } },
    sshKeyName: 'team-a',
  };
  const osm: KubeObject = {
    apiVersion: CAPO,
    kind: 'OpenStackMachine',
    metadata: meta(i.name, {
      labels: labels,
      ownerReferences: [
        { apiVersion: CAPI, kind: 'Machine', name: i.name, controller: true },
      ],
    }),
    spec: { ...osmSpec, providerID: `openstack://RegionOne/${serverId}` },
    status: {
      ready: true,
      instanceID: serverId,
      instanceState: 'ACTIVE',
      addresses: [{ type: 'InternalIP', address: ip }],
      resolved: { flavorID: `flavor-${i.flavor}`, imageID: 'image-2404-1335' },
      conditions: [
        cond('Ready', 'True'),
        cond('InstanceReady', 'True'),
        ...(i.role === 'cp'
          ? [cond('APIServerIngressReadyCondition', 'True')]
          : []),
      ],
    },
  };
  const oss: KubeObject = {
    apiVersion: OSS_API,
    kind: 'OpenStackServer',
    metadata: meta(i.name, {
      ownerReferences: [
        { apiVersion: CAPO, kind: 'OpenStackMachine', name: i.name },
      ],
    }),
    spec: { ...osmSpec, availabilityZone: i.az },
    status: {
      ready: true,
      instanceID: serverId,
      instanceState: 'ACTIVE',
      addresses: [{ type: 'InternalIP', address: ip }],
      resolved: { flavorID: `flavor-${i.flavor}`, imageID: 'image-2404-1335' },
      conditions: [cond('InstanceReady', 'True')],
    },
  };
  return [machine, osm, oss];
}

/** A worker Machine still being provisioned (no server yet), with its OpenStackMachine/OpenStackServer. */
export function provisioningWorker(
  md: string,
  ms: string,
  name: string,
): KubeObject[] {
  const [machine, osm, oss] = machineTriple({
    name,
    index: 9,
    role: 'worker',
    md,
    ms,
    az: 'az1',
    flavor: 'm1.xlarge',
  });
  delete machine.spec.providerID;
  delete osm.spec.providerID;
  machine.status = {
    phase: 'Provisioning',
    initialization: { bootstrapDataSecretCreated: true },
    conditions: [
      cond('Ready', 'False', 'NotReady'),
      cond('InfrastructureReady', 'False', 'NotReady'),
    ],
  };
  osm.status = {
    ready: false,
    conditions: [cond('Ready', 'False'), cond('InstanceReady', 'False')],
  };
  oss.status = { ready: false, conditions: [cond('InstanceReady', 'False')] };
  return [machine, osm, oss];
}

/** The healthy baseline S2 (conditions without `lastTransitionTime` are filled by {@link buildSnapshot}). */
export function buildBaseline(): ClusterObjects {
  const cpName = `${CLUSTER_NAME}-control-plane`;
  const cluster: KubeObject = {
    apiVersion: CAPI,
    kind: 'Cluster',
    metadata: {
      name: CLUSTER_NAME,
      namespace: NAMESPACE,
      uid: 'uid-team-a',
      generation: 2,
      creationTimestamp: CREATED,
      labels: { 'topology.cluster.x-k8s.io/owned': '' },
      finalizers: ['cluster.cluster.x-k8s.io'],
      managedFields: [
        {
          manager: 'kubectl',
          operation: 'Update',
          time: '2026-08-01T09:00:00Z',
        },
        {
          manager: 'manager',
          operation: 'Update',
          subresource: 'status',
          time: '2026-09-01T10:05:00Z',
        },
      ],
    },
    spec: {
      controlPlaneEndpoint: { host: '203.0.113.10', port: 6443 },
      controlPlaneRef: {
        apiGroup: 'controlplane.cluster.x-k8s.io',
        kind: 'KubeadmControlPlane',
        name: cpName,
      },
      infrastructureRef: {
        apiGroup: 'infrastructure.cluster.x-k8s.io',
        kind: 'OpenStackCluster',
        name: CLUSTER_NAME,
      },
      topology: {
        classRef: { name: 'dev-test' },
        version: V1,
        controlPlane: { replicas: 3 },
        workers: {
          machineDeployments: [
            { class: 'default-worker', name: 'md-0', replicas: 3 },
            { class: 'default-worker', name: 'md-1' },
          ],
        },
      },
    },
    status: {
      observedGeneration: 2,
      phase: 'Provisioned',
      initialization: {
        infrastructureProvisioned: true,
        controlPlaneInitialized: true,
      },
      controlPlane: {
        desiredReplicas: 3,
        replicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        upToDateReplicas: 3,
        versions: [{ version: V1, replicas: 3 }],
      },
      workers: {
        desiredReplicas: 4,
        replicas: 4,
        readyReplicas: 4,
        availableReplicas: 4,
        upToDateReplicas: 4,
        versions: [{ version: V1, replicas: 4 }],
      },
      conditions: [
        cond('Available', 'True', 'Available'),
        cond('ControlPlaneInitialized', 'True'),
        cond('RemoteConnectionProbe', 'True', 'ProbeSucceeded'),
        cond('RollingOut', 'False'),
      ],
    },
  };

  const kcp: KubeObject = {
    apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
    kind: 'KubeadmControlPlane',
    metadata: meta(cpName, {
      labels: { 'topology.cluster.x-k8s.io/owned': '' },
      ownerReferences: [
        {
          apiVersion: CAPI,
          kind: 'Cluster',
          name: CLUSTER_NAME,
          controller: true,
        },
      ],
    }),
    spec: {
      replicas: 3,
      version: V1,
      machineTemplate: {
        spec: {
          infrastructureRef: {
            apiGroup: 'infrastructure.cluster.x-k8s.io',
            kind: 'OpenStackMachineTemplate',
            name: `${cpName}-8x2kq`,
          },
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      upToDateReplicas: 3,
      version: V1,
      versions: [{ version: V1, replicas: 3 }],
      initialization: { controlPlaneInitialized: true },
      conditions: [
        cond('Available', 'True', 'Available'),
        cond('Initialized', 'True'),
        cond('CertificatesAvailable', 'True'),
        cond('EtcdClusterHealthy', 'True', 'Healthy'),
        cond('ControlPlaneComponentsHealthy', 'True', 'Healthy'),
        cond('MachinesReady', 'True', 'Ready'),
        cond('MachinesUpToDate', 'True', 'UpToDate'),
        cond('RollingOut', 'False', 'NotRollingOut'),
        cond('Remediating', 'False', 'NotRemediating'),
      ],
    },
  };

  const md = (
    name: string,
    topoName: string,
    replicas: number,
    annotations?: Record<string, string>,
  ): KubeObject => ({
    apiVersion: CAPI,
    kind: 'MachineDeployment',
    metadata: meta(name, {
      annotations,
      labels: {
        'topology.cluster.x-k8s.io/owned': '',
        'topology.cluster.x-k8s.io/deployment-name': topoName,
      },
      ownerReferences: [
        { apiVersion: CAPI, kind: 'Cluster', name: CLUSTER_NAME },
      ],
    }),
    spec: {
      clusterName: CLUSTER_NAME,
      replicas,
      template: {
        spec: {
          clusterName: CLUSTER_NAME,
          version: V1,
          bootstrap: {
            configRef: {
              apiGroup: 'bootstrap.cluster.x-k8s.io',
              kind: 'KubeadmConfigTemplate',
              name: `${name}-bt`,
            },
          },
          infrastructureRef: {
            apiGroup: 'infrastructure.cluster.x-k8s.io',
            kind: 'OpenStackMachineTemplate',
            name: `${name}-tpl`,
          },
        },
      },
    },
    status: {
      observedGeneration: 1,
      phase: 'Running',
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      upToDateReplicas: replicas,
      conditions: [
        cond('Available', 'True', 'Available'),
        cond('MachinesReady', 'True', 'Ready'),
        cond('MachinesUpToDate', 'True', 'UpToDate'),
        cond('RollingOut', 'False', 'NotRollingOut'),
        cond('ScalingUp', 'False', 'NotScalingUp'),
        cond('ScalingDown', 'False', 'NotScalingDown'),
        cond('Remediating', 'False', 'NotRemediating'),
      ],
    },
  });
  const md0 = md(`${CLUSTER_NAME}-md-0`, 'md-0', 3);
  const md1 = md(`${CLUSTER_NAME}-md-1`, 'md-1', 1, {
    'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
    'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
  });

  const ms = (name: string, mdName: string, replicas: number): KubeObject => ({
    apiVersion: CAPI,
    kind: 'MachineSet',
    metadata: meta(name, {
      annotations: { 'machinedeployment.clusters.x-k8s.io/revision': '1' },
      labels: { 'cluster.x-k8s.io/deployment-name': mdName },
      ownerReferences: [
        {
          apiVersion: CAPI,
          kind: 'MachineDeployment',
          name: mdName,
          controller: true,
        },
      ],
    }),
    spec: {
      clusterName: CLUSTER_NAME,
      replicas,
      template: {
        spec: {
          version: V1,
          infrastructureRef: {
            apiGroup: 'infrastructure.cluster.x-k8s.io',
            kind: 'OpenStackMachineTemplate',
            name: `${mdName}-tpl`,
          },
        },
      },
    },
    status: {
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      upToDateReplicas: replicas,
    },
  });
  const ms0 = ms(`${CLUSTER_NAME}-md-0-5f8d7`, md0.metadata.name, 3);
  const ms1 = ms(`${CLUSTER_NAME}-md-1-9c4b2`, md1.metadata.name, 1);

  const triples = [
    machineTriple({
      name: `${cpName}-abcde`,
      index: 1,
      role: 'cp',
      az: 'az1',
      flavor: 'm1.large',
    }),
    machineTriple({
      name: `${cpName}-fghij`,
      index: 2,
      role: 'cp',
      az: 'az2',
      flavor: 'm1.large',
    }),
    machineTriple({
      name: `${cpName}-klmno`,
      index: 3,
      role: 'cp',
      az: 'az3',
      flavor: 'm1.large',
    }),
    machineTriple({
      name: `${CLUSTER_NAME}-md-0-q4w8e`,
      index: 4,
      role: 'worker',
      md: md0.metadata.name,
      ms: ms0.metadata.name,
      az: 'az1',
      flavor: 'm1.xlarge',
    }),
    machineTriple({
      name: `${CLUSTER_NAME}-md-0-r5t9y`,
      index: 5,
      role: 'worker',
      md: md0.metadata.name,
      ms: ms0.metadata.name,
      az: 'az2',
      flavor: 'm1.xlarge',
    }),
    machineTriple({
      name: `${CLUSTER_NAME}-md-0-u6i0o`,
      index: 6,
      role: 'worker',
      md: md0.metadata.name,
      ms: ms0.metadata.name,
      az: 'az3',
      flavor: 'm1.xlarge',
    }),
    machineTriple({
      name: `${CLUSTER_NAME}-md-1-p3l7k`,
      index: 7,
      role: 'worker',
      md: md1.metadata.name,
      ms: ms1.metadata.name,
      az: 'az1',
      flavor: 'm1.medium',
    }),
  ];

  const osc: KubeObject = {
    apiVersion: CAPO,
    kind: 'OpenStackCluster',
    metadata: meta(CLUSTER_NAME, {
      ownerReferences: [
        {
          apiVersion: CAPI,
          kind: 'Cluster',
          name: CLUSTER_NAME,
          controller: true,
        },
      ],
    }),
    spec: {
      identityRef: {
        name: `${CLUSTER_NAME}-cloud-config`,
        cloudName: 'openstack',
      },
      externalNetwork: { id: 'ext-net-id' },
      managedSubnets: [{ cidr: '10.6.0.0/24' }],
      apiServerLoadBalancer: { enabled: true },
      controlPlaneEndpoint: { host: '203.0.113.10', port: 6443 },
    },
    status: {
      ready: true,
      initialization: { provisioned: true },
      network: {
        id: 'net-id',
        name: `k8s-clusterapi-cluster-${NAMESPACE}-${CLUSTER_NAME}`,
        subnets: [
          {
            id: 'subnet-id',
            name: `k8s-clusterapi-cluster-${NAMESPACE}-${CLUSTER_NAME}`,
            cidr: '10.6.0.0/24',
          },
        ],
      },
      router: {
        id: 'router-id',
        name: `k8s-clusterapi-cluster-${NAMESPACE}-${CLUSTER_NAME}`,
        ips: ['203.0.113.5'],
      },
      externalNetwork: { id: 'ext-net-id', name: 'public' },
      apiServerLoadBalancer: {
        id: 'lb-id',
        name: `k8s-clusterapi-cluster-${NAMESPACE}-${CLUSTER_NAME}-kubeapi`,
        ip: '203.0.113.10',
        internalIP: '10.6.0.5',
      },
      failureDomains: {
        az2: { controlPlane: true },
        az1: { controlPlane: true },
        az3: { controlPlane: true },
      },
      conditions: [
        cond('Ready', 'True'),
        cond('NetworkReady', 'True'),
        cond('RouterReady', 'True'),
        cond('SecurityGroupsReady', 'True'),
        cond('APIEndpointReady', 'True'),
      ],
    },
  };

  const mhc: KubeObject = {
    apiVersion: CAPI,
    kind: 'MachineHealthCheck',
    metadata: meta(`${CLUSTER_NAME}-md-0`, {
      ownerReferences: [
        { apiVersion: CAPI, kind: 'Cluster', name: CLUSTER_NAME },
      ],
    }),
    spec: {
      clusterName: CLUSTER_NAME,
      selector: {
        matchLabels: { 'topology.cluster.x-k8s.io/deployment-name': 'md-0' },
      },
      checks: { nodeStartupTimeoutSeconds: 600 },
    },
    status: {
      expectedMachines: 3,
      currentHealthy: 3,
      remediationsAllowed: 3,
      targets: triples.slice(3, 6).map(t => t[0].metadata.name),
      conditions: [cond('RemediationAllowed', 'True')],
    },
  };

  const template = (name: string, flavor: string): KubeObject => ({
    apiVersion: CAPO,
    kind: 'OpenStackMachineTemplate',
    metadata: meta(name),
    spec: {
      template: {
        spec: {
          flavor,
          image: { filter: { name: `ubuntu-2404-kube-${V1}` } },
          sshKeyName: 'team-a',
        },
      },
    },
  });

  return {
    cluster,
    controlPlane: kcp,
    machineDeployments: [md0, md1],
    machineSets: [ms0, ms1],
    machines: triples.map(t => t[0]),
    openStackCluster: osc,
    openStackMachines: triples.map(t => t[1]),
    openStackServers: triples.map(t => t[2]),
    machineHealthChecks: [mhc],
    kubeadmConfigs: [],
    openStackMachineTemplates: [
      template(`${cpName}-8x2kq`, 'm1.large'),
      template(`${md0.metadata.name}-tpl`, 'm1.xlarge'),
      template(`${md1.metadata.name}-tpl`, 'm1.medium'),
    ],
  };
}

function isPlainObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeConditions(base: any[], patch: any[]): any[] {
  const out = base.map(c => ({ ...c }));
  for (const c of patch) {
    const i = out.findIndex(x => x.type === c.type);
    if (i >= 0) out[i] = { ...c };
    else out.push({ ...c });
  }
  return out;
}

/** Deep merge; `conditions` arrays merge by type, other arrays are replaced. */
function merge(target: Record<string, any>, patch: Patch): void {
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'conditions' && Array.isArray(v) && Array.isArray(target[k])) {
      target[k] = mergeConditions(target[k], v);
    } else if (isPlainObject(v) && isPlainObject(target[k])) {
      merge(target[k], v);
    } else if (v === undefined) {
      delete target[k];
    } else {
      target[k] = structuredClone(v);
    }
  }
}

const NAMED_LISTS: Record<NamedKind, keyof ClusterObjects> = {
  Machine: 'machines',
  OpenStackMachine: 'openStackMachines',
  OpenStackServer: 'openStackServers',
  MachineDeployment: 'machineDeployments',
};

const ADD_LISTS: Record<string, keyof ClusterObjects> = {
  ...NAMED_LISTS,
  MachineSet: 'machineSets',
  MachineHealthCheck: 'machineHealthChecks',
  KubeadmConfig: 'kubeadmConfigs',
  OpenStackMachineTemplate: 'openStackMachineTemplates',
};

/** Applies an overlay to a deep copy of `objs`. A patch value `undefined` deletes the field. */
export function applyOverlay(
  objs: ClusterObjects,
  overlay: Overlay,
): ClusterObjects {
  const out = structuredClone(objs);
  for (const o of overlay.add ?? []) {
    const list = ADD_LISTS[o.kind];
    if (!list) throw new Error(`cannot add kind ${o.kind}`);
    ((out[list] as KubeObject[] | undefined) ?? ((out as any)[list] = [])).push(
      structuredClone(o),
    );
  }
  if (overlay.cluster) merge(out.cluster, overlay.cluster);
  if (overlay.kubeadmControlPlane)
    merge(out.controlPlane!, overlay.kubeadmControlPlane);
  if (overlay.machineDeployment)
    merge(out.machineDeployments[0], overlay.machineDeployment);
  if (overlay.machine) {
    const m = out.machines.find(
      x => x.metadata.labels?.['cluster.x-k8s.io/control-plane'] !== undefined,
    );
    merge(m!, overlay.machine);
  }
  if (overlay.openStackCluster)
    merge(out.openStackCluster!, overlay.openStackCluster);
  for (const { kind, name, patch } of overlay.objects ?? []) {
    const target = (out[NAMED_LISTS[kind]] as KubeObject[]).find(
      o => o.metadata.name === name,
    );
    if (!target) throw new Error(`${kind}/${name} not in the fixture`);
    merge(target, patch);
  }
  return out;
}

/** Gives every condition without `lastTransitionTime` the doc's default (5 minutes before now). */
export function fillTransitionTimes(
  objs: ClusterObjects,
  ltt: string = DEFAULT_LTT,
): ClusterObjects {
  const all: (KubeObject | undefined)[] = [
    objs.cluster,
    objs.controlPlane,
    objs.openStackCluster,
    ...objs.machineDeployments,
    ...objs.machineSets,
    ...objs.machines,
    ...objs.openStackMachines,
    ...objs.openStackServers,
    ...objs.machineHealthChecks,
  ];
  for (const o of all) {
    const lists = [
      o?.status?.conditions,
      o?.status?.v1beta2?.conditions,
      o?.status?.deprecated?.v1beta1?.conditions,
    ];
    for (const l of lists) {
      if (!Array.isArray(l)) continue;
      for (const c of l) if (!c.lastTransitionTime) c.lastTransitionTime = ltt;
    }
  }
  return objs;
}

const CP = `${CLUSTER_NAME}-control-plane`;
const X7 = `${CLUSTER_NAME}-md-0-x7k2p`;
const NOVA_403 =
  'error creating Openstack instance: Expected HTTP response code [202] when accessing [POST https://nova.example:8774/v2.1/servers], but got 403 instead: {"forbidden": {"code": 403, "message": "Quota exceeded for cores: Requested 8, but already used 96 of 100 cores"}}';

/** The overlays of section 7, transcribed. */
export const SNAPSHOT_OVERLAYS: Record<SnapshotId, Overlay> = {
  S1: {
    cluster: {
      status: {
        phase: 'Provisioning',
        conditions: [
          cond(
            'InfrastructureReady',
            'False',
            'NotReady',
            'OpenStackCluster status.initialization.provisioned is false',
          ),
          cond('ControlPlaneInitialized', 'False', 'NotInitialized'),
          cond('Available', 'False', 'NotAvailable'),
        ],
      },
    },
  },
  S2: {},
  S3: {
    cluster: {
      spec: { topology: { version: 'v1.34.2' } },
      status: {
        controlPlane: {
          desiredReplicas: 3,
          replicas: 4,
          upToDateReplicas: 1,
          versions: [
            { version: 'v1.33.5', replicas: 3 },
            { version: 'v1.34.2', replicas: 1 },
          ],
        },
        conditions: [
          cond('TopologyReconciled', 'False', 'ClusterUpgrading'),
          cond('RollingOut', 'True', 'RollingOut'),
        ],
      },
    },
    kubeadmControlPlane: {
      spec: { version: 'v1.34.2' },
      status: {
        replicas: 4,
        upToDateReplicas: 1,
        conditions: [
          cond(
            'RollingOut',
            'True',
            'RollingOut',
            'Rolling out 3 not up-to-date replicas',
          ),
        ],
      },
    },
    machine: {
      status: {
        conditions: [
          cond(
            'UpToDate',
            'False',
            'NotUpToDate',
            '* Version v1.33.5, v1.34.2 required',
          ),
        ],
      },
    },
  },
  S4: {
    machineDeployment: {
      spec: { replicas: 5 },
      status: {
        replicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        upToDateReplicas: 3,
        phase: 'ScalingUp',
        conditions: [
          cond(
            'ScalingUp',
            'True',
            'ScalingUp',
            'Scaling up from 3 to 5 replicas',
          ),
          cond(
            'Available',
            'False',
            'NotAvailable',
            '3 available replicas, at least 5 required (spec.strategy.rollout.maxUnavailable is 0, spec.replicas is 5)',
          ),
        ],
      },
    },
    cluster: {
      status: {
        conditions: [
          cond('WorkersAvailable', 'False', 'NotAvailable'),
          cond('ScalingUp', 'True', 'ScalingUp'),
          cond(
            'Available',
            'False',
            'NotAvailable',
            '* WorkersAvailable: 3 available replicas, at least 5 required',
          ),
        ],
      },
    },
  },
  S5: {
    // The Machine being created on scale-up does not exist in the baseline.
    add: provisioningWorker(
      `${CLUSTER_NAME}-md-0`,
      `${CLUSTER_NAME}-md-0-5f8d7`,
      X7,
    ),
    objects: [
      {
        kind: 'OpenStackServer',
        name: X7,
        patch: {
          status: {
            ready: false,
            instanceState: 'ERROR',
            conditions: [
              {
                ...cond(
                  'InstanceReady',
                  'False',
                  'InstanceCreateFailed',
                  NOVA_403,
                ),
                lastTransitionTime: '2026-09-01T10:00:00Z',
              },
            ],
          },
        },
      },
      {
        kind: 'OpenStackMachine',
        name: X7,
        patch: {
          status: {
            conditions: [
              cond('InstanceReady', 'False', 'InstanceStateError', NOVA_403),
              cond('Ready', 'False', 'InstanceStateError', NOVA_403),
            ],
          },
        },
      },
      {
        kind: 'Machine',
        name: X7,
        patch: {
          status: {
            phase: 'Provisioning',
            conditions: [
              cond('InfrastructureReady', 'False', 'InstanceStateError'),
            ],
          },
        },
      },
    ],
    cluster: {
      status: {
        conditions: [
          {
            ...cond('ScalingUp', 'True', 'ScalingUp'),
            lastTransitionTime: '2026-09-01T10:00:00Z',
          },
          {
            ...cond('WorkerMachinesReady', 'False', 'NotReady'),
            lastTransitionTime: '2026-09-01T10:00:00Z',
          },
          {
            ...cond('WorkersAvailable', 'False', 'NotAvailable'),
            lastTransitionTime: '2026-09-01T10:00:00Z',
          },
          {
            ...cond('Available', 'False', 'NotAvailable'),
            lastTransitionTime: '2026-09-01T10:00:00Z',
          },
        ],
      },
    },
  },
  S6: {
    add: [
      {
        apiVersion: OSS_API,
        kind: 'OpenStackServer',
        metadata: meta(`${CLUSTER_NAME}-bastion`, {
          ownerReferences: [
            { apiVersion: CAPO, kind: 'OpenStackCluster', name: CLUSTER_NAME },
          ],
        }),
        spec: {
          flavor: 'm1.small',
          image: { filter: { name: 'ubuntu-2404' } },
        },
        status: { ready: false, instanceState: 'BUILD' },
      },
    ],
    openStackCluster: {
      spec: { bastion: { enabled: true } },
      status: {
        initialization: { provisioned: true },
        conditions: [cond('Ready', 'True', 'Ready')],
        bastion: { name: `${CLUSTER_NAME}-bastion`, state: 'BUILD' },
      },
    },
  },
  S7: {
    cluster: {
      spec: { paused: true },
      status: {
        conditions: [
          cond(
            'Paused',
            'True',
            'Paused',
            'Cluster spec.paused is set to true',
          ),
        ],
      },
    },
  },
  S8: {
    cluster: {
      metadata: {
        deletionTimestamp: '2026-09-01T12:00:00Z',
        finalizers: ['cluster.cluster.x-k8s.io'],
      },
      status: {
        phase: 'Deleting',
        conditions: [
          cond(
            'Deleting',
            'True',
            'WaitingForControlPlaneDeletion',
            'Waiting for KubeadmControlPlane to be deleted',
          ),
        ],
      },
    },
  },
  S9: {
    cluster: {
      status: {
        conditions: [
          cond('ControlPlaneInitialized', 'True'),
          cond(
            'RemoteConnectionProbe',
            'False',
            'ProbeFailed',
            'Remote connection probe failed, probe last succeeded at 2026-09-01T09:58:10Z',
          ),
          cond('Available', 'False', 'NotAvailable'),
        ],
      },
    },
    machine: {
      status: {
        conditions: [cond('NodeHealthy', 'Unknown', 'ConnectionDown')],
      },
    },
  },
  S10: {
    kubeadmControlPlane: {
      spec: { rollout: { before: { certificatesExpiryDays: 21 } } },
      status: { conditions: [cond('RollingOut', 'True', 'RollingOut')] },
    },
    machine: {
      status: {
        certificatesExpiryDate: '2026-09-15T00:00:00Z',
        conditions: [
          cond(
            'UpToDate',
            'False',
            'NotUpToDate',
            '* Certificates will expire soon',
          ),
        ],
      },
    },
    cluster: {
      status: {
        conditions: [
          cond(
            'RollingOut',
            'True',
            'RollingOut',
            '* KubeadmControlPlane: Rolling out 1 not up-to-date replicas',
          ),
        ],
      },
    },
  },
};

/** Baseline + the snapshot's overlay (+ an optional extra overlay), transition times filled. */
export function buildSnapshot(id: SnapshotId, extra?: Overlay): ClusterObjects {
  let objs = applyOverlay(buildBaseline(), SNAPSHOT_OVERLAYS[id]);
  if (extra) objs = applyOverlay(objs, extra);
  return fillTransitionTimes(objs);
}

export { CP as CONTROL_PLANE_NAME, X7 as S5_MACHINE_NAME };

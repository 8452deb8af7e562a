/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The in-memory model of one demo cluster. Snapshots change the model (and
// later the rendered objects); counters and most conditions are derived from
// the Machines when rendering, so they always agree with them.

import { Clock, DAY, isoTime, MINUTE } from './clock';
import type { ClassInfo } from './classObjects';
import { hexFor, intFor, randomSuffix, uuidFor } from './ids';
import {
  CLUSTER_NAME_LABEL,
  CONTROL_PLANE_LABEL,
  CONTROL_PLANE_NAME_LABEL,
  DEPLOYMENT_NAME_LABEL,
  FROZEN_LABEL,
  FROZEN_VALUE,
  SET_NAME_LABEL,
  SNAPSHOT_ANNOTATION,
  TEMPLATE_HASH_LABEL,
  TOPOLOGY_DEPLOYMENT_LABEL,
  TOPOLOGY_OWNED_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { DemoClusterSpec, PoolSpec } from './types';

export type MachineRole = 'control-plane' | 'worker';
/** Running: has a Node. Joining: server up, no Node yet. CreateFailed: Nova refused the server. */
export type MachineState = 'Running' | 'Joining' | 'CreateFailed';

export interface ImageRef {
  filter?: { name: string };
  id?: string;
}

export interface MachineModel {
  name: string;
  role: MachineRole;
  pool?: PoolModel;
  version: string;
  failureDomain?: string;
  flavor: string;
  image: ImageRef;
  /** OpenStackMachineTemplate the OpenStackMachine was cloned from. */
  infraTemplate: string;
  /** KubeadmConfigTemplate the KubeadmConfig was cloned from (workers). */
  bootstrapTemplate?: string;
  serverId: string;
  portId: string;
  ip: string;
  createdAt: number;
  state: MachineState;
  upToDate: boolean;
  notUpToDateMessage?: string;
  certificatesExpiry?: string;
  deleting: boolean;
  /** The first control plane Machine ran `kubeadm init`. */
  init: boolean;
  labels: Record<string, string>;
}

export interface PoolModel {
  spec: PoolSpec;
  topologyName: string;
  mdName: string;
  msName: string;
  templateHash: string;
  infraTemplate: string;
  bootstrapTemplate: string;
  mhcName: string;
  version: string;
  flavor: string;
  image: ImageRef;
  /** spec.replicas (unset when autoscaled). */
  replicas?: number;
  machines: MachineModel[];
  /** MachineDeployment spec.template.metadata.labels. */
  templateLabels: Record<string, string>;
}

export interface NetworkModel {
  cidr: string;
  networkId: string;
  networkName: string;
  subnetId: string;
  routerId: string;
  routerIP: string;
  externalNetworkId: string;
  lbId: string;
  lbName: string;
  lbInternalIP: string;
  floatingIP: string;
  securityGroups: Record<
    'controlplane' | 'worker' | 'bastion',
    { id: string; name: string }
  >;
}

export interface BastionModel {
  name: string;
  serverId: string;
  portId: string;
  ip: string;
  floatingIP: string;
  state: 'ACTIVE' | 'BUILD';
  flavor: string;
  imageName: string;
  availabilityZone: string;
}

export interface ClusterModel {
  spec: DemoClusterSpec;
  name: string;
  namespace: string;
  classInfo?: ClassInfo;
  /** Desired version: KubeadmControlPlane spec.version / topology.version. */
  version: string;
  createdAt: number;
  /** On every object of the cluster. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  azs: string[];
  net: NetworkModel;
  infraReady: boolean;
  cpInitialized: boolean;
  /** The API load balancer exists and spec.controlPlaneEndpoint is set. */
  hasEndpoint: boolean;
  paused: boolean;
  deleting: boolean;
  names: {
    openStackCluster: string;
    controlPlane: string;
    controlPlaneInfraTemplate: string;
    cloudSecret: string;
    kubeconfigSecret: string;
  };
  kcp: {
    replicas: number;
    flavor: string;
    rolloutBefore?: number;
    deleting: boolean;
  };
  cpMachines: MachineModel[];
  pools: PoolModel[];
  bastion?: BastionModel;
  usedHosts: Set<number>;
}

export const FLOATING_PREFIX = '203.0.113.';

export function isClassy(m: ClusterModel): boolean {
  return m.classInfo !== undefined;
}

export function imageFor(spec: DemoClusterSpec, version: string): ImageRef {
  return spec.imageId
    ? { id: spec.imageId }
    : { filter: { name: `${spec.imageName}-${version}` } };
}

function suffix(m: { namespace: string; name: string }, ...parts: string[]) {
  return randomSuffix(m.namespace, m.name, ...parts);
}

/** A free host address in the cluster's 10.6.0.0/24, stable per key. */
export function allocateIP(m: ClusterModel, key: string): string {
  let host = 10 + intFor(240, m.namespace, m.name, 'ip', key);
  while (m.usedHosts.has(host)) host = host >= 250 ? 10 : host + 1;
  m.usedHosts.add(host);
  return `10.6.0.${host}`;
}

/** Name of the control plane infra template; classy clusters get a new one per version. */
export function controlPlaneInfraTemplateName(
  m: ClusterModel,
  version: string,
) {
  return isClassy(m)
    ? `${m.name}-${suffix(m, 'cp-template', version)}`
    : `${m.name}-control-plane`;
}

export function newControlPlaneMachine(
  m: ClusterModel,
  key: string,
  opts: { version?: string; createdAt: number; failureDomain?: string },
): MachineModel {
  const name = `${m.names.controlPlane}-${suffix(m, 'cp-machine', key)}`;
  const version = opts.version ?? m.version;
  const labels: Record<string, string> = {
    ...m.labels,
    ...(isClassy(m) ? { [TOPOLOGY_OWNED_LABEL]: '' } : {}),
    [CONTROL_PLANE_LABEL]: '',
    [CONTROL_PLANE_NAME_LABEL]: m.names.controlPlane,
    ...m.spec.controlPlane.machineLabels,
  };
  return {
    name,
    role: 'control-plane',
    version,
    failureDomain: opts.failureDomain,
    flavor: m.kcp.flavor,
    image: imageFor(m.spec, version),
    infraTemplate: controlPlaneInfraTemplateName(m, version),
    serverId: uuidFor('server', m.namespace, name),
    portId: uuidFor('port', m.namespace, name),
    ip: allocateIP(m, name),
    createdAt: opts.createdAt,
    state: 'Running',
    upToDate: version === m.version,
    certificatesExpiry: isoTime(opts.createdAt + 365 * DAY),
    deleting: false,
    init: false,
    labels,
  };
}

export function newWorkerMachine(
  m: ClusterModel,
  pool: PoolModel,
  key: string,
  createdAt: number,
): MachineModel {
  const name = `${pool.msName}-${suffix(m, pool.topologyName, 'machine', key)}`;
  return {
    name,
    role: 'worker',
    pool,
    version: pool.version,
    failureDomain: pool.spec.failureDomain,
    flavor: pool.flavor,
    image: pool.image,
    infraTemplate: pool.infraTemplate,
    bootstrapTemplate: pool.bootstrapTemplate,
    serverId: uuidFor('server', m.namespace, name),
    portId: uuidFor('port', m.namespace, name),
    ip: allocateIP(m, name),
    createdAt,
    state: 'Running',
    upToDate: true,
    deleting: false,
    init: false,
    labels: {
      ...m.labels,
      ...pool.templateLabels,
      [SET_NAME_LABEL]: pool.msName,
      [TEMPLATE_HASH_LABEL]: pool.templateHash,
    },
  };
}

function newPool(m: ClusterModel, spec: PoolSpec): PoolModel {
  const classy = isClassy(m);
  const mdName = classy
    ? `${m.name}-${spec.name}-${suffix(m, 'md', spec.name)}`
    : `${m.name}-${spec.name}`;
  const templateName = classy
    ? `${m.name}-${spec.name}-${suffix(
        m,
        'md-template',
        spec.name,
        m.spec.version,
      )}`
    : `${m.name}-${spec.name}`;
  return {
    spec,
    topologyName: spec.name,
    mdName,
    msName: `${mdName}-${suffix(m, 'ms', spec.name)}`,
    templateHash: String(intFor(4_000_000_000, m.namespace, mdName, 'hash')),
    infraTemplate: templateName,
    bootstrapTemplate: classy
      ? `${m.name}-${spec.name}-${suffix(m, 'md-bootstrap', spec.name)}`
      : templateName,
    mhcName: classy ? mdName : `${mdName}-unhealthy`,
    version: m.spec.version,
    flavor: spec.flavor,
    image: imageFor(m.spec, m.spec.version),
    replicas: spec.replicas,
    machines: [],
    templateLabels: {
      [CLUSTER_NAME_LABEL]: m.name,
      [DEPLOYMENT_NAME_LABEL]: mdName,
      ...(classy
        ? { [TOPOLOGY_OWNED_LABEL]: '', [TOPOLOGY_DEPLOYMENT_LABEL]: spec.name }
        : {}),
      ...spec.machineLabels,
    },
  };
}

export function buildClusterModel(
  spec: DemoClusterSpec,
  index: number,
  clock: Clock,
  classInfo?: ClassInfo,
): ClusterModel {
  const { name, namespace } = spec;
  const id = (kind: string) => uuidFor(kind, namespace, name);
  const k8sName = `k8s-clusterapi-cluster-${namespace}-${name}`;
  const sg = (role: string) => ({
    id: id(`security-group-${role}`),
    name: `k8s-cluster-${namespace}-${name}-secgroup-${role}`,
  });
  const createdAt = clock.daysAgoMs(spec.ageDays);
  const labels: Record<string, string> = { [CLUSTER_NAME_LABEL]: name };
  const annotations: Record<string, string> = {};
  if (spec.snapshot) {
    labels[FROZEN_LABEL] = FROZEN_VALUE;
    annotations[SNAPSHOT_ANNOTATION] = spec.snapshot;
  }
  const base = { namespace, name };
  const m: ClusterModel = {
    spec,
    name,
    namespace,
    classInfo,
    version: spec.version,
    createdAt,
    labels,
    annotations,
    azs: spec.availabilityZones ?? ['nova'],
    net: {
      cidr: '10.6.0.0/24',
      networkId: id('network'),
      networkName: k8sName,
      subnetId: id('subnet'),
      routerId: id('router'),
      routerIP: `${FLOATING_PREFIX}${11 + 3 * index}`,
      externalNetworkId: uuidFor('network', 'public'),
      lbId: id('loadbalancer'),
      lbName: `${k8sName}-kubeapi`,
      lbInternalIP: '',
      floatingIP: `${FLOATING_PREFIX}${10 + 3 * index}`,
      securityGroups: {
        controlplane: sg('controlplane'),
        worker: sg('worker'),
        bastion: sg('bastion'),
      },
    },
    infraReady: true,
    cpInitialized: true,
    hasEndpoint: true,
    paused: false,
    deleting: false,
    names: {
      openStackCluster: classInfo ? `${name}-${suffix(base, 'infra')}` : name,
      controlPlane: classInfo
        ? `${name}-${suffix(base, 'control-plane')}`
        : `${name}-control-plane`,
      controlPlaneInfraTemplate: '',
      cloudSecret: `${name}-cloud-config`,
      kubeconfigSecret: `${name}-kubeconfig`,
    },
    kcp: {
      replicas: spec.controlPlane.replicas,
      flavor: spec.controlPlane.flavor,
      rolloutBefore: spec.certificatesExpiryDays,
      deleting: false,
    },
    cpMachines: [],
    pools: [],
    usedHosts: new Set([1, 2]),
  };
  m.names.controlPlaneInfraTemplate = controlPlaneInfraTemplateName(
    m,
    m.version,
  );
  m.net.lbInternalIP = allocateIP(m, 'loadbalancer');

  for (let i = 0; i < spec.controlPlane.replicas; i++) {
    const machine = newControlPlaneMachine(m, String(i), {
      createdAt: createdAt + (3 + 4 * i) * MINUTE,
      failureDomain: m.azs[i % m.azs.length],
    });
    machine.init = i === 0;
    m.cpMachines.push(machine);
  }
  for (const poolSpec of spec.pools) {
    const pool = newPool(m, poolSpec);
    const count = poolSpec.machines ?? poolSpec.replicas ?? 0;
    for (let j = 0; j < count; j++) {
      pool.machines.push(
        newWorkerMachine(m, pool, String(j), createdAt + (15 + j) * MINUTE),
      );
    }
    m.pools.push(pool);
  }
  if (spec.bastion) {
    m.bastion = {
      name: `${name}-bastion`,
      serverId: id('bastion-server'),
      portId: id('bastion-port'),
      ip: allocateIP(m, 'bastion'),
      floatingIP: `${FLOATING_PREFIX}${12 + 3 * index}`,
      state: 'ACTIVE',
      flavor: 'm1.small',
      imageName: 'ubuntu-24.04',
      availabilityZone: m.azs[0],
    };
  }
  return m;
}

/** A stable fake machine-id / boot-id for a node. */
export function nodeIds(machine: MachineModel) {
  return {
    bootID: uuidFor('boot', machine.name),
    machineID: hexFor(32, 'machine-id', machine.name),
  };
}

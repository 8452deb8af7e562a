/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// CAPO objects of one demo cluster: infrastructure.cluster.x-k8s.io/v1beta1
// (CAPO v0.14) plus the v1alpha1 OpenStackServers. Their conditions are
// still CAPI v1beta1 conditions (severity, optional reason/message).

import type { Clock } from './clock';
import { legacyFalse, legacyTrue } from './conditions';
import { uuidFor } from './ids';
import {
  CALICO_SECURITY_GROUP_RULES,
  INFRA_GROUP,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CAPI_V, INFRA_V, INFRA_V1ALPHA1 } from './labels';
import { clonedFrom, objectMeta } from './meta';
import { owner } from './owner';
import type {
  BastionModel,
  ClusterModel,
  ImageRef,
  MachineModel,
} from './model';
import { isClassy } from './model';
import { hasServer, providerID } from './capiObjects';
import type { LegacyCondition, SeedObject } from './types';

export const FLAVORS: Record<string, { cpu: number; memoryGi: number }> = {
  'm1.small': { cpu: 1, memoryGi: 2 },
  'm1.medium': { cpu: 2, memoryGi: 4 },
  'm1.large': { cpu: 4, memoryGi: 8 },
  'm1.xlarge': { cpu: 8, memoryGi: 16 },
  'c2.xlarge': { cpu: 8, memoryGi: 16 },
  'c2.2xlarge': { cpu: 16, memoryGi: 32 },
};

export const EXTERNAL_NETWORK = 'public';

export function flavorID(flavor: string): string {
  return uuidFor('flavor', flavor);
}

export function imageID(image: ImageRef): string {
  return image.id ?? uuidFor('image', image.filter!.name);
}

// The demo fleet has always written portRangeMin before portRangeMax.
const CALICO_RULE_KEYS = [
  'description',
  'direction',
  'etherType',
  'name',
  'portRangeMin',
  'portRangeMax',
  'protocol',
  'remoteManagedGroups',
] as const;

function calicoRules() {
  return CALICO_SECURITY_GROUP_RULES.map(rule =>
    Object.fromEntries(
      CALICO_RULE_KEYS.filter(k => k in rule).map(k => [
        k,
        structuredClone(rule[k]),
      ]),
    ),
  );
}

/** OpenStackCluster(Template) spec shared by the plain clusters and the classes. */
export function baseOpenStackClusterSpec(
  externalNetwork: { id: string } | { filter: { name: string } },
) {
  return {
    apiServerLoadBalancer: { enabled: true },
    externalNetwork,
    managedSecurityGroups: {
      allNodesSecurityGroupRules: calicoRules(),
      allowAllInClusterTraffic: false,
    },
    managedSubnets: [{ cidr: '10.6.0.0/24', dnsNameservers: ['8.8.8.8'] }],
  };
}

export function identityRef(m: ClusterModel) {
  return {
    name: m.names.cloudSecret,
    cloudName: m.spec.cloudName,
    ...(isClassy(m) ? {} : { region: 'RegionOne' }),
    type: 'Secret',
  };
}

function capacity(flavor: string) {
  const f = FLAVORS[flavor] ?? { cpu: 2, memoryGi: 4 };
  return { cpu: String(f.cpu), memory: `${f.memoryGi}Gi` };
}

export function renderMachineTemplate(
  m: ClusterModel,
  name: string,
  template: { flavor: string; image: ImageRef; classTemplate?: string },
): SeedObject {
  return {
    manifest: {
      apiVersion: INFRA_V,
      kind: 'OpenStackMachineTemplate',
      metadata: objectMeta(m, name, {
        topology: true,
        annotations: clonedFrom(
          template.classTemplate,
          'OpenStackMachineTemplate',
          INFRA_GROUP,
        ),
      }),
      spec: {
        template: {
          spec: {
            flavor: template.flavor,
            image: template.image,
            sshKeyName: m.spec.sshKeyName,
          },
        },
      },
    },
    status: {
      capacity: capacity(template.flavor),
      nodeInfo: { operatingSystem: 'linux' },
    },
    owner: owner(CAPI_V, 'Cluster', m.name, false),
  };
}

function portStatus(m: ClusterModel, name: string, securityGroupId: string) {
  return {
    name: `${name}-0`,
    description: `Created by cluster-api-provider-openstack cluster ${m.namespace}-${m.name}`,
    networkID: m.net.networkId,
    fixedIPs: [{ subnet: m.net.subnetId }],
    securityGroups: [securityGroupId],
    tags: [],
    trunk: false,
  };
}

/** status.resolved and status.resources of a server (machine or bastion). */
function serverResources(
  m: ClusterModel,
  s: {
    name: string;
    flavor: string;
    image: ImageRef;
    securityGroupId: string;
    portId: string;
  },
) {
  return {
    resolved: {
      flavorID: flavorID(s.flavor),
      imageID: imageID(s.image),
      ports: [portStatus(m, s.name, s.securityGroupId)],
    },
    resources: { ports: [{ id: s.portId }] },
  };
}

/** The server fields of a Machine's OpenStackMachine / OpenStackServer status. */
function machineServerStatus(
  m: ClusterModel,
  x: MachineModel,
  addresses: Array<{ type: string; address: string }>,
) {
  if (!hasServer(x)) return { instanceState: 'ERROR' };
  return {
    instanceID: x.serverId,
    instanceState: 'ACTIVE',
    addresses,
    ...serverResources(m, { ...x, securityGroupId: securityGroupFor(m, x) }),
  };
}

export function renderOpenStackCluster(
  m: ClusterModel,
  clock: Clock,
): SeedObject {
  const since = clock.after(m.createdAt, 2);
  const lbSince = clock.after(m.createdAt, 4);
  const net = m.net;
  const ready = m.infraReady;
  const b = m.bastion;
  const conditions: LegacyCondition[] = [
    ...(ready ? [legacyTrue('Ready', lbSince)] : []),
    legacyTrue('OpenStackAuthenticationSucceeded', since),
    legacyTrue('NetworkReady', since),
    legacyTrue('RouterReady', since),
    legacyTrue('SecurityGroupsReady', since),
    ...(ready ? [legacyTrue('APIEndpointReady', lbSince)] : []),
  ];
  const externalNetwork =
    m.classInfo?.externalNetwork === 'filter'
      ? { filter: { name: EXTERNAL_NETWORK } }
      : { id: net.externalNetworkId };
  return {
    manifest: {
      apiVersion: INFRA_V,
      kind: 'OpenStackCluster',
      metadata: objectMeta(m, m.names.openStackCluster, {
        topology: true,
        annotations: clonedFrom(
          m.classInfo?.clusterTemplate,
          'OpenStackClusterTemplate',
          INFRA_GROUP,
        ),
      }),
      spec: {
        ...baseOpenStackClusterSpec(externalNetwork),
        identityRef: identityRef(m),
        ...(m.hasEndpoint
          ? { controlPlaneEndpoint: { host: net.floatingIP, port: 6443 } }
          : {}),
        ...(m.azs.length > 1 ? { controlPlaneAvailabilityZones: m.azs } : {}),
        ...(b
          ? {
              bastion: {
                enabled: true,
                availabilityZone: b.availabilityZone,
                spec: {
                  flavor: b.flavor,
                  image: { filter: { name: b.imageName } },
                  sshKeyName: m.spec.sshKeyName,
                },
              },
            }
          : {}),
      },
    },
    status: {
      ready,
      initialization: { provisioned: ready },
      network: {
        id: net.networkId,
        name: net.networkName,
        subnets: [{ cidr: net.cidr, id: net.subnetId, name: net.networkName }],
      },
      externalNetwork: { id: net.externalNetworkId, name: EXTERNAL_NETWORK },
      router: { id: net.routerId, name: net.networkName, ips: [net.routerIP] },
      ...(ready
        ? {
            apiServerLoadBalancer: {
              id: net.lbId,
              name: net.lbName,
              ip: net.floatingIP,
              internalIP: net.lbInternalIP,
            },
          }
        : {}),
      failureDomains: Object.fromEntries(
        m.azs.map(az => [az, { controlPlane: true }]),
      ),
      controlPlaneSecurityGroup: net.securityGroups.controlplane,
      workerSecurityGroup: net.securityGroups.worker,
      ...(b
        ? {
            bastionSecurityGroup: net.securityGroups.bastion,
            bastion: bastionStatus(m, b),
          }
        : {}),
      conditions,
    },
    owner: owner(CAPI_V, 'Cluster', m.name),
  };
}

function bastionStatus(m: ClusterModel, b: BastionModel) {
  const active = b.state === 'ACTIVE';
  return {
    id: b.serverId,
    name: b.name,
    sshKeyName: m.spec.sshKeyName,
    state: b.state,
    ip: b.ip,
    ...(active ? { floatingIP: b.floatingIP } : {}),
    ...bastionResources(m, b),
  };
}

function bastionResources(m: ClusterModel, b: BastionModel) {
  return serverResources(m, {
    ...b,
    image: { filter: { name: b.imageName } },
    securityGroupId: m.net.securityGroups.bastion.id,
  });
}

function securityGroupFor(m: ClusterModel, x: MachineModel): string {
  return x.role === 'control-plane'
    ? m.net.securityGroups.controlplane.id
    : m.net.securityGroups.worker.id;
}

/** A machine's server conditions: settled 3 minutes after the Machine's creation. */
function serverConditions(x: MachineModel, clock: Clock): LegacyCondition[] {
  const since = clock.after(x.createdAt, 3);
  const recent = clock.recent();
  if (!hasServer(x)) {
    return [
      legacyFalse(
        'InstanceReady',
        'InstanceCreateFailed',
        'Error',
        recent,
        'error creating OpenStack instance',
      ),
    ];
  }
  return [
    legacyTrue('InstanceReady', since),
    legacyTrue('OpenStackAuthenticationSucceeded', since),
  ];
}

export function renderOpenStackMachine(
  m: ClusterModel,
  x: MachineModel,
  clock: Clock,
): SeedObject {
  const since = clock.after(x.createdAt, 3);
  const server = hasServer(x);
  const cp = x.role === 'control-plane';
  const conditions: LegacyCondition[] = server
    ? [
        legacyTrue('Ready', since),
        legacyTrue('InstanceReady', since),
        ...(cp ? [legacyTrue('APIServerIngressReadyCondition', since)] : []),
        legacyTrue('OpenStackAuthenticationSucceeded', since),
      ]
    : [
        legacyFalse(
          'Ready',
          'InstanceStateError',
          'Error',
          clock.recent(),
          'instance state ERROR is unexpected',
        ),
        legacyFalse(
          'InstanceReady',
          'InstanceStateError',
          'Error',
          clock.recent(),
          'instance state ERROR is unexpected',
        ),
        legacyTrue('OpenStackAuthenticationSucceeded', since),
      ];
  return {
    manifest: {
      apiVersion: INFRA_V,
      kind: 'OpenStackMachine',
      metadata: objectMeta(m, x.name, {
        labels: x.labels,
        annotations: clonedFrom(
          x.infraTemplate,
          'OpenStackMachineTemplate',
          INFRA_GROUP,
        ),
      }),
      spec: {
        flavor: x.flavor,
        image: x.image,
        sshKeyName: m.spec.sshKeyName,
        ...(server ? { providerID: providerID(x) } : {}),
      },
    },
    status: {
      ready: server,
      initialization: { provisioned: server },
      ...machineServerStatus(m, x, [
        { type: 'InternalIP', address: x.ip },
        { type: 'InternalDNS', address: x.name },
      ]),
      conditions,
    },
    owner: owner(CAPI_V, 'Machine', x.name),
  };
}

function serverSpec(
  m: ClusterModel,
  s: {
    flavor: string;
    image: ImageRef;
    securityGroupId: string;
    availabilityZone?: string;
  },
) {
  return {
    ...(s.availabilityZone ? { availabilityZone: s.availabilityZone } : {}),
    flavor: s.flavor,
    identityRef: identityRef(m),
    image: s.image,
    ports: [
      {
        network: { id: m.net.networkId },
        securityGroups: [{ id: s.securityGroupId }],
      },
    ],
    sshKeyName: m.spec.sshKeyName,
  };
}

export function renderOpenStackServer(
  m: ClusterModel,
  x: MachineModel,
  clock: Clock,
): SeedObject {
  const server = hasServer(x);
  return {
    manifest: {
      apiVersion: INFRA_V1ALPHA1,
      kind: 'OpenStackServer',
      metadata: objectMeta(m, x.name),
      spec: {
        ...serverSpec(m, {
          flavor: x.flavor,
          image: x.image,
          securityGroupId: securityGroupFor(m, x),
          availabilityZone: x.failureDomain,
        }),
        userDataRef: { name: x.name },
      },
    },
    status: {
      ready: server,
      ...machineServerStatus(m, x, [{ type: 'InternalIP', address: x.ip }]),
      conditions: serverConditions(x, clock),
    },
    owner: owner(INFRA_V, 'OpenStackMachine', x.name, false),
  };
}

export function renderBastionServer(
  m: ClusterModel,
  b: BastionModel,
  clock: Clock,
): SeedObject {
  const active = b.state === 'ACTIVE';
  const since = clock.after(m.createdAt, 6);
  const image = { filter: { name: b.imageName } };
  return {
    manifest: {
      apiVersion: INFRA_V1ALPHA1,
      kind: 'OpenStackServer',
      metadata: objectMeta(m, b.name),
      spec: serverSpec(m, {
        flavor: b.flavor,
        image,
        securityGroupId: m.net.securityGroups.bastion.id,
        availabilityZone: b.availabilityZone,
      }),
    },
    status: {
      ready: active,
      instanceID: b.serverId,
      instanceState: b.state,
      addresses: [
        { type: 'InternalIP', address: b.ip },
        ...(active ? [{ type: 'ExternalIP', address: b.floatingIP }] : []),
      ],
      ...bastionResources(m, b),
      conditions: active
        ? [
            legacyTrue('InstanceReady', since),
            legacyTrue('OpenStackAuthenticationSucceeded', since),
          ]
        : [
            legacyFalse(
              'InstanceReady',
              'InstanceNotReady',
              'Info',
              clock.recent(),
              'Instance is in BUILD state',
            ),
            legacyTrue('OpenStackAuthenticationSucceeded', since),
          ],
    },
    owner: owner(INFRA_V, 'OpenStackCluster', m.names.openStackCluster, false),
  };
}

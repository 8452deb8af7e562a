/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A cluster as the VEXXHOST magnum-cluster-api driver creates it, and a
// minimal stand-in for the driver's ClusterClass so its classRef resolves.

import {
  type ClassInfo,
  clusterClassObjects,
  type VariableDefinition,
} from './classObjects';
import type { Clock } from './clock';
import { lowerAlnum, uuidFor } from './ids';
import { NODEGROUP_LABEL } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { INFRA_V, MAGNUM_NAMESPACE } from './labels';
import { EXTERNAL_NETWORK } from './openstackObjects';
import type { DemoClusterSpec, SeedObject } from './types';

export const MAGNUM_DRIVER_VERSION = 'v0.38.1';
export const MAGNUM_CLASS = `magnum-${MAGNUM_DRIVER_VERSION}`;
export const MAGNUM_CNI = 'calico-v3.29.0';

/** Magnum's stack_id: `kube-` and 5 random lowercase alphanumerics. */
export const MAGNUM_STACK_ID = `kube-${lowerAlnum(5, 'magnum', 'demo-stack')}`;
export const MAGNUM_CLUSTER_UUID = uuidFor(
  'magnum',
  'cluster',
  MAGNUM_STACK_ID,
);

export function magnumClassInfo(): ClassInfo {
  return {
    name: MAGNUM_CLASS,
    namespace: MAGNUM_NAMESPACE,
    controlPlaneTemplate: MAGNUM_CLASS,
    controlPlaneMachineTemplate: `${MAGNUM_CLASS}-control-plane`,
    clusterTemplate: MAGNUM_CLASS,
    workerClass: 'default-worker',
    workerMachineTemplate: `${MAGNUM_CLASS}-default-worker`,
    workerBootstrapTemplate: MAGNUM_CLASS,
    externalNetwork: 'id',
  };
}

const stringVariable = (
  name: string,
  description: string,
): VariableDefinition => ({
  name,
  required: true,
  schema: { openAPIV3Schema: { type: 'string', minLength: 1, description } },
});

const MAGNUM_VARIABLES: VariableDefinition[] = [
  stringVariable(
    'clusterIdentityRefName',
    'Secret with the clouds.yaml of the Magnum cluster.',
  ),
  stringVariable('controlPlaneFlavor', 'Flavor of the master nodegroup.'),
  stringVariable('flavor', 'Flavor of a worker nodegroup.'),
  stringVariable('imageUUID', 'Glance image id of the cluster template.'),
  stringVariable('sshKeyName', 'Nova keypair.'),
  stringVariable(
    'externalNetworkId',
    'External network for the router and floating IPs.',
  ),
  stringVariable('nodeCidr', 'CIDR of the cluster network.'),
];

function patch(
  name: string,
  selector: Record<string, unknown>,
  jsonPatches: Record<string, unknown>[],
) {
  return { name, definitions: [{ selector, jsonPatches }] };
}

function magnumPatches() {
  const cluster = {
    apiVersion: INFRA_V,
    kind: 'OpenStackClusterTemplate',
    matchResources: { infrastructureCluster: true },
  };
  const cpMachines = {
    apiVersion: INFRA_V,
    kind: 'OpenStackMachineTemplate',
    matchResources: { controlPlane: true },
  };
  const workerMachines = {
    apiVersion: INFRA_V,
    kind: 'OpenStackMachineTemplate',
    matchResources: { machineDeploymentClass: { names: ['default-worker'] } },
  };
  const image = {
    op: 'replace',
    path: '/spec/template/spec/image',
    valueFrom: { template: 'id: {{ .imageUUID }}' },
  };
  const sshKey = {
    op: 'replace',
    path: '/spec/template/spec/sshKeyName',
    valueFrom: { variable: 'sshKeyName' },
  };
  return [
    patch('clusterConfig', cluster, [
      {
        op: 'replace',
        path: '/spec/template/spec/identityRef/name',
        valueFrom: { variable: 'clusterIdentityRefName' },
      },
      {
        op: 'replace',
        path: '/spec/template/spec/externalNetwork',
        valueFrom: { template: 'id: {{ .externalNetworkId }}' },
      },
      // As magnum-cluster-api writes it: CAPI refuses an array index in a
      // replace ("elements in arrays can not be accessed in a replace operation").
      {
        op: 'add',
        path: '/spec/template/spec/managedSubnets',
        valueFrom: { template: '- cidr: {{ .nodeCidr }}' },
      },
    ]),
    patch('controlPlaneConfig', cpMachines, [
      {
        op: 'replace',
        path: '/spec/template/spec/flavor',
        valueFrom: { variable: 'controlPlaneFlavor' },
      },
      image,
      sshKey,
    ]),
    patch('workerConfig', workerMachines, [
      {
        op: 'replace',
        path: '/spec/template/spec/flavor',
        valueFrom: { variable: 'flavor' },
      },
      image,
      sshKey,
    ]),
  ];
}

export function magnumClusterClassObjects(clock: Clock): SeedObject[] {
  const machine = {
    flavor: 'm1.medium',
    image: { filter: { name: 'ubuntu-2204-kube' } },
    sshKeyName: 'magnum',
  };
  return clusterClassObjects({
    info: magnumClassInfo(),
    variables: MAGNUM_VARIABLES,
    patches: magnumPatches(),
    since: clock.minutesAgo(60 * 24 * 200),
    identityRef: { name: 'magnum-cloud-config', cloudName: 'default' },
    controlPlaneMachine: machine,
    workerMachine: machine,
  });
}

export function magnumClusterSpec(): DemoClusterSpec {
  const version = 'v1.33.5';
  const imageId = uuidFor('image', `ubuntu-2204-kube-${version}`);
  const name = MAGNUM_STACK_ID;
  return {
    name,
    namespace: MAGNUM_NAMESPACE,
    version,
    controlPlane: {
      replicas: 1,
      flavor: 'm1.medium',
      machineLabels: { [NODEGROUP_LABEL]: 'default-master' },
    },
    pools: [
      {
        name: 'default-worker',
        replicas: 2,
        flavor: 'm1.large',
        machineLabels: { [NODEGROUP_LABEL]: 'default-worker' },
      },
    ],
    ageDays: 45,
    imageName: 'ubuntu-2204-kube',
    imageId,
    sshKeyName: 'magnum',
    cloudName: 'default',
    applicationCredentialName: MAGNUM_CLUSTER_UUID,
    clusterLabels: { 'cluster-uuid': MAGNUM_CLUSTER_UUID, cni: MAGNUM_CNI },
    topology: {
      className: MAGNUM_CLASS,
      variables: [
        { name: 'clusterIdentityRefName', value: `${name}-cloud-config` },
        { name: 'controlPlaneFlavor', value: 'm1.medium' },
        { name: 'flavor', value: 'm1.large' },
        { name: 'imageUUID', value: imageId },
        { name: 'sshKeyName', value: 'magnum' },
        {
          name: 'externalNetworkId',
          value: uuidFor('network', EXTERNAL_NETWORK),
        },
        { name: 'nodeCidr', value: '10.6.0.0/24' },
      ],
    },
  };
}

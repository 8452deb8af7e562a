/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The project's own demo ClusterClass, modelled on CAPO's dev-test class but
// without ORC (images by Glance name) and with flavor and certificate
// rotation variables. ClusterClass is namespaced: each team namespace gets a
// copy with its templates beside it.

import {
  type ClassInfo,
  clusterClassObjects,
  type VariableDefinition,
} from './classObjects';
import type { Clock } from './clock';
import { CONTROLPLANE_V, INFRA_V } from './labels';
import type { SeedObject } from './types';

export const DEMO_CLASS = 'capi-openstack-demo';
export const DEMO_CLASS_VERSIONS = ['v1.33.5', 'v1.34.2'];
export const DEMO_IMAGE_PREFIX = 'ubuntu-2404-kube';

export function demoClassInfo(namespace: string): ClassInfo {
  return {
    name: DEMO_CLASS,
    namespace,
    controlPlaneTemplate: `${DEMO_CLASS}-control-plane`,
    controlPlaneMachineTemplate: `${DEMO_CLASS}-control-plane-machine`,
    clusterTemplate: `${DEMO_CLASS}-openstackcluster`,
    workerClass: 'default-worker',
    workerMachineTemplate: `${DEMO_CLASS}-default-worker-machine`,
    workerBootstrapTemplate: `${DEMO_CLASS}-default-worker-bootstraptemplate`,
    externalNetwork: 'filter',
  };
}

const DEMO_VARIABLES: VariableDefinition[] = [
  {
    name: 'identityRef',
    required: true,
    schema: {
      openAPIV3Schema: {
        type: 'object',
        description:
          'The Secret holding clouds.yaml and the cloud to use from it.',
        required: ['name', 'cloudName'],
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            description: 'Name of the Secret (key clouds.yaml).',
          },
          cloudName: {
            type: 'string',
            minLength: 1,
            description: 'Name of the cloud in clouds.yaml.',
          },
        },
      },
    },
  },
  {
    name: 'imageName',
    required: true,
    schema: {
      openAPIV3Schema: {
        type: 'string',
        minLength: 1,
        description:
          'Glance image name prefix; the Kubernetes version is appended (ubuntu-2404-kube gives ubuntu-2404-kube-v1.34.2).',
        example: DEMO_IMAGE_PREFIX,
      },
    },
  },
  {
    name: 'controlPlaneFlavor',
    required: false,
    schema: {
      openAPIV3Schema: {
        type: 'string',
        minLength: 1,
        default: 'm1.large',
        description: 'Nova flavor of the control plane servers.',
      },
    },
  },
  {
    name: 'workerFlavor',
    required: false,
    schema: {
      openAPIV3Schema: {
        type: 'string',
        minLength: 1,
        default: 'm1.medium',
        description:
          'Nova flavor of the worker servers (override per machine deployment).',
      },
    },
  },
  {
    name: 'certificatesExpiryDays',
    required: false,
    schema: {
      openAPIV3Schema: {
        type: 'integer',
        minimum: 7,
        default: 21,
        description:
          'Replace control plane machines this many days before their certificates expire.',
      },
    },
  },
];

function selector(
  apiVersion: string,
  kind: string,
  match: Record<string, unknown>,
) {
  return { apiVersion, kind, matchResources: match };
}

const CONTROL_PLANE_MACHINES = selector(INFRA_V, 'OpenStackMachineTemplate', {
  controlPlane: true,
});
const WORKER_MACHINES = selector(INFRA_V, 'OpenStackMachineTemplate', {
  machineDeploymentClass: { names: ['default-worker'] },
});

const DEMO_PATCHES = [
  {
    name: 'identityRef',
    description: 'Sets the OpenStack credentials of the cluster.',
    definitions: [
      {
        selector: selector(INFRA_V, 'OpenStackClusterTemplate', {
          infrastructureCluster: true,
        }),
        jsonPatches: [
          {
            op: 'add',
            path: '/spec/template/spec/identityRef',
            valueFrom: { variable: 'identityRef' },
          },
        ],
      },
    ],
  },
  {
    name: 'imageName',
    description:
      'Selects the Glance image <imageName>-<Kubernetes version> by name.',
    definitions: [
      {
        selector: CONTROL_PLANE_MACHINES,
        jsonPatches: [
          {
            op: 'replace',
            path: '/spec/template/spec/image/filter/name',
            valueFrom: {
              template: '{{ .imageName }}-{{ .builtin.controlPlane.version }}',
            },
          },
        ],
      },
      {
        selector: WORKER_MACHINES,
        jsonPatches: [
          {
            op: 'replace',
            path: '/spec/template/spec/image/filter/name',
            valueFrom: {
              template:
                '{{ .imageName }}-{{ .builtin.machineDeployment.version }}',
            },
          },
        ],
      },
    ],
  },
  {
    name: 'controlPlaneFlavor',
    description: 'Sets the flavor of the control plane servers.',
    definitions: [
      {
        selector: CONTROL_PLANE_MACHINES,
        jsonPatches: [
          {
            op: 'replace',
            path: '/spec/template/spec/flavor',
            valueFrom: { variable: 'controlPlaneFlavor' },
          },
        ],
      },
    ],
  },
  {
    name: 'workerFlavor',
    description: 'Sets the flavor of the worker servers.',
    definitions: [
      {
        selector: WORKER_MACHINES,
        jsonPatches: [
          {
            op: 'replace',
            path: '/spec/template/spec/flavor',
            valueFrom: { variable: 'workerFlavor' },
          },
        ],
      },
    ],
  },
  {
    name: 'certificatesExpiryDays',
    description:
      'Rolls control plane machines before their certificates expire.',
    definitions: [
      {
        selector: selector(CONTROLPLANE_V, 'KubeadmControlPlaneTemplate', {
          controlPlane: true,
        }),
        jsonPatches: [
          {
            op: 'add',
            path: '/spec/template/spec/rollout/before',
            valueFrom: {
              template: 'certificatesExpiryDays: {{ .certificatesExpiryDays }}',
            },
          },
        ],
      },
    ],
  },
];

/** The demo ClusterClass of a team namespace, then its templates. */
export function demoClusterClassObjects(
  namespace: string,
  clock: Clock,
): SeedObject[] {
  const machine = (flavor: string) => ({
    flavor,
    image: { filter: { name: DEMO_IMAGE_PREFIX } },
    sshKeyName: 'capi-demo',
  });
  return clusterClassObjects({
    info: demoClassInfo(namespace),
    kubernetesVersions: DEMO_CLASS_VERSIONS,
    variables: DEMO_VARIABLES,
    patches: DEMO_PATCHES,
    since: clock.minutesAgo(60 * 24 * 400),
    identityRef: { name: `${DEMO_CLASS}-cloud-config`, cloudName: 'openstack' },
    controlPlaneMachine: machine('m1.large'),
    workerMachine: machine('m1.medium'),
  });
}

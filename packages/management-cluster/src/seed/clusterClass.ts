/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The project's own demo ClusterClass, modelled on CAPO's dev-test class but
// without ORC (images by Glance name) and with flavor and certificate
// rotation variables. ClusterClass is namespaced: each team namespace gets a
// copy with its templates beside it.

import type { Clock } from './clock';
import { condition } from './conditions';
import {
  controlPlaneConfigSpec,
  controlPlaneRollout,
  workerConfigSpec,
  workerRollout,
} from './kubeadm';
import { BOOTSTRAP_V, CAPI_V, CONTROLPLANE_V, INFRA_V } from './labels';
import { baseOpenStackClusterSpec, EXTERNAL_NETWORK } from './openstackObjects';
import type { SeedObject } from './types';

/** What rendering a classy cluster needs to know about its class. */
export interface ClassInfo {
  name: string;
  namespace: string;
  controlPlaneTemplate: string;
  controlPlaneMachineTemplate: string;
  clusterTemplate: string;
  workerClass: string;
  workerMachineTemplate: string;
  workerBootstrapTemplate: string;
  /** How the class's OpenStackClusterTemplate names the external network. */
  externalNetwork: 'filter' | 'id';
}

export interface VariableDefinition {
  name: string;
  required: boolean;
  schema: { openAPIV3Schema: Record<string, unknown> };
}

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

/** Worker health checks the topology controller turns into MachineHealthChecks. */
export function workerHealthCheck() {
  return {
    checks: {
      nodeStartupTimeoutSeconds: 600,
      unhealthyNodeConditions: [
        { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
        { type: 'Ready', status: 'False', timeoutSeconds: 300 },
      ],
    },
    remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
  };
}

/** status of a reconciled ClusterClass. */
export function classStatus(variables: VariableDefinition[], since: string) {
  return {
    observedGeneration: 1,
    conditions: [
      condition('VariablesReady', 'True', 'VariablesReady', since),
      condition('RefVersionsUpToDate', 'True', 'RefVersionsUpToDate', since),
      condition('Paused', 'False', 'NotPaused', since),
    ],
    variables: variables.map(v => ({
      name: v.name,
      definitions: [
        {
          from: 'inline',
          required: v.required,
          schema: structuredClone(v.schema),
        },
      ],
    })),
  };
}

export function templateOwner(className: string) {
  return { apiVersion: CAPI_V, kind: 'ClusterClass', name: className };
}

/** The ClusterClass first (it owns its templates), then the templates. */
export function demoClusterClassObjects(
  namespace: string,
  clock: Clock,
): SeedObject[] {
  const info = demoClassInfo(namespace);
  const owner = templateOwner(DEMO_CLASS);
  const metadata = (name: string) => ({ name, namespace });
  const templateRef = (apiVersion: string, kind: string, name: string) => ({
    apiVersion,
    kind,
    name,
  });
  const machineTemplate = (name: string, flavor: string): SeedObject => ({
    manifest: {
      apiVersion: INFRA_V,
      kind: 'OpenStackMachineTemplate',
      metadata: metadata(name),
      spec: {
        template: {
          spec: {
            flavor,
            image: { filter: { name: DEMO_IMAGE_PREFIX } },
            sshKeyName: 'capi-demo',
          },
        },
      },
    },
    owner,
  });
  return [
    {
      manifest: {
        apiVersion: CAPI_V,
        kind: 'ClusterClass',
        metadata: metadata(DEMO_CLASS),
        spec: {
          kubernetesVersions: [...DEMO_CLASS_VERSIONS],
          controlPlane: {
            templateRef: templateRef(
              CONTROLPLANE_V,
              'KubeadmControlPlaneTemplate',
              info.controlPlaneTemplate,
            ),
            machineInfrastructure: {
              templateRef: templateRef(
                INFRA_V,
                'OpenStackMachineTemplate',
                info.controlPlaneMachineTemplate,
              ),
            },
          },
          infrastructure: {
            templateRef: templateRef(
              INFRA_V,
              'OpenStackClusterTemplate',
              info.clusterTemplate,
            ),
          },
          workers: {
            machineDeployments: [
              {
                class: info.workerClass,
                bootstrap: {
                  templateRef: templateRef(
                    BOOTSTRAP_V,
                    'KubeadmConfigTemplate',
                    info.workerBootstrapTemplate,
                  ),
                },
                infrastructure: {
                  templateRef: templateRef(
                    INFRA_V,
                    'OpenStackMachineTemplate',
                    info.workerMachineTemplate,
                  ),
                },
                healthCheck: workerHealthCheck(),
                rollout: workerRollout(),
              },
            ],
          },
          variables: structuredClone(DEMO_VARIABLES),
          patches: structuredClone(DEMO_PATCHES),
        },
      },
      status: classStatus(DEMO_VARIABLES, clock.minutesAgo(60 * 24 * 400)),
    },
    {
      manifest: {
        apiVersion: CONTROLPLANE_V,
        kind: 'KubeadmControlPlaneTemplate',
        metadata: metadata(info.controlPlaneTemplate),
        spec: {
          template: {
            spec: {
              rollout: controlPlaneRollout(),
              kubeadmConfigSpec: controlPlaneConfigSpec(),
            },
          },
        },
      },
      owner,
    },
    {
      manifest: {
        apiVersion: INFRA_V,
        kind: 'OpenStackClusterTemplate',
        metadata: metadata(info.clusterTemplate),
        spec: {
          template: {
            spec: {
              ...baseOpenStackClusterSpec({
                filter: { name: EXTERNAL_NETWORK },
              }),
              identityRef: {
                name: `${DEMO_CLASS}-cloud-config`,
                cloudName: 'openstack',
                type: 'Secret',
              },
            },
          },
        },
      },
      owner,
    },
    machineTemplate(info.controlPlaneMachineTemplate, 'm1.large'),
    machineTemplate(info.workerMachineTemplate, 'm1.medium'),
    {
      manifest: {
        apiVersion: BOOTSTRAP_V,
        kind: 'KubeadmConfigTemplate',
        metadata: metadata(info.workerBootstrapTemplate),
        spec: { template: { spec: workerConfigSpec() } },
      },
      owner,
    },
  ];
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A ClusterClass and the templates it references (the demo class and the
// Magnum stand-in share the shape; names, variables and patches differ).

import { condition } from './conditions';
import {
  controlPlaneConfigSpec,
  controlPlaneRollout,
  workerConfigSpec,
  workerRollout,
} from './kubeadm';
import { BOOTSTRAP_V, CAPI_V, CONTROLPLANE_V, INFRA_V } from './labels';
import { workerHealthCheck } from './machineDeploymentObjects';
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

/** spec.template.spec of an OpenStackMachineTemplate. */
interface MachineSpec {
  flavor: string;
  image: { filter: { name: string } };
  sshKeyName: string;
}

export interface ClassDefinition {
  info: ClassInfo;
  /** spec.kubernetesVersions, if the class lists them. */
  kubernetesVersions?: string[];
  variables: VariableDefinition[];
  patches: unknown[];
  /** When the class was reconciled (its conditions' time). */
  since: string;
  /** identityRef of the OpenStackClusterTemplate. */
  identityRef: { name: string; cloudName: string };
  controlPlaneMachine: MachineSpec;
  workerMachine: MachineSpec;
}

/** status of a reconciled ClusterClass. */
function classStatus(variables: VariableDefinition[], since: string) {
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

const templateRef = (apiVersion: string, kind: string, name: string) => ({
  apiVersion,
  kind,
  name,
});

/** The ClusterClass first (it owns its templates), then the templates. */
export function clusterClassObjects(def: ClassDefinition): SeedObject[] {
  const { info } = def;
  const owner = { apiVersion: CAPI_V, kind: 'ClusterClass', name: info.name };
  const metadata = (name: string) => ({ name, namespace: info.namespace });
  const template = (
    apiVersion: string,
    kind: string,
    name: string,
    spec: Record<string, unknown>,
  ): SeedObject => ({
    manifest: { apiVersion, kind, metadata: metadata(name), spec },
    owner,
  });
  const machineTemplate = (name: string, spec: MachineSpec) =>
    template(INFRA_V, 'OpenStackMachineTemplate', name, {
      template: { spec: { ...spec } },
    });
  return [
    {
      manifest: {
        apiVersion: CAPI_V,
        kind: 'ClusterClass',
        metadata: metadata(info.name),
        spec: {
          ...(def.kubernetesVersions
            ? { kubernetesVersions: [...def.kubernetesVersions] }
            : {}),
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
          variables: structuredClone(def.variables),
          patches: structuredClone(def.patches),
        },
      },
      status: classStatus(def.variables, def.since),
    },
    template(
      CONTROLPLANE_V,
      'KubeadmControlPlaneTemplate',
      info.controlPlaneTemplate,
      {
        template: {
          spec: {
            rollout: controlPlaneRollout(),
            kubeadmConfigSpec: controlPlaneConfigSpec(),
          },
        },
      },
    ),
    template(INFRA_V, 'OpenStackClusterTemplate', info.clusterTemplate, {
      template: {
        spec: {
          ...baseOpenStackClusterSpec({ filter: { name: EXTERNAL_NETWORK } }),
          identityRef: { ...def.identityRef, type: 'Secret' },
        },
      },
    }),
    machineTemplate(info.controlPlaneMachineTemplate, def.controlPlaneMachine),
    machineTemplate(info.workerMachineTemplate, def.workerMachine),
    template(
      BOOTSTRAP_V,
      'KubeadmConfigTemplate',
      info.workerBootstrapTemplate,
      {
        template: { spec: workerConfigSpec() },
      },
    ),
  ];
}

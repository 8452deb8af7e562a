/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Live demo clusters: only the objects a user writes (the desired spec), no
// status and no frozen label, so the CAPI simulator
// (@internal/capi-simulator) creates and keeps converging everything else.
// The plain cluster is CAPO v0.14.7's templates/cluster-template.yaml with
// its ${VARIABLES} filled in; the ClusterClass one is
// cluster-template-topology.yaml rewritten for the project's demo class.
// The builders also serve tests, which put clusters into their own namespaces.

import { DEMO_CLASS, DEMO_IMAGE_PREFIX } from './clusterClass';
import { base64, uuidFor } from './ids';
import {
  BOOTSTRAP_GROUP,
  CALICO_SECURITY_GROUP_RULES,
  CLUSTER_NAME_LABEL,
  CONTROLPLANE_GROUP,
  INFRA_GROUP,
  MOVE_LABEL,
  OWNER_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { demoCloudsYaml } from './secrets';
import type { SeedObject } from './types';

/** v1beta2 for CAPI >= v1.11 CRDs, v1beta1 for older ones (the capi-v1.10 set). */
export type CapiApiGeneration = 'v1beta2' | 'v1beta1';

export interface PlainClusterOptions {
  name: string;
  namespace: string;
  /** KUBERNETES_VERSION (default v1.34.2). */
  version?: string;
  /** CONTROL_PLANE_MACHINE_COUNT (default 3). */
  controlPlaneReplicas?: number;
  /** WORKER_MACHINE_COUNT (default 2). */
  workerReplicas?: number;
  /** OPENSTACK_CONTROL_PLANE_MACHINE_FLAVOR (default m1.large). */
  controlPlaneFlavor?: string;
  /** OPENSTACK_NODE_MACHINE_FLAVOR (default m1.medium). */
  workerFlavor?: string;
  /** OPENSTACK_IMAGE_NAME (default ubuntu-2404-kube-<version>). */
  imageName?: string;
  /** OPENSTACK_SSH_KEY_NAME (default capi-demo). */
  sshKeyName?: string;
  /** OPENSTACK_CLOUD (default openstack). */
  cloudName?: string;
  /** OPENSTACK_FAILURE_DOMAIN (default nova). */
  failureDomain?: string;
  generation?: CapiApiGeneration;
  /** Backstage group owning the cluster (OWNER_LABEL on the Cluster). */
  team?: string;
}

export interface ClassyClusterOptions {
  name: string;
  namespace: string;
  version?: string;
  controlPlaneReplicas?: number;
  workers?: Array<{ name: string; replicas: number; flavor?: string }>;
  controlPlaneFlavor?: string;
  workerFlavor?: string;
  /** The demo class's imageName variable (a prefix; the version is appended). */
  imageName?: string;
  cloudName?: string;
  certificatesExpiryDays?: number;
  team?: string;
}

function cloudsYaml(
  name: string,
  namespace: string,
  cloudName: string,
): string {
  const hex = (kind: string) =>
    uuidFor(kind, namespace, name).replace(/-/g, '');
  return demoCloudsYaml({
    cloudName,
    credentialId: hex('app-credential'),
    credentialSecret: `demo-${hex('app-secret')}`,
  });
}

/** `${CLUSTER_NAME}-cloud-config` of the CAPO templates. */
export function cloudConfigSecret(
  name: string,
  namespace: string,
  cloudName = 'openstack',
): SeedObject {
  return {
    manifest: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `${name}-cloud-config`,
        namespace,
        labels: { [MOVE_LABEL]: 'true' },
      },
      data: {
        cacert: '',
        'clouds.yaml': base64(cloudsYaml(name, namespace, cloudName)),
      },
    },
  };
}

function kubeletArgs(generation: CapiApiGeneration) {
  const args = {
    'cloud-provider': 'external',
    'provider-id': "openstack:///'{{ instance_id }}'",
  };
  return generation === 'v1beta2'
    ? Object.entries(args).map(([name, value]) => ({ name, value }))
    : args;
}

function nodeRegistration(generation: CapiApiGeneration) {
  return {
    kubeletExtraArgs: kubeletArgs(generation),
    name: '{{ local_hostname }}',
  };
}

function ref(
  generation: CapiApiGeneration,
  group: string,
  kind: string,
  name: string,
) {
  return generation === 'v1beta2'
    ? { apiGroup: group, kind, name }
    : { apiVersion: `${group}/v1beta1`, kind, name };
}

/** CAPO v0.14.7 cluster-template.yaml with its variables filled in. */
export function plainClusterObjects(o: PlainClusterOptions): SeedObject[] {
  const gen = o.generation ?? 'v1beta2';
  const version = o.version ?? 'v1.34.2';
  const ns = o.namespace;
  const name = o.name;
  const imageName = o.imageName ?? `${DEMO_IMAGE_PREFIX}-${version}`;
  const sshKeyName = o.sshKeyName ?? 'capi-demo';
  const cloudName = o.cloudName ?? 'openstack';
  const meta = (n: string, labels?: Record<string, string>) => ({
    name: n,
    namespace: ns,
    ...(labels ? { labels } : {}),
  });
  const capi = `cluster.x-k8s.io/${gen}`;
  const machineTemplate = (n: string, flavor: string): SeedObject => ({
    manifest: {
      apiVersion: `${INFRA_GROUP}/v1beta1`,
      kind: 'OpenStackMachineTemplate',
      metadata: meta(n),
      spec: {
        template: {
          spec: { flavor, image: { filter: { name: imageName } }, sshKeyName },
        },
      },
    },
  });
  // What CAPI's webhooks default (the template leaves the selector null).
  const selector = { [CLUSTER_NAME_LABEL]: name };
  const controlPlaneRef = ref(
    gen,
    CONTROLPLANE_GROUP,
    'KubeadmControlPlane',
    `${name}-control-plane`,
  );
  const controllerManagerArgs =
    gen === 'v1beta2'
      ? [{ name: 'cloud-provider', value: 'external' }]
      : { 'cloud-provider': 'external' };
  return [
    cloudConfigSecret(name, ns, cloudName),
    {
      manifest: {
        apiVersion: `${BOOTSTRAP_GROUP}/${gen}`,
        kind: 'KubeadmConfigTemplate',
        metadata: meta(`${name}-md-0`),
        spec: {
          template: {
            spec: {
              joinConfiguration: { nodeRegistration: nodeRegistration(gen) },
            },
          },
        },
      },
    },
    {
      manifest: {
        apiVersion: capi,
        kind: 'Cluster',
        metadata: meta(name, o.team ? { [OWNER_LABEL]: o.team } : undefined),
        spec: {
          clusterNetwork: {
            pods: { cidrBlocks: ['192.168.0.0/16'] },
            serviceDomain: 'cluster.local',
          },
          controlPlaneRef,
          infrastructureRef: ref(gen, INFRA_GROUP, 'OpenStackCluster', name),
        },
      },
    },
    {
      manifest: {
        apiVersion: capi,
        kind: 'MachineDeployment',
        metadata: meta(`${name}-md-0`),
        spec: {
          clusterName: name,
          replicas: o.workerReplicas ?? 2,
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: selector },
            spec: {
              bootstrap: {
                configRef: ref(
                  gen,
                  BOOTSTRAP_GROUP,
                  'KubeadmConfigTemplate',
                  `${name}-md-0`,
                ),
              },
              clusterName: name,
              failureDomain: o.failureDomain ?? 'nova',
              infrastructureRef: ref(
                gen,
                INFRA_GROUP,
                'OpenStackMachineTemplate',
                `${name}-md-0`,
              ),
              version,
            },
          },
        },
      },
    },
    {
      manifest: {
        apiVersion: `${CONTROLPLANE_GROUP}/${gen}`,
        kind: 'KubeadmControlPlane',
        metadata: meta(`${name}-control-plane`),
        spec: {
          kubeadmConfigSpec: {
            clusterConfiguration: {
              controllerManager: { extraArgs: controllerManagerArgs },
            },
            initConfiguration: { nodeRegistration: nodeRegistration(gen) },
            joinConfiguration: { nodeRegistration: nodeRegistration(gen) },
          },
          machineTemplate:
            gen === 'v1beta2'
              ? {
                  spec: {
                    infrastructureRef: ref(
                      gen,
                      INFRA_GROUP,
                      'OpenStackMachineTemplate',
                      `${name}-control-plane`,
                    ),
                  },
                }
              : {
                  infrastructureRef: ref(
                    gen,
                    INFRA_GROUP,
                    'OpenStackMachineTemplate',
                    `${name}-control-plane`,
                  ),
                },
          replicas: o.controlPlaneReplicas ?? 3,
          version,
        },
      },
    },
    {
      manifest: {
        apiVersion: `${INFRA_GROUP}/v1beta1`,
        kind: 'OpenStackCluster',
        metadata: meta(name),
        spec: {
          apiServerLoadBalancer: { enabled: true },
          externalNetwork: { id: uuidFor('network', 'public') },
          identityRef: { cloudName, name: `${name}-cloud-config` },
          managedSecurityGroups: {
            allNodesSecurityGroupRules: structuredClone(
              CALICO_SECURITY_GROUP_RULES,
            ),
          },
          managedSubnets: [
            { cidr: '10.6.0.0/24', dnsNameservers: ['8.8.8.8'] },
          ],
        },
      },
    },
    machineTemplate(
      `${name}-control-plane`,
      o.controlPlaneFlavor ?? 'm1.large',
    ),
    machineTemplate(`${name}-md-0`, o.workerFlavor ?? 'm1.medium'),
  ];
}

/**
 * A Cluster of the project's demo ClusterClass (CAPO's
 * cluster-template-topology.yaml with the demo class's variables). The
 * class itself must exist in the namespace (the fleet seeds one per team).
 */
export function classyClusterObjects(o: ClassyClusterOptions): SeedObject[] {
  const cloudName = o.cloudName ?? 'openstack';
  const workerFlavor = o.workerFlavor ?? 'm1.medium';
  const workers = o.workers ?? [{ name: 'md-0', replicas: 2 }];
  return [
    cloudConfigSecret(o.name, o.namespace, cloudName),
    {
      manifest: {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: {
          name: o.name,
          namespace: o.namespace,
          ...(o.team ? { labels: { [OWNER_LABEL]: o.team } } : {}),
        },
        spec: {
          clusterNetwork: {
            pods: { cidrBlocks: ['192.168.0.0/16'] },
            serviceDomain: 'cluster.local',
          },
          topology: {
            classRef: { name: DEMO_CLASS },
            version: o.version ?? 'v1.34.2',
            controlPlane: { replicas: o.controlPlaneReplicas ?? 3 },
            workers: {
              machineDeployments: workers.map(w => ({
                class: 'default-worker',
                name: w.name,
                replicas: w.replicas,
                ...(w.flavor && w.flavor !== workerFlavor
                  ? {
                      variables: {
                        overrides: [{ name: 'workerFlavor', value: w.flavor }],
                      },
                    }
                  : {}),
              })),
            },
            variables: [
              {
                name: 'identityRef',
                value: { name: `${o.name}-cloud-config`, cloudName },
              },
              { name: 'imageName', value: o.imageName ?? DEMO_IMAGE_PREFIX },
              {
                name: 'controlPlaneFlavor',
                value: o.controlPlaneFlavor ?? 'm1.large',
              },
              { name: 'workerFlavor', value: workerFlavor },
              ...(o.certificatesExpiryDays
                ? [
                    {
                      name: 'certificatesExpiryDays',
                      value: o.certificatesExpiryDays,
                    },
                  ]
                : []),
            ],
          },
        },
      },
    },
  ];
}

/** The live clusters of the demo fleet. */
export const LIVE_CLUSTERS = {
  plain: { name: 'payments-dev', namespace: 'team-payments' },
  classy: { name: 'platform-dev', namespace: 'team-platform' },
} as const;

/**
 * Two live clusters in team namespaces, kept converged by the simulator:
 * a plain one (CAPO's cluster-template.yaml) and one of the demo
 * ClusterClass. Apply after the namespaces and the demo class.
 */
export function buildLiveClusters(): SeedObject[] {
  return [
    ...plainClusterObjects({
      ...LIVE_CLUSTERS.plain,
      team: 'team-payments',
      controlPlaneReplicas: 1,
      workerReplicas: 2,
      workerFlavor: 'm1.large',
    }),
    ...classyClusterObjects({
      ...LIVE_CLUSTERS.classy,
      team: 'team-platform',
      controlPlaneReplicas: 3,
      workers: [{ name: 'md-0', replicas: 2, flavor: 'm1.xlarge' }],
      workerFlavor: 'm1.xlarge',
      certificatesExpiryDays: 21,
    }),
  ];
}

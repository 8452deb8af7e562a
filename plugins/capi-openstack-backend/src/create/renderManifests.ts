/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The objects of a new workload cluster, as pure data: CAPI v1beta2 (the
// version CAPI >= v1.11 stores) with CAPO v1beta1. `manifests` mode follows
// CAPO v0.14.7's templates/cluster-template.yaml (one MachineDeployment,
// OpenStackMachineTemplate and KubeadmConfigTemplate per pool);
// `clusterClass` mode is one Cluster with spec.topology, as in
// cluster-template-topology.yaml. Only valid requests are rendered (see
// validateCreateRequest).

import {
  AUTOSCALER_MAX_ANNOTATION,
  AUTOSCALER_MIN_ANNOTATION,
  BOOTSTRAP_GROUP,
  CALICO_SECURITY_GROUP_RULES,
  CAPI_GROUP,
  CLUSTER_NAME_LABEL,
  CONTROLPLANE_GROUP,
  CREATED_BY_ANNOTATION,
  CREATED_BY_VALUE,
  CreateClusterRequest,
  DEPLOYMENT_NAME_LABEL,
  INFRA_GROUP,
  OWNER_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { classVariables, effectiveClassVariables, normaliseOwner, workerClasses } from './validateCreateRequest';


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** API versions the objects are written in (from the management cluster's discovery). */
export interface RenderApiVersions {
  /** `v1beta2` only (validated before). */
  capi: 'v1beta2';
  /** OpenStack kinds, e.g. `infrastructure.cluster.x-k8s.io/v1beta1`. */
  infrastructure: string;
}

export const DEFAULT_API_VERSIONS: RenderApiVersions = {
  capi: 'v1beta2',
  infrastructure: `${INFRA_GROUP}/v1beta1`,
};

export interface RenderInput {
  request: CreateClusterRequest;
  /** The ClusterClass (class mode). */
  clusterClass?: { spec?: any };
  /** Image of the version from configuration, used when the request names none. */
  configuredImage?: string;
  /** The class variables that take the flavors. */
  classVariables: { controlPlaneFlavor: string; workerFlavor: string };
  apiVersions?: RenderApiVersions;
}

export type Manifest = Record<string, any> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string> };
};

/** Labels and annotations marking the owner and the creator. */
function ownership(req: CreateClusterRequest): { labels: Record<string, string>; annotations: Record<string, string> } {
  const owner = normaliseOwner(req.owner)!;
  const group = /^group:default\/(.+)$/.exec(owner)?.[1];
  // A label value cannot hold `:` or `/`: the full ref goes into the annotation
  // (which the backend reads first), a default-namespace group also into the label.
  return {
    labels: group && group.length <= 63 ? { [OWNER_LABEL]: group } : {},
    annotations: { [OWNER_LABEL]: owner, [CREATED_BY_ANNOTATION]: CREATED_BY_VALUE },
  };
}

function autoscalerAnnotations(pool: CreateClusterRequest['workerPools'][number]) {
  return pool.autoscaler
    ? { [AUTOSCALER_MIN_ANNOTATION]: String(pool.autoscaler.min), [AUTOSCALER_MAX_ANNOTATION]: String(pool.autoscaler.max) }
    : undefined;
}

function poolReplicas(pool: CreateClusterRequest['workerPools'][number]): number | undefined {
  return pool.replicas ?? pool.autoscaler?.min;
}

const CLUSTER_NETWORK = { pods: { cidrBlocks: ['192.168.0.0/16'] }, serviceDomain: 'cluster.local' };

/** The objects to apply, in order (the Cluster last: controllers start once everything exists). */
export function renderManifests(input: RenderInput): Manifest[] {
  return input.request.mode === 'clusterClass' ? renderClassy(input) : renderPlain(input);
}

function renderClassy(input: RenderInput): Manifest[] {
  const { request: req } = input;
  const own = ownership(req);
  const variables = classVariables(input.clusterClass);
  const effective = effectiveClassVariables(req, variables, input.classVariables.controlPlaneFlavor);
  const defaultClass = workerClasses(input.clusterClass)[0];
  const workerFlavorVar = input.classVariables.workerFlavor;
  const azs = req.availabilityZones ?? [];
  return [
    {
      apiVersion: `${CAPI_GROUP}/${input.apiVersions?.capi ?? 'v1beta2'}`,
      kind: 'Cluster',
      metadata: {
        name: req.name,
        namespace: req.namespace,
        labels: { ...(req.labels ?? {}), ...own.labels },
        annotations: own.annotations,
      },
      spec: {
        clusterNetwork: CLUSTER_NETWORK,
        topology: {
          classRef: { name: req.clusterClass!.name },
          version: req.kubernetesVersion,
          controlPlane: { replicas: req.controlPlane.replicas },
          workers: {
            machineDeployments: req.workerPools.map((pool, i) => {
              const annotations = autoscalerAnnotations(pool);
              const replicas = poolReplicas(pool);
              const failureDomain = pool.availabilityZone ?? (azs.length ? azs[i % azs.length] : undefined);
              return {
                class: pool.class ?? defaultClass,
                name: pool.name,
                ...(replicas !== undefined ? { replicas } : {}),
                ...(failureDomain ? { failureDomain } : {}),
                ...(annotations ? { metadata: { annotations } } : {}),
                ...(pool.flavor && variables.has(workerFlavorVar)
                  ? { variables: { overrides: [{ name: workerFlavorVar, value: pool.flavor }] } }
                  : {}),
              };
            }),
          },
          variables: Object.entries(effective)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, value]) => ({ name, value })),
        },
      },
    },
  ];
}

function kubeletArgs() {
  return [
    { name: 'cloud-provider', value: 'external' },
    { name: 'provider-id', value: "openstack:///'{{ instance_id }}'" },
  ];
}

function nodeRegistration() {
  return { kubeletExtraArgs: kubeletArgs(), name: '{{ local_hostname }}' };
}

function renderPlain(input: RenderInput): Manifest[] {
  const { request: req } = input;
  const own = ownership(req);
  const capi = input.apiVersions?.capi ?? 'v1beta2';
  const infra = input.apiVersions?.infrastructure ?? DEFAULT_API_VERSIONS.infrastructure;
  const ns = req.namespace;
  const name = req.name;
  const image = req.image ?? input.configuredImage!;
  const marker = { [CREATED_BY_ANNOTATION]: CREATED_BY_VALUE };
  const meta = (n: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}) => ({
    name: n,
    namespace: ns,
    labels: { [CLUSTER_NAME_LABEL]: name, ...(extra.labels ?? {}) },
    annotations: { ...marker, ...(extra.annotations ?? {}) },
  });
  const ref = (group: string, kind: string, n: string) => ({ apiGroup: group, kind, name: n });
  const machineTemplate = (n: string, flavor: string): Manifest => ({
    apiVersion: infra,
    kind: 'OpenStackMachineTemplate',
    metadata: meta(n),
    spec: {
      template: {
        spec: {
          flavor,
          image: { filter: { name: image } },
          ...(req.sshKeyName ? { sshKeyName: req.sshKeyName } : {}),
        },
      },
    },
  });
  const azs = req.availabilityZones ?? [];
  const cpName = `${name}-control-plane`;
  const objects: Manifest[] = [];

  objects.push({
    apiVersion: infra,
    kind: 'OpenStackCluster',
    metadata: meta(name),
    spec: {
      apiServerLoadBalancer: { enabled: true },
      ...(req.externalNetwork
        ? { externalNetwork: UUID.test(req.externalNetwork) ? { id: req.externalNetwork } : { filter: { name: req.externalNetwork } } }
        : {}),
      identityRef: { type: 'Secret', name: req.identity.secretName, cloudName: req.identity.cloudName },
      ...(azs.length ? { controlPlaneAvailabilityZones: [...azs] } : {}),
      managedSecurityGroups: {
        allNodesSecurityGroupRules: structuredClone(CALICO_SECURITY_GROUP_RULES),
      },
      managedSubnets: [{ cidr: '10.6.0.0/24' }],
    },
  });
  objects.push(machineTemplate(cpName, req.controlPlane.flavor!));
  objects.push({
    apiVersion: `${CONTROLPLANE_GROUP}/${capi}`,
    kind: 'KubeadmControlPlane',
    metadata: meta(cpName),
    spec: {
      kubeadmConfigSpec: {
        clusterConfiguration: {
          controllerManager: { extraArgs: [{ name: 'cloud-provider', value: 'external' }] },
        },
        initConfiguration: { nodeRegistration: nodeRegistration() },
        joinConfiguration: { nodeRegistration: nodeRegistration() },
      },
      machineTemplate: {
        spec: { infrastructureRef: ref(INFRA_GROUP, 'OpenStackMachineTemplate', cpName) },
      },
      replicas: req.controlPlane.replicas,
      version: req.kubernetesVersion,
    },
  });
  req.workerPools.forEach((pool, i) => {
    const poolName = `${name}-${pool.name}`;
    const failureDomain = pool.availabilityZone ?? (azs.length ? azs[i % azs.length] : undefined);
    const selector = { [CLUSTER_NAME_LABEL]: name, [DEPLOYMENT_NAME_LABEL]: poolName };
    objects.push(machineTemplate(poolName, pool.flavor!));
    objects.push({
      apiVersion: `${BOOTSTRAP_GROUP}/${capi}`,
      kind: 'KubeadmConfigTemplate',
      metadata: meta(poolName),
      spec: { template: { spec: { joinConfiguration: { nodeRegistration: nodeRegistration() } } } },
    });
    objects.push({
      apiVersion: `${CAPI_GROUP}/${capi}`,
      kind: 'MachineDeployment',
      metadata: meta(poolName, { annotations: autoscalerAnnotations(pool) }),
      spec: {
        clusterName: name,
        replicas: poolReplicas(pool),
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: selector },
          spec: {
            bootstrap: { configRef: ref(BOOTSTRAP_GROUP, 'KubeadmConfigTemplate', poolName) },
            clusterName: name,
            ...(failureDomain ? { failureDomain } : {}),
            infrastructureRef: ref(INFRA_GROUP, 'OpenStackMachineTemplate', poolName),
            version: req.kubernetesVersion,
          },
        },
      },
    });
  });
  objects.push({
    apiVersion: `${CAPI_GROUP}/${capi}`,
    kind: 'Cluster',
    metadata: {
      name,
      namespace: ns,
      labels: { ...(req.labels ?? {}), ...own.labels },
      annotations: own.annotations,
    },
    spec: {
      clusterNetwork: CLUSTER_NETWORK,
      controlPlaneRef: ref(CONTROLPLANE_GROUP, 'KubeadmControlPlane', cpName),
      infrastructureRef: ref(INFRA_GROUP, 'OpenStackCluster', name),
    },
  });
  return objects;
}

/** REST path of an object's collection (the kinds rendered here). */
export function collectionPath(m: { apiVersion: string; kind: string; metadata: { namespace: string } }): string {
  const plural = `${m.kind.toLowerCase()}s`;
  return `/apis/${m.apiVersion}/namespaces/${encodeURIComponent(m.metadata.namespace)}/${plural}`;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { KubeObject } from '../model';

// The cache keeps only what the model, the API and the lifecycle actions
// read: managedFields, kubeadm specs, ClusterClass patches and unrelated
// annotations make up most of an object's size (memory target: 2,000
// clusters with 18,000 machines in under 500 MB).

const KEEP_ANNOTATION = /cluster\.x-k8s\.io|capi-openstack\.dev|cluster-autoscaler|topology\./;
const DROP_ANNOTATION = /last-applied-configuration|capi-openstack\.dev\/seed-hash/;

function pick(obj: any, keys: string[]): any {
  if (!obj || typeof obj !== 'object') return undefined;
  const out: any = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function stripMetadata(meta: any): KubeObject['metadata'] {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries<string>(meta.annotations ?? {})) {
    if (KEEP_ANNOTATION.test(k) && !DROP_ANNOTATION.test(k)) annotations[k] = v;
  }
  // The model dates "spec changed" from the newest non-status write.
  let lastSpecWrite: string | undefined;
  for (const f of meta.managedFields ?? []) {
    if (f.subresource !== 'status' && f.time && (!lastSpecWrite || f.time > lastSpecWrite)) {
      lastSpecWrite = f.time;
    }
  }
  return {
    name: meta.name,
    namespace: meta.namespace,
    uid: meta.uid,
    resourceVersion: meta.resourceVersion,
    generation: meta.generation,
    creationTimestamp: meta.creationTimestamp,
    deletionTimestamp: meta.deletionTimestamp,
    labels: meta.labels,
    annotations: Object.keys(annotations).length ? annotations : undefined,
    ownerReferences: meta.ownerReferences?.map((o: any) => pick(o, ['apiVersion', 'kind', 'name', 'controller'])),
    finalizers: meta.finalizers,
    managedFields: lastSpecWrite ? [{ operation: 'Update', time: lastSpecWrite }] : undefined,
  } as KubeObject['metadata'] & { resourceVersion?: string };
}

function stripSpec(kind: string, spec: any): any {
  if (!spec) return spec;
  switch (kind) {
    case 'KubeadmControlPlane':
      return pick(spec, [
        'replicas', 'version', 'machineTemplate', 'rollout', 'rolloutBefore', 'rolloutAfter',
        'rolloutStrategy', 'remediation', 'remediationStrategy',
      ]);
    case 'ClusterClass':
      return pick(spec, ['variables', 'controlPlane', 'infrastructure', 'workers', 'kubernetesVersions']);
    case 'OpenStackMachineTemplate':
      return {
        template: {
          spec: pick(spec.template?.spec, ['flavor', 'flavorID', 'image', 'sshKeyName', 'rootVolume']),
        },
      };
    case 'OpenStackCluster': {
      const out = { ...spec };
      if (out.bastion) out.bastion = pick(out.bastion, ['enabled', 'availabilityZone', 'floatingIP']);
      delete out.managedSecurityGroups;
      return out;
    }
    case 'OpenStackMachine':
    case 'OpenStackServer':
      return pick(spec, ['flavor', 'flavorID', 'image', 'sshKeyName', 'availabilityZone', 'identityRef']);
    case 'MachineDeployment':
    case 'MachineSet': {
      const out = { ...spec };
      if (out.template) out.template = { metadata: undefined, spec: out.template.spec };
      return out;
    }
    default:
      return spec;
  }
}

/** A copy of `obj` with only the fields this plugin uses. */
export function stripObject(kind: string, apiVersion: string, obj: any): KubeObject {
  if (kind === 'Event') {
    return {
      apiVersion,
      kind,
      metadata: stripMetadata(obj.metadata ?? {}),
      ...pick(obj, [
        'regarding', 'reason', 'note', 'type', 'eventTime', 'deprecatedLastTimestamp',
        'deprecatedFirstTimestamp', 'deprecatedCount', 'series', 'reportingController',
      ]),
    } as any;
  }
  const status = obj.status ? { ...obj.status } : undefined;
  if (status) delete status.resources; // CAPO port/volume details
  return {
    apiVersion,
    kind,
    metadata: stripMetadata(obj.metadata ?? {}),
    spec: stripSpec(kind, obj.spec),
    status,
  };
}

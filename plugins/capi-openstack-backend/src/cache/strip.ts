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

// String values repeat a lot across a fleet's objects (condition types,
// reasons, times, API versions, names shared by a Machine and its
// OpenStackMachine/OpenStackServer, flavors, images...), and JSON.parse makes
// a separate copy of each. Cached objects share one copy instead: about a
// quarter less memory. The pool is bounded; when full it starts over (the
// strings already shared stay shared).
const POOL_LIMIT = 200_000;
const MAX_INTERNED_LENGTH = 128;
let pool = new Map<string, string>();

function intern<T>(value: T): T {
  if (typeof value !== 'string' || value.length > MAX_INTERNED_LENGTH) return value;
  const hit = pool.get(value);
  if (hit !== undefined) return hit as T;
  if (pool.size >= POOL_LIMIT) pool = new Map();
  pool.set(value, value);
  return value;
}

/** Interns every string inside a freshly parsed JSON value, in place. */
function internDeep<T>(value: T): T {
  if (typeof value === 'string') return intern(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = internDeep(value[i]);
    return value;
  }
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    if (obj[k] !== undefined) obj[k] = internDeep(obj[k]);
  }
  return value;
}

function internValues(map: Record<string, string> | undefined) {
  if (!map) return map;
  for (const k in map) {
    if (typeof map[k] === 'string') map[k] = intern(map[k]);
  }
  return map;
}

function pick(obj: any, keys: string[]): any {
  if (!obj || typeof obj !== 'object') return undefined;
  const out: any = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function stripMetadata(meta: any): KubeObject['metadata'] {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries<string>(meta.annotations ?? {})) {
    if (KEEP_ANNOTATION.test(k) && !DROP_ANNOTATION.test(k)) annotations[k] = intern(v);
  }
  // The model dates "spec changed" from the newest non-status write.
  let lastSpecWrite: string | undefined;
  for (const f of meta.managedFields ?? []) {
    if (f.subresource !== 'status' && f.time && (!lastSpecWrite || f.time > lastSpecWrite)) {
      lastSpecWrite = f.time;
    }
  }
  // uid and resourceVersion are unique: not worth interning.
  return {
    name: intern(meta.name),
    namespace: intern(meta.namespace),
    uid: meta.uid,
    resourceVersion: meta.resourceVersion,
    generation: meta.generation,
    creationTimestamp: intern(meta.creationTimestamp),
    deletionTimestamp: meta.deletionTimestamp,
    labels: internValues(meta.labels),
    annotations: Object.keys(annotations).length ? annotations : undefined,
    ownerReferences: meta.ownerReferences?.map((o: any) => internDeep(pick(o, ['apiVersion', 'kind', 'name', 'controller']))),
    finalizers: internDeep(meta.finalizers),
    managedFields: lastSpecWrite ? [{ operation: 'Update', time: intern(lastSpecWrite) }] : undefined,
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
      out.managedSecurityGroups = undefined;
      return out;
    }
    case 'OpenStackMachine':
    case 'OpenStackServer':
      return pick(spec, ['flavor', 'flavorID', 'image', 'sshKeyName', 'availabilityZone', 'identityRef']);
    case 'Machine': {
      return { ...spec, readinessGates: undefined };
    }
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

function stripStatus(kind: string, status: any): any {
  if (!status || typeof status !== 'object') return status;
  // Dropped fields are set to undefined rather than deleted: `delete` turns
  // an object into a dictionary, several times its size.
  const out = { ...status };
  if (out.resources) out.resources = undefined; // CAPO port/volume details
  switch (kind) {
    case 'Machine':
      // The Node's OS/kernel/runtime details and addresses (the tree takes
      // addresses from the OpenStack server).
      out.nodeInfo = undefined;
      out.addresses = undefined;
      break;
    case 'OpenStackMachine':
    case 'OpenStackServer':
      // Of the resolved references only the flavor and image ids are shown.
      if (out.resolved) out.resolved = pick(out.resolved, ['flavorID', 'imageID']);
      break;
    default:
  }
  return out;
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
  return {
    apiVersion,
    kind,
    metadata: stripMetadata(obj.metadata ?? {}),
    spec: internDeep(stripSpec(kind, obj.spec)),
    status: internDeep(stripStatus(kind, obj.status)),
  };
}

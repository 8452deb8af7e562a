/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ActionChange, ClusterAction } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { WatchedKind } from '../kube/kinds';
import type { KubeObject } from '../model';
import type { ActionsConfig } from '../actionsConfig';

/** The objects an action is planned from, read from the API server at write time. */
export interface LiveObjects {
  cluster: KubeObject;
  controlPlane?: KubeObject;
  machineDeployments: KubeObject[];
  /** The ClusterClass of a classy cluster. */
  clusterClass?: KubeObject;
  /** OpenStackMachineTemplates referenced by the control plane and the pools. */
  machineTemplates: KubeObject[];
  /** From the watch cache (restarts and upgrade progress only). */
  machines: KubeObject[];
  /** The MachineHealthCheck a health check edit writes (plain clusters), from the API server. */
  healthChecks?: KubeObject[];
}

/** A JSON merge patch of one object, conditional on its resourceVersion. */
export interface PatchWrite {
  op: 'patch';
  kind: WatchedKind;
  name: string;
  /** Precondition; absent only for patches of single map keys, which cannot lose another writer's change. */
  resourceVersion?: string;
  patch: Record<string, unknown>;
  /** How to take this write back when a later write of the same plan fails. */
  undo?: PatchUndo;
}

/**
 * A merge patch restoring what a write changed, conditional on the
 * resourceVersion the write returned. When someone changed the object since,
 * it is re-read and undone only while `whileAnnotations` still hold.
 */
export interface PatchUndo {
  patch: Record<string, unknown>;
  whileAnnotations: Record<string, string>;
  /** Keep the write when this field of another object already has this value (someone else carried the plan out). */
  unless?: { kind: WatchedKind; name: string; field: string; value: unknown };
}

export interface CreateWrite {
  op: 'create';
  kind: WatchedKind;
  object: KubeObject;
}

export interface DeleteWrite {
  op: 'delete';
  kind: WatchedKind;
  name: string;
  resourceVersion: string;
}

export type Write = PatchWrite | CreateWrite | DeleteWrite;

/**
 * What an action does to the objects: no writes means the requested state is
 * already in effect. Plans are pure; refusals are thrown (422/404).
 */
export interface Plan {
  action: ClusterAction;
  /** The object whose resourceVersion the caller must have seen. */
  /** `generation` moves with spec changes only (status writes leave it). */
  primary: { kind: string; name: string; resourceVersion?: string; generation?: number };
  /** Other resourceVersions accepted from the caller (e.g. the Cluster's for a plain upgrade). */
  alsoAccepted?: string[];
  writes: Write[];
  changes: ActionChange[];
  message: string;
}

export interface PlanContext {
  config: ActionsConfig;
  now: Date;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// What a reconcile of one Cluster works with: the shared runtime (client,
// cache, clock, writer, events) and lookups of the Cluster's objects.

import { ApiVersions, CapiGeneration, Kind } from './apiVersions';
import { SimClock } from './clock';
import {
  CONTROL_PLANE_LABEL,
  isClassy,
  PAUSED_ANNOTATION,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { EventInput, EventRecorder } from './events';
import { apiUnreachable } from './failures';
import { ObjectCache } from './informers';
import { KObj, KubeClient } from './kube';
import {
  annotations,
  isDeleting,
  kcpInitialized,
  labels,
  readRef,
} from './shapes';
import { Writer } from './writer';

export interface Runtime {
  client: KubeClient;
  versions: ApiVersions;
  cache: ObjectCache;
  writer: Writer;
  clock: SimClock;
  events: EventRecorder;
  log: (message: string) => void;
  /** Secrets recently applied (namespace/name -> when), to avoid re-applying them every pass. */
  secrets: Map<string, number>;
}

export class ClusterScope {
  readonly ns: string;
  readonly name: string;
  readonly gen: CapiGeneration;
  readonly classy: boolean;
  /** Smallest requested delay before the next reconcile (ms). */
  requeueMs: number | undefined;
  /** Errors of the topology step, for the TopologyReconciled condition. */
  topologyError?: { reason: string; message: string };
  /** Topology message while an upgrade waits (TopologyReconciled False ClusterUpgrading). */
  topologyUpgrading?: string;

  constructor(readonly rt: Runtime, public cluster: KObj) {
    this.ns = cluster.metadata.namespace!;
    this.name = cluster.metadata.name;
    this.gen = rt.versions.capi;
    this.classy = isClassy(cluster);
  }

  requeue(ms: number) {
    // Long waits (a rollout.after next week) are covered by the resync.
    const v = Math.min(Math.max(ms, 5), 60_000);
    this.requeueMs =
      this.requeueMs === undefined ? v : Math.min(this.requeueMs, v);
  }

  get deleting(): boolean {
    return isDeleting(this.cluster);
  }

  get paused(): boolean {
    return (
      !!this.cluster.spec?.paused ||
      PAUSED_ANNOTATION in annotations(this.cluster)
    );
  }

  get apiUnreachable(): boolean {
    return apiUnreachable(this.cluster);
  }

  /** Re-reads the Cluster from the cache (after a write). */
  refresh() {
    this.cluster = this.get('Cluster', this.name) ?? this.cluster;
  }

  get(kind: Kind, name: string | undefined): KObj | undefined {
    return this.rt.cache.get(kind, this.ns, name);
  }

  list(kind: Kind): KObj[] {
    return this.rt.cache.list(kind, this.ns);
  }

  kcp(): KObj | undefined {
    const ref = readRef(this.cluster.spec?.controlPlaneRef);
    return ref?.kind === 'KubeadmControlPlane'
      ? this.get('KubeadmControlPlane', ref.name)
      : undefined;
  }

  openStackCluster(): KObj | undefined {
    const ref = readRef(this.cluster.spec?.infrastructureRef);
    return ref?.kind === 'OpenStackCluster'
      ? this.get('OpenStackCluster', ref.name)
      : undefined;
  }

  private byClusterName(kind: Kind): KObj[] {
    return this.list(kind).filter(o => o.spec?.clusterName === this.name);
  }

  machineDeployments(): KObj[] {
    return this.byClusterName('MachineDeployment');
  }

  machineSets(): KObj[] {
    return this.byClusterName('MachineSet');
  }

  machines(): KObj[] {
    return this.byClusterName('Machine');
  }

  controlPlaneMachines(): KObj[] {
    return this.machines().filter(m => CONTROL_PLANE_LABEL in labels(m));
  }

  workerMachines(): KObj[] {
    return this.machines().filter(m => !(CONTROL_PLANE_LABEL in labels(m)));
  }

  healthChecks(): KObj[] {
    return this.byClusterName('MachineHealthCheck');
  }

  /** The OpenStackCluster reports its infrastructure ready. */
  infrastructureReady(): boolean {
    const osc = this.openStackCluster();
    return !!(osc?.status?.ready ?? osc?.status?.initialization?.provisioned);
  }

  /** `kubeadm init` has completed on a control plane Machine (never reverts). */
  controlPlaneInitialized(): boolean {
    return (
      kcpInitialized(this.kcp()) ||
      this.controlPlaneMachines().some(m => !!m.status?.nodeRef)
    );
  }

  event(e: EventInput) {
    this.rt.events.emit(e);
  }
}

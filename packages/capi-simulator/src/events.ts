/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Kubernetes Events (events.k8s.io/v1) for what the simulated controllers
// do, with the reporting controllers and reasons the real ones use, so a
// timeline has something real to show. reportingInstance names the
// simulator. Best effort: a failed Event never fails a reconcile.

import crypto from 'node:crypto';
import { REPORTING_INSTANCE } from './constants';
import { KObj, KubeClient } from './kube';

/** The controllers the simulator stands in for, as they report Events. */
export const CONTROLLERS = {
  cluster: 'cluster-controller',
  topology: 'topology/cluster-controller',
  machineDeployment: 'machinedeployment-controller',
  machineSet: 'machineset-controller',
  machine: 'machine-controller',
  kubeadmControlPlane: 'kubeadmcontrolplane-controller',
  kubeadmConfig: 'kubeadmconfig-controller',
  openStackCluster: 'openstackcluster-controller',
  openStackMachine: 'openstackmachine-controller',
  openStackServer: 'openstackserver-controller',
} as const;

export type Controller = (typeof CONTROLLERS)[keyof typeof CONTROLLERS];

export interface EventInput {
  regarding: KObj;
  controller: Controller;
  type?: 'Normal' | 'Warning';
  reason: string;
  action: string;
  note: string;
}

/** MicroTime: RFC 3339 with microseconds. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class EventRecorder {
  emitted = 0;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly client: KubeClient,
    private readonly log: (message: string) => void,
  ) {}

  emit(e: EventInput): void {
    const r = e.regarding;
    const namespace = r.metadata.namespace;
    if (!namespace) return;
    const body = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: {
        name: `${r.metadata.name}.${crypto.randomBytes(8).toString('hex')}`,
        namespace,
      },
      eventTime: microTime(Date.now()),
      reportingController: e.controller,
      reportingInstance: REPORTING_INSTANCE,
      action: e.action,
      reason: e.reason,
      type: e.type ?? 'Normal',
      note: e.note.slice(0, 1024),
      regarding: {
        apiVersion: r.apiVersion,
        kind: r.kind,
        name: r.metadata.name,
        namespace,
        uid: r.metadata.uid,
        resourceVersion: r.metadata.resourceVersion,
      },
    };
    this.emitted++;
    const p = this.client
      .request(
        'POST',
        `/apis/events.k8s.io/v1/namespaces/${namespace}/events`,
        body,
      )
      .catch(err =>
        this.log(
          `event ${e.reason} for ${r.kind}/${
            r.metadata.name
          } not recorded: ${String(err?.message ?? err)}`,
        ),
      )
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for Events still being sent. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}

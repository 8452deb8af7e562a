/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/**
 * How long things take on a real OpenStack cloud, in seconds. The time scale
 * divides them: at 1 a three-node control plane plus workers takes about five
 * minutes like a real cloud, at 10 (the CLI default) about thirty seconds,
 * at a few hundred (tests) well under two seconds plus API round trips.
 */
export const DURATIONS = {
  /** Network, subnet, router and security groups of an OpenStackCluster. */
  network: 20,
  /** Octavia load balancer and floating IP of the API server. */
  loadBalancer: 60,
  /** Bastion server boot. */
  bastion: 30,
  /** CABPK renders the bootstrap data. */
  bootstrapData: 2,
  /** Nova server from BUILD to ACTIVE. */
  serverBuild: 30,
  /** Boot + `kubeadm init` until the API server answers. */
  kubeadmInit: 40,
  /** Boot + `kubeadm join` (control plane) until the Node is Ready. */
  controlPlaneJoin: 30,
  /** Boot + `kubeadm join` (worker) until the Node is Ready. */
  workerJoin: 20,
  /** Node drain before a Machine's infrastructure is deleted. */
  drain: 5,
  /** Nova server deletion. */
  serverDelete: 8,
  /** Load balancer, router, network and security group deletion. */
  clusterInfrastructureDelete: 20,
  /** RemoteConnectionProbe grace period before it turns False. */
  remoteConnectionGrace: 50,
} as const;

export type Stage = keyof typeof DURATIONS;

/**
 * Simulated time. Progress is level-triggered: each step remembers when an
 * object was first seen waiting in a stage and is due once the scaled
 * duration has passed. The memory only paces progress; after a restart the
 * creation time of the object (or now) starts the wait.
 */
export class SimClock {
  private readonly entered = new Map<string, number>();

  constructor(readonly timeScale: number) {
    if (!(timeScale > 0))
      throw new Error(`time scale must be positive, got ${timeScale}`);
  }

  now(): number {
    return Date.now();
  }

  /** Milliseconds of wall time for `seconds` of simulated time. */
  scaled(seconds: number): number {
    return (seconds * 1000) / this.timeScale;
  }

  /** Marks the start of a stage (when the simulator itself starts it). */
  start(id: string, stage: Stage | string) {
    const k = `${id}:${stage}`;
    if (!this.entered.has(k)) this.entered.set(k, this.now());
  }

  /**
   * Milliseconds until `stage` of object `id` is done (<= 0: done). The wait
   * starts at the first call unless `since` (epoch ms) says it began earlier.
   */
  remaining(
    id: string,
    stage: Stage,
    since?: number,
    seconds: number = DURATIONS[stage],
  ): number {
    const k = `${id}:${stage}`;
    let at = this.entered.get(k);
    if (at === undefined) {
      at = Math.min(this.now(), since ?? this.now());
      this.entered.set(k, at);
    }
    return at + this.scaled(seconds) - this.now();
  }

  /** When a stage started (epoch ms), if it did. */
  startedAt(id: string, stage: string): number | undefined {
    return this.entered.get(`${id}:${stage}`);
  }

  reset(id: string, stage: string) {
    this.entered.delete(`${id}:${stage}`);
  }

  /** Forgets everything about an object. */
  forget(id: string) {
    for (const k of this.entered.keys())
      if (k.startsWith(`${id}:`)) this.entered.delete(k);
  }
}

/** RFC 3339 in whole seconds, as Kubernetes writes times. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

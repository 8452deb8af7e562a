/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  clusterKey,
  ClusterRef,
  ClusterSummary,
  ManagementClusterStatus,
  StreamChanges,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** What the writer needs of a response (a plain object in unit tests). */
export interface StreamSink {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
  end(): unknown;
  destroy(): unknown;
  /** Whether everything written has been handed to the system (after end()). */
  readonly writableFinished?: boolean;
}

export interface CoalescingWriterOptions {
  /** More clusters than this waiting for a drain: the client is disconnected. */
  maxPendingKeys?: number;
  /** No drain for this long: the client is disconnected. */
  maxStallMs?: number;
  /** The JSON of a summary (ClusterService serialises each once). */
  summaryJson?: (summary: ClusterSummary) => string;
  /** Called once when the writer disconnects a client that stays behind. */
  onOverflow?: (reason: string) => void;
}

/** How long an ended stream may take to deliver its last event. */
const FAIL_GRACE_MS = 10_000;

type Pending = { upsert: ClusterSummary } | { remove: ClusterRef };

/**
 * Writes events to one client and respects backpressure: once `write`
 * returns false nothing more is written until 'drain'; changes meanwhile
 * are kept per cluster key (the latest upsert or removal wins) and sent
 * as one `changes` event on drain.
 */
export class CoalescingWriter {
  private readonly pending = new Map<string, Pending>();
  private pendingManagementClusters?: ManagementClusterStatus[];
  private blocked = false;
  private stallTimer?: NodeJS.Timeout;
  private closed = false;
  private readonly maxPendingKeys: number;
  private readonly maxStallMs: number;

  constructor(
    private readonly sink: StreamSink,
    private readonly options: CoalescingWriterOptions = {},
  ) {
    this.maxPendingKeys = options.maxPendingKeys ?? 1000;
    this.maxStallMs = options.maxStallMs ?? 30_000;
  }

  /** Clusters waiting for a drain. */
  get pendingSize() {
    return this.pending.size;
  }

  get isBlocked() {
    return this.blocked;
  }

  get isClosed() {
    return this.closed;
  }

  /** An event other than `changes` (snapshot); dropped while blocked. */
  event(name: string, data: unknown) {
    if (!this.closed && !this.blocked) this.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A keep-alive comment; pointless while the socket is full. */
  ping() {
    if (!this.closed && !this.blocked) this.write(': ping\n\n');
  }

  changes(changes: StreamChanges) {
    if (this.closed) return;
    if (!this.blocked) {
      this.write(this.serialise(changes));
      return;
    }
    for (const s of changes.upserted) this.pending.set(clusterKey(s), { upsert: s });
    for (const r of changes.removed) this.pending.set(clusterKey(r), { remove: r });
    if (changes.managementClusters.length) this.pendingManagementClusters = changes.managementClusters;
    if (this.pending.size > this.maxPendingKeys) {
      this.overflow(`more than ${this.maxPendingKeys} clusters changed while the client did not read`);
    }
  }

  /**
   * Ends the stream with an `error` event carrying `message`; a client
   * that does not read is cut off instead (the event would wait forever).
   */
  fail(message: string) {
    if (this.closed) return;
    if (this.blocked) {
      this.close();
      this.sink.destroy();
      return;
    }
    this.write(`event: error\ndata: ${JSON.stringify({ message })}\n\n`);
    this.close();
    this.sink.end();
    // A client that stops reading now would hold the socket open.
    setTimeout(() => {
      if (!this.sink.writableFinished) this.sink.destroy();
    }, FAIL_GRACE_MS).unref();
  }

  /** Stops writing (the connection is gone); idempotent. */
  close() {
    this.closed = true;
    this.pending.clear();
    this.pendingManagementClusters = undefined;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.sink.removeListener('drain', this.onDrain);
  }

  private serialise(changes: StreamChanges): string {
    const json = this.options.summaryJson ?? JSON.stringify;
    return (
      `event: changes\ndata: {"upserted":[${changes.upserted.map(s => json(s)).join(',')}],` +
      `"removed":${JSON.stringify(changes.removed)},"managementClusters":${JSON.stringify(changes.managementClusters)}}\n\n`
    );
  }

  private write(chunk: string) {
    if (this.sink.write(chunk)) return;
    this.blocked = true;
    this.sink.once('drain', this.onDrain);
    this.stallTimer = setTimeout(
      () => this.overflow(`the client read nothing for ${Math.round(this.maxStallMs / 1000)} s`),
      this.maxStallMs,
    );
  }

  private readonly onDrain = () => {
    if (this.closed) return;
    this.blocked = false;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    if (!this.pending.size && !this.pendingManagementClusters) return;
    const upserted: ClusterSummary[] = [];
    const removed: ClusterRef[] = [];
    for (const p of this.pending.values()) {
      if ('upsert' in p) upserted.push(p.upsert);
      else removed.push(p.remove);
    }
    const managementClusters = this.pendingManagementClusters ?? [];
    this.pending.clear();
    this.pendingManagementClusters = undefined;
    this.write(this.serialise({ upserted, removed, managementClusters }));
  };

  private overflow(reason: string) {
    if (this.closed) return;
    this.close();
    // Not end(): a full socket would keep its buffer until the client reads.
    this.sink.destroy();
    this.options.onOverflow?.(reason);
  }
}

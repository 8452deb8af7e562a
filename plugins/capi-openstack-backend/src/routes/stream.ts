/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `GET /stream`: server-sent events. A snapshot (the management clusters),
// then the changes the caller may read. Each connection holds a slot of
// its principal (limited), re-checks the caller's permission periodically
// and at the credentials' expiry, and never buffers more than one event in
// the socket: while a slow client does not drain, changes are coalesced per
// cluster (memory bounded by the number of clusters, not of events) and a
// client that stays behind is disconnected (it reconnects to a snapshot).

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import {
  clusterKey,
  ClusterRef,
  ClusterSummary,
  ManagementClusterStatus,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request, Response } from 'express';
import { StreamConfig } from '../config';
import { ReadFilter } from '../permissions/access';
import { ClusterService } from '../clusters/ClusterService';
import { CoalescingWriter, CoalescingWriterOptions } from './streamWriter';
import { TooManyRequestsError } from '../errors';


/** Who a stream counts against: the user entity ref, or the service's subject. */
export function principalKey(credentials: BackstageCredentials): string {
  const p = credentials.principal as { type?: string; userEntityRef?: string; subject?: string };
  if (p?.type === 'user') return p.userEntityRef ?? 'user';
  if (p?.type === 'service') return `service:${p.subject ?? ''}`;
  return String(p?.type ?? 'unknown');
}

/** Open streams per principal and in total, within one backend instance. */
export class StreamConnections {
  private total = 0;
  private readonly perPrincipal = new Map<string, number>();

  constructor(private readonly limits: Pick<StreamConfig, 'maxConnectionsPerUser' | 'maxConnections'>) {}

  /** Takes a slot for `principal` (429 or 503 when none is left); the function gives it back. */
  acquire(principal: string): () => void {
    const mine = this.perPrincipal.get(principal) ?? 0;
    if (mine >= this.limits.maxConnectionsPerUser) {
      throw new TooManyRequestsError(
        `${principal} already has ${mine} event streams open, the most allowed ` +
          '(capiOpenstack.stream.maxConnectionsPerUser); close another tab or window of this page',
      );
    }
    if (this.total >= this.limits.maxConnections) {
      throw new ServiceUnavailableError(
        `This backend serves the most event streams it allows (${this.limits.maxConnections}); try again later`,
      );
    }
    this.perPrincipal.set(principal, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perPrincipal.get(principal) ?? 1) - 1;
      if (left > 0) this.perPrincipal.set(principal, left);
      else this.perPrincipal.delete(principal);
    };
  }

  /** Open streams (for tests and figures). */
  get size() {
    return this.total;
  }
}

export interface StreamOptions {
  clusters: ClusterService;
  credentials: BackstageCredentials;
  /** The caller's read filter, computed when it connected. */
  filter: ReadFilter;
  /** Computes the caller's read filter again; throws (NotAllowedError) when reading is denied. */
  reauthorize(): Promise<ReadFilter>;
  connections: StreamConnections;
  /** The management clusters as this filter may see them. */
  managementClusters(filter: ReadFilter): ManagementClusterStatus[];
  pingMs: number;
  reauthorizeMs: number;
  writer?: Omit<CoalescingWriterOptions, 'summaryJson' | 'onOverflow'>;
  logger?: { info(message: string): void };
}

/** Longest delay setTimeout accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Serves one `GET /stream` connection. Throws before writing anything when
 * the caller has no stream slot left (429, 503).
 */
export function streamChanges(req: Request<any>, res: Response, options: StreamOptions) {
  const { clusters, credentials } = options;
  const principal = principalKey(credentials);
  const release = options.connections.acquire(principal);
  let filter = options.filter;

  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();

  const writer = new CoalescingWriter(res, {
    ...options.writer,
    summaryJson: s => clusters.summaryJson(s),
    onOverflow: reason => options.logger?.info(`closed the event stream of ${principal}: ${reason}`),
  });
  /** The clusters this caller has been told about. */
  const visible = new Set<string>();
  let lastManagementClusters = '';
  /** Sends changes unless there is nothing new for this caller. */
  const send = (upserted: ClusterSummary[], removed: ClusterRef[]) => {
    const managementClusters = options.managementClusters(filter);
    const json = JSON.stringify(managementClusters);
    if (!upserted.length && !removed.length && json === lastManagementClusters) return;
    lastManagementClusters = json;
    writer.changes({ upserted, removed, managementClusters });
  };

  for (const s of clusters.summaries()) if (filter(s)) visible.add(clusterKey(s));
  const snapshot = options.managementClusters(filter);
  lastManagementClusters = JSON.stringify(snapshot);
  writer.event('snapshot', { managementClusters: snapshot });

  const unsubscribe = clusters.subscribe(changes => {
    const upserted: ClusterSummary[] = [];
    const removed: ClusterRef[] = [];
    for (const s of changes.upserted) {
      const key = clusterKey(s);
      if (filter(s)) {
        visible.add(key);
        upserted.push(s);
      } else if (visible.delete(key)) {
        // No longer readable (e.g. the owner changed): gone for this caller.
        removed.push(refOf(s));
      }
    }
    for (const r of changes.removed) if (visible.delete(clusterKey(r))) removed.push(r);
    send(upserted, removed);
  });

  let checking = false;
  const recheck = async () => {
    if (checking || writer.isClosed) return;
    checking = true;
    try {
      const next = await options.reauthorize();
      if (writer.isClosed) return;
      filter = next;
      // What the new decision hides is removed, what it reveals is sent.
      const upserted: ClusterSummary[] = [];
      const removed: ClusterRef[] = [];
      const current = new Set<string>();
      for (const s of clusters.summaries()) {
        const key = clusterKey(s);
        if (!filter(s)) continue;
        current.add(key);
        if (!visible.has(key)) upserted.push(s);
      }
      for (const key of visible) {
        if (current.has(key)) continue;
        const [managementCluster, namespace, name] = key.split('/');
        removed.push({ managementCluster, namespace, name });
      }
      visible.clear();
      current.forEach(k => visible.add(k));
      send(upserted, removed);
    } catch (e) {
      // The policy's own wording for a denial; nothing of other errors.
      end(e instanceof NotAllowedError ? e.message : 'Your permissions could not be checked again; reconnect');
    } finally {
      checking = false;
    }
  };

  const ping = setInterval(() => writer.ping(), options.pingMs);
  const reauthorize = setInterval(() => void recheck(), options.reauthorizeMs);
  const expiresAt = credentials.expiresAt?.getTime();
  // Credentials past their expiry cannot be checked again: the client reconnects with fresh ones.
  const expiry =
    expiresAt === undefined
      ? undefined
      : setTimeout(() => end('Your credentials expired; reconnect'), Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())));

  let ended = false;
  function cleanup() {
    if (ended) return;
    ended = true;
    clearInterval(ping);
    clearInterval(reauthorize);
    if (expiry) clearTimeout(expiry);
    unsubscribe();
    writer.close();
    release();
  }
  function end(message: string) {
    writer.fail(message);
    cleanup();
  }
  req.on('close', cleanup);
  res.on('close', cleanup);
}

function refOf(s: ClusterRef): ClusterRef {
  return { managementCluster: s.managementCluster, namespace: s.namespace, name: s.name };
}

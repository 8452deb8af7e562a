/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AuditorService, BackstageCredentials, LoggerService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import {
  clusterKey,
  ClusterRef,
  ClusterSummary,
  StreamChanges,
  Verdict,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request, Response } from 'express';
import { CreateService } from '../create/CreateService';
import { registerCreateRoutes } from '../create/createRoutes';
import { ClusterAccess, READ_ALL, ReadFilter, visibleManagementClusters } from '../permissions/access';
import { spec } from '../schema/openapi.generated';
import { ClusterService } from './ClusterService';
import { filterSortedClusters, SortField } from './query';

export interface RouterOptions {
  logger: LoggerService;
  /** The caller's permissions (read filter, create scope). */
  access: ClusterAccess;
  clusters: ClusterService;
  /** Keep-alive comment interval of the event stream. */
  streamPingMs?: number;
  /** Cluster creation (`POST /clusters`...); absent: not served. */
  create?: { service: CreateService; auditor: AuditorService };
}

export async function createRouter(options: RouterOptions) {
  const { clusters, access } = options;
  const router = await createValidatedOpenApiRouter<typeof spec>(spec);
  const httpAuth = { credentials: (req: any, _opts?: unknown) => access.credentials(req) };

  /** The caller's read filter; 403 when reading is denied outright. */
  const readFilter = (credentials: BackstageCredentials): Promise<ReadFilter> => access.readFilter(credentials);

  /** The management clusters this caller may learn about. */
  const managementClustersFor = (filter: ReadFilter) =>
    visibleManagementClusters(clusters.managementClusters(), filter, clusters.summaries());

  /** A cluster the caller may read, else 404 (as if it did not exist). */
  // The typed router's Request types differ per route; only params are read.
  async function readableCluster(req: any): Promise<ClusterRef> {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const filter = await readFilter(credentials);
    const ref = {
      managementCluster: req.params.managementCluster,
      namespace: req.params.namespace,
      name: req.params.name,
    };
    const summary = clusters.summary(ref);
    if (!summary || !filter(summary)) {
      throw new NotFoundError(
        `Cluster ${ref.namespace}/${ref.name} not found in management cluster ${ref.managementCluster}`,
      );
    }
    return ref;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/management-clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const filter = await readFilter(credentials);
    res.json({ items: managementClustersFor(filter) } as any);
  });

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const filter = await readFilter(credentials);
    const q = req.query;
    // Answered from memoised views: the summaries sorted once per change and
    // serialised once per evaluation; a request filters and pages.
    const sorted = clusters.sortedSummaries(q.sort as SortField | undefined, q.order as 'asc' | 'desc' | undefined);
    const query = {
      managementCluster: q.managementCluster as string[] | undefined,
      namespace: q.namespace as string[] | undefined,
      verdict: q.verdict as Verdict[] | undefined,
      owner: q.owner as string[] | undefined,
      search: q.search as string | undefined,
      offset: q.offset as number | undefined,
      limit: q.limit as number | undefined,
    };
    const unfiltered =
      filter === READ_ALL &&
      !query.managementCluster?.length &&
      !query.namespace?.length &&
      !query.verdict?.length &&
      !query.owner?.length &&
      !query.search?.trim();
    const offset = query.offset ?? 0;
    const result = unfiltered
      ? {
          items: sorted.slice(offset, offset + (query.limit ?? 100)),
          totalCount: sorted.length,
          verdictCounts: clusters.verdictCounts(),
        }
      : filterSortedClusters(sorted, query, filter === READ_ALL ? undefined : filter);
    // Same document as res.json({ ...result, managementClusters }); the
    // typed router only knows res.send of the parsed shape.
    (res as unknown as Response)
      .type('application/json')
      .send(
        `{"items":[${result.items.map(s => clusters.summaryJson(s)).join(',')}],` +
          `"totalCount":${result.totalCount},"verdictCounts":${JSON.stringify(result.verdictCounts)},` +
          `"managementClusters":${JSON.stringify(managementClustersFor(filter))}}`,
      );
  });

  router.get('/clusters/:managementCluster/:namespace/:name', async (req, res) => {
    const ref = await readableCluster(req);
    const detail = clusters.detail(ref);
    if (!detail) throw new NotFoundError(`Cluster ${ref.namespace}/${ref.name} not found`);
    res.json(detail as any);
  });

  router.get('/clusters/:managementCluster/:namespace/:name/events', async (req, res) => {
    const ref = await readableCluster(req);
    const items = clusters.timeline(ref) ?? [];
    const limit = (req.query.limit as number | undefined) ?? 200;
    res.json({ items: items.slice(0, limit) } as any);
  });

  router.get('/stream', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const filter = await readFilter(credentials);
    streamChanges(req, res as unknown as Response, clusters, filter, options.streamPingMs ?? 25_000);
  });

  if (options.create) {
    registerCreateRoutes(router, { access, auditor: options.create.auditor, create: options.create.service, clusters });
  }

  return router;
}

/** Server-sent events: a snapshot, then coalesced changes the caller may see. */
function streamChanges(
  req: Request<any>,
  res: Response,
  clusters: ClusterService,
  filter: ReadFilter,
  pingMs: number,
) {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const send = (event: string, data: unknown) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const visible = new Set<string>();
  for (const s of clusters.summaries()) if (filter(s)) visible.add(clusterKey(s));
  send('snapshot', { managementClusters: clusters.managementClusters() });
  const unsubscribe = clusters.subscribe((changes: StreamChanges) => {
    const upserted: ClusterSummary[] = [];
    const removed: ClusterRef[] = [];
    for (const s of changes.upserted) {
      const key = clusterKey(s);
      if (filter(s)) {
        visible.add(key);
        upserted.push(s);
      } else if (visible.delete(key)) {
        // No longer readable (e.g. the owner changed): gone for this caller.
        removed.push({ managementCluster: s.managementCluster, namespace: s.namespace, name: s.name });
      }
    }
    for (const r of changes.removed) if (visible.delete(clusterKey(r))) removed.push(r);
    send('changes', { upserted, removed, managementClusters: changes.managementClusters });
  });
  const ping = setInterval(() => res.write(': ping\n\n'), pingMs);
  req.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AuditorService, BackstageCredentials, LoggerService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import { ClusterRef, Verdict } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Request, Response } from 'express';
import { DEFAULT_STREAM_CONFIG } from '../config';
import { CreateService } from '../create/CreateService';
import { registerCreateRoutes } from './createRoutes';
import { ClusterAccess, READ_ALL, ReadFilter, visibleManagementClusters } from '../permissions/access';
import { spec } from '../schema/openapi.generated';
import { ClusterService } from '../clusters/ClusterService';
import { healthOf } from '../clusters/health';
import { filterSortedClusters, SortField } from '../clusters/query';
import { StreamConnections, streamChanges } from './stream';

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

  /** The caller's read filter; 403 when reading is denied outright. */
  const readFilter = (credentials: BackstageCredentials): Promise<ReadFilter> => access.readFilter(credentials);

  /** The management clusters this caller may learn about. */
  const managementClustersFor = (filter: ReadFilter) =>
    visibleManagementClusters(clusters.managementClusters(), filter, clusters.summaries());

  /** A cluster the caller may read, else 404 (as if it did not exist). */
  // The typed router's Request types differ per route; only params are read.
  async function readableCluster(req: any): Promise<ClusterRef> {
    const credentials = await access.credentials(req);
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

  // Unauthenticated: the state of the caches, nothing about any cluster.
  router.get('/health', (_req, res) => {
    const health = healthOf(clusters.managementClusters().map(m => m.state));
    res.status(health.httpStatus).json({ status: health.status });
  });

  router.get('/management-clusters', async (req, res) => {
    const credentials = await access.credentials(req);
    const filter = await readFilter(credentials);
    res.json({ items: managementClustersFor(filter) } as any);
  });

  router.get('/clusters', async (req, res) => {
    const credentials = await access.credentials(req);
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

  // GET /stream: limits, re-authorisation and backpressure in ./stream.
  const streamConfig = clusters.config.stream ?? DEFAULT_STREAM_CONFIG;
  const streamConnections = new StreamConnections(streamConfig);
  router.get('/stream', async (req, res) => {
    const credentials = await access.credentials(req);
    const filter = await readFilter(credentials);
    streamChanges(req as unknown as Request, res as unknown as Response, {
      clusters,
      credentials,
      filter,
      reauthorize: () => readFilter(credentials),
      connections: streamConnections,
      managementClusters: managementClustersFor,
      pingMs: options.streamPingMs ?? 25_000,
      reauthorizeMs: streamConfig.reauthorizeMs,
      logger: options.logger,
    });
  });

  if (options.create) {
    registerCreateRoutes(router, { access, auditor: options.create.auditor, create: options.create.service, clusters });
  }

  return router;
}

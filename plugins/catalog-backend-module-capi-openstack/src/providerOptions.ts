/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  AuthService,
  DiscoveryService,
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ClusterEntityOptions } from './entity';

export const CONFIG_KEY = 'catalog.providers.capiOpenstack';
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
};
export const DEFAULT_PAGE_SIZE = 1000;
/** The server's maximum `limit` of `GET /clusters`. */
const MAX_PAGE_SIZE = 5000;

/**
 * Which clusters are published (`catalog.providers.capiOpenstack.filter`).
 * Each list is optional (absent: all); with both, a cluster must match both.
 * @public
 */
export interface ClusterEntityFilter {
  /** Names of the management clusters whose clusters are published. */
  managementClusters?: string[];
  /** Namespaces whose clusters are published, in any management cluster in scope. */
  namespaces?: string[];
}

const FILTER_KEYS = ['managementClusters', 'namespaces'] as const;

/** Options of {@link ClusterEntityProvider}. @public */
export interface ClusterEntityProviderOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Runs the periodic full sync. */
  taskRunner: SchedulerServiceTaskRunner;
  /** How entities are built (lifecycle, system, app URL). */
  entity?: Omit<ClusterEntityOptions, 'managementClusterTitle'>;
  /** `limit` of each `GET /clusters` page. Default 1000. */
  pageSize?: number;
  /** Publishes only the clusters in scope. Default: every cluster the backend answers. */
  filter?: ClusterEntityFilter;
  /** A stream without any data (the server pings every 25 s) for this long is reconnected. Default 90 s. */
  streamIdleTimeoutMs?: number;
  /** Reconnect backoff of the stream: first delay and cap. Default 1 s and 60 s. */
  backoff?: { initialMs: number; maxMs: number };
}

/** The provider's options from `catalog.providers.capiOpenstack` (errors name the key). */
export function optionsFromConfig(
  config: RootConfigService,
  deps: { discovery: DiscoveryService; auth: AuthService; logger: LoggerService; scheduler: SchedulerService },
): ClusterEntityProviderOptions {
  const own = config.getOptionalConfig(CONFIG_KEY);
  const schedule = own?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(own.getConfig('schedule'))
    : DEFAULT_SCHEDULE;
  const lifecycle = own?.getOptionalString('lifecycle') ?? 'production';
  if (!lifecycle.trim()) throw new Error(`${CONFIG_KEY}.lifecycle must not be empty`);
  const system = own?.getOptionalString('system');
  if (system !== undefined && !system.trim()) throw new Error(`${CONFIG_KEY}.system must not be empty`);
  const pageSize = own?.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new Error(`${CONFIG_KEY}.pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  const filter = readFilter(own);
  return {
    discovery: deps.discovery,
    auth: deps.auth,
    logger: deps.logger,
    taskRunner: deps.scheduler.createScheduledTaskRunner(schedule),
    pageSize,
    filter,
    entity: {
      appBaseUrl: config.getOptionalString('app.baseUrl'),
      lifecycle,
      system,
      fallbackOwner: config.getOptionalString('capiOpenstack.defaultOwner'),
    },
  };
}

/** `catalog.providers.capiOpenstack.filter`; errors name the key. */
function readFilter(own: ReturnType<RootConfigService['getOptionalConfig']>): ClusterEntityFilter | undefined {
  if (!own?.has('filter')) return undefined;
  const key = `${CONFIG_KEY}.filter`;
  const value = own.getOptional('filter');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${key} must be an object with managementClusters and/or namespaces, got ${JSON.stringify(value)}`);
  }
  const config = own.getConfig('filter');
  for (const k of config.keys()) {
    if (!(FILTER_KEYS as readonly string[]).includes(k)) {
      // A misspelt key would otherwise publish every cluster.
      throw new Error(`${key}.${k} is not a filter; the filters are ${FILTER_KEYS.join(' and ')}`);
    }
  }
  const filter: ClusterEntityFilter = {};
  for (const k of FILTER_KEYS) {
    if (!config.has(k)) continue;
    const list = config.getOptional(k);
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every(item => typeof item === 'string' && item.trim() !== '' && item.trim() === item)
    ) {
      throw new Error(
        `${key}.${k} must be a non-empty list of names (leave it out to publish all), got ${JSON.stringify(list)}`,
      );
    }
    filter[k] = [...new Set(list as string[])];
  }
  return filter;
}

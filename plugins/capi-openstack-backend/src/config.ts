/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Config } from '@backstage/config';
import { checkDnsLabel } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** How the backend authenticates to one management cluster. */
export type ManagementClusterSource =
  | { type: 'kubeconfig'; path: string; context?: string }
  | { type: 'token'; url: string; token: string; caData?: string }
  | { type: 'inCluster' };

export interface ManagementClusterConfig {
  name: string;
  title: string;
  source: ManagementClusterSource;
  /** Namespace allow-list; undefined = all namespaces. */
  namespaces?: string[];
  skipTLSVerify: boolean;
}

/** Limits of `GET /stream` (server-sent events). */
export interface StreamConfig {
  /** Open streams per principal (user entity ref or service subject); one more gets 429. */
  maxConnectionsPerUser: number;
  /** Open streams in this backend instance; one more gets 503. */
  maxConnections: number;
  /** How often an open stream re-checks the caller's read permission. */
  reauthorizeMs: number;
}

export const DEFAULT_STREAM_CONFIG: StreamConfig = {
  maxConnectionsPerUser: 5,
  maxConnections: 1000,
  reauthorizeMs: 60_000,
};

export interface CapiOpenstackConfig {
  managementClusters: ManagementClusterConfig[];
  defaultOwner: string;
  /** Absent: DEFAULT_STREAM_CONFIG (configs built in code, e.g. by tests). */
  stream?: StreamConfig;
}

const KEY = 'capiOpenstack.managementClusters';

/** Reads and validates `capiOpenstack`; errors name the offending key. */
export function readCapiOpenstackConfig(config: Config): CapiOpenstackConfig {
  const entries = config.getOptionalConfigArray(KEY) ?? [];
  const seen = new Set<string>();
  const managementClusters = entries.map((entry, i) => {
    const at = `${KEY}[${i}]`;
    const name = entry.getString('name');
    const problem = checkDnsLabel(`${at}.name`, name);
    if (problem) throw new Error(problem);
    if (name.length > 20) {
      throw new Error(`${at}.name "${name}" must be at most 20 characters (it becomes part of catalog entity names)`);
    }
    if (seen.has(name)) throw new Error(`${at}.name "${name}" is used twice`);
    seen.add(name);

    const sources: ManagementClusterSource[] = [];
    if (entry.has('kubeconfig')) {
      sources.push({
        type: 'kubeconfig',
        path: entry.getString('kubeconfig.path'),
        context: entry.getOptionalString('kubeconfig.context'),
      });
    }
    if (entry.has('url')) {
      const url = entry.getString('url');
      if (!/^https?:\/\//.test(url)) throw new Error(`${at}.url must be an http(s) URL`);
      if (!entry.has('serviceAccountToken')) {
        throw new Error(`${at}.serviceAccountToken is required with ${at}.url`);
      }
      sources.push({
        type: 'token',
        url,
        token: entry.getString('serviceAccountToken'),
        caData: entry.getOptionalString('caData'),
      });
    }
    if (entry.getOptionalBoolean('inCluster')) sources.push({ type: 'inCluster' });
    if (sources.length !== 1) {
      throw new Error(
        `${at} needs exactly one of kubeconfig, url (with serviceAccountToken) or inCluster: true (found ${sources.length})`,
      );
    }
    const namespaces = entry.getOptionalStringArray('namespaces');
    namespaces?.forEach((ns, j) => {
      const p = checkDnsLabel(`${at}.namespaces[${j}]`, ns);
      if (p) throw new Error(p);
    });
    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      source: sources[0],
      namespaces: namespaces?.length ? namespaces : undefined,
      skipTLSVerify: entry.getOptionalBoolean('dangerouslySkipTLSVerify') ?? false,
    };
  });
  const defaultOwner = config.getOptionalString('capiOpenstack.defaultOwner') ?? 'group:default/platform';
  if (!/^[a-z]+:[^/]+\/.+$/i.test(defaultOwner)) {
    throw new Error(`capiOpenstack.defaultOwner must be an entity ref such as group:default/platform, got "${defaultOwner}"`);
  }
  return { managementClusters, defaultOwner, stream: readStreamConfig(config) };
}

function readStreamConfig(config: Config): StreamConfig {
  const positive = (key: string, fallback: number) => {
    const value = config.getOptionalNumber(`capiOpenstack.stream.${key}`) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`capiOpenstack.stream.${key} must be a positive integer, got ${value}`);
    }
    return value;
  };
  const d = DEFAULT_STREAM_CONFIG;
  return {
    maxConnectionsPerUser: positive('maxConnectionsPerUser', d.maxConnectionsPerUser),
    maxConnections: positive('maxConnections', d.maxConnections),
    reauthorizeMs: positive('reauthorizeSeconds', d.reauthorizeMs / 1000) * 1000,
  };
}

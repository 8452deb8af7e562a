/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { invalidPrefixReason } from './egress';

/** `capiOpenstack.openstack`. */
export interface OpenStackConfig {
  enabled: boolean;
  timeoutMs: number;
  cacheMs: number;
  warnAboveRatio: number;
  /** URL prefixes a clouds.yaml's auth_url must start with; empty: no OpenStack call at all. */
  allowedAuthUrls: string[];
  /** Horizon base URLs by auth URL prefix (first match). */
  horizon: Array<{ authUrl: string; url: string }>;
  fallback: { externalNetworks: string[]; keyPairs: string[]; availabilityZones: string[] };
}

export const DEFAULT_OPENSTACK_CONFIG: OpenStackConfig = {
  enabled: true,
  timeoutMs: 10_000,
  cacheMs: 60_000,
  warnAboveRatio: 0.9,
  allowedAuthUrls: [],
  horizon: [],
  fallback: { externalNetworks: [], keyPairs: [], availabilityZones: [] },
};

const KEY = 'capiOpenstack.openstack';

function positive(value: number | undefined, key: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new Error(`${KEY}.${key} must be a number between 0 and ${max}, got ${value}`);
  }
  return value;
}

/** Reads `capiOpenstack.openstack`; errors name the key. */
export function readOpenStackConfig(config: Config): OpenStackConfig {
  const c = config.getOptionalConfig(KEY);
  const d = DEFAULT_OPENSTACK_CONFIG;
  // A copy: followOpenStackConfig updates the object in place.
  if (!c) return { ...d, allowedAuthUrls: [], horizon: [], fallback: { externalNetworks: [], keyPairs: [], availabilityZones: [] } };
  const timeout = positive(c.getOptionalNumber('timeoutSeconds'), 'timeoutSeconds', 300);
  const cache = c.getOptionalNumber('cacheSeconds');
  if (cache !== undefined && (!Number.isFinite(cache) || cache < 0 || cache > 3600)) {
    throw new Error(`${KEY}.cacheSeconds must be between 0 and 3600, got ${cache}`);
  }
  const warn = positive(c.getOptionalNumber('warnAbovePercent'), 'warnAbovePercent', 100);
  const allowed = c.getOptionalStringArray('allowedAuthUrls') ?? [];
  allowed.forEach((prefix, i) => {
    // The value is not quoted: a URL with user info may hold a password.
    const reason = invalidPrefixReason(prefix);
    if (reason) throw new Error(`${KEY}.allowedAuthUrls[${i}] ${reason}`);
  });
  const horizon = (c.getOptionalConfigArray('horizon') ?? []).map((h, i) => {
    const url = h.getString('url');
    if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`${KEY}.horizon[${i}].url must be an http(s) URL, got "${url}"`);
    return { authUrl: h.getString('authUrl'), url: url.replace(/\/+$/, '') };
  });
  return {
    enabled: c.getOptionalBoolean('enabled') ?? d.enabled,
    timeoutMs: timeout !== undefined ? timeout * 1000 : d.timeoutMs,
    cacheMs: cache !== undefined ? cache * 1000 : d.cacheMs,
    warnAboveRatio: warn !== undefined ? warn / 100 : d.warnAboveRatio,
    allowedAuthUrls: allowed,
    horizon,
    fallback: {
      externalNetworks: c.getOptionalStringArray('fallback.externalNetworks') ?? [],
      keyPairs: c.getOptionalStringArray('fallback.keyPairs') ?? [],
      availabilityZones: c.getOptionalStringArray('fallback.availabilityZones') ?? [],
    },
  };
}

/**
 * Re-reads `capiOpenstack.openstack` into `current` when the config files
 * change (`npm start -- --openstack` adds the testbed's URLs to the
 * allow-list once it is up). An invalid change is logged and ignored.
 */
export function followOpenStackConfig(config: Config, current: OpenStackConfig, logger: LoggerService) {
  config.subscribe?.(() => {
    try {
      Object.assign(current, readOpenStackConfig(config));
    } catch (e) {
      logger.warn(`${KEY} changed but is invalid, keeping the previous settings: ${(e as Error).message}`);
    }
  });
}

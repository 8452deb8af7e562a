/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Config } from '@backstage/config';

/** `capiOpenstack.openstack`. */
export interface OpenStackConfig {
  enabled: boolean;
  timeoutMs: number;
  cacheMs: number;
  warnAboveRatio: number;
  fallback: { externalNetworks: string[]; keyPairs: string[]; availabilityZones: string[] };
}

export const DEFAULT_OPENSTACK_CONFIG: OpenStackConfig = {
  enabled: true,
  timeoutMs: 10_000,
  cacheMs: 60_000,
  warnAboveRatio: 0.9,
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
  if (!c) return DEFAULT_OPENSTACK_CONFIG;
  const d = DEFAULT_OPENSTACK_CONFIG;
  const timeout = positive(c.getOptionalNumber('timeoutSeconds'), 'timeoutSeconds', 300);
  const cache = c.getOptionalNumber('cacheSeconds');
  if (cache !== undefined && (!Number.isFinite(cache) || cache < 0 || cache > 3600)) {
    throw new Error(`${KEY}.cacheSeconds must be between 0 and 3600, got ${cache}`);
  }
  const warn = positive(c.getOptionalNumber('warnAbovePercent'), 'warnAbovePercent', 100);
  return {
    enabled: c.getOptionalBoolean('enabled') ?? d.enabled,
    timeoutMs: timeout !== undefined ? timeout * 1000 : d.timeoutMs,
    cacheMs: cache !== undefined ? cache * 1000 : d.cacheMs,
    warnAboveRatio: warn !== undefined ? warn / 100 : d.warnAboveRatio,
    fallback: {
      externalNetworks: c.getOptionalStringArray('fallback.externalNetworks') ?? [],
      keyPairs: c.getOptionalStringArray('fallback.keyPairs') ?? [],
      availabilityZones: c.getOptionalStringArray('fallback.availabilityZones') ?? [],
    },
  };
}

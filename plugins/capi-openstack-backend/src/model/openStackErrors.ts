/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type { QuotaShortfall } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/**
 * OpenStack errors that CAPO copies into its condition messages (Nova's and
 * Keystone's own words), recognised so that the fix guide can name them.
 */
export type OpenStackError =
  | { kind: 'quota'; quota?: QuotaShortfall; resource?: string }
  | { kind: 'noValidHost' }
  | { kind: 'flavorMissing' }
  | { kind: 'imageMissing' }
  | { kind: 'portBinding' }
  | { kind: 'unauthorized' }
  | { kind: 'loadBalancer' };

// Nova: "Quota exceeded for cores: Requested 8, but already used 96 of 100 cores"
const QUOTA = /Quota exceeded for ([a-z_]+)(?::\s*Requested (\d+), but already used (\d+) of (\d+))?/i;

/** Parses Nova's quota refusal, with the numbers when Nova gave them. */
export function parseQuotaRefusal(message: string): OpenStackError | undefined {
  const m = QUOTA.exec(message);
  if (!m) return undefined;
  const resource = m[1];
  if (m[2] === undefined) return { kind: 'quota', resource };
  const [requested, used, limit] = [m[2], m[3], m[4]].map(Number);
  return {
    kind: 'quota',
    resource,
    quota: { resource, requested, used, limit, missing: Math.max(0, requested - (limit - used)) },
  };
}

/** The OpenStack error a condition message quotes, if it is one the fix guide knows. */
export function openStackErrorIn(message: string | undefined): OpenStackError | undefined {
  if (!message) return undefined;
  const quota = parseQuotaRefusal(message);
  if (quota) return quota;
  if (/No valid host was found/i.test(message)) return { kind: 'noValidHost' };
  if (/Binding failed for port|PortBindingFailed|binding_vif_type.*binding_failed/i.test(message)) {
    return { kind: 'portBinding' };
  }
  if (/no flavors were found|Flavor .* could not be found|flavor .*not found/i.test(message)) {
    return { kind: 'flavorMissing' };
  }
  if (/no images were found|Image .* could not be found|image .*not found/i.test(message)) {
    return { kind: 'imageMissing' };
  }
  if (/\b401\b|Unauthorized|requires authentication|application credential .*(expired|not found|could not be found)/i.test(message)) {
    return { kind: 'unauthorized' };
  }
  if (/load ?balancer/i.test(message)) return { kind: 'loadBalancer' };
  return undefined;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Where the backend may send OpenStack requests. The auth_url of a
// clouds.yaml comes from a namespace Secret and the endpoints from whatever
// catalog that Keystone returns: without this check anyone who can write a
// Secret could make the backend call any host (SSRF).

import { OpenStackError } from '../errors';

export const ALLOWED_AUTH_URLS_KEY = 'capiOpenstack.openstack.allowedAuthUrls';

export const NO_EGRESS_MESSAGE = `no OpenStack call is made while ${ALLOWED_AUTH_URLS_KEY} is empty`;

interface Prefix {
  /** `scheme://host:port`, lower-cased, the port always explicit. */
  origin: string;
  /** Path ending in `/`. */
  path: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** A parsed http(s) URL without user info, or a reason why not. */
function parse(url: string): { origin: string; path: string } | string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (!(u.protocol in DEFAULT_PORTS)) return 'is not an http(s) URL';
  if (u.username || u.password) return 'must not contain user info';
  // URL lower-cases scheme and host and resolves dot segments (also %2e%2e).
  const origin = `${u.protocol}//${u.hostname}:${u.port || DEFAULT_PORTS[u.protocol]}`;
  return { origin, path: u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/` };
}

/** Why a configured prefix is invalid, or undefined when it is fine. */
export function invalidPrefixReason(prefix: string): string | undefined {
  const p = parse(prefix);
  if (typeof p === 'string') return p;
  const u = new URL(prefix);
  if (u.search || u.hash) return 'must not have a query or fragment';
  return undefined;
}

export class EgressPolicy {
  private readonly prefixes: Prefix[];

  /** `prefixes`: validated by readOpenStackConfig (invalid ones are skipped here). */
  constructor(prefixes: readonly string[]) {
    this.prefixes = prefixes.map(parse).filter((p): p is Prefix => typeof p !== 'string');
  }

  /** No allowed prefix: no OpenStack call at all. */
  get empty(): boolean {
    return this.prefixes.length === 0;
  }

  /** Same scheme, host and port as a prefix, and the path below the prefix's on a `/` boundary. */
  allowsAuthUrl(url: string): boolean {
    const p = parse(url);
    if (typeof p === 'string') return false;
    return this.prefixes.some(a => a.origin === p.origin && p.path.startsWith(a.path));
  }

  /** Same scheme, host and port as a prefix (catalog endpoints: any path). */
  allowsHost(url: string): boolean {
    const p = parse(url);
    if (typeof p === 'string') return false;
    return this.prefixes.some(a => a.origin === p.origin);
  }

  /**
   * Refuses a cloud whose auth_url is not allowed, before any request. The
   * message names the config key and the cloud, not the Secret's content.
   */
  checkAuthUrl(authUrl: string, cloudName: string) {
    if (this.empty) throw new OpenStackError(NO_EGRESS_MESSAGE, 403);
    if (!this.allowsAuthUrl(authUrl)) {
      throw new OpenStackError(`the auth_url of cloud "${cloudName}" is not in ${ALLOWED_AUTH_URLS_KEY}`, 403);
    }
  }
}

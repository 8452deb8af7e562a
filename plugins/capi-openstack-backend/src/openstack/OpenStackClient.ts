/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A small typed OpenStack client for exactly the calls the plugin needs:
// Keystone v3 token (password or application credential), the service
// catalog, and JSON GETs against Nova, Glance, Neutron, Octavia and Cinder.
// Tokens are cached per credential until shortly before they expire. Only
// URLs the egress policy allows are called; errors carry the status and a
// reason of ours, never the remote body (it may reflect anything).

import crypto from 'node:crypto';
import { CloudCredentials, secretsOf } from './cloudsYaml';
import { ALLOWED_AUTH_URLS_KEY, EgressPolicy } from './egress';
import { httpJson, HttpResponse } from './http';
import { CachedToken, TokenCache } from './tokenCache';
import { OpenStackError, UnreachableError } from '../errors';


/** Service types of the catalog the plugin reads. */
export type ServiceType = 'compute' | 'image' | 'network' | 'load-balancer' | 'volume';

const CATALOG_TYPES: Record<ServiceType, string[]> = {
  compute: ['compute'],
  image: ['image'],
  network: ['network'],
  'load-balancer': ['load-balancer'],
  volume: ['block-storage', 'volumev3', 'volume'],
};

/** The service's project name, in messages. */
const SERVICE_NAMES: Record<ServiceType, string> = {
  compute: 'Nova',
  image: 'Glance',
  network: 'Neutron',
  'load-balancer': 'Octavia',
  volume: 'Cinder',
};

const REASONS: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  409: 'conflict',
  413: 'request too large',
  429: 'too many requests',
  500: 'internal error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

/** `403 (forbidden)`: the status and a short reason of ours. */
function statusText(status: number): string {
  return `${status} (${REASONS[status] ?? (status >= 500 ? 'server error' : 'unexpected answer')})`;
}

interface Session {
  token: string;
  expiresAt: number;
  projectId?: string;
  catalog: Array<{ type: string; endpoints: Array<{ interface: string; region?: string; region_id?: string; url: string }> }>;
}

export interface OpenStackClientOptions {
  timeoutMs: number;
  /** Where requests may go: the auth_url and every catalog endpoint are checked against it. */
  egress: EgressPolicy;
  now?: () => number;
}

/** How long before expiry a cached token is renewed. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** Sessions by credential fingerprint, shared by clients of the same credential. */
const sessions = new TokenCache<Session>();

function fingerprint(c: CloudCredentials): string {
  return crypto.createHash('sha256').update(JSON.stringify([c.authUrl, c.auth, c.region, c.interface])).digest('hex');
}

/** Replaces every secret of the credentials (and anything token-like) in a message. */
function scrub(message: string, secrets: string[]): string {
  let out = message;
  for (const s of secrets) out = out.split(s).join('***');
  return out.replace(/gAAAA[\w-]{20,}/g, '***').slice(0, 400);
}

export class OpenStackClient {
  private readonly key: string;
  private readonly secrets: string[];
  private readonly now: () => number;

  constructor(
    readonly credentials: CloudCredentials,
    private readonly options: OpenStackClientOptions,
  ) {
    this.key = fingerprint(credentials);
    this.secrets = secretsOf(credentials);
    this.now = options.now ?? Date.now;
  }

  private describe(): string {
    const a = this.credentials.auth;
    return a.kind === 'password' ? 'password' : 'application credential';
  }

  private tlsOptions() {
    return { ca: this.credentials.ca, insecure: this.credentials.insecure, timeoutMs: this.options.timeoutMs };
  }

  private authBody() {
    const a = this.credentials.auth;
    if (a.kind === 'applicationCredential') {
      const domain = a.userDomainId ? { id: a.userDomainId } : { name: a.userDomainName ?? 'Default' };
      const user = a.id ? undefined : { ...(a.userId ? { id: a.userId } : { name: a.username, domain }) };
      return {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { ...(a.id ? { id: a.id } : { name: a.name, user }), secret: a.secret },
          },
        },
      };
    }
    const user = a.userId
      ? { id: a.userId, password: a.password }
      : { name: a.username, password: a.password, domain: a.userDomainId ? { id: a.userDomainId } : { name: a.userDomainName ?? 'Default' } };
    let scope: object | undefined;
    if (a.projectId) scope = { project: { id: a.projectId } };
    else if (a.projectName) {
      scope = {
        project: {
          name: a.projectName,
          domain: a.projectDomainId ? { id: a.projectDomainId } : { name: a.projectDomainName ?? 'Default' },
        },
      };
    }
    return { auth: { identity: { methods: ['password'], password: { user } }, ...(scope ? { scope } : {}) } };
  }

  private async authenticate(): Promise<Session> {
    const url = `${this.credentials.authUrl}/auth/tokens`;
    let res: HttpResponse;
    try {
      res = await httpJson('POST', url, { ...this.tlsOptions(), body: this.authBody() });
    } catch (e) {
      throw this.unreachable(e, 'Keystone');
    }
    if (res.status === 401 || res.status === 403) {
      throw new OpenStackError(
        `Keystone at ${this.credentials.authUrl} refused the ${this.describe()} of cloud "${this.credentials.cloudName}" (${res.status} ${res.status === 401 ? 'Unauthorized' : 'Forbidden'}): check the identity Secret`,
        401,
      );
    }
    if (res.status !== 201 && res.status !== 200) {
      throw new OpenStackError(
        scrub(`Keystone at ${this.credentials.authUrl} answered ${statusText(res.status)}`, this.secrets),
        res.status,
      );
    }
    const token = res.headers['x-subject-token'];
    const body = res.body?.token;
    if (typeof token !== 'string' || !body) {
      throw new OpenStackError(`Keystone at ${this.credentials.authUrl} answered without a token`, 502);
    }
    const expires = Date.parse(body.expires_at);
    return {
      token,
      expiresAt: Number.isFinite(expires) ? expires : this.now() + 3600_000,
      projectId: body.project?.id,
      catalog: body.catalog ?? [],
    };
  }

  private unreachable(e: unknown, what: string): OpenStackError {
    if (e instanceof UnreachableError) {
      return new OpenStackError(`${what} could not be reached (${e.url}: ${e.reason})`, 0);
    }
    return new OpenStackError(scrub(`${what}: ${(e as Error).message}`, this.secrets), 0);
  }

  /**
   * A valid session: the cached one, else a new token. One login per
   * credential at a time; callers waiting on a login that fails get its
   * error (no retry storm that could lock the account).
   */
  async session(): Promise<Session> {
    // Also for a cached token: the allow-list may have changed since.
    this.options.egress.checkAuthUrl(this.credentials.authUrl, this.credentials.cloudName);
    const cached = sessions.get(this.key);
    if (cached) {
      const s = await cached.promise;
      if (s.expiresAt - RENEW_BEFORE_MS > this.now()) return s;
      if (sessions.get(this.key) !== cached) return this.session();
    }
    const entry: CachedToken<Session> = { promise: this.authenticate() };
    sessions.set(this.key, entry, this.now());
    entry.promise.then(
      s => {
        entry.session = s;
      },
      () => sessions.delete(this.key, entry),
    );
    return entry.promise;
  }

  /** Forgets a token a service refused (revoked or expired early), unless a newer one replaced it. */
  invalidate(token: string) {
    const entry = sessions.get(this.key);
    if (entry?.session?.token === token) sessions.delete(this.key, entry);
  }

  async projectId(): Promise<string | undefined> {
    return (await this.session()).projectId;
  }

  /**
   * The endpoint URL of a service type, or undefined when the catalog has
   * none. An endpoint on a host the allow-list does not name is refused.
   */
  async endpoint(type: ServiceType): Promise<string | undefined> {
    const s = await this.session();
    const { region, interface: iface } = this.credentials;
    for (const t of CATALOG_TYPES[type]) {
      const service = s.catalog.find(c => c.type === t);
      const ep = service?.endpoints.find(
        e => e.interface === iface && (!region || (e.region_id ?? e.region) === region),
      );
      if (!ep) continue;
      if (typeof ep.url !== 'string' || !this.options.egress.allowsHost(ep.url)) throw this.offHost(type);
      return versioned(type, ep.url.replace(/\/$/, ''));
    }
    return undefined;
  }

  private offHost(type: ServiceType): OpenStackError {
    return new OpenStackError(
      `endpoint of ${SERVICE_NAMES[type]} is not on an allowed host (${ALLOWED_AUTH_URLS_KEY})`,
      403,
    );
  }

  /** GET `path` of a service as JSON; undefined when the service is not in the catalog. */
  async get<T = any>(type: ServiceType, path: string): Promise<T | undefined> {
    return this.request<T>('GET', type, path);
  }

  /**
   * A JSON request to a service (GET for the lookups; POST only for the
   * console URL); undefined when the service is not in the catalog.
   */
  async request<T = any>(
    method: 'GET' | 'POST',
    type: ServiceType,
    path: string,
    extra: { body?: unknown; headers?: Record<string, string> } = {},
    retried = false,
  ): Promise<T | undefined> {
    const base = await this.endpoint(type);
    if (!base) return undefined;
    const s = await this.session();
    const url = `${base}${path}`.replaceAll('{project_id}', encodeURIComponent(s.projectId ?? ''));
    // The path may come from an answer (Glance's `next`): the final URL is checked too.
    if (!this.options.egress.allowsHost(url)) throw this.offHost(type);
    let res: HttpResponse;
    try {
      res = await httpJson(method, url, { ...this.tlsOptions(), token: s.token, ...extra });
    } catch (e) {
      throw this.unreachable(e, SERVICE_NAMES[type]);
    }
    if (res.status === 401 && !retried) {
      this.invalidate(s.token);
      return this.request(method, type, path, extra, true);
    }
    if (res.status < 200 || res.status >= 300) {
      throw new OpenStackError(
        scrub(`${SERVICE_NAMES[type]} answered ${statusText(res.status)} for ${path.split('?')[0]}`, [...this.secrets, s.token]),
        res.status,
      );
    }
    return res.body as T;
  }
}

/** The catalog URL with the API version the plugin speaks (catalogs differ in whether they include it). */
function versioned(type: ServiceType, url: string): string {
  switch (type) {
    case 'network':
      return /\/v2\.0$/.test(url) ? url : `${url}/v2.0`;
    case 'image':
      return /\/v2$/.test(url) ? url : `${url}/v2`;
    case 'load-balancer':
      return /\/v2(\.0)?$/.test(url) ? url : `${url}/v2`;
    case 'volume':
      // Cinder v3 wants the project in the path (optional only from microversion 3.67).
      return /\/v3$/.test(url) ? `${url}/{project_id}` : url;
    default:
      return url;
  }
}

/** For tests: forget every cached token. */
export function clearOpenStackSessions() {
  sessions.clear();
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A minimal OpenStack HTTP client for seeding the testbed and for its tests.

export class OpenStackHttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${url}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

export interface CatalogEndpoint {
  interface: string;
  region_id?: string;
  url: string;
}

export interface Session {
  token: string;
  userId: string;
  projectId?: string;
  catalog: Array<{ type: string; name: string; endpoints: CatalogEndpoint[] }>;
  /** The public endpoint of a service type. */
  endpoint(type: string): string;
}

export async function request<T = any>(
  method: string,
  url: string,
  options: {
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    raw?: Buffer;
  } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...options.headers,
  };
  if (options.token) headers['x-auth-token'] = options.token;
  let body: string | Buffer | undefined;
  if (options.raw) {
    body = options.raw;
    headers['content-type'] ??= 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  if (!res.ok) throw new OpenStackHttpError(method, url, res.status, text);
  let parsed: any = text;
  if (text && (res.headers.get('content-type') ?? '').includes('json'))
    parsed = JSON.parse(text);
  return { status: res.status, body: parsed, headers: res.headers };
}

export type Credentials =
  | {
      kind: 'password';
      username: string;
      password: string;
      userDomain?: string;
      projectName?: string;
      projectDomain?: string;
      /** Scope to the domain instead of a project. */
      system?: boolean;
    }
  | { kind: 'application_credential'; id: string; secret: string };

/** Keystone v3 authentication; returns the token and catalog. */
export async function authenticate(
  keystoneUrl: string,
  creds: Credentials,
): Promise<Session> {
  let auth: any;
  if (creds.kind === 'password') {
    auth = {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: creds.username,
            password: creds.password,
            domain: { name: creds.userDomain ?? 'Default' },
          },
        },
      },
    };
    if (creds.projectName) {
      auth.scope = {
        project: {
          name: creds.projectName,
          domain: { name: creds.projectDomain ?? 'Default' },
        },
      };
    }
  } else {
    auth = {
      identity: {
        methods: ['application_credential'],
        application_credential: { id: creds.id, secret: creds.secret },
      },
    };
  }
  const res = await request(
    'POST',
    `${keystoneUrl.replace(/\/$/, '')}/v3/auth/tokens`,
    { body: { auth } },
  );
  const token = res.headers.get('x-subject-token');
  if (!token) throw new Error('Keystone returned no X-Subject-Token');
  const t = res.body.token;
  const catalog = t.catalog ?? [];
  return {
    token,
    userId: t.user.id,
    projectId: t.project?.id,
    catalog,
    endpoint(type: string) {
      const svc = catalog.find((s: any) => s.type === type);
      const ep = svc?.endpoints.find(
        (e: CatalogEndpoint) => e.interface === 'public',
      );
      if (!ep) throw new Error(`no public ${type} endpoint in the catalog`);
      return ep.url.replace(/\/$/, '');
    },
  };
}

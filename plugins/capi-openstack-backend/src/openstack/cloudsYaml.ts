/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The part of clouds.yaml CAPO uses: one cloud with a password or an
// application credential, a region, an interface and an optional CA.

import yaml from 'js-yaml';
import { UnprocessableError } from '../errors';

/** How to authenticate against Keystone (secrets included: never log this). */
export type CloudAuth =
  | {
      kind: 'password';
      username?: string;
      userId?: string;
      password: string;
      userDomainName?: string;
      userDomainId?: string;
      projectName?: string;
      projectId?: string;
      projectDomainName?: string;
      projectDomainId?: string;
    }
  | {
      kind: 'applicationCredential';
      id?: string;
      name?: string;
      secret: string;
      username?: string;
      userId?: string;
      userDomainName?: string;
      userDomainId?: string;
    };

export interface CloudCredentials {
  cloudName: string;
  /** Keystone v3 URL, ending in `/v3`. */
  authUrl: string;
  region?: string;
  /** Endpoint interface of the service catalog (default `public`). */
  interface: 'public' | 'internal' | 'admin';
  auth: CloudAuth;
  /** PEM CA bundle (the identity Secret's `cacert` key). */
  ca?: string;
  /** `verify: false` in clouds.yaml. */
  insecure: boolean;
}

/** Every secret value of the credentials, to scrub from any message. */
export function secretsOf(c: CloudCredentials): string[] {
  return [c.auth.kind === 'password' ? c.auth.password : c.auth.secret].filter(s => s && s.length >= 4);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/**
 * Parses clouds.yaml and picks `cloudName`. Errors name the field and never
 * quote values (the file holds secrets).
 */
export function parseCloudsYaml(text: string, cloudName: string, ca?: string): CloudCredentials {
  let doc: any;
  try {
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (e) {
    // js-yaml quotes the offending line: keep only the position.
    const mark = (e as any)?.mark;
    throw new UnprocessableError(`clouds.yaml is not valid YAML${mark ? ` (line ${mark.line + 1})` : ''}`);
  }
  const clouds = doc?.clouds;
  if (!clouds || typeof clouds !== 'object') throw new UnprocessableError('clouds.yaml has no "clouds" map');
  const cloud = clouds[cloudName];
  if (!cloud || typeof cloud !== 'object') {
    throw new UnprocessableError(
      `clouds.yaml has no cloud "${cloudName}" (it has: ${Object.keys(clouds).join(', ') || 'none'})`,
    );
  }
  const auth = cloud.auth ?? {};
  const rawUrl = str(auth.auth_url);
  if (!rawUrl || !/^https?:\/\//.test(rawUrl)) {
    throw new UnprocessableError(`clouds.${cloudName}.auth.auth_url must be an http(s) URL`);
  }
  // Only scheme, host and path: a query would be shown in messages.
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(rawUrl);
  } catch {
    throw new UnprocessableError(`clouds.${cloudName}.auth.auth_url must be an http(s) URL`);
  }
  // `https://keystone.example.com@evil.example/` names the host evil.example: refused, not stripped.
  if (parsedUrl.username || parsedUrl.password) {
    throw new UnprocessableError(`clouds.${cloudName}.auth.auth_url must not contain user info`);
  }
  const base = `${parsedUrl.origin}${parsedUrl.pathname}`.replace(/\/$/, '');
  const authUrl = /\/v3$/.test(base) ? base : `${base}/v3`;
  const type = str(cloud.auth_type) ?? (auth.application_credential_secret ? 'v3applicationcredential' : 'password');
  let parsed: CloudAuth;
  if (type === 'v3applicationcredential' || type === 'applicationcredential') {
    const secret = str(auth.application_credential_secret);
    const id = str(auth.application_credential_id);
    const name = str(auth.application_credential_name);
    if (!secret) throw new UnprocessableError(`clouds.${cloudName}.auth.application_credential_secret is required`);
    if (!id && !name) {
      throw new UnprocessableError(`clouds.${cloudName}.auth needs application_credential_id or application_credential_name`);
    }
    if (!id && !str(auth.username) && !str(auth.user_id)) {
      throw new UnprocessableError(`clouds.${cloudName}.auth needs username or user_id with application_credential_name`);
    }
    parsed = {
      kind: 'applicationCredential',
      id,
      name,
      secret,
      username: str(auth.username),
      userId: str(auth.user_id),
      userDomainName: str(auth.user_domain_name) ?? str(auth.domain_name),
      userDomainId: str(auth.user_domain_id) ?? str(auth.domain_id),
    };
  } else if (type === 'password' || type === 'v3password') {
    const password = str(auth.password);
    if (!password) throw new UnprocessableError(`clouds.${cloudName}.auth.password is required`);
    if (!str(auth.username) && !str(auth.user_id)) {
      throw new UnprocessableError(`clouds.${cloudName}.auth needs username or user_id`);
    }
    parsed = {
      kind: 'password',
      username: str(auth.username),
      userId: str(auth.user_id),
      password,
      userDomainName: str(auth.user_domain_name) ?? str(auth.domain_name),
      userDomainId: str(auth.user_domain_id) ?? str(auth.domain_id),
      projectName: str(auth.project_name) ?? str(auth.tenant_name),
      projectId: str(auth.project_id) ?? str(auth.tenant_id),
      projectDomainName: str(auth.project_domain_name) ?? str(auth.domain_name),
      projectDomainId: str(auth.project_domain_id) ?? str(auth.domain_id),
    };
  } else {
    throw new UnprocessableError(
      `clouds.${cloudName}.auth_type "${type}" is not supported (password or v3applicationcredential)`,
    );
  }
  const iface = str(cloud.interface) ?? str(cloud.endpoint_type) ?? 'public';
  const normalised = iface.replace(/URL$/, '');
  if (!['public', 'internal', 'admin'].includes(normalised)) {
    throw new UnprocessableError(`clouds.${cloudName}.interface must be public, internal or admin`);
  }
  return {
    cloudName,
    authUrl,
    region: str(cloud.region_name),
    interface: normalised as CloudCredentials['interface'],
    auth: parsed,
    ca,
    insecure: cloud.verify === false,
  };
}

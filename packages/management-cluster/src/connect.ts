/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import yaml from 'js-yaml';
import { KubeHttp } from '@internal/test-support';
import { CrdSetName } from './crds';

/** Users the local API server knows, each with a bearer token. */
export const LOCAL_USERS = {
  /** Cluster admin (group system:masters). */
  admin: { groups: ['system:masters'] },
  /** Authenticated but without any RBAC grant: for denial tests. */
  alice: { groups: [] as string[] },
  /** Another plain user, for tests that grant a Role. */
  bob: { groups: [] as string[] },
} as const;

export type LocalUser = keyof typeof LOCAL_USERS;

export function renderKubeconfig(options: {
  url: string;
  caPem: string;
  token: string;
  user: string;
}): string {
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'capi-openstack-local',
        cluster: {
          server: options.url,
          'certificate-authority-data': Buffer.from(options.caPem).toString('base64'),
        },
      },
    ],
    users: [{ name: options.user, user: { token: options.token } }],
    contexts: [
      {
        name: `${options.user}@capi-openstack-local`,
        context: { cluster: 'capi-openstack-local', user: options.user },
      },
    ],
    'current-context': `${options.user}@capi-openstack-local`,
  });
}

/** What is needed to reach a running local management cluster. */
export interface ConnectionInfo {
  url: string;
  caPem: string;
  crdSet: CrdSetName;
  tokens: Record<LocalUser, string>;
}

/** The parts of a running management cluster a test or a tool uses. */
export interface ManagementClusterHandle {
  url: string;
  crdSet: CrdSetName;
  caPem: string;
  client: KubeHttp;
  clientFor(user: LocalUser): KubeHttp;
  kubeconfig(user?: LocalUser): string;
  token(user: LocalUser): string;
}

export function connect(info: ConnectionInfo): ManagementClusterHandle {
  return {
    url: info.url,
    crdSet: info.crdSet,
    caPem: info.caPem,
    client: new KubeHttp(info.url, info.tokens.admin, info.caPem),
    clientFor: user => new KubeHttp(info.url, info.tokens[user], info.caPem),
    kubeconfig: (user = 'admin') =>
      renderKubeconfig({ url: info.url, caPem: info.caPem, token: info.tokens[user], user }),
    token: user => info.tokens[user],
  };
}

/** A client from a token kubeconfig file such as the one `npm start` writes. */
export function clientFromKubeconfig(file: string): KubeHttp {
  const config: any = yaml.load(fs.readFileSync(file, 'utf8'));
  const ctx = config.contexts.find((c: any) => c.name === config['current-context']).context;
  const cluster = config.clusters.find((c: any) => c.name === ctx.cluster).cluster;
  const user = config.users.find((u: any) => u.name === ctx.user).user;
  if (!user.token) throw new Error(`${file}: only token users are supported by this tool`);
  return new KubeHttp(
    cluster.server,
    user.token,
    Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'),
  );
}

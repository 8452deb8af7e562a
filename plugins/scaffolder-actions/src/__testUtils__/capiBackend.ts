/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Test support: the real capi-openstack backend plugin (startTestBackend)
// watching a real API server, and the node client that the actions use,
// calling it over HTTP with mock service tokens on behalf of a user.

import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
// Test only: the actions are tested against the real backend plugin they call.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import capiOpenstackPlugin from '@capi-openstack/backstage-plugin-capi-openstack-backend';
import { CapiOpenstackClient } from '@capi-openstack/backstage-plugin-capi-openstack-node';
import { TestManagementCluster, waitFor as waitForCondition } from '@internal/management-cluster/testing';
import type { TestbedInfo } from '@internal/openstack-testbed';

export const MC = 'local';
export const FLAVORS = ['m1.small', 'm1.medium', 'm1.large', 'm1.xlarge'];

/** One audit event the backend emitted, with its outcome. */
export interface RecordedAudit {
  eventId: string;
  severityLevel?: string;
  meta?: Record<string, unknown>;
  outcome?: 'success' | 'fail';
  error?: string;
}

export interface CapiBackendHandle {
  client: CapiOpenstackClient;
  audits: RecordedAudit[];
  baseUrl: string;
  /** Switches the permission decisions of the create/write permissions. */
  setAllowWrites(allow: boolean): void;
  stop(): Promise<void>;
}

/** The tooling's waitFor with these suites' defaults (60 s, every 200 ms). */
export function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) {
  return waitForCondition(what, probe, { timeoutMs, intervalMs: 200 });
}

/** capiOpenstack.openstack.allowedAuthUrls for the testbed: Keystone and each service's origin. */
export function testbedAllowedAuthUrls(info: TestbedInfo): string[] {
  return [...new Set([info.authUrl, ...Object.values(info.endpoints)].map(u => `${new URL(u).origin}/`))];
}

/**
 * Starts the backend plugin for `mc`, limited to `namespaces`; OpenStack
 * calls only to `allowedAuthUrls` (none by default).
 */
export async function startCapiBackend(
  mc: TestManagementCluster,
  namespaces: string[],
  { allowedAuthUrls = [] }: { allowedAuthUrls?: string[] } = {},
): Promise<CapiBackendHandle> {
  const kubeconfig = mc.kubeconfigFile();
  let allowWrites = true;
  const decide = (permission: { attributes?: { action?: string } }) =>
    permission.attributes?.action === 'read' || allowWrites ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  const audits: RecordedAudit[] = [];
  const auditor = createServiceFactory({
    service: coreServices.auditor,
    deps: {},
    factory: () => ({
      async createEvent(options) {
        const audit: RecordedAudit = { eventId: options.eventId, severityLevel: options.severityLevel, meta: options.meta as any };
        audits.push(audit);
        return {
          async success() {
            audit.outcome = 'success';
          },
          async fail({ error }) {
            audit.outcome = 'fail';
            audit.error = error.message;
          },
        };
      },
    }),
  });
  const backend = await startTestBackend({
    features: [
      auditor,
      capiOpenstackPlugin,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          capiOpenstack: {
            managementClusters: [{ name: MC, kubeconfig: { path: kubeconfig }, namespaces }],
            flavors: FLAVORS,
            // The testbed's services answer slowly while every suite runs on 2 cores.
            openstack: { timeoutSeconds: 30, allowedAuthUrls },
          },
        },
      }),
      mockServices.permissions.mock({
        authorize: async (requests: any[]) => requests.map(r => ({ result: decide(r.permission) })),
        authorizeConditional: async (requests: any[]) => requests.map(r => ({ result: decide(r.permission) })),
      } as any).factory,
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}/api/capi-openstack`;
  const client = new CapiOpenstackClient({
    discovery: { getBaseUrl: async () => baseUrl, getExternalBaseUrl: async () => baseUrl },
    auth: mockServices.auth(),
  });
  return {
    client,
    audits,
    baseUrl,
    setAllowWrites(allow) {
      allowWrites = allow;
    },
    async stop() {
      await backend.stop();
    },
  };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What a controller's `config/` folder asks for, read as plain objects:
// the manager's arguments after clusterctl's variable substitution, the
// webhook configurations pointed at a loopback URL (as envtest does, instead
// of a Service), and the CRD labels and conversion patches of the component's
// kustomization (what kustomize would have applied).

import type { KubeObject } from '@internal/test-support';

/** clusterctl's `${VAR:=default}` substitution (unset variables take the default). */
export function substituteVariables(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::=([^}]*))?\}/g, (_, name: string, fallback?: string) => {
    const value = variables[name] ?? fallback;
    if (value === undefined) throw new Error(`No value for \${${name}} and no default in the manifest`);
    return value;
  });
}

/** The `manager` container's arguments of a controller Deployment. */
export function managerArgs(deployment: any, variables: Record<string, string>): string[] {
  const containers: any[] = deployment?.spec?.template?.spec?.containers ?? [];
  const manager = containers.find(c => c.name === 'manager');
  if (!manager) throw new Error(`Deployment ${deployment?.metadata?.name} has no "manager" container`);
  return (manager.args ?? []).map((a: string) => substituteVariables(a, variables));
}

export interface LocalEndpoints {
  webhookPort: number;
  webhookCertDir: string;
  healthPort: number;
  metricsPort: number;
}

/**
 * The manager's arguments for a process on this machine: the manifest's
 * feature gates and tuning kept; leader election off (one process, and it
 * needs an in-cluster namespace); health, metrics and webhooks on our ports.
 */
export function localManagerArgs(args: string[], endpoints: LocalEndpoints): string[] {
  const replaced = new Set(['--leader-elect', '--diagnostics-address', '--insecure-diagnostics']);
  const kept = args.filter(a => !replaced.has(a.split('=')[0]));
  return [
    ...kept,
    '--leader-elect=false',
    `--diagnostics-address=127.0.0.1:${endpoints.metricsPort}`,
    '--insecure-diagnostics=true',
    `--health-addr=127.0.0.1:${endpoints.healthPort}`,
    `--webhook-port=${endpoints.webhookPort}`,
    `--webhook-cert-dir=${endpoints.webhookCertDir}`,
  ];
}

/** `--feature-gates=A=true,B=false` as a record. */
export function featureGates(args: string[]): Record<string, boolean> {
  const arg = args.find(a => a.startsWith('--feature-gates='));
  if (!arg) return {};
  return Object.fromEntries(
    arg
      .slice('--feature-gates='.length)
      .split(',')
      .filter(Boolean)
      .map(pair => {
        const [k, v] = pair.split('=');
        return [k, v === 'true'];
      }),
  );
}

function pointAtUrl(clientConfig: any, baseUrl: string, caBundle: string) {
  const servicePath = clientConfig?.service?.path ?? '';
  return { url: `${baseUrl}${servicePath}`, caBundle };
}

/**
 * The component's Mutating/ValidatingWebhookConfigurations with every
 * Service reference replaced by `baseUrl` + the Service's path, the CA
 * bundle set, and the names prefixed by the component (kustomize's
 * namePrefix: the three components' configurations share names).
 */
export function localWebhookConfigurations(
  documents: any[],
  options: { namePrefix: string; baseUrl: string; caBundle: string },
): KubeObject[] {
  return documents
    .filter(d => d && /^(Mutating|Validating)WebhookConfiguration$/.test(d.kind))
    .map(d => ({
      ...d,
      metadata: { ...d.metadata, name: `${options.namePrefix}-${d.metadata.name}` },
      webhooks: (d.webhooks ?? []).map((w: any) => ({
        ...w,
        clientConfig: pointAtUrl(w.clientConfig, options.baseUrl, options.caBundle),
      })),
    }));
}

/** The labels a component's `config/crd/kustomization.yaml` puts on its CRDs. */
export function kustomizationLabels(kustomization: any): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const entry of kustomization?.labels ?? []) Object.assign(labels, entry.pairs ?? {});
  Object.assign(labels, kustomization?.commonLabels ?? {});
  return labels;
}

/** The patch files a CRD kustomization enables (its `patches:` list; commented ones are not there). */
export function kustomizationPatchPaths(kustomization: any): string[] {
  return (kustomization?.patches ?? [])
    .map((p: any) => (typeof p === 'string' ? p : p?.path))
    .filter((p: unknown): p is string => typeof p === 'string');
}

/**
 * A CRD with the component's labels and, when `conversion` names it, the
 * conversion webhook at `baseUrl` + the patch's path.
 */
export function localCrd(
  crd: any,
  options: {
    labels: Record<string, string>;
    /** `spec.conversion` of the CRD's `webhook_in_*.yaml` patch, if it has one. */
    conversion?: any;
    baseUrl?: string;
    caBundle?: string;
  },
): KubeObject {
  const out = structuredClone(crd);
  out.metadata.labels = { ...out.metadata.labels, ...options.labels };
  const conversion = options.conversion;
  if (conversion && options.baseUrl && options.caBundle) {
    out.spec.conversion = {
      strategy: 'Webhook',
      webhook: {
        conversionReviewVersions: conversion.webhook?.conversionReviewVersions ?? ['v1'],
        clientConfig: pointAtUrl(conversion.webhook?.clientConfig, options.baseUrl, options.caBundle),
      },
    };
  }
  return out;
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** The seed's images per version (as `npm start` configures them). */
export const KUBERNETES_VERSIONS = ['v1.33.5', 'v1.34.2', 'v1.35.0'];

/** Seconds between two scheduled full syncs of the catalog provider. */
export const CATALOG_SYNC_SECONDS = 3;

/**
 * Config of every replica (over app-config.yaml): one management cluster
 * (the suite's namespace of the shared API server), a frequent catalog
 * sync, upgrade resyncs every second.
 */
export function replicaConfig(kubeconfigPath: string, namespace: string): Record<string, unknown> {
  return {
    catalog: {
      providers: {
        capiOpenstack: { schedule: { frequency: { seconds: CATALOG_SYNC_SECONDS }, timeout: { seconds: 30 } } },
      },
    },
    capiOpenstack: {
      managementClusters: [
        { name: 'local', title: 'Local management cluster', kubeconfig: { path: kubeconfigPath }, namespaces: [namespace] },
      ],
      flavors: ['m1.small', 'm1.medium', 'm1.large'],
      kubernetesVersions: KUBERNETES_VERSIONS.map(version => ({ version, image: `ubuntu-2404-kube-${version}` })),
      actions: { upgradeResyncSeconds: 1 },
    },
  };
}

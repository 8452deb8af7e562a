/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

export interface Config {
  /** Configuration of the capi-openstack plugins. */
  capiOpenstack?: {
    /**
     * Management clusters holding Cluster API objects. Each is watched with one
     * LIST + WATCH per kind; requests are answered from memory.
     * Give exactly one of `kubeconfig`, `url` (+ `serviceAccountToken`) or `inCluster`.
     */
    managementClusters?: Array<{
      /**
       * Stable id, used in URLs, permissions and catalog entity names: a DNS-1123
       * label of at most 20 characters (e.g. `prod-zrh`).
       */
      name: string;
      /** Human readable name shown in the UI. Defaults to `name`. */
      title?: string;
      /** Read credentials from a kubeconfig file. */
      kubeconfig?: {
        /** Path of the kubeconfig file. */
        path: string;
        /** Context to use; the file's current context when absent. */
        context?: string;
      };
      /** API server URL, used with `serviceAccountToken` and `caData`. */
      url?: string;
      /**
       * Bearer token of a service account with read access to the CAPI and CAPO
       * objects (and write access for lifecycle actions).
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Base64-encoded PEM of the API server's CA. */
      caData?: string;
      /** Use the pod's service account (when Backstage runs in the management cluster). */
      inCluster?: boolean;
      /**
       * Only watch these namespaces (one watch per namespace and kind instead of
       * one cluster-wide watch). All namespaces when absent.
       */
      namespaces?: string[];
      /**
       * Skip verification of the API server's TLS certificate. Never do this in
       * production: it lets anyone on the network read your credentials.
       */
      dangerouslySkipTLSVerify?: boolean;
    }>;
    /**
     * Owner of clusters that carry no `capi-openstack.dev/owner` label or
     * annotation, as an entity ref (e.g. `group:default/platform`).
     */
    defaultOwner?: string;
  };
}

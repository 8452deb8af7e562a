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
    /**
     * Nova flavors lifecycle actions (and cluster creation) may use. When set,
     * any other flavor is refused with 422; when absent, any flavor name is
     * accepted (Nova decides).
     */
    flavors?: string[];
    /**
     * Kubernetes versions plain (non-ClusterClass) clusters may be upgraded
     * to, with the Glance image name of each. Upgrades go one minor version
     * at a time, never down. ClusterClass clusters use the class's
     * `spec.kubernetesVersions` when it has them, else this list.
     */
    kubernetesVersions?: Array<{
      /** e.g. `v1.34.2`. */
      version: string;
      /** Glance image name for machines of this version. */
      image: string;
    }>;
    /** Lifecycle actions (scale, upgrade, flavor, restart, pause, delete...). */
    actions?: {
      /** Highest replica count (and autoscaler maximum) of a worker pool. Default 50. */
      maxPoolReplicas?: number;
      /**
       * Seconds between passes of the plain-cluster upgrade orchestration (it
       * also runs on every change seen by the watch caches). Default 10.
       */
      upgradeResyncSeconds?: number;
      /**
       * Seconds between checks for due hibernation schedules (cron
       * expressions in the Cluster annotation
       * `capi-openstack.dev/hibernation-schedule`, set through
       * `POST …/hibernation-schedule`). One backend replica at a time runs
       * them (a global scheduler task). Default 30. The same interval is
       * used to look for operations waiting for an open maintenance window
       * (`capi-openstack.dev/maintenance-window`), so an operation starts
       * at most this many seconds after its window opens.
       */
      hibernationScheduleSeconds?: number;
      /**
       * Names of the ClusterClass variables that feed the flavors and the
       * certificate rotation of ClusterClass clusters. A class without the
       * variable gets 422 naming it.
       */
      classVariables?: {
        /** Default `controlPlaneFlavor`. */
        controlPlaneFlavor?: string;
        /** Default `workerFlavor` (set per pool as a variable override). */
        workerFlavor?: string;
        /** Default `certificatesExpiryDays`. */
        certificatesExpiryDays?: string;
      };
    };
    /**
     * OpenStack lookups: live pickers (flavors, images, networks, key pairs,
     * availability zones) and preflight checks against the project's quota.
     * The backend reads each cluster's identity Secret (`clouds.yaml`, as
     * CAPO does) with its management cluster credentials and calls Keystone,
     * Nova, Glance, Neutron, Octavia and Cinder with it. Credentials and
     * tokens stay in memory; they are never logged or returned.
     */
    openstack?: {
      /** false: never call OpenStack; pickers use the fallback lists below and preflight says so. Default true. */
      enabled?: boolean;
      /** Timeout of each OpenStack request in seconds. Default 10. */
      timeoutSeconds?: number;
      /**
       * How long lists and quotas are reused for pickers, in seconds. Default 60.
       * Preflights (dry runs and writes) reuse them for at most 10 s.
       */
      cacheSeconds?: number;
      /** Quota usage above this percentage after a change is a preflight warning. Default 90. */
      warnAbovePercent?: number;
      /**
       * Where the backend may send OpenStack requests, as URL prefixes such as
       * `https://keystone.example.com:5000/`. A clouds.yaml whose `auth_url`
       * does not start with one of them (scheme, host and port compared
       * exactly, the path on a `/` boundary; user info refused) is refused
       * before any request. Every endpoint of the service catalog must be on
       * the scheme, host and port of one of them (any path), else that
       * service is treated as unavailable: list each service's origin (e.g.
       * `https://nova.example.com:8774/`) when they differ from Keystone's.
       * Empty or absent: no OpenStack call at all (fallback lists; preflight
       * warns). Re-read when the config files change.
       */
      allowedAuthUrls?: string[];
      /**
       * Horizon of each cloud, by the prefix of its Keystone `auth_url` (as in
       * `allowedAuthUrls`): the cluster page links each server to
       * `<url>/project/instances/<id>/`. The first matching entry wins.
       */
      horizon?: Array<{
        /** Prefix of the clouds.yaml `auth_url`, e.g. `https://keystone.example.com:5000/`. */
        authUrl: string;
        /** Horizon's base URL, e.g. `https://horizon.example.com/`. */
        url: string;
      }>;
      /**
       * Lists shown when the cloud cannot be reached (besides `flavors` and
       * the images of `kubernetesVersions`).
       */
      fallback?: {
        /** External network names. */
        externalNetworks?: string[];
        /** Key pair names. */
        keyPairs?: string[];
        /** Availability zone names. */
        availabilityZones?: string[];
      };
    };
    /** The admin kubeconfig endpoint (`GET .../kubeconfig`). */
    kubeconfig?: {
      /** false turns the endpoint off entirely (404). Default true. */
      enabled?: boolean;
    };
    /**
     * The live updates of `GET /stream` (server-sent events). A client that
     * does not read is sent coalesced changes once it does, or disconnected
     * when it stays behind; it reconnects and starts from a snapshot.
     */
    stream?: {
      /**
       * Open streams per principal (user entity ref, or a service's subject)
       * in one backend instance; one more is answered 429. A browser tab
       * holds one. Default 5.
       */
      maxConnectionsPerUser?: number;
      /** Open streams in one backend instance; one more is answered 503. Default 1000. */
      maxConnections?: number;
      /**
       * Seconds between re-checks of an open stream's read permission:
       * clusters it no longer covers are sent as removed; a denial ends the
       * stream with an `error` event. Streams also end when the caller's
       * credentials expire. Default 60.
       */
      reauthorizeSeconds?: number;
    };
  };
}

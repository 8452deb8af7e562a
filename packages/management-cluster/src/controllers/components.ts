/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The real Cluster API controllers the local management cluster can run:
 * each is a `package main` of the released `sigs.k8s.io/cluster-api` module,
 * with its CRDs, webhook manifests and manager arguments in the module's
 * `config/` folder (what `clusterctl init` installs, before kustomize).
 */
export interface ControllerComponent {
  /** Short name: log files, webhook configuration names. */
  name: 'capi' | 'kubeadm-control-plane' | 'kubeadm-bootstrap';
  /** The Go main package. */
  goPackage: string;
  /** Binary file name in the cache (and in CAPI_OPENSTACK_CONTROLLERS_DIR). */
  binary: string;
  /** The component's folder inside the module (holds `config/`). */
  folder: string;
}

export const CAPI_MODULE = 'sigs.k8s.io/cluster-api';
export const CAPI_CONTROLLERS_VERSION = 'v1.14.0';

export const CONTROLLER_COMPONENTS: ControllerComponent[] = [
  {
    name: 'capi',
    goPackage: `${CAPI_MODULE}/core`,
    binary: 'cluster-api-controller',
    folder: 'core',
  },
  {
    name: 'kubeadm-control-plane',
    goPackage: `${CAPI_MODULE}/controlplane/kubeadm`,
    binary: 'kubeadm-control-plane-controller',
    folder: 'controlplane/kubeadm',
  },
  {
    name: 'kubeadm-bootstrap',
    goPackage: `${CAPI_MODULE}/bootstrap/kubeadm`,
    binary: 'kubeadm-bootstrap-controller',
    folder: 'bootstrap/kubeadm',
  },
];

/**
 * The variables `clusterctl init` substitutes in the managers' arguments,
 * as a production install of v1.14 sets them: ClusterTopology on
 * (`CLUSTER_TOPOLOGY=true`, which every ClusterClass needs); every other
 * variable keeps the default written in the manifest.
 */
export const CLUSTERCTL_VARIABLES: Record<string, string> = {
  CLUSTER_TOPOLOGY: 'true',
};

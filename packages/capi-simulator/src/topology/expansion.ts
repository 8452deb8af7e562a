/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// What every step of one topology pass over a Cluster reads.

import { KObj } from '../kube';

/**
 * One pass of the topology controller. `cluster` is the Cluster as it was
 * when the pass started: later steps keep reading it even after the
 * Cluster's references have been patched.
 */
export interface Expansion {
  cluster: KObj;
  /** The Cluster's `spec.topology`. */
  topology: any;
  /** The ClusterClass. */
  cls: KObj;
  className: string;
  classNs: string;
  version: string;
  /** The `builtin` variable object of the cluster and its control plane. */
  base: Record<string, unknown>;
  /** The class's variable definitions. */
  definitions: any[] | undefined;
}

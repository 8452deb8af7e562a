/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Which credentials a cluster uses, as CAPO resolves them: a Secret in the
// cluster's namespace, or a cluster-scoped OpenStackClusterIdentity naming a
// Secret elsewhere, allowed for the namespace by its namespaceSelector.

import { variableValue } from '../model/shapes';
import type { KubeObject } from '../model';

export interface Identity {
  /** The Secret's name (type Secret) or the OpenStackClusterIdentity's name (type ClusterIdentity). */
  secretName: string;
  cloudName: string;
  type?: 'Secret' | 'ClusterIdentity';
}

/** The identity of a cluster: its OpenStackCluster's `identityRef`, else the class variable `identityRef`. */
export function identityOfCluster(cluster: KubeObject, openStackCluster?: KubeObject): Identity | undefined {
  const ref = openStackCluster?.spec?.identityRef ?? (variableValue(cluster.spec?.topology?.variables, 'identityRef') as any);
  if (!ref || typeof ref.name !== 'string' || !ref.name) return undefined;
  const type = ref.type === 'ClusterIdentity' ? 'ClusterIdentity' : 'Secret';
  return {
    secretName: ref.name,
    cloudName: typeof ref.cloudName === 'string' && ref.cloudName ? ref.cloudName : 'openstack',
    ...(type === 'ClusterIdentity' ? { type } : {}),
  };
}

interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** Whether a Kubernetes label selector matches labels (an empty or absent selector matches all). */
export function selectorMatches(
  selector: { matchLabels?: Record<string, string>; matchExpressions?: Requirement[] } | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const inValues = has && (r.values ?? []).includes(labels[r.key]);
    if (r.operator === 'In' && !inValues) return false;
    if (r.operator === 'NotIn' && inValues) return false;
    if (r.operator === 'Exists' && !has) return false;
    if (r.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

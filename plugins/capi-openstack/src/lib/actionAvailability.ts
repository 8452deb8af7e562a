/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterTree } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { ClusterPermissions } from '../hooks/useClusterPermissions';
import { findPool, NodeGroupTarget } from './targets';

/** The action dialogs of the cluster page. */
export type ActionKind =
  | 'scale'
  | 'autoscaler'
  | 'upgrade'
  | 'flavor'
  | 'restart'
  | 'rotate-certificates'
  | 'pause'
  | 'resume'
  | 'replace-machine'
  | 'hibernate'
  | 'wake'
  | 'hibernation-schedule'
  | 'maintenance-window'
  | 'health-check'
  | 'delete'
  | 'kubeconfig'
  | 'console';

const PERMISSION: Record<ActionKind, [keyof Omit<ClusterPermissions, 'loading'>, string]> = {
  scale: ['scale', 'scale'],
  autoscaler: ['update', 'change the autoscaler of'],
  upgrade: ['upgrade', 'upgrade'],
  flavor: ['update', 'change the flavor of'],
  restart: ['update', 'restart'],
  'rotate-certificates': ['update', 'rotate the certificates of'],
  pause: ['pause', 'pause'],
  resume: ['pause', 'resume'],
  'replace-machine': ['replaceMachine', 'replace machines of'],
  hibernate: ['hibernate', 'hibernate'],
  wake: ['hibernate', 'wake'],
  'hibernation-schedule': ['hibernate', 'schedule the hibernation of'],
  'maintenance-window': ['update', 'set the maintenance window of'],
  'health-check': ['update', 'change the health checks of'],
  delete: ['delete', 'delete'],
  kubeconfig: ['kubeconfig', 'download the kubeconfig of'],
  console: ['console', 'open consoles of the machines of'],
};

export const MAGNUM_READ_ONLY =
  'Made by OpenStack Magnum: change it through Magnum (openstack coe cluster …). Its driver re-applies the cluster and would undo changes made here.';

/** Why an action is not offered for this cluster (or target), or undefined when it is. */
export function actionDisabledReason(
  kind: ActionKind,
  tree: ClusterTree,
  permissions: ClusterPermissions,
  target?: NodeGroupTarget,
): string | undefined {
  const [permission, verb] = PERMISSION[kind];
  if (kind !== 'kubeconfig' && kind !== 'console' && tree.magnum.managed) return MAGNUM_READ_ONLY;
  if (permissions.loading) return 'Checking your permissions…';
  if (!permissions[permission]) return `You are not allowed to ${verb} this cluster.`;
  if (kind !== 'kubeconfig' && kind !== 'console' && tree.deletion) return 'The cluster is being deleted.';
  if ((kind === 'rotate-certificates' || (target?.type === 'controlPlane' && kind !== 'scale')) && !tree.controlPlane) {
    return 'The control plane object is not known.';
  }
  if (kind === 'rotate-certificates' && tree.controlPlane?.kind !== 'KubeadmControlPlane') {
    return 'Only kubeadm control planes rotate certificates this way.';
  }
  if (kind === 'scale' && target?.type === 'pool') {
    const bounds = findPool(tree, target.pool)?.autoscaler;
    if (bounds) {
      return `The cluster autoscaler sizes this pool (${bounds.min ?? '?'}–${bounds.max ?? '?'}): change its bounds instead.`;
    }
  }
  return undefined;
}

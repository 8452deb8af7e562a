/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { usePermission } from '@backstage/plugin-permission-react';
import {
  capiClusterConsolePermission,
  capiClusterDeletePermission,
  capiClusterHibernatePermission,
  capiClusterKubeconfigPermission,
  capiClusterPausePermission,
  capiClusterReplaceMachinePermission,
  capiClusterScalePermission,
  capiClusterUpdatePermission,
  capiClusterUpgradePermission,
  clusterKey,
  ClusterRef,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** What the user may do to a cluster (UX only: the backend enforces). */
export interface ClusterPermissions {
  loading: boolean;
  scale: boolean;
  upgrade: boolean;
  update: boolean;
  pause: boolean;
  replaceMachine: boolean;
  hibernate: boolean;
  delete: boolean;
  kubeconfig: boolean;
  console: boolean;
}

/** Resource permission checks with the cluster key as resource ref (the backend's `getResources` key). */
export function useClusterPermissions(ref: ClusterRef): ClusterPermissions {
  const resourceRef = clusterKey(ref);
  const scale = usePermission({ permission: capiClusterScalePermission, resourceRef });
  const upgrade = usePermission({ permission: capiClusterUpgradePermission, resourceRef });
  const update = usePermission({ permission: capiClusterUpdatePermission, resourceRef });
  const pause = usePermission({ permission: capiClusterPausePermission, resourceRef });
  const replaceMachine = usePermission({ permission: capiClusterReplaceMachinePermission, resourceRef });
  const hibernate = usePermission({ permission: capiClusterHibernatePermission, resourceRef });
  const remove = usePermission({ permission: capiClusterDeletePermission, resourceRef });
  const kubeconfig = usePermission({ permission: capiClusterKubeconfigPermission, resourceRef });
  const serverConsole = usePermission({ permission: capiClusterConsolePermission, resourceRef });
  const all = [scale, upgrade, update, pause, replaceMachine, hibernate, remove, kubeconfig, serverConsole];
  return {
    loading: all.some(p => p.loading),
    scale: scale.allowed,
    upgrade: upgrade.allowed,
    update: update.allowed,
    pause: pause.allowed,
    replaceMachine: replaceMachine.allowed,
    hibernate: hibernate.allowed,
    delete: remove.allowed,
    kubeconfig: kubeconfig.allowed,
    console: serverConsole.allowed,
  };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type { CapiOpenstackApi } from '../../api/CapiOpenstackApi';

/** Fetches the kubeconfig with the user's token and saves it as `<name>.kubeconfig` (never kept in state). */
export async function downloadKubeconfig(api: CapiOpenstackApi, ref: ClusterRef): Promise<void> {
  const { kubeconfig } = await api.getKubeconfig(ref);
  const url = URL.createObjectURL(new Blob([kubeconfig], { type: 'application/yaml' }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = `${ref.name}.kubeconfig`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

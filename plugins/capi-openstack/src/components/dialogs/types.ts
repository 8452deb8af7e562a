/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { ClusterDetailResponse, ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** Props every action dialog takes. */
export interface ClusterDialogProps {
  open: boolean;
  onClose(): void;
  cluster: ClusterRef;
  /** The live detail (progress is read from it). */
  detail?: ClusterDetailResponse;
  /** Reloads the detail. */
  onReload(): void;
}

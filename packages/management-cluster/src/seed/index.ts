/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

export type {
  DemoClusterSpec,
  SeedManifest,
  SeedObject,
  SeedOwner,
  SnapshotId,
} from './types';
export {
  FROZEN_LABEL,
  FROZEN_VALUE,
  OWNER_LABEL,
  SNAPSHOT_ANNOTATION,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
export { DEMO_TEAMS, MAGNUM_NAMESPACE } from './labels';
export { buildDemoFleet, DEMO_FLEET } from './fleet';
export { DEMO_CLASS } from './clusterClass';
export { MAGNUM_CLASS, MAGNUM_STACK_ID, MAGNUM_CLUSTER_UUID } from './magnum';
export { SNAPSHOT_IDS } from './snapshots';

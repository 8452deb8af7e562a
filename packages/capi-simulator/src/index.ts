/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Simulated Cluster API and CAPO controllers for the local management
// cluster: a test double for local use, tests and the benchmark. Never
// imported by production code.

export { startSimulator, defaultLogger } from './simulator';
export type { Simulator, SimulatorOptions } from './simulator';
export { DURATIONS } from './clock';
export {
  FROZEN_LABEL,
  FROZEN_VALUE,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
export { FIELD_MANAGER } from './constants';
export {
  API_UNREACHABLE_ANNOTATION,
  QUOTA_EXCEEDED_ANNOTATION,
  STUCK_IN_BUILD_ANNOTATION,
} from './failures';
export { discoverApiVersions } from './apiVersions';
export type {
  ApiVersions,
  CapiGeneration,
  Kind,
  KindInfo,
} from './apiVersions';

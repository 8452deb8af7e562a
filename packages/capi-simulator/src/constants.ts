/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The simulator's own names; the CAPI vocabulary (labels, annotations,
// groups, finalizers) comes from the common package.

/** The field manager of every write the simulator makes. */
export const FIELD_MANAGER = 'capi-openstack-simulator';
/** reportingInstance of its Events. */
export const REPORTING_INSTANCE = 'capi-openstack-simulator';

/** The OpenStack region every simulated server lives in. */
export const REGION = 'RegionOne';

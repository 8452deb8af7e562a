/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { PolicyQueryUser } from '@backstage/plugin-permission-node';

/** The user a policy sees: `userEntityRef`, owning itself and `groups`. */
export function policyUser(userEntityRef: string, groups: string[] = []): PolicyQueryUser {
  return { info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] } } as PolicyQueryUser;
}

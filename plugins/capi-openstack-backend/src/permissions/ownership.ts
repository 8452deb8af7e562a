/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** The user's ownership refs now (their entity ref and groups), or undefined when the user is not in the catalog. */
export type OwnershipLookup = (userEntityRef: string) => Promise<string[] | undefined>;

/**
 * A user's ownership refs as Backstage's default sign-in resolvers give
 * them (the user and the groups it is a member of), read from the catalog
 * with the plugin's own credentials; undefined when the user is gone.
 */
export function catalogOwnership(catalog: CatalogService, auth: AuthService): OwnershipLookup {
  return async userEntityRef => {
    const entity = await catalog.getEntityByRef(userEntityRef, { credentials: await auth.getOwnServiceCredentials() });
    if (!entity) return undefined;
    const groups = (entity.relations ?? []).filter(r => r.type === RELATION_MEMBER_OF).map(r => r.targetRef);
    return [userEntityRef, ...groups];
  };
}

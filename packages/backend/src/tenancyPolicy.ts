/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// An example multi-tenant permission policy for the capi-openstack plugins,
// read from `permission.tenancy` (packages/backend/config.d.ts):
// - members of a platform group may do everything;
// - members of a team manage (read, change, delete, kubeconfig) the clusters
//   their team owns in the team's namespaces, and create clusters only there,
//   owned by their team;
// - cluster entities in the catalog are shown to their owners (and the
//   platform) only; every other catalog entity and plugin stays allowed;
// - anyone else gets no capi-openstack permission at all.
// Adopters copy it and adapt it; the shipped ConfigPermissionPolicy only
// allows or denies and cannot express tenancy.

import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  capiClusterConditions,
  createCapiClusterConditionalDecision,
} from '@capi-openstack/backstage-plugin-capi-openstack-backend';
import {
  CAPI_CLUSTER_RESOURCE_TYPE,
  CLUSTER_ENTITY_TYPE,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** One team: its group, the namespaces it works in and, optionally, the management clusters. */
export interface TenancyTeam {
  group: string;
  namespaces: string[];
  managementClusters?: string[];
}

export interface TenancyConfig {
  platformGroups: string[];
  teams: TenancyTeam[];
}

const ENTITY_REF = /^[a-z]+:[a-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** Reads `permission.tenancy`; errors name the key. */
export function readTenancyConfig(config: Config): TenancyConfig {
  const c = config.getConfig('permission.tenancy');
  const ref = (key: string, value: string) => {
    if (!ENTITY_REF.test(value)) {
      throw new Error(`permission.tenancy.${key} must be an entity ref such as group:default/team-a, got "${value}"`);
    }
    return value;
  };
  return {
    platformGroups: (c.getOptionalStringArray('platformGroups') ?? []).map((g, i) => ref(`platformGroups[${i}]`, g)),
    teams: (c.getOptionalConfigArray('teams') ?? []).map((t, i) => ({
      group: ref(`teams[${i}].group`, t.getString('group')),
      namespaces: t.getStringArray('namespaces'),
      managementClusters: t.getOptionalStringArray('managementClusters'),
    })),
  };
}

export class TenancyPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config): TenancyPermissionPolicy {
    return new TenancyPermissionPolicy(readTenancyConfig(config));
  }

  constructor(private readonly tenancy: TenancyConfig) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (!user) return { result: AuthorizeResult.DENY };
    const refs = new Set([user.info.userEntityRef, ...user.info.ownershipEntityRefs]);
    if (this.tenancy.platformGroups.some(g => refs.has(g))) return { result: AuthorizeResult.ALLOW };
    const teams = this.tenancy.teams.filter(t => refs.has(t.group));
    const { permission } = request;

    if (isResourcePermission(permission, CAPI_CLUSTER_RESOURCE_TYPE)) {
      if (teams.length === 0) return { result: AuthorizeResult.DENY };
      // The same scope for reading, changing, kubeconfig and creating: the
      // team's own clusters in its namespaces (for create: the new cluster's
      // management cluster, namespace and owner).
      return createCapiClusterConditionalDecision(permission, anyOf(teams.map(teamScope)));
    }
    if (permission.name.startsWith('capi-openstack.')) return { result: AuthorizeResult.DENY };

    // Cluster entities published by the catalog module: their owners only.
    if (isResourcePermission(permission, 'catalog-entity') && permission.attributes.action === 'read') {
      return createCatalogConditionalDecision(permission, {
        anyOf: [
          { not: catalogConditions.hasSpec({ key: 'type', value: CLUSTER_ENTITY_TYPE }) },
          catalogConditions.isEntityOwner({ claims: [...refs] }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

function teamScope(team: TenancyTeam): PermissionCriteria<PermissionCondition<typeof CAPI_CLUSTER_RESOURCE_TYPE>> {
  return {
    allOf: [
      capiClusterConditions.isClusterOwner({ claims: [team.group] }),
      capiClusterConditions.isInNamespace({ namespaces: team.namespaces }),
      ...(team.managementClusters
        ? [capiClusterConditions.isInManagementCluster({ managementClusters: team.managementClusters })]
        : []),
    ],
  };
}

function anyOf<T>(criteria: PermissionCriteria<T>[]): PermissionCriteria<T> {
  return criteria.length === 1 ? criteria[0] : { anyOf: criteria as [PermissionCriteria<T>, ...PermissionCriteria<T>[]] };
}

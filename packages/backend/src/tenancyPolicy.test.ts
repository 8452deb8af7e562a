/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ConfigReader } from '@backstage/config';
import { AuthorizeResult, createPermission } from '@backstage/plugin-permission-common';
import {
  capiClusterCreatePermission,
  capiClusterKubeconfigPermission,
  capiClusterReadPermission,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { TenancyPermissionPolicy } from './tenancyPolicy';
import { policyUser } from './__testUtils__/policyUser';

const catalogEntityReadPermission = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

const config = {
  permission: {
    tenancy: {
      platformGroups: ['group:default/platform'],
      teams: [
        { group: 'group:default/team-payments', namespaces: ['team-payments'], managementClusters: ['prod'] },
        { group: 'group:default/team-data', namespaces: ['team-data', 'data-lab'] },
      ],
    },
  },
};
const policy = TenancyPermissionPolicy.fromConfig(new ConfigReader(config));

describe('TenancyPermissionPolicy', () => {
  it('allows everything to platform members', async () => {
    for (const permission of [capiClusterCreatePermission, capiClusterKubeconfigPermission, catalogEntityReadPermission]) {
      expect(await policy.handle({ permission }, policyUser('user:default/root', ['group:default/platform']))).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('scopes every cluster permission of a team member to the team’s clusters in its namespaces', async () => {
    for (const permission of [capiClusterReadPermission, capiClusterKubeconfigPermission, capiClusterCreatePermission]) {
      const decision: any = await policy.handle({ permission }, policyUser('user:default/jo', ['group:default/team-payments']));
      expect(decision).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'capi-openstack',
        resourceType: 'capi-openstack-cluster',
        conditions: {
          allOf: [
            { rule: 'IS_CLUSTER_OWNER', resourceType: 'capi-openstack-cluster', params: { claims: ['group:default/team-payments'] } },
            { rule: 'IS_IN_NAMESPACE', resourceType: 'capi-openstack-cluster', params: { namespaces: ['team-payments'] } },
            { rule: 'IS_IN_MANAGEMENT_CLUSTER', resourceType: 'capi-openstack-cluster', params: { managementClusters: ['prod'] } },
          ],
        },
      });
    }
  });

  it('combines the teams of a member of several with anyOf', async () => {
    const decision: any = await policy.handle(
      { permission: capiClusterReadPermission },
      policyUser('user:default/both', ['group:default/team-payments', 'group:default/team-data']),
    );
    expect(decision.conditions.anyOf).toHaveLength(2);
    expect(decision.conditions.anyOf[1].allOf[1].params).toEqual({ namespaces: ['team-data', 'data-lab'] });
  });

  it('denies every capi-openstack permission to users of no team, and to requests without a user', async () => {
    const other = createPermission({ name: 'capi-openstack.something', attributes: {} });
    for (const permission of [capiClusterReadPermission, capiClusterCreatePermission, other]) {
      expect(await policy.handle({ permission }, policyUser('user:default/visitor'))).toEqual({ result: AuthorizeResult.DENY });
      expect(await policy.handle({ permission })).toEqual({ result: AuthorizeResult.DENY });
    }
  });

  it('shows cluster entities in the catalog to their owners only, every other entity to all', async () => {
    const decision: any = await policy.handle(
      { permission: catalogEntityReadPermission },
      policyUser('user:default/jo', ['group:default/team-payments']),
    );
    expect(decision).toMatchObject({ result: AuthorizeResult.CONDITIONAL, pluginId: 'catalog' });
    expect(decision.conditions.anyOf[0]).toEqual({
      not: { rule: 'HAS_SPEC', resourceType: 'catalog-entity', params: { key: 'type', value: 'kubernetes-cluster' } },
    });
    expect(decision.conditions.anyOf[1]).toMatchObject({
      rule: 'IS_ENTITY_OWNER',
      params: { claims: ['user:default/jo', 'group:default/team-payments'] },
    });
  });

  it('names the key of a bad entity ref', () => {
    expect(() =>
      TenancyPermissionPolicy.fromConfig(
        new ConfigReader({ permission: { tenancy: { teams: [{ group: 'team-payments', namespaces: ['x'] }] } } }),
      ),
    ).toThrow('permission.tenancy.teams[0].group must be an entity ref such as group:default/team-a, got "team-payments"');
  });
});

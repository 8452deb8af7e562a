/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  capiClusterDeletePermission,
  capiClusterReadPermission,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ConfigPermissionPolicy } from './permissionPolicy';
import { policyUser } from './__testUtils__/policyUser';

describe('ConfigPermissionPolicy', () => {
  it('allows everything without configuration', async () => {
    const policy = ConfigPermissionPolicy.fromConfig(new ConfigReader({}));
    expect(
      await policy.handle({ permission: capiClusterDeletePermission }, policyUser('user:default/guest')),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('applies the first matching rule, by prefix and principal', async () => {
    const policy = ConfigPermissionPolicy.fromConfig(
      new ConfigReader({
        permission: {
          policy: {
            default: 'deny',
            rules: [
              {
                permission: 'capi-openstack.cluster.delete',
                decision: 'allow',
                principals: ['group:default/platform'],
              },
              { permission: 'capi-openstack.cluster.read', decision: 'allow' },
            ],
          },
        },
      }),
    );
    const guest = policyUser('user:default/guest');
    const admin = policyUser('user:default/ada', ['group:default/platform']);
    expect((await policy.handle({ permission: capiClusterReadPermission }, guest)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle({ permission: capiClusterDeletePermission }, guest)).result).toBe(
      AuthorizeResult.DENY,
    );
    expect((await policy.handle({ permission: capiClusterDeletePermission }, admin)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('matches a trailing * as a prefix', async () => {
    const policy = ConfigPermissionPolicy.fromConfig(
      new ConfigReader({
        permission: {
          policy: {
            rules: [{ permission: 'capi-openstack.*', decision: 'deny' }],
          },
        },
      }),
    );
    expect((await policy.handle({ permission: capiClusterDeletePermission }, policyUser('user:default/x'))).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('rejects an unknown decision naming the key', () => {
    expect(() =>
      ConfigPermissionPolicy.fromConfig(
        new ConfigReader({
          permission: {
            policy: { rules: [{ permission: 'x', decision: 'maybe' }] },
          },
        }),
      ),
    ).toThrow('permission.policy.rules[0].decision');
  });
});

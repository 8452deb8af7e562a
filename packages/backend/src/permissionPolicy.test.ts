/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { ConfigPermissionPolicy } from './permissionPolicy';
import { policyUser } from './__testUtils__/policyUser';

const read = createPermission({
  name: 'capi-openstack.cluster.read',
  attributes: { action: 'read' },
});
const del = createPermission({
  name: 'capi-openstack.cluster.delete',
  attributes: { action: 'delete' },
});

describe('ConfigPermissionPolicy', () => {
  it('allows everything without configuration', async () => {
    const policy = ConfigPermissionPolicy.fromConfig(new ConfigReader({}));
    expect(
      await policy.handle({ permission: del }, policyUser('user:default/guest')),
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
    expect((await policy.handle({ permission: read }, guest)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle({ permission: del }, guest)).result).toBe(
      AuthorizeResult.DENY,
    );
    expect((await policy.handle({ permission: del }, admin)).result).toBe(
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
    expect((await policy.handle({ permission: del }, policyUser('user:default/x'))).result).toBe(
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

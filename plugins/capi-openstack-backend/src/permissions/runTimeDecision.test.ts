/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { decisionAtRunTime } from './runTimeDecision';

const owner = (claims: string[]) => ({ rule: 'IS_CLUSTER_OWNER', resourceType: 'capi-openstack-cluster', params: { claims } });
const ns = { rule: 'IS_IN_NAMESPACE', resourceType: 'capi-openstack-cluster', params: { namespaces: ['team-a'] } };
const conditional = (conditions: any): PolicyDecision => ({
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'capi-openstack',
  resourceType: 'capi-openstack-cluster',
  conditions,
});

describe('decisionAtRunTime', () => {
  it('keeps only the owner claims the user still holds, also inside allOf/anyOf', () => {
    const d = conditional({ anyOf: [owner(['user:default/alice', 'group:default/team-a']), { allOf: [ns, owner(['group:default/team-b'])] }] });
    expect((decisionAtRunTime(d, ['user:default/alice', 'group:default/team-b']) as any).conditions).toEqual({
      anyOf: [owner(['user:default/alice']), { allOf: [ns, owner(['group:default/team-b'])] }],
    });
  });

  it('leaves claims under a not as they were (fewer would admit more)', () => {
    const d = conditional({ not: owner(['group:default/team-x']) });
    expect((decisionAtRunTime(d, []) as any).conditions).toEqual({ not: owner(['group:default/team-x']) });
  });

  it('keeps ALLOW and DENY', () => {
    expect(decisionAtRunTime({ result: AuthorizeResult.ALLOW }, [])).toEqual({ result: AuthorizeResult.ALLOW });
    expect(decisionAtRunTime({ result: AuthorizeResult.DENY }, ['x'])).toEqual({ result: AuthorizeResult.DENY });
  });
});

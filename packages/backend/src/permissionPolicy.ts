/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { TenancyPermissionPolicy } from './tenancyPolicy';

type Decision = 'allow' | 'deny';

interface PolicyRule {
  /** A permission name, or a prefix ending in `*` (e.g. `capi-openstack.*`). */
  permission: string;
  decision: Decision;
  /** Entity refs of users or groups the rule applies to; all when absent. */
  principals?: string[];
}

function matches(pattern: string, name: string) {
  return pattern.endsWith('*')
    ? name.startsWith(pattern.slice(0, -1))
    : pattern === name;
}

/**
 * A permission policy read from `permission.policy` in app-config: ordered
 * rules, first match wins, then `default`. Local use allows everything;
 * tests and adopters deny what they need to.
 */
export class ConfigPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config): ConfigPermissionPolicy {
    const policy = config.getOptionalConfig('permission.policy');
    const defaultDecision = (policy?.getOptionalString('default') ??
      'allow') as Decision;
    if (defaultDecision !== 'allow' && defaultDecision !== 'deny') {
      throw new Error(
        `permission.policy.default must be "allow" or "deny", got "${defaultDecision}"`,
      );
    }
    const rules = (policy?.getOptionalConfigArray('rules') ?? []).map(
      (rule, i): PolicyRule => {
        const decision = rule.getString('decision');
        if (decision !== 'allow' && decision !== 'deny') {
          throw new Error(
            `permission.policy.rules[${i}].decision must be "allow" or "deny", got "${decision}"`,
          );
        }
        return {
          permission: rule.getString('permission'),
          decision,
          principals: rule.getOptionalStringArray('principals'),
        };
      },
    );
    return new ConfigPermissionPolicy(rules, defaultDecision);
  }

  constructor(
    private readonly rules: PolicyRule[],
    private readonly defaultDecision: Decision,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const refs = new Set(
      user ? [user.info.userEntityRef, ...user.info.ownershipEntityRefs] : [],
    );
    const rule = this.rules.find(
      r =>
        matches(r.permission, request.permission.name) &&
        (!r.principals || r.principals.some(p => refs.has(p))),
    );
    const decision = rule?.decision ?? this.defaultDecision;
    return {
      result: decision === 'allow' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    };
  }
}

/**
 * Installs the policy into the permission backend: the multi-tenant example
 * ({@link TenancyPermissionPolicy}) when `permission.tenancy` is configured,
 * else {@link ConfigPermissionPolicy}.
 */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'config-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          config.has('permission.tenancy')
            ? TenancyPermissionPolicy.fromConfig(config)
            : ConfigPermissionPolicy.fromConfig(config),
        );
      },
    });
  },
});

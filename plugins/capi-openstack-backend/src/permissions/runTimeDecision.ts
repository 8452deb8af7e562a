/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// An operation that waits for a maintenance window runs when its requester
// is not there: Backstage cannot ask the policy on behalf of a user without
// the user's token. So the policy's decision taken when the operation was
// scheduled is kept, and at run time it is applied again to the cluster as
// it is then (owner, namespace), with the ownership claims it names cut to
// those the user still holds in the catalog. A permission can only be lost
// this way, never gained.

import {
  AuthorizeResult,
  type PermissionCondition,
  type PermissionCriteria,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { isClusterOwner } from './rules';

type Criteria = PermissionCriteria<PermissionCondition>;

function narrow(criteria: Criteria, owned: ReadonlySet<string>, negated: boolean): Criteria {
  if ('allOf' in criteria) return { allOf: criteria.allOf.map(c => narrow(c, owned, negated)) as [Criteria, ...Criteria[]] };
  if ('anyOf' in criteria) return { anyOf: criteria.anyOf.map(c => narrow(c, owned, negated)) as [Criteria, ...Criteria[]] };
  if ('not' in criteria) return { not: narrow(criteria.not, owned, !negated) };
  // Under a `not`, fewer claims would admit more: those are kept as they were.
  if (negated || criteria.rule !== isClusterOwner.name) return criteria;
  const claims = ((criteria.params as { claims?: string[] } | undefined)?.claims ?? []).filter(c => owned.has(c));
  return { ...criteria, params: { ...criteria.params, claims } };
}

/**
 * The decision to apply at run time: a DENY stays a DENY, an ALLOW stays an
 * ALLOW, a conditional decision keeps only the owner claims the user still
 * holds (`ownershipRefs`: the user's entity ref and groups, now).
 */
export function decisionAtRunTime(decision: PolicyDecision, ownershipRefs: readonly string[]): PolicyDecision {
  if (decision.result !== AuthorizeResult.CONDITIONAL) return decision;
  return { ...decision, conditions: narrow(decision.conditions, new Set(ownershipRefs), false) };
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What a caller may see and do, decided once per request with the caller's
// own credentials: the read filter over cluster summaries and the create
// scope over (management cluster, namespace, owner) targets. Conditional
// decisions are applied here, in memory, with the plugin's own rules.

import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsRegistryService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  capiClusterCreatePermission,
  capiClusterReadPermission,
  ClusterSummary,
  ManagementClusterStatus,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { clusterPermissionResourceRef } from './rules';

/** Decides, per cluster, whether a caller may read it. */
export type ReadFilter = (summary: ClusterSummary) => boolean;

/** The filter of an unconditional ALLOW (recognised to skip filtering). */
export const READ_ALL: ReadFilter = () => true;

/** Where a new cluster would go, as the create rules see it. */
export interface CreateTarget {
  managementCluster: string;
  namespace: string;
  owner: string;
}

/** The caller's create permission, resolved once per request. */
export interface CreateScope {
  /** The policy allows creating anywhere, with any owner. */
  unconditional: boolean;
  userEntityRef?: string;
  /** The caller's ownership refs (user and groups). */
  ownershipRefs: string[];
  /** The owner of a request that names none: the caller's first group. */
  defaultOwner?: string;
  /** Whether the caller may create exactly this. */
  allows(target: CreateTarget): boolean;
  /** Whether the caller may create in the namespace with one of their own groups as owner. */
  allowsNamespace(managementCluster: string, namespace: string): boolean;
}

export type Principal = 'user' | 'service';

export interface ClusterAccessOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  userInfo: UserInfoService;
}

/** Readable reasons of a management cluster's state for callers who may not see every cluster. */
const GENERIC_STATE_MESSAGE: Partial<Record<ManagementClusterStatus['state'], string>> = {
  stale: 'the connection to this management cluster is interrupted; what is shown may be out of date',
  error: 'this management cluster cannot be reached at the moment',
};

export class ClusterAccess {
  private readonly authorizer: (decision: PolicyDecision, summary: ClusterSummary) => boolean;

  constructor(private readonly options: ClusterAccessOptions) {
    this.authorizer = createConditionAuthorizer(
      options.permissionsRegistry.getPermissionRuleset(clusterPermissionResourceRef),
    );
  }

  /** The caller's credentials; 401 for anyone else. */
  credentials(req: any, allow: Principal[] = ['user', 'service']): Promise<BackstageCredentials> {
    return this.options.httpAuth.credentials(req, { allow }) as Promise<BackstageCredentials>;
  }

  /** Whether a decision admits a cluster (or a create target shaped like one). */
  admits(decision: PolicyDecision, summary: Pick<ClusterSummary, 'managementCluster' | 'namespace' | 'owner'> & Partial<ClusterSummary>): boolean {
    if (decision.result === AuthorizeResult.ALLOW) return true;
    if (decision.result === AuthorizeResult.DENY) return false;
    return this.authorizer(decision, summary as ClusterSummary);
  }

  async decisions(credentials: BackstageCredentials, permissions: ResourcePermission[]): Promise<PolicyDecision[]> {
    return this.options.permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
  }

  /** The caller's read filter; 403 when reading is denied outright. */
  async readFilter(credentials: BackstageCredentials): Promise<ReadFilter> {
    const [decision] = await this.decisions(credentials, [capiClusterReadPermission]);
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError('You are not allowed to read workload clusters');
    }
    if (decision.result === AuthorizeResult.ALLOW) return READ_ALL;
    return summary => this.authorizer(decision, summary);
  }

  /** The caller's create scope; 403 when creating is denied outright. */
  async createScope(credentials: BackstageCredentials): Promise<CreateScope> {
    const [decision] = await this.decisions(credentials, [capiClusterCreatePermission]);
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError('You are not allowed to create workload clusters (capi-openstack.cluster.create)');
    }
    let userEntityRef: string | undefined;
    let ownershipRefs: string[] = [];
    if (credentials.principal && (credentials.principal as { type?: string }).type === 'user') {
      const info = await this.options.userInfo.getUserInfo(credentials);
      userEntityRef = info.userEntityRef;
      ownershipRefs = info.ownershipEntityRefs;
    }
    const groups = ownershipRefs.filter(r => r.startsWith('group:'));
    const unconditional = decision.result === AuthorizeResult.ALLOW;
    const allows = (t: CreateTarget) =>
      unconditional || (ownershipRefs.includes(t.owner) && this.admits(decision, { ...t, name: '' }));
    return {
      unconditional,
      userEntityRef,
      ownershipRefs,
      defaultOwner: groups[0],
      allows,
      allowsNamespace: (managementCluster, namespace) =>
        unconditional || groups.some(owner => allows({ managementCluster, namespace, owner })),
    };
  }
}

/**
 * The management clusters a caller may learn about: all of them (as they
 * are) when it may read every cluster; otherwise those where it may read a
 * cluster or create one, counting only its clusters and without the
 * backend's own error details or request counters.
 */
export function visibleManagementClusters(
  all: ManagementClusterStatus[],
  filter: ReadFilter,
  summaries: readonly ClusterSummary[],
  alsoVisible: (managementCluster: string) => boolean = () => false,
): ManagementClusterStatus[] {
  if (filter === READ_ALL) return all;
  const counts = new Map<string, number>();
  for (const s of summaries) if (filter(s)) counts.set(s.managementCluster, (counts.get(s.managementCluster) ?? 0) + 1);
  return all
    .filter(m => counts.has(m.name) || alsoVisible(m.name))
    .map(m => {
      const { message: _message, ...rest } = m;
      const generic = GENERIC_STATE_MESSAGE[m.state];
      return { ...rest, clusters: counts.get(m.name) ?? 0, apiRequests: 0, ...(generic ? { message: generic } : {}) };
    });
}

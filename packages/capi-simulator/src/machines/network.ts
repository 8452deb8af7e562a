/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The cluster network as CAPO sees it for one server: network, subnet,
// security group, failure domains, a fixed IP and the port status.

import {
  CLUSTER_NAME_LABEL,
  intFor,
  uuidFor,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { labels } from '../shapes';

export interface NetworkInfo {
  networkId: string;
  subnetId: string;
  securityGroupId: string;
  failureDomains: string[];
}

export function networkInfo(
  scope: ClusterScope,
  controlPlane: boolean,
): NetworkInfo {
  const osc = scope.openStackCluster();
  const s = osc?.status ?? {};
  const sg = controlPlane ? s.controlPlaneSecurityGroup : s.workerSecurityGroup;
  return {
    networkId: s.network?.id ?? uuidFor('network', scope.ns, scope.name),
    subnetId:
      s.network?.subnets?.[0]?.id ?? uuidFor('subnet', scope.ns, scope.name),
    securityGroupId:
      sg?.id ??
      uuidFor(
        'security-group',
        scope.ns,
        scope.name,
        controlPlane ? 'cp' : 'worker',
      ),
    failureDomains: Object.keys(s.failureDomains ?? {}),
  };
}

/** A free address in the cluster network, stable per server. */
export function allocateIP(scope: ClusterScope, server: KObj): string {
  const used = new Set<string>();
  for (const o of scope.list('OpenStackServer')) {
    if (
      labels(o)[CLUSTER_NAME_LABEL] !== scope.name ||
      o.metadata.uid === server.metadata.uid
    )
      continue;
    for (const a of o.status?.addresses ?? []) used.add(a.address);
  }
  const lb =
    scope.openStackCluster()?.status?.apiServerLoadBalancer?.internalIP;
  if (lb) used.add(lb);
  let host = 10 + intFor(240, scope.ns, server.metadata.name);
  for (let i = 0; i < 240 && used.has(`10.6.0.${host}`); i++)
    host = host >= 249 ? 10 : host + 1;
  return `10.6.0.${host}`;
}

export function portStatus(
  scope: ClusterScope,
  name: string,
  net: NetworkInfo,
  ip: string,
) {
  return {
    name: `${name}-0`,
    description: `Created by cluster-api-provider-openstack cluster ${scope.ns}-${scope.name}`,
    networkID: net.networkId,
    fixedIPs: [{ subnet: net.subnetId, ipAddress: ip }],
    securityGroups: [net.securityGroupId],
    tags: [],
    trunk: false,
  };
}

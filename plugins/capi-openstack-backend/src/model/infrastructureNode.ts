/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  FailureDomainInfo,
  InfrastructureNode,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { evaluateBastion } from './bastionVerdict';
import { legacyFailure, summarizeConditions } from './conditions';
import { isBastionServer } from './links';
import { ClusterObjects, str } from './objects';
import { provisioned } from './openStackSpec';
import { compact, endpointOf, strList } from './treeFields';

function failureDomainsOf(raw: unknown): FailureDomainInfo[] {
  const cp = (fd: any) =>
    typeof fd?.controlPlane === 'boolean' ? fd.controlPlane : undefined;
  // v1beta2: list of {name, controlPlane}; v1beta1: map name → {controlPlane}.
  let out: FailureDomainInfo[] = [];
  if (Array.isArray(raw)) {
    out = raw
      .filter(fd => typeof fd?.name === 'string')
      .map(fd => compact({ name: fd.name, controlPlane: cp(fd) }));
  } else if (raw && typeof raw === 'object') {
    out = Object.entries(raw as Record<string, any>).map(([name, fd]) =>
      compact({ name, controlPlane: cp(fd) }),
    );
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The OpenStackCluster node of the tree (network, router, load balancer, bastion); undefined without one. */
export function infrastructureOf(
  objs: ClusterObjects,
  now: Date | undefined,
): InfrastructureNode | undefined {
  const osc = objs.openStackCluster;
  if (!osc) return undefined;
  const s = osc.status ?? {};
  const net = s.network;
  const lb = s.apiServerManagedLoadBalancer ?? s.apiServerLoadBalancer;
  const bastionStatus = s.bastion ?? {};
  const bastionSpec = osc.spec?.bastion;
  const badge = evaluateBastion(objs, now);
  const bastionServer = objs.openStackServers.find(x =>
    isBastionServer(x, objs.cluster.metadata.name, osc),
  );
  const failure = legacyFailure(osc);
  return compact({
    kind: osc.kind,
    name: osc.metadata.name,
    apiVersion: osc.apiVersion,
    ready: provisioned(osc),
    conditions: summarizeConditions(osc),
    network: net
      ? compact({ id: str(net.id), name: str(net.name) })
      : undefined,
    subnets: Array.isArray(net?.subnets)
      ? net.subnets.map((sn: any) =>
          compact({
            id: str(sn?.id),
            name: str(sn?.name),
            cidr: str(sn?.cidr),
          }),
        )
      : [],
    router: s.router
      ? compact({
          id: str(s.router.id),
          name: str(s.router.name),
          ips: strList(s.router.ips),
        })
      : undefined,
    externalNetwork: s.externalNetwork
      ? compact({
          id: str(s.externalNetwork.id),
          name: str(s.externalNetwork.name),
        })
      : undefined,
    apiServerLoadBalancer: lb
      ? compact({
          id: str(lb.id),
          name: str(lb.name),
          ip: str(lb.ip),
          internalIP: str(lb.internalIP),
          allowedCIDRs: strList(lb.allowedCIDRs),
        })
      : undefined,
    bastion: compact({
      enabled: !!bastionSpec && bastionSpec.enabled !== false,
      name: str(bastionStatus.name) ?? bastionServer?.metadata.name,
      state:
        str(bastionServer?.status?.instanceState) ?? str(bastionStatus.state),
      ip: str(bastionStatus.ip),
      floatingIP: str(bastionStatus.floatingIP),
      ready: badge.ready,
      badge: badge.badge,
      message: badge.message,
    }),
    failureDomains: failureDomainsOf(s.failureDomains),
    controlPlaneEndpoint: endpointOf(osc.spec?.controlPlaneEndpoint),
    failureReason: failure?.reason,
    failureMessage: failure?.message,
  } as InfrastructureNode);
}

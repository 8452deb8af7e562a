/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** One entry of an OpenStackCluster's `spec.managedSecurityGroups.allNodesSecurityGroupRules`. @public */
export interface SecurityGroupRule {
  description: string;
  direction: 'ingress' | 'egress';
  etherType: 'IPv4' | 'IPv6';
  name: string;
  portRangeMin?: number;
  portRangeMax?: number;
  protocol: string;
  remoteManagedGroups: string[];
}

/**
 * The node-to-node rules Calico needs (BGP, IP-in-IP), as in CAPO's
 * cluster templates. Copy before putting them into an object.
 * @public
 */
export const CALICO_SECURITY_GROUP_RULES: readonly Readonly<SecurityGroupRule>[] = [
  {
    description: 'Created by cluster-api-provider-openstack - BGP (calico)',
    direction: 'ingress',
    etherType: 'IPv4',
    name: 'BGP (Calico)',
    portRangeMax: 179,
    portRangeMin: 179,
    protocol: 'tcp',
    remoteManagedGroups: ['controlplane', 'worker'],
  },
  {
    description: 'Created by cluster-api-provider-openstack - IP-in-IP (calico)',
    direction: 'ingress',
    etherType: 'IPv4',
    name: 'IP-in-IP (calico)',
    protocol: '4',
    remoteManagedGroups: ['controlplane', 'worker'],
  },
];

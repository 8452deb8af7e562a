/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import type { InfrastructureNode, NetworkRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { VerdictChip } from '../VerdictChip';

const ref = (r?: NetworkRef) => (r ? [r.name, r.id].filter(Boolean).join(' ') || '—' : '—');

/** The OpenStackCluster: network, subnets, router, API load balancer, bastion, zones. */
export function InfrastructureCard({ infrastructure: infra }: { infrastructure?: InfrastructureNode }) {
  if (!infra) {
    return (
      <InfoCard title="OpenStack infrastructure">
        <Typography variant="body2">No OpenStackCluster reported yet.</Typography>
      </InfoCard>
    );
  }
  const lb = infra.apiServerLoadBalancer;
  const endpoint = infra.controlPlaneEndpoint;
  const metadata: Record<string, any> = {
    Ready: { true: 'yes', false: 'no', undefined: 'not reported' }[String(infra.ready)],
    Network: ref(infra.network),
    Subnets: infra.subnets.length ? infra.subnets.map(s => `${ref(s)}${s.cidr ? ` (${s.cidr})` : ''}`) : '—',
    Router: infra.router ? `${ref(infra.router)}${infra.router.ips?.length ? ` — ${infra.router.ips.join(', ')}` : ''}` : '—',
    'External network': ref(infra.externalNetwork),
    'API load balancer': lb
      ? [lb.name ?? lb.id, lb.ip && `IP ${lb.ip}`, lb.internalIP && `internal ${lb.internalIP}`, lb.allowedCIDRs?.length && `allowed ${lb.allowedCIDRs.join(', ')}`]
          .filter(Boolean)
          .join(', ')
      : 'none',
    'API endpoint': endpoint?.host ? `${endpoint.host}:${endpoint.port ?? 6443}` : '—',
    'Failure domains': infra.failureDomains.length
      ? infra.failureDomains.map(f => `${f.name}${f.controlPlane ? ' (control plane)' : ''}`)
      : '—',
  };
  if (infra.failureMessage || infra.failureReason) metadata.Failure = infra.failureMessage ?? infra.failureReason;
  return (
    <InfoCard title="OpenStack infrastructure" subheader={`${infra.kind} ${infra.name}`}>
      <StructuredMetadataTable metadata={metadata} />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Bastion{' '}
        {infra.bastion.enabled && infra.bastion.badge ? <VerdictChip verdict={infra.bastion.badge} /> : null}
      </Typography>
      <Typography variant="body2">
        {infra.bastion.enabled
          ? [infra.bastion.name, infra.bastion.state, infra.bastion.floatingIP ?? infra.bastion.ip, infra.bastion.message]
              .filter(Boolean)
              .join(' — ')
          : 'disabled'}
      </Typography>
    </InfoCard>
  );
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// CAPO's OpenStackCluster controller: network, subnet, router and security
// groups first, then the Octavia load balancer with its floating IP (the
// control plane endpoint), then the optional bastion server.

import { cond, legacy, LegacyCondition } from './conditions';
import {
  CLUSTER_NAME_LABEL,
  intFor,
  OPENSTACK_CLUSTER_FINALIZER,
  OPENSTACK_SERVER_FINALIZER,
  uuidFor,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from './context';
import { adopt } from './controlPlane';
import {
  reconcileOpenStackClusterDeletion,
  reconcileServerDeletion,
} from './deletion';
import { CONTROLLERS } from './events';
import { KObj } from './kube';
import { reconcileServer } from './machines';
import { createdAt, isDeleting, isOwnedBy, ownerRef } from './shapes';

function names(scope: ClusterScope) {
  const base = `k8s-clusterapi-cluster-${scope.ns}-${scope.name}`;
  const id = (what: string) => uuidFor(what, scope.ns, scope.name);
  const sg = (role: string) => ({
    id: id(`security-group-${role}`),
    name: `${base}-secgroup-${role}`,
  });
  return {
    network: { id: id('network'), name: base },
    subnet: { id: id('subnet'), name: base },
    router: {
      id: id('router'),
      name: base,
      ip: `198.51.100.${10 + intFor(240, scope.ns, scope.name, 'router')}`,
    },
    loadBalancer: { id: id('loadbalancer'), name: `${base}-kubeapi` },
    floatingIP: `203.0.113.${10 + intFor(240, scope.ns, scope.name, 'fip')}`,
    internalIP: `10.6.0.${2 + intFor(6, scope.ns, scope.name, 'lb')}`,
    securityGroups: {
      controlplane: sg('controlplane'),
      worker: sg('worker'),
      bastion: sg('bastion'),
    },
  };
}

function failureDomains(osc: KObj): Record<string, { controlPlane: boolean }> {
  const zones: string[] = osc.spec?.controlPlaneAvailabilityZones?.length
    ? osc.spec.controlPlaneAvailabilityZones
    : ['nova'];
  return Object.fromEntries(
    zones.map(z => [
      z,
      { controlPlane: !osc.spec?.controlPlaneOmitAvailabilityZone },
    ]),
  );
}

export async function reconcileInfrastructure(
  scope: ClusterScope,
): Promise<void> {
  let osc = scope.openStackCluster();
  if (!osc) return;
  if (isDeleting(osc)) {
    await reconcileOpenStackClusterDeletion(scope, osc);
    return;
  }
  osc = await adopt(
    scope,
    'OpenStackCluster',
    osc,
    OPENSTACK_CLUSTER_FINALIZER,
    true,
  );
  if (!osc || scope.paused || scope.deleting) return;
  const { clock, writer } = scope.rt;
  const uid = osc.metadata.uid!;
  const n = names(scope);
  const previous: LegacyCondition[] | undefined = osc.status?.conditions;
  const c = (type: string) => legacy(cond(type, 'True', ''), previous);

  const networkDone = !!osc.status?.network?.id;
  const ready = !!osc.status?.ready;
  const lbEnabled = osc.spec?.apiServerLoadBalancer?.enabled !== false;

  if (!networkDone) {
    const remaining = clock.remaining(uid, 'network', createdAt(osc));
    if (remaining > 0) {
      scope.requeue(remaining);
      await writer.applyStatus('OpenStackCluster', osc, {
        ready: false,
        conditions: [c('OpenStackAuthenticationSucceeded')],
      });
      return;
    }
  }
  const externalNetworkId =
    osc.spec?.externalNetwork?.id ?? uuidFor('network', 'public');
  const status: Record<string, any> = {
    ready: false,
    network: {
      id: n.network.id,
      name: n.network.name,
      subnets: [
        {
          id: n.subnet.id,
          name: n.subnet.name,
          cidr: osc.spec?.managedSubnets?.[0]?.cidr ?? '10.6.0.0/24',
        },
      ],
    },
    externalNetwork: { id: externalNetworkId, name: 'public' },
    router: { id: n.router.id, name: n.router.name, ips: [n.router.ip] },
    controlPlaneSecurityGroup: n.securityGroups.controlplane,
    workerSecurityGroup: n.securityGroups.worker,
    failureDomains: failureDomains(osc),
    conditions: [
      c('OpenStackAuthenticationSucceeded'),
      c('NetworkReady'),
      c('RouterReady'),
      c('SecurityGroupsReady'),
    ],
  };
  if (!networkDone) {
    await writer.applyStatus('OpenStackCluster', osc, status);
    clock.start(uid, 'loadBalancer');
    for (const [reason, note] of [
      [
        'SuccessfulCreateNetwork',
        `Created network ${n.network.name} with id ${n.network.id}`,
      ],
      [
        'SuccessfulCreateRouter',
        `Created router ${n.router.name} with id ${n.router.id}`,
      ],
      [
        'SuccessfulCreateSecurityGroup',
        `Created security groups for cluster ${scope.ns}-${scope.name}`,
      ],
    ]) {
      scope.event({
        regarding: osc,
        controller: CONTROLLERS.openStackCluster,
        reason,
        action: 'Create',
        note,
      });
    }
    scope.requeue(clock.scaled(lbEnabled ? 60 : 1));
    return;
  }
  if (!ready) {
    const remaining = clock.remaining(
      uid,
      'loadBalancer',
      undefined,
      lbEnabled ? undefined : 1,
    );
    if (remaining > 0) {
      scope.requeue(remaining);
      return;
    }
  }
  const port = osc.spec?.apiServerPort ?? 6443;
  if (!osc.spec?.controlPlaneEndpoint?.host) {
    osc = await writer.patch('OpenStackCluster', osc, {
      spec: { controlPlaneEndpoint: { host: n.floatingIP, port } },
    });
    if (!osc) return;
  }
  status.ready = true;
  status.initialization = { provisioned: true };
  if (lbEnabled) {
    status.apiServerLoadBalancer = {
      id: n.loadBalancer.id,
      name: n.loadBalancer.name,
      ip: osc.spec.controlPlaneEndpoint.host,
      internalIP: n.internalIP,
      ...(osc.spec?.apiServerLoadBalancer?.allowedCIDRs
        ? { allowedCIDRs: osc.spec.apiServerLoadBalancer.allowedCIDRs }
        : {}),
    };
  }
  status.conditions = [c('Ready'), ...status.conditions, c('APIEndpointReady')];
  await reconcileBastion(scope, osc, status, n.securityGroups.bastion);
  await writer.applyStatus('OpenStackCluster', osc, status);
  if (!ready) {
    scope.event({
      regarding: osc,
      controller: CONTROLLERS.openStackCluster,
      reason: 'SuccessfulCreateLoadBalancer',
      action: 'Create',
      note: `Created load balancer ${n.loadBalancer.name} with id ${n.loadBalancer.id}`,
    });
  }
}

/** The optional bastion: an OpenStackServer owned by the OpenStackCluster. */
async function reconcileBastion(
  scope: ClusterScope,
  osc: KObj,
  status: Record<string, any>,
  securityGroup: { id: string; name: string },
) {
  const { writer } = scope.rt;
  const name = `${scope.name}-bastion`;
  let server = scope.get('OpenStackServer', name);
  const enabled =
    osc.spec?.bastion?.enabled !== false && !!osc.spec?.bastion?.spec;
  if (!enabled) {
    if (server && isOwnedBy(server, osc)) {
      await writer.remove('OpenStackServer', server);
      const current = scope.get('OpenStackServer', name);
      if (current) await reconcileServerDeletion(scope, current);
    }
    return;
  }
  status.bastionSecurityGroup = securityGroup;
  const spec = osc.spec.bastion.spec;
  if (!server) {
    server = await writer.apply('OpenStackServer', {
      metadata: {
        name,
        namespace: scope.ns,
        labels: { [CLUSTER_NAME_LABEL]: scope.name },
        ownerReferences: [ownerRef(osc, false)],
        finalizers: [OPENSTACK_SERVER_FINALIZER],
      },
      spec: {
        ...(osc.spec.bastion.availabilityZone
          ? { availabilityZone: osc.spec.bastion.availabilityZone }
          : {}),
        ...(spec.flavor ? { flavor: spec.flavor } : {}),
        ...(spec.flavorID ? { flavorID: spec.flavorID } : {}),
        identityRef: { type: 'Secret', ...osc.spec.identityRef },
        image: spec.image,
        ports: [
          {
            network: { id: status.network.id },
            securityGroups: [{ id: securityGroup.id }],
          },
        ],
        sshKeyName: spec.sshKeyName ?? '',
      },
    });
  }
  if (isDeleting(server)) return;
  await reconcileServer(scope, server, { controlPlane: false });
  const s = scope.get('OpenStackServer', name)?.status ?? {};
  status.bastion = {
    id: s.instanceID,
    name,
    sshKeyName: spec.sshKeyName,
    state: s.instanceState ?? 'BUILD',
    ...(s.addresses?.[0] ? { ip: s.addresses[0].address } : {}),
    ...(s.instanceState === 'ACTIVE'
      ? {
          floatingIP: `203.0.113.${
            10 + intFor(240, scope.ns, scope.name, 'bastion')
          }`,
        }
      : {}),
    ...(s.resolved ? { resolved: s.resolved } : {}),
    ...(s.resources ? { resources: s.resources } : {}),
  };
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// CAPO's OpenStackMachine controller: creates the OpenStackServer once the
// bootstrap data exists, and mirrors the server's state, addresses and
// providerID.

import { cond, legacy, legacyFalse, LegacyCondition } from '../conditions';
import {
  CLUSTER_NAME_LABEL,
  findCondition,
  OPENSTACK_SERVER_FINALIZER,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { REGION } from '../constants';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { isDeleting, ownerRef } from '../shapes';
import { isControlPlane } from './lookups';
import { networkInfo } from './network';
import { reconcileServer } from './openStackServer';

function identityRef(scope: ClusterScope, spec: any) {
  const ref = spec?.identityRef ?? scope.openStackCluster()?.spec?.identityRef;
  return ref
    ? { type: 'Secret', ...ref }
    : {
        type: 'Secret',
        name: `${scope.name}-cloud-config`,
        cloudName: 'openstack',
      };
}

export async function reconcileOpenStackMachine(
  scope: ClusterScope,
  machine: KObj,
  input: KObj,
  dataSecretName: string | undefined,
): Promise<KObj> {
  let osm = input;
  const { writer } = scope.rt;
  const controlPlane = isControlPlane(machine);
  let server = scope.get('OpenStackServer', osm.metadata.name);
  const previous: LegacyCondition[] | undefined = osm.status?.conditions;
  /** Ready and InstanceReady False for `reason`, with the server `fields` given. */
  const notReady = async (
    reason: string,
    message: string,
    severity: LegacyCondition['severity'] = 'Info',
    fields: Record<string, unknown> = {},
  ) => {
    const c = (type: string) =>
      legacyFalse(type, reason, message, severity, previous);
    await writer.applyStatus('OpenStackMachine', osm, {
      ready: false,
      ...fields,
      conditions: [
        c('Ready'),
        c('InstanceReady'),
        legacy(cond('OpenStackAuthenticationSucceeded', 'True', ''), previous),
      ],
    });
    return scope.get('OpenStackMachine', osm.metadata.name) ?? osm;
  };
  if (!server) {
    if (!scope.infrastructureReady())
      return notReady(
        'WaitingForClusterInfrastructure',
        'Waiting for the OpenStackCluster to be ready',
      );
    if (!dataSecretName)
      return notReady(
        'WaitingForBootstrapData',
        'Waiting for the bootstrap data secret',
      );
    const net = networkInfo(scope, controlPlane);
    const az = machine.spec?.failureDomain ?? net.failureDomains[0];
    server = await writer.apply('OpenStackServer', {
      metadata: {
        name: osm.metadata.name,
        namespace: scope.ns,
        labels: { [CLUSTER_NAME_LABEL]: scope.name },
        ownerReferences: [ownerRef(osm, false)],
        finalizers: [OPENSTACK_SERVER_FINALIZER],
      },
      spec: {
        ...(az ? { availabilityZone: az } : {}),
        ...(osm.spec.flavor ? { flavor: osm.spec.flavor } : {}),
        ...(osm.spec.flavorID ? { flavorID: osm.spec.flavorID } : {}),
        identityRef: identityRef(scope, osm.spec),
        image: osm.spec.image,
        ports: [
          {
            network: { id: net.networkId },
            securityGroups: [{ id: net.securityGroupId }],
          },
        ],
        sshKeyName: osm.spec.sshKeyName ?? '',
        userDataRef: { name: dataSecretName },
        ...(osm.spec.rootVolume ? { rootVolume: osm.spec.rootVolume } : {}),
        ...(osm.spec.tags ? { tags: osm.spec.tags } : {}),
      },
    });
  }
  if (!isDeleting(server))
    await reconcileServer(scope, server, { machine, controlPlane });
  server = scope.get('OpenStackServer', osm.metadata.name) ?? server;
  const s = server.status ?? {};
  const serverCondition = findCondition<LegacyCondition>(
    s.conditions,
    'InstanceReady',
  );
  if (s.instanceState === 'ERROR') {
    const message = serverCondition?.message ?? 'Instance state is ERROR';
    return notReady('InstanceStateError', message, 'Error', {
      instanceState: 'ERROR',
    });
  }
  if (s.instanceState === 'BUILD') {
    return notReady('InstanceNotReady', 'Instance state is BUILD', 'Info', {
      instanceID: s.instanceID,
      instanceState: 'BUILD',
    });
  }
  if (s.instanceState === 'ACTIVE') {
    const providerID = `openstack://${REGION}/${s.instanceID}`;
    if (osm.spec?.providerID !== providerID) {
      osm =
        (await writer.patch('OpenStackMachine', osm, {
          spec: { providerID },
        })) ?? osm;
    }
    const ip = s.addresses?.[0]?.address;
    await writer.applyStatus('OpenStackMachine', osm, {
      ready: true,
      initialization: { provisioned: true },
      instanceID: s.instanceID,
      instanceState: 'ACTIVE',
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: machine.metadata.name },
      ],
      resolved: s.resolved,
      resources: s.resources,
      conditions: [
        legacy(cond('Ready', 'True', ''), previous),
        legacy(cond('InstanceReady', 'True', ''), previous),
        ...(controlPlane
          ? [
              legacy(
                cond('APIServerIngressReadyCondition', 'True', ''),
                previous,
              ),
            ]
          : []),
        legacy(cond('OpenStackAuthenticationSucceeded', 'True', ''), previous),
      ],
    });
  }
  return scope.get('OpenStackMachine', osm.metadata.name) ?? osm;
}

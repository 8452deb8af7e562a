/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// CAPO's OpenStackServer controller: BUILD, then ACTIVE after the build
// time, or ERROR when failure injection says the quota is exceeded.

import { DURATIONS } from '../clock';
import { cond, legacy, legacyFalse, LegacyCondition } from '../conditions';
import { ClusterScope } from '../context';
import { CONTROLLERS } from '../events';
import { quotaExceeded, quotaExceededMessage, stuckInBuild } from '../failures';
import { KObj } from '../kube';
import { uuidFor } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { createdAt } from '../shapes';
import { allocateIP, networkInfo, portStatus } from './network';

function imageID(image: any): string {
  return (
    image?.id ??
    uuidFor('image', image?.filter?.name ?? image?.imageRef?.name ?? 'unknown')
  );
}

function flavorName(spec: any): string | undefined {
  return spec?.flavor;
}

/** Builds, starts and (failure injection) refuses servers. */
export async function reconcileServer(
  scope: ClusterScope,
  server: KObj,
  options: { machine?: KObj; controlPlane: boolean },
): Promise<void> {
  const { writer, clock } = scope.rt;
  const state: string | undefined = server.status?.instanceState;
  const uid = server.metadata.uid!;
  const auth = legacy(
    cond('OpenStackAuthenticationSucceeded', 'True', 'Succeeded'),
    server.status?.conditions,
  );
  /** A new server's status: InstanceReady False for `reason`. */
  const notReady = (
    fields: Record<string, unknown>,
    [reason, message]: [string, string],
    severity: LegacyCondition['severity'],
  ) =>
    writer.applyStatus('OpenStackServer', server, {
      ready: false,
      ...fields,
      conditions: [
        legacyFalse('InstanceReady', reason, message, severity, undefined),
        auth,
      ],
    });
  if (!state) {
    if (options.machine && quotaExceeded(scope.cluster, options.machine)) {
      const message = quotaExceededMessage(flavorName(server.spec));
      const failed: [string, string] = ['InstanceCreateFailed', message];
      await notReady({ instanceState: 'ERROR' }, failed, 'Error');
      scope.event({
        regarding: server,
        controller: CONTROLLERS.openStackServer,
        type: 'Warning',
        reason: 'FailedCreateServer',
        action: 'Create',
        note: `Failed to create server ${server.metadata.name}: ${message}`,
      });
      return;
    }
    const instanceID = uuidFor('server', scope.ns, server.metadata.name, uid);
    clock.start(uid, 'serverBuild');
    await notReady(
      { instanceID, instanceState: 'BUILD' },
      ['InstanceNotReady', 'Instance state is BUILD'],
      'Info',
    );
    scope.event({
      regarding: server,
      controller: CONTROLLERS.openStackServer,
      reason: 'SuccessfulCreateServer',
      action: 'Create',
      note: `Created server ${server.metadata.name} with id ${instanceID}`,
    });
    scope.requeue(clock.scaled(DURATIONS.serverBuild));
    return;
  }
  if (state !== 'BUILD') return;
  if (options.machine && stuckInBuild(scope.cluster, options.machine)) return;
  const remaining = clock.remaining(
    uid,
    options.machine ? 'serverBuild' : 'bastion',
    createdAt(server),
  );
  if (remaining > 0) {
    scope.requeue(remaining);
    return;
  }
  const net = networkInfo(scope, options.controlPlane);
  const ip = allocateIP(scope, server);
  await writer.applyStatus('OpenStackServer', server, {
    ready: true,
    instanceID: server.status.instanceID,
    instanceState: 'ACTIVE',
    addresses: [{ type: 'InternalIP', address: ip }],
    resolved: {
      flavorID: uuidFor(
        'flavor',
        flavorName(server.spec) ?? server.spec?.flavorID ?? 'unknown',
      ),
      imageID: imageID(server.spec?.image),
      ports: [portStatus(scope, server.metadata.name, net, ip)],
    },
    resources: {
      ports: [{ id: uuidFor('port', scope.ns, server.metadata.name, uid) }],
    },
    conditions: [
      legacy(cond('InstanceReady', 'True', 'Ready'), server.status?.conditions),
      auth,
    ],
  });
}

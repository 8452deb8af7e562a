/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The seed steps of a start, grouped as the start runs them: what the
// services need before they start, then the demo project's resources.

import { authenticate, Session } from './openstackHttp';
import { DemoIdentity, seedCatalog, seedServiceUsers } from './seedIdentity';
import {
  seedFlavors,
  seedImages,
  seedKeyPairs,
  seedNetworks,
  seedQuotas,
} from './seedResources';
import { serviceUrl, ServicePorts } from './startServices';

/**
 * The service users and the catalog: the services need both (nova-compute
 * finds Placement through the catalog) before they start.
 */
export async function seedServicesAndCatalog(
  admin: Session,
  servicePassword: string,
  port: ServicePorts,
  options: { withCinder: boolean; withOctavia: boolean },
): Promise<void> {
  const { withCinder, withOctavia } = options;
  const u = serviceUrl;
  await Promise.all([
    seedServiceUsers(admin, servicePassword),
    seedCatalog(admin, [
      { type: 'image', name: 'glance', url: u(port.glance) },
      { type: 'placement', name: 'placement', url: u(port.placement) },
      { type: 'compute', name: 'nova', url: u(port.nova, '/v2.1') },
      { type: 'network', name: 'neutron', url: u(port.neutron) },
      ...(withCinder
        ? [{ type: 'volumev3', name: 'cinderv3', url: u(port.cinder, '/v3') }]
        : []),
      ...(withOctavia
        ? [{ type: 'load-balancer', name: 'octavia', url: u(port.octavia) }]
        : []),
    ]),
  ]);
}

/**
 * Flavors, images and networks (as admin), the demo user's key pairs (as
 * that user) and the demo project's quotas.
 */
export async function seedDemoResources(
  admin: Session,
  keystoneUrl: string,
  demoIdentity: DemoIdentity,
  options: { withCinder: boolean; withOctavia: boolean },
) {
  const { withCinder, withOctavia } = options;
  const [flavors, images, networks] = await Promise.all([
    seedFlavors(admin),
    seedImages(admin),
    seedNetworks(admin, demoIdentity.projectId),
  ]);
  const demo = await authenticate(keystoneUrl, {
    kind: 'password',
    username: demoIdentity.username,
    password: demoIdentity.password,
    projectName: demoIdentity.projectName,
  });
  const keyPairs = await seedKeyPairs(demo);
  await seedQuotas(admin, demoIdentity.projectId, {
    volume: withCinder,
    loadBalancer: withOctavia,
  });
  return { flavors, images, networks, keyPairs };
}

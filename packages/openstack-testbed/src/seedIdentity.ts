/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Keystone's part of the seed: the service users, the catalog, the demo
// project and user, and the demo user's application credential.

import crypto from 'node:crypto';
import { REGION } from './configs';
import {
  authenticate,
  OpenStackHttpError,
  request,
  Session,
} from './openstackHttp';

export const SERVICE_USERS = [
  'glance',
  'placement',
  'nova',
  'neutron',
  'cinder',
  'octavia',
] as const;

export interface CatalogEntry {
  type: string;
  name: string;
  url: string;
}

export interface DemoIdentity {
  projectId: string;
  projectName: string;
  userId: string;
  username: string;
  password: string;
  applicationCredential: { id: string; name: string; secret: string };
}

/** Keystone's root URL (the catalog's identity endpoint ends in /v3). */
function keystoneRoot(admin: Session): string {
  return admin.endpoint('identity').replace(/\/v3$/, '');
}

async function create(
  admin: Session,
  path: string,
  key: string,
  body: object,
): Promise<any> {
  const ks = keystoneRoot(admin);
  const res = await request('POST', `${ks}/v3/${path}`, {
    token: admin.token,
    body: { [key]: body },
  });
  return res.body[key];
}

async function findId(
  admin: Session,
  path: string,
  key: string,
  name: string,
): Promise<string> {
  const ks = keystoneRoot(admin);
  const res = await request(
    'GET',
    `${ks}/v3/${path}?name=${encodeURIComponent(name)}`,
    { token: admin.token },
  );
  const found = res.body[key][0];
  if (!found) throw new Error(`Keystone has no ${path} named ${name}`);
  return found.id;
}

async function grant(
  admin: Session,
  projectId: string,
  userId: string,
  roleId: string,
) {
  const ks = keystoneRoot(admin);
  await request(
    'PUT',
    `${ks}/v3/projects/${projectId}/users/${userId}/roles/${roleId}`,
    { token: admin.token },
  );
}

/** The service project and one admin user per service (the services' keystone_authtoken). */
export async function seedServiceUsers(
  admin: Session,
  servicePassword: string,
): Promise<void> {
  const adminRole = await findId(admin, 'roles', 'roles', 'admin');
  const serviceRole = (
    await create(admin, 'roles', 'role', { name: 'service' })
  ).id;
  const project = await create(admin, 'projects', 'project', {
    name: 'service',
    domain_id: 'default',
  });
  await Promise.all(
    SERVICE_USERS.map(async name => {
      const user = await create(admin, 'users', 'user', {
        name,
        password: servicePassword,
        domain_id: 'default',
      });
      await grant(admin, project.id, user.id, adminRole);
      await grant(admin, project.id, user.id, serviceRole);
    }),
  );
}

/** Registers each service's public and internal endpoint in RegionOne. */
export async function seedCatalog(
  admin: Session,
  entries: CatalogEntry[],
): Promise<void> {
  await Promise.all(
    entries.map(async e => {
      const service = await create(admin, 'services', 'service', {
        type: e.type,
        name: e.name,
        enabled: true,
      });
      for (const iface of ['public', 'internal']) {
        await create(admin, 'endpoints', 'endpoint', {
          service_id: service.id,
          interface: iface,
          url: e.url,
          region_id: REGION,
          enabled: true,
        });
      }
    }),
  );
}

/**
 * The project a workload cluster lives in, its member user, and an
 * application credential of that user: what a CAPO identity Secret's
 * clouds.yaml usually holds.
 */
export async function seedDemoIdentity(
  admin: Session,
  keystoneUrl: string,
): Promise<DemoIdentity> {
  const projectName = 'capi-demo';
  const username = 'capi-demo-user';
  const password = crypto.randomBytes(12).toString('hex');
  const project = await create(admin, 'projects', 'project', {
    name: projectName,
    domain_id: 'default',
    description: 'Workload clusters of the CAPI OpenStack testbed',
  });
  const user = await create(admin, 'users', 'user', {
    name: username,
    password,
    domain_id: 'default',
    default_project_id: project.id,
  });
  for (const role of ['member', 'reader']) {
    await grant(
      admin,
      project.id,
      user.id,
      await findId(admin, 'roles', 'roles', role),
    );
  }
  // Octavia's default policy wants its own role for load balancer members.
  const lbRole = await create(admin, 'roles', 'role', {
    name: 'load-balancer_member',
  });
  await grant(admin, project.id, user.id, lbRole.id);

  const appCred = await createApplicationCredential(keystoneUrl, user.id, {
    username,
    password,
    projectName,
  });
  const ac = appCred.body.application_credential;
  return {
    projectId: project.id,
    projectName,
    userId: user.id,
    username,
    password,
    applicationCredential: { id: ac.id, name: ac.name, secret: ac.secret },
  };
}

/**
 * The user's application credential. Keystone sometimes answers 400 "Could
 * not find role assignment" for a grant made a moment before (seen on a
 * loaded machine, role caching off): log in again and retry a few times.
 */
async function createApplicationCredential(
  keystoneUrl: string,
  userId: string,
  login: { username: string; password: string; projectName: string },
) {
  for (let attempt = 1; ; attempt++) {
    const session = await authenticate(keystoneUrl, {
      kind: 'password',
      ...login,
    });
    try {
      return await request(
        'POST',
        `${keystoneUrl}/v3/users/${userId}/application_credentials`,
        {
          token: session.token,
          body: {
            application_credential: {
              name: 'capi-openstack-testbed',
              description: 'CAPO identity of the testbed workload clusters',
            },
          },
        },
      );
    } catch (e) {
      const transient =
        e instanceof OpenStackHttpError &&
        e.status === 400 &&
        /role assignment/.test(e.body);
      if (!transient || attempt >= 5) throw e;
      await new Promise(r => setTimeout(r, 1000 * attempt));
    }
  }
}

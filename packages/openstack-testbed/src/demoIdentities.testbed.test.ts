/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// `npm start -- --openstack` in small: the demo's identity Secrets in a real
// API server get the testbed's application credential through the CLI, and
// the clouds.yaml they then hold authenticates against the real Keystone.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import {
  buildDemoFleet,
  MAGNUM_NAMESPACE,
  SeedObject,
} from '@internal/management-cluster';
import { relocate, setupManagementCluster } from '@internal/management-cluster/testing';
import { authenticate, request } from './openstackHttp';
import { FLAVORS } from './seedResources';
import { useOpenStackTestbed } from './testing';
import { cloudsYamlFor } from './testbed';

jest.setTimeout(20 * 60_000);

describe('demo identity Secrets pointed at the testbed', () => {
  const mc = setupManagementCluster('capi-v1.14');
  const testbed = useOpenStackTestbed();
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'testbed-ids-'));
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders clouds.yaml under any cloud name and refuses names that are not plain keys', () => {
    const doc = yaml.load(cloudsYamlFor(testbed.info, 'default')) as any;
    expect(Object.keys(doc.clouds)).toEqual(['default']);
    expect(doc.clouds.default.auth.auth_url).toBe(`${testbed.info.authUrl}/v3`);
    expect(() => cloudsYamlFor(testbed.info, 'a: b')).toThrow(/cloud name/);
  });

  it('point-identities rewrites the demo Secrets of the named namespaces, and their credential works', async () => {
    const team = await mc.createNamespace('tb-team');
    const magnum = await mc.createNamespace('tb-magnum');
    const secrets = relocate(
      buildDemoFleet({ now: new Date('2026-09-01T10:00:00Z') }).filter(
        o =>
          o.manifest.kind === 'Secret' &&
          o.manifest.metadata.name.endsWith('-cloud-config') &&
          ['team-data', MAGNUM_NAMESPACE].includes(
            o.manifest.metadata.namespace!,
          ),
      ),
      ns => (ns === MAGNUM_NAMESPACE ? magnum : team),
    ).map(o => ({ manifest: o.manifest } as SeedObject));
    await mc.apply(secrets);

    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kubeconfig, mc.kubeconfig('admin'), { mode: 0o600 });
    const infoFile = path.join(dir, 'testbed.json');
    fs.writeFileSync(infoFile, JSON.stringify(testbed.info), { mode: 0o600 });
    const cli = path.resolve(__dirname, '..', 'bin', 'openstack-testbed');
    const { stderr } = await promisify(execFile)(
      cli,
      [
        'point-identities',
        '--info',
        infoFile,
        '--kubeconfig',
        kubeconfig,
        '--namespace',
        team,
        '--namespace',
        magnum,
      ],
      { timeout: 120_000 },
    );
    // One line per Secret, and never the credential.
    expect(stderr).toContain(`${secrets.length} identity Secret(s)`);
    expect(stderr).not.toContain(
      testbed.info.demo.applicationCredential.secret,
    );

    for (const s of secrets) {
      const { namespace, name } = s.manifest.metadata;
      const stored: any = await mc.client.get('v1', 'Secret', namespace, name);
      const doc = yaml.load(
        Buffer.from(stored.data['clouds.yaml'], 'base64').toString('utf8'),
      ) as any;
      const cloudName = namespace === magnum ? 'default' : 'openstack';
      expect([name, Object.keys(doc.clouds)]).toEqual([name, [cloudName]]);
      const cloud = doc.clouds[cloudName];
      expect(cloud.auth.auth_url).toBe(`${testbed.info.authUrl}/v3`);
    }

    // What CAPO and the backend do with such a Secret: authenticate and list.
    const one: any = await mc.client.get(
      'v1',
      'Secret',
      team,
      secrets[0].manifest.metadata.name,
    );
    const cloud = (
      yaml.load(
        Buffer.from(one.data['clouds.yaml'], 'base64').toString('utf8'),
      ) as any
    ).clouds.openstack;
    const session = await authenticate(
      cloud.auth.auth_url.replace(/\/v3$/, ''),
      {
        kind: 'application_credential',
        id: cloud.auth.application_credential_id,
        secret: cloud.auth.application_credential_secret,
      },
    );
    expect(session.projectId).toBe(testbed.info.demo.projectId);
    const flavors = await request(
      'GET',
      `${session.endpoint('compute')}/flavors`,
      { token: session.token },
    );
    expect(flavors.body.flavors.map((f: any) => f.name).sort()).toEqual(
      FLAVORS.map(f => f.name).sort(),
    );
  });
});

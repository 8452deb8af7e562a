/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import yaml from 'js-yaml';
import { SEED_HASH_ANNOTATION } from './applySeed';
import { IDENTITY_FIELD_MANAGER, pointIdentitySecrets } from './identitySecrets';
import { buildDemoFleet, MAGNUM_NAMESPACE } from './seed';
import { cloudConfigSecret } from './seed/liveClusters';
import type { SeedObject } from './seed';
import { relocate, setupManagementCluster } from './testing';

const decode = (s: any, key = 'clouds.yaml') => Buffer.from(s.data[key], 'base64').toString('utf8');

/** A stand-in for the testbed's renderer: one cloud with a recognizable URL. */
const render = (cloudName: string) =>
  [
    'clouds:',
    `  ${cloudName}:`,
    '    auth_type: v3applicationcredential',
    '    auth:',
    '      auth_url: http://127.0.0.1:41234/v3',
    '      application_credential_id: 0123abcd',
    '      application_credential_secret: s3cret-not-in-results',
    '    region_name: RegionOne',
    '',
  ].join('\n');

describe('pointIdentitySecrets against the real API server', () => {
  const mc = setupManagementCluster('capi-v1.14');

  it('rewrites every clouds.yaml of the given namespaces, keeps cloud names and other keys, and a re-seed restores them', async () => {
    const [team, magnum, other] = [
      await mc.createNamespace('ids-team'),
      await mc.createNamespace('ids-magnum'),
      await mc.createNamespace('ids-other'),
    ];
    // The demo fleet's Secrets of one team and of Magnum: identity Secrets
    // (clouds.yaml) and kubeconfig Secrets (left alone).
    const fleetSecrets = relocate(
      buildDemoFleet({ now: new Date('2026-09-01T10:00:00Z') }).filter(
        o =>
          o.manifest.kind === 'Secret' && [MAGNUM_NAMESPACE, 'team-payments'].includes(o.manifest.metadata.namespace!),
      ),
      ns => (ns === MAGNUM_NAMESPACE ? magnum : team),
    ).map(o => ({ manifest: o.manifest }) as SeedObject);
    const plain = (name: string, namespace: string, cloudsYaml: string): SeedObject => ({
      manifest: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace },
        data: { 'clouds.yaml': Buffer.from(cloudsYaml).toString('base64') },
      },
    });
    const extra: SeedObject[] = [
      // The live clusters' Secret shape (with a cacert key).
      cloudConfigSecret('live-dev', team),
      plain('two-clouds', team, 'clouds:\n  openstack: {auth: {auth_url: x}}\n  backup: {auth: {auth_url: y}}\n'),
      plain('broken', team, 'clouds: [not: valid: yaml SECRET-TEXT'),
      // Same shape, but in a namespace the call does not name.
      cloudConfigSecret('elsewhere', other),
    ];
    const seed = [...fleetSecrets, ...extra];
    await mc.apply(seed);

    const results = await pointIdentitySecrets(mc.client, render, { namespaces: [team, magnum] });
    const byName = Object.fromEntries(results.map(r => [`${r.namespace}/${r.name}`, r]));

    const identityNames = fleetSecrets
      .map(o => o.manifest.metadata)
      .filter(m => m.name.endsWith('-cloud-config'))
      .map(m => `${m.namespace}/${m.name}`);
    expect(identityNames.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(byName).sort()).toEqual(
      [...identityNames, `${team}/live-dev-cloud-config`, `${team}/two-clouds`, `${team}/broken`].sort(),
    );
    for (const name of identityNames) expect(byName[name].changed).toBe(true);

    // Each Secret keeps its cloud name: `openstack` for the teams, `default` for Magnum.
    const prod: any = await mc.client.get('v1', 'Secret', team, 'payments-prod-cloud-config');
    expect(decode(prod)).toBe(render('openstack'));
    expect(prod.metadata.annotations?.[SEED_HASH_ANNOTATION]).toBeUndefined();
    expect(prod.metadata.managedFields.map((f: any) => f.manager)).toContain(IDENTITY_FIELD_MANAGER);
    const magnumSecret = identityNames.find(n => n.startsWith(`${magnum}/`))!;
    expect(byName[magnumSecret].cloudNames).toEqual(['default']);
    const magnumObj: any = await mc.client.get('v1', 'Secret', magnum, magnumSecret.split('/')[1]);
    expect(decode(magnumObj)).toBe(render('default'));

    const live: any = await mc.client.get('v1', 'Secret', team, 'live-dev-cloud-config');
    expect(decode(live)).toBe(render('openstack'));
    expect(live.data.cacert).toBe('');

    const two: any = await mc.client.get('v1', 'Secret', team, 'two-clouds');
    const twoDoc = yaml.load(decode(two)) as any;
    expect(Object.keys(twoDoc.clouds).sort()).toEqual(['backup', 'openstack']);
    expect(twoDoc.clouds.backup.auth.auth_url).toBe('http://127.0.0.1:41234/v3');

    // A clouds.yaml that does not parse is reported, not quoted.
    expect(byName[`${team}/broken`]).toMatchObject({ changed: false, skipped: expect.any(String) });
    expect(JSON.stringify(results)).not.toMatch(/SECRET-TEXT|s3cret/);

    // Kubeconfig Secrets and other namespaces are untouched.
    const kubeconfig: any = await mc.client.get('v1', 'Secret', team, 'payments-prod-kubeconfig');
    expect(decode(kubeconfig, 'value')).toContain('kind: Config');
    const elsewhere: any = await mc.client.get('v1', 'Secret', other, 'elsewhere-cloud-config');
    expect(decode(elsewhere)).toContain('auth_url: http://127.0.0.1:5000/v3');

    // Again: nothing to write.
    const again = await pointIdentitySecrets(mc.client, render, { namespaces: [team, magnum] });
    expect(again.filter(r => r.changed)).toEqual([]);
    const prodAgain: any = await mc.client.get('v1', 'Secret', team, 'payments-prod-cloud-config');
    expect(prodAgain.metadata.resourceVersion).toBe(prod.metadata.resourceVersion);

    // Seeding again restores the demo's fake credentials.
    await mc.apply(seed);
    const restored: any = await mc.client.get('v1', 'Secret', team, 'payments-prod-cloud-config');
    expect(decode(restored)).toContain('auth_url: http://127.0.0.1:5000/v3');
  });
});

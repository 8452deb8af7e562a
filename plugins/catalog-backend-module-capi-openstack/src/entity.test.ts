/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  KubernetesValidatorFunctions,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER_REF,
  ANNOTATION_MANAGEMENT_CLUSTER,
  CLUSTER_ENTITY_TYPE,
  ClusterSummary,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  clusterEntityName,
  clusterEntityRef,
  clusterToEntity,
  LABEL_CLUSTER_CLASS,
  LABEL_KUBERNETES_VERSION,
  LABEL_MAGNUM,
} from './entity';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

function summary(overrides: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    managementCluster: 'prod-zrh',
    namespace: 'team-payments',
    name: 'pay-prod',
    uid: '4a1c0f3e-1111-2222-3333-444455556666',
    verdict: 'Healthy',
    reasons: [],
    version: 'v1.31.4',
    versions: ['v1.31.4'],
    controlPlane: { desired: 3, ready: 3, upToDate: 3, available: 3 } as any,
    workers: { desired: 6, ready: 6, upToDate: 6, available: 6 } as any,
    owner: 'group:default/team-payments',
    magnum: false,
    classy: true,
    className: 'openstack-default',
    paused: false,
    phase: 'Provisioned',
    createdAt: '2026-01-01T00:00:00Z',
    resourceVersion: '12',
    ...overrides,
  };
}

async function expectValid(entity: ReturnType<typeof clusterToEntity>) {
  await expect(policy.enforce(entity)).resolves.toMatchObject({ metadata: { name: entity.metadata.name } });
  await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(true);
  expect(KubernetesValidatorFunctions.isValidObjectName(entity.metadata.name)).toBe(true);
}

describe('clusterEntityName', () => {
  it('is readable, stable and valid for ordinary names', () => {
    const ref = { managementCluster: 'prod-zrh', namespace: 'team-payments', name: 'pay-prod' };
    expect(clusterEntityName(ref)).toBe('prod-zrh.team-payments.pay-prod');
    expect(clusterEntityName({ ...ref })).toBe(clusterEntityName(ref));
  });

  it('tells apart clusters whose hyphen-joined names would be equal', () => {
    const a = clusterEntityName({ managementCluster: 'prod-a', namespace: 'b', name: 'c' });
    const b = clusterEntityName({ managementCluster: 'prod', namespace: 'a-b', name: 'c' });
    const c = clusterEntityName({ managementCluster: 'prod', namespace: 'a', name: 'b-c' });
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('shortens long names to at most 63 characters with a hash, uniquely', () => {
    const long = 'x'.repeat(60);
    const names = new Set<string>();
    for (const mc of ['mc-one', 'mc-two']) {
      for (const ns of [`team-${long}`.slice(0, 63), 'team-a']) {
        for (const name of [`${long}-1`, `${long}-2`, `${long}.with.dots`.slice(0, 63), 'short']) {
          const n = clusterEntityName({ managementCluster: mc, namespace: ns, name });
          expect(n.length).toBeLessThanOrEqual(63);
          expect(KubernetesValidatorFunctions.isValidObjectName(n)).toBe(true);
          expect(clusterEntityName({ managementCluster: mc, namespace: ns, name })).toBe(n);
          names.add(n);
        }
      }
    }
    expect(names.size).toBe(16);
    const shortened = clusterEntityName({ managementCluster: 'mc-one', namespace: 'team-a', name: `${long}-1` });
    expect(shortened).toMatch(/^mc-one\.team-a\.x+-[0-9a-f]{10}$/);
    expect(shortened).toHaveLength(63);
  });

  it('keeps the name valid for names that are not DNS names', () => {
    for (const ref of [
      { managementCluster: 'Prod ZRH', namespace: 'team_a', name: 'c' },
      { managementCluster: '-', namespace: '.', name: '_' },
      { managementCluster: 'a.b', namespace: 'c', name: 'd' },
    ]) {
      const n = clusterEntityName(ref);
      expect(KubernetesValidatorFunctions.isValidObjectName(n)).toBe(true);
    }
    // A dot in the management cluster name would make `a.b.c.d` ambiguous: hashed.
    expect(clusterEntityName({ managementCluster: 'a.b', namespace: 'c', name: 'd' })).not.toBe(
      clusterEntityName({ managementCluster: 'a', namespace: 'b', name: 'c.d' }),
    );
  });
});

describe('clusterToEntity', () => {
  it('maps a summary to a valid Resource entity the frontend recognises', async () => {
    const entity = clusterToEntity(summary(), {
      appBaseUrl: 'https://backstage.example.com/',
      lifecycle: 'experimental',
      system: 'kubernetes-fleet',
      managementClusterTitle: 'Production Zürich',
    });
    await expectValid(entity);
    // What the frontend's isCapiOpenstackAvailable guard reads (that package is not importable here).
    expect(entity).toMatchObject({
      kind: expect.stringMatching(/^resource$/i),
      spec: { type: CLUSTER_ENTITY_TYPE },
      metadata: {
        annotations: { [ANNOTATION_MANAGEMENT_CLUSTER]: 'prod-zrh', [ANNOTATION_CLUSTER_REF]: 'team-payments/pay-prod' },
      },
    });
    expect(stringifyEntityRef(entity)).toBe(
      clusterEntityRef({ managementCluster: 'prod-zrh', namespace: 'team-payments', name: 'pay-prod' }),
    );
    expect(entity).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'prod-zrh.team-payments.pay-prod',
        namespace: 'default',
        title: 'pay-prod (prod-zrh/team-payments)',
        annotations: {
          'backstage.io/managed-by-location': 'capi-openstack:prod-zrh/team-payments/pay-prod',
          'backstage.io/managed-by-origin-location': 'capi-openstack:prod-zrh/team-payments/pay-prod',
          'capi-openstack.dev/management-cluster': 'prod-zrh',
          'capi-openstack.dev/cluster': 'team-payments/pay-prod',
          'backstage.io/view-url':
            'https://backstage.example.com/capi-openstack/clusters/prod-zrh/team-payments/pay-prod',
        },
        labels: {
          [LABEL_CLUSTER_CLASS]: 'openstack-default',
          [LABEL_KUBERNETES_VERSION]: 'v1.31.4',
        },
        links: [
          {
            url: 'https://backstage.example.com/capi-openstack/clusters/prod-zrh/team-payments/pay-prod',
            title: 'Cluster page',
          },
        ],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/team-payments',
        lifecycle: 'experimental',
        system: 'kubernetes-fleet',
      },
    });
    expect(entity.metadata.description).toContain('Production Zürich');
    expect(entity.metadata.labels).not.toHaveProperty(LABEL_MAGNUM);
  });

  it('defaults lifecycle to production, no system and no link without app.baseUrl', async () => {
    const entity = clusterToEntity(summary());
    await expectValid(entity);
    expect(entity.spec).toEqual({
      type: 'kubernetes-cluster',
      owner: 'group:default/team-payments',
      lifecycle: 'production',
    });
    expect(entity.metadata.links).toBeUndefined();
    expect(entity.metadata.annotations).not.toHaveProperty('backstage.io/view-url');
  });

  it('holds no volatile facts: verdict, reasons and counters do not change the entity', () => {
    const a = clusterToEntity(summary());
    const b = clusterToEntity(
      summary({
        verdict: 'Degraded',
        reasons: [{ severity: 'error', message: 'down', object: 'Machine/m1' } as any],
        controlPlane: { desired: 3, ready: 1 } as any,
        workers: { desired: 6, ready: 2 } as any,
        phase: 'Provisioning',
        paused: true,
        resourceVersion: '99',
        versions: ['v1.30.1', 'v1.31.4'],
      }),
    );
    expect(b).toEqual(a);
    expect(JSON.stringify(a)).not.toMatch(/Healthy|Degraded/);
  });

  it('flags Magnum clusters and omits invalid label values', async () => {
    const entity = clusterToEntity(
      summary({ magnum: true, classy: false, className: undefined, version: 'not a version!' }),
    );
    await expectValid(entity);
    expect(entity.metadata.labels).toEqual({ [LABEL_MAGNUM]: 'true' });
    expect(entity.metadata.tags).toContain('magnum');
    expect(entity.metadata.description).toContain('Magnum');
  });

  it('falls back to the configured owner when the owner is not a valid entity ref', async () => {
    const entity = clusterToEntity(summary({ owner: 'group:default/Team Payments!' }), {
      fallbackOwner: 'group:default/platform-team',
    });
    await expectValid(entity);
    expect(entity.spec?.owner).toBe('group:default/platform-team');
    expect(clusterToEntity(summary({ owner: 'user:default/jane' })).spec?.owner).toBe('user:default/jane');
  });

  it('is valid for a shortened name and encodes the page URL', async () => {
    const s = summary({ namespace: `team-${'n'.repeat(50)}`, name: `cluster-${'c'.repeat(40)}` });
    const entity = clusterToEntity(s, { appBaseUrl: 'http://localhost:3000' });
    await expectValid(entity);
    expect(entity.metadata.name.length).toBeLessThanOrEqual(63);
    expect(entity.metadata.annotations?.['capi-openstack.dev/cluster']).toBe(`${s.namespace}/${s.name}`);
    expect(entity.metadata.links?.[0].url).toBe(`http://localhost:3000/capi-openstack/clusters/prod-zrh/${s.namespace}/${s.name}`);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { KubeApiError } from '@internal/test-support';
import { setupManagementCluster } from './testing';

const cluster = (namespace: string, name: string, spec: object = { paused: false }) => ({
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Cluster',
  metadata: { name, namespace },
  spec,
});

describe('local management cluster (CAPI v1.14 CRDs)', () => {
  const mc = setupManagementCluster('capi-v1.14');

  it('serves CAPI v1beta2 and CAPO v1beta1 with their storage versions', async () => {
    const storageVersion = async (crdName: string) => {
      const crd: any = await mc.client.get(
        'apiextensions.k8s.io/v1',
        'CustomResourceDefinition',
        undefined,
        crdName,
      );
      return crd.spec.versions.find((v: any) => v.storage).name;
    };
    expect(await storageVersion('clusters.cluster.x-k8s.io')).toBe('v1beta2');
    expect(
      await storageVersion('openstackclusters.infrastructure.cluster.x-k8s.io'),
    ).toBe('v1beta1');
  });

  it('rejects an invalid Cluster through the real CRD validation', async () => {
    const ns = await mc.createNamespace('invalid');
    const error = await mc.client
      .create(
        cluster(ns, 'bad', {
          topology: { classRef: { name: 'c' }, version: 'not-a-version' },
          paused: 'yes',
        }),
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error.statusCode).toBe(422);
    expect(error.message).toMatch(/spec\.paused/);
    // Nothing was stored.
    expect(await mc.client.get('cluster.x-k8s.io/v1beta2', 'Cluster', ns, 'bad')).toBeUndefined();
  });

  it('accepts a valid Cluster and rejects a stale resourceVersion with 409', async () => {
    const ns = await mc.createNamespace('valid');
    const created: any = await mc.client.create(cluster(ns, 'ok', { paused: false }));
    const path = `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/clusters/ok`;
    await mc.client.request('PUT', path, { ...created, spec: { paused: true } });
    const conflict = await mc.client
      .request('PUT', path, { ...created, spec: { paused: false } })
      .catch(e => e);
    expect(conflict.statusCode).toBe(409);
  });

  it('enforces RBAC for restricted users', async () => {
    const ns = await mc.createNamespace('rbac');
    await mc.client.create(cluster(ns, 'c1'));
    const alice = mc.clientFor('alice');
    const bob = mc.clientFor('bob');
    try {
      const denied = await alice.list('cluster.x-k8s.io/v1beta2', 'Cluster', ns).catch(e => e);
      expect(denied.statusCode).toBe(403);
      await mc.client.create({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'cluster-reader', namespace: ns },
        rules: [{ apiGroups: ['cluster.x-k8s.io'], resources: ['clusters'], verbs: ['get', 'list'] }],
      } as any);
      await mc.client.create({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'bob-reads', namespace: ns },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'cluster-reader' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'bob' }],
      } as any);
      const items = await bob.list('cluster.x-k8s.io/v1beta2', 'Cluster', ns);
      expect(items.map(i => i.metadata.name)).toEqual(['c1']);
      const write = await bob.create(cluster(ns, 'c2')).catch(e => e);
      expect(write.statusCode).toBe(403);
    } finally {
      alice.close();
      bob.close();
    }
  });
});

describe('local management cluster (CAPI v1.10 CRDs)', () => {
  const mc = setupManagementCluster('capi-v1.10');

  it('stores CAPI objects as v1beta1 and does not serve v1beta2', async () => {
    const ns = await mc.createNamespace('v110');
    await mc.client.create({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: { name: 'old', namespace: ns },
      spec: { paused: true },
    });
    const got: any = await mc.client.get('cluster.x-k8s.io/v1beta1', 'Cluster', ns, 'old');
    expect(got.spec.paused).toBe(true);
    const v1beta2 = await mc.client.request('GET', '/apis/cluster.x-k8s.io/v1beta2').catch(e => e);
    expect(v1beta2.statusCode).toBe(404);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  buildDemoFleet,
  SNAPSHOT_ANNOTATION,
} from '@internal/management-cluster';
import { relocate, setupManagementCluster, waitFor } from '@internal/management-cluster/testing';
import http from 'node:http';
import request from 'supertest';
import { startCapiBackend } from '../__testUtils__/startCapiBackend';

// The verdict table of the domain doc, evaluated shortly after seeding.
const EXPECTED: Record<string, string> = {
  S1: 'Progressing', S2: 'Healthy', S3: 'Progressing', S4: 'Progressing', S5: 'Failed',
  S6: 'Healthy', S7: 'Paused', S8: 'Deleting', S9: 'Degraded', S10: 'Progressing',
};

/** Reads server-sent events until `until` returns a value. */
function readStream(url: string, token: string, until: (event: string, data: any) => boolean, timeoutMs = 30_000) {
  return new Promise<any>((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}` } }, res => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', chunk => {
        buffer += chunk;
        let sep = buffer.indexOf('\n\n');
        while (sep >= 0) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data && until(event, JSON.parse(data))) {
            req.destroy();
            resolve(JSON.parse(data));
            return;
          }
          sep = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', e => (e.message.includes('aborted') ? undefined : reject(e)));
    setTimeout(() => {
      req.destroy();
      reject(new Error('stream: timed out'));
    }, timeoutMs);
  });
}

describe('capi-openstack backend read side (real API server)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  const suffix = Math.random().toString(36).slice(2, 7);
  const rename = (ns: string) => `${ns}-${suffix}`;
  // Own copies of the team namespaces; the Magnum cluster must stay in
  // magnum-system, so it is applied exactly as the seed test applies it
  // (same clock, same objects: neither suite disturbs the other).
  const inMagnum = (o: { manifest: any }) =>
    (o.manifest.kind === 'Namespace' ? o.manifest.metadata.name : o.manifest.metadata.namespace) === 'magnum-system';
  const fleet = [
    ...buildDemoFleet({ now: new Date('2026-09-01T10:10:00Z') }).filter(inMagnum),
    ...relocate(buildDemoFleet({ now: new Date() }).filter(o => !inMagnum(o)), rename),
  ];
  const namespaces = [...new Set(fleet.filter(o => o.manifest.kind === 'Namespace').map(o => o.manifest.metadata.name))];
  const clusters = fleet.filter(o => o.manifest.kind === 'Cluster').map(o => o.manifest);
  let backend: Awaited<ReturnType<typeof startCapiBackend>>;
  let kubeconfigPath: string;
  const permissions = mockServices.permissions.mock();

  beforeAll(async () => {
    await mc.apply(fleet);
    kubeconfigPath = mc.kubeconfigFile();
    backend = await startCapiBackend(
      {
        managementClusters: [
          { name: 'local', title: 'Local', kubeconfig: { path: kubeconfigPath }, namespaces },
          // Down: nothing listens there. It must not delay answers about `local`.
          { name: 'down', url: 'https://127.0.0.1:9', serviceAccountToken: 'not-a-real-token' },
        ],
      },
      permissions.factory,
    );
    permissions.authorizeConditional.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
    let last: any;
    await waitFor('the local management cluster to sync', async () => {
      const res = await request(backend.server).get('/api/capi-openstack/clusters?limit=500');
      last = { status: res.status, total: res.body.totalCount, mcs: res.body.managementClusters, error: res.body.error };
      // `synced` once every cluster has been evaluated with all its objects.
      const local = res.body.managementClusters?.find((m: any) => m.name === 'local');
      return res.body.totalCount === clusters.length && local?.state === 'synced' ? true : undefined;
    }, { timeoutMs: 30_000 }).catch(e => {
      throw new Error(`${e.message}: expected ${clusters.length} clusters, last answer ${JSON.stringify(last)}`);
    });
  }, 120_000);

  afterAll(async () => {
    await backend?.stop();
  }, 30_000);

  beforeEach(() => {
    permissions.authorizeConditional.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
  });

  it('lists every cluster with the verdict of its snapshot', async () => {
    const res = await request(backend.server).get('/api/capi-openstack/clusters?limit=500');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.name).sort()).toEqual(clusters.map(c => c.metadata.name).sort());
    const verdicts: Record<string, string> = {};
    for (const c of clusters) {
      const snapshot = c.metadata.annotations?.[SNAPSHOT_ANNOTATION];
      const row = res.body.items.find((i: any) => i.name === c.metadata.name);
      if (snapshot) verdicts[snapshot] = row.verdict;
    }
    expect(verdicts).toEqual(EXPECTED);
    const magnum = res.body.items.find((i: any) => i.namespace === 'magnum-system');
    expect(magnum.magnum).toBe(true);
    const local = res.body.managementClusters.find((m: any) => m.name === 'local');
    expect(local.state).toBe('synced');
    expect(local.apiVersions.Cluster).toBe('cluster.x-k8s.io/v1beta2');
    expect(local.apiVersions.OpenStackServer).toBe('infrastructure.cluster.x-k8s.io/v1alpha1');
  });

  it('filters, counts, sorts and pages', async () => {
    const ns = rename('team-payments');
    const res = await request(backend.server).get(
      `/api/capi-openstack/clusters?namespace=${ns}&sort=name&order=desc&limit=2`,
    );
    const inNs = clusters.filter(c => c.metadata.namespace === ns).map(c => c.metadata.name).sort().reverse();
    expect(res.body.totalCount).toBe(inNs.length);
    expect(res.body.items.map((i: any) => i.name)).toEqual(inNs.slice(0, 2));
    const failing = await request(backend.server).get('/api/capi-openstack/clusters?verdict=Degraded&verdict=Paused');
    expect(failing.body.items.map((i: any) => i.verdict).sort()).toEqual(['Degraded', 'Paused']);
    expect(failing.body.verdictCounts.Healthy).toBeGreaterThan(0);
    const search = await request(backend.server).get('/api/capi-openstack/clusters?search=QUOTA');
    expect(search.body.items.map((i: any) => i.name)).toEqual(['data-etl']);
    // The fleet row carries the fix guide for its tooltip.
    expect(search.body.items[0].reasons[0].fix).toMatchObject({ cause: 'quotaExceeded', quota: { resource: 'cores', missing: 4 } });
    const bad = await request(backend.server).get('/api/capi-openstack/clusters?verdict=Great');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('verdict');
  });

  it('answers the tree of a cluster down to each OpenStack server', async () => {
    const s5 = clusters.find(c => c.metadata.annotations?.[SNAPSHOT_ANNOTATION] === 'S5')!;
    const res = await request(backend.server).get(
      `/api/capi-openstack/clusters/local/${s5.metadata.namespace}/${s5.metadata.name}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.health.verdict).toBe('Failed');
    expect(res.body.health.reasons.every((r: any) => r.fix?.summary && r.fix?.nextStep)).toBe(true);
    const failing = res.body.tree.machines.find((m: any) => m.server?.state === 'ERROR');
    expect(failing.server.failureMessage ?? JSON.stringify(failing.server.conditions)).toContain('Quota exceeded');
    expect(res.body.tree.infrastructure.kind).toBe('OpenStackCluster');
    expect(res.body.tree.pools.length).toBeGreaterThan(0);

    const missing = await request(backend.server).get(`/api/capi-openstack/clusters/local/${s5.metadata.namespace}/nope`);
    expect(missing.status).toBe(404);
  });

  it('serves a timeline of condition transitions, newest first', async () => {
    const s9 = clusters.find(c => c.metadata.annotations?.[SNAPSHOT_ANNOTATION] === 'S9')!;
    const res = await request(backend.server).get(
      `/api/capi-openstack/clusters/local/${s9.metadata.namespace}/${s9.metadata.name}/events`,
    );
    expect(res.status).toBe(200);
    const times = res.body.items.map((i: any) => i.time);
    expect(times).toEqual([...times].sort().reverse());
    expect(res.body.items.some((i: any) => i.condition?.type === 'RemoteConnectionProbe' && i.type === 'Warning')).toBe(true);
  });

  it('streams a change made in the API server and serves it from REST, without API calls on reads', async () => {
    const s2 = clusters.find(c => c.metadata.annotations?.[SNAPSHOT_ANNOTATION] === 'S2')!;
    const { token } = mockCredentials.user.header().match(/Bearer (?<token>.*)/)!.groups!;
    const before = (await request(backend.server).get('/api/capi-openstack/management-clusters')).body.items[0].apiRequests;
    for (let i = 0; i < 20; i++) {
      await request(backend.server).get('/api/capi-openstack/clusters');
      await request(backend.server).get(`/api/capi-openstack/clusters/local/${s2.metadata.namespace}/${s2.metadata.name}`);
    }
    const after = (await request(backend.server).get('/api/capi-openstack/management-clusters')).body.items[0].apiRequests;
    expect(after).toBe(before);

    const port = (backend.server.address() as any).port;
    let snapshotSeen!: () => void;
    const subscribed = new Promise<void>(resolve => (snapshotSeen = resolve));
    const changed = readStream(`http://127.0.0.1:${port}/api/capi-openstack/stream`, token, (event, data) => {
      if (event === 'snapshot') snapshotSeen();
      return event === 'changes' && data.upserted.some((u: any) => u.name === s2.metadata.name && u.paused);
    });
    // The stream's first event: every change after it reaches the stream
    // (readStream ends it after 30 s without the change).
    await Promise.race([subscribed, changed]);
    await mc.client.request(
      'PATCH',
      `/apis/cluster.x-k8s.io/v1beta2/namespaces/${s2.metadata.namespace}/clusters/${s2.metadata.name}`,
      { spec: { paused: true } },
      'application/merge-patch+json',
    );
    const data = await changed;
    expect(data.upserted.find((u: any) => u.name === s2.metadata.name).verdict).toBe('Paused');
    const rest = await request(backend.server).get(
      `/api/capi-openstack/clusters/local/${s2.metadata.namespace}/${s2.metadata.name}`,
    );
    expect(rest.body.summary.verdict).toBe('Paused');
  });

  it('keeps answering while another management cluster is down', async () => {
    const res = await request(backend.server).get('/api/capi-openstack/management-clusters');
    const down = res.body.items.find((m: any) => m.name === 'down');
    expect(down.state).toBe('error');
    expect(down.message).toMatch(/unreachable/);
    expect(down.message).not.toContain('not-a-real-token');
  });

  it('reports the caches on /health, unauthenticated, naming no cluster', async () => {
    // `local` is synced and `down` failing: served, but degraded.
    const res = await request(backend.server).get('/api/capi-openstack/health').unset('Authorization');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'degraded' });
  });

  it('answers 401 without credentials and 403 when reading is denied, with no API server call', async () => {
    const before = (await request(backend.server).get('/api/capi-openstack/management-clusters')).body.items[0].apiRequests;
    const anonymous = await request(backend.server)
      .get('/api/capi-openstack/clusters')
      .set('authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    permissions.authorizeConditional.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    const denied = await request(backend.server).get('/api/capi-openstack/clusters');
    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
    permissions.authorizeConditional.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
    const after = (await request(backend.server).get('/api/capi-openstack/management-clusters')).body.items[0].apiRequests;
    expect(after).toBe(before);
  });

  it('applies conditional decisions: lists filtered, others answered 404', async () => {
    const ns = rename('team-data');
    permissions.authorizeConditional.mockResolvedValue([
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'capi-openstack',
        resourceType: 'capi-openstack-cluster',
        conditions: {
          anyOf: [
            { rule: 'IS_IN_NAMESPACE', resourceType: 'capi-openstack-cluster', params: { namespaces: [ns] } },
            { rule: 'IS_CLUSTER_OWNER', resourceType: 'capi-openstack-cluster', params: { claims: ['group:default/nobody'] } },
          ],
        },
      } as any,
    ]);
    const list = await request(backend.server).get('/api/capi-openstack/clusters?limit=500');
    expect(list.body.items.length).toBe(clusters.filter(c => c.metadata.namespace === ns).length);
    expect(list.body.items.every((i: any) => i.namespace === ns)).toBe(true);
    const other = clusters.find(c => c.metadata.namespace !== ns)!;
    const hidden = await request(backend.server).get(
      `/api/capi-openstack/clusters/local/${other.metadata.namespace}/${other.metadata.name}`,
    );
    expect(hidden.status).toBe(404);
  });
});

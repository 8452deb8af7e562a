/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { applySeed } from './applySeed';
import { buildDemoFleet, SNAPSHOT_ANNOTATION } from './seed';
import { setupManagementCluster } from './testing';

describe('demo fleet seed against the real API server', () => {
  const mc = setupManagementCluster('capi-v1.14');
  const now = new Date('2026-09-01T10:10:00Z');
  const fleet = buildDemoFleet({ now });

  it('passes CRD validation, keeps every status field, and a second run changes nothing', async () => {
    const first = await applySeed(mc.client, fleet);
    expect(first.applied).toBe(fleet.length);

    // Other suites share this API server: look at the fleet's namespaces only.
    const ours = new Set(fleet.filter(o => o.manifest.kind === 'Namespace').map(o => o.manifest.metadata.name));
    const clusters = (await mc.client.list('cluster.x-k8s.io/v1beta2', 'Cluster')).filter(c =>
      ours.has(c.metadata.namespace!),
    );
    const byNamespace = new Map<string, number>();
    for (const c of clusters) {
      byNamespace.set(c.metadata.namespace!, (byNamespace.get(c.metadata.namespace!) ?? 0) + 1);
    }
    const teams = [...byNamespace.entries()].filter(([ns]) => ns.startsWith('team-'));
    expect(teams).toHaveLength(3);
    expect(teams.reduce((n, [, count]) => n + count, 0)).toBeGreaterThanOrEqual(12);
    expect(byNamespace.get('magnum-system')).toBe(1);

    // Every snapshot S1..S10 is there once.
    const snapshots = clusters
      .map(c => c.metadata.annotations?.[SNAPSHOT_ANNOTATION])
      .filter(Boolean)
      .sort();
    expect(snapshots).toEqual(['S1', 'S10', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9'].sort());

    // Statuses survived pruning and validation: S5's Nova quota error.
    const s5 = clusters.find(c => c.metadata.annotations?.[SNAPSHOT_ANNOTATION] === 'S5')!;
    const servers: any[] = await mc.client.list(
      'infrastructure.cluster.x-k8s.io/v1alpha1',
      'OpenStackServer',
      s5.metadata.namespace,
      `cluster.x-k8s.io/cluster-name=${s5.metadata.name}`,
    );
    const failing = servers.find(s => s.status?.instanceState === 'ERROR');
    expect(
      failing.status.conditions.find((c: any) => c.type === 'InstanceReady').message,
    ).toContain('Quota exceeded for cores');

    // S8 is being deleted, held by its finalizer.
    const s8: any = clusters.find(c => c.metadata.annotations?.[SNAPSHOT_ANNOTATION] === 'S8');
    expect(s8.metadata.deletionTimestamp).toEqual(expect.any(String));

    // The kubeconfig Secret of a healthy cluster.
    const s2 = clusters.find(c => c.metadata.annotations?.[SNAPSHOT_ANNOTATION] === 'S2')!;
    const secret: any = await mc.client.get('v1', 'Secret', s2.metadata.namespace, `${s2.metadata.name}-kubeconfig`);
    expect(Buffer.from(secret.data.value, 'base64').toString()).toContain('kind: Config');

    const second = await applySeed(mc.client, buildDemoFleet({ now }));
    expect(second.changed).toBe(0);
  }, 300_000);
});

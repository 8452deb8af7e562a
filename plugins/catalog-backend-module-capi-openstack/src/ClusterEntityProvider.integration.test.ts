/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { entityEnvelopeSchemaValidator, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
// The integration test runs the real backend plugin next to the module (a devDependency).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import capiOpenstackPlugin from '@capi-openstack/backstage-plugin-capi-openstack-backend';
import {
  createServerSentEventParser,
  ServerSentEvent,
  StreamChanges,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { buildDemoFleet, OWNER_LABEL } from '@internal/management-cluster';
import { relocate, setupManagementCluster, waitFor as waitForCondition } from '@internal/management-cluster/testing';
import { clusterEntityName, clusterEntityRef } from './entity';
import { catalogModuleCapiOpenstackEntityProvider } from './module';

const DEFAULT_OWNER = 'group:default/capi-admins';

/** The tooling's waitFor with this suite's timeout. */
const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>) =>
  waitForCondition(what, probe, { timeoutMs: 30_000 });

function refOf(c: { metadata: { namespace?: string; name: string } }) {
  return { managementCluster: 'local', namespace: c.metadata.namespace!, name: c.metadata.name };
}

/** A copy of a Cluster manifest under another name, in the template's namespace. */
function clusterCopy(template: any, name: string) {
  const manifest = structuredClone(template) as any;
  manifest.metadata = { name, namespace: template.metadata.namespace, labels: { 'cluster.x-k8s.io/cluster-name': name } };
  manifest.spec.controlPlaneRef.name = `${name}-control-plane`;
  manifest.spec.infrastructureRef.name = name;
  return manifest;
}

/** The test's own subscription to `GET /stream` of a backend, as a service. */
async function openStream(port: number) {
  const abort = new AbortController();
  const events: ServerSentEvent[] = [];
  const res = await fetch(`http://localhost:${port}/api/capi-openstack/stream`, {
    headers: { authorization: mockCredentials.service.header(), accept: 'text/event-stream' },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const parse = createServerSentEventParser();
  const reading = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        events.push(...parse(decoder.decode(value, { stream: true })));
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    events,
    changes: () => events.filter(e => e.event === 'changes').map(e => JSON.parse(e.data) as StreamChanges),
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

/** Records mutations and checks every entity envelope as the catalog does. */
class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  private readonly validate = entityEnvelopeSchemaValidator();

  async applyMutation(mutation: EntityProviderMutation) {
    const entities = mutation.type === 'full' ? mutation.entities : mutation.added;
    for (const e of entities) this.validate(e.entity);
    this.mutations.push(mutation);
  }

  async refresh() {}

  fulls() {
    return this.mutations.filter((m): m is Extract<EntityProviderMutation, { type: 'full' }> => m.type === 'full');
  }

  deltas() {
    return this.mutations.filter((m): m is Extract<EntityProviderMutation, { type: 'delta' }> => m.type === 'delta');
  }
}

describe('ClusterEntityProvider against the capi-openstack backend (real API server)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  const suffix = Math.random().toString(36).slice(2, 7);
  const rename = (ns: string) => `cat-${ns}-${suffix}`;
  // Own copies of the team namespaces; the Magnum cluster (magnum-system) is left out.
  const inMagnum = (o: { manifest: any }) =>
    (o.manifest.kind === 'Namespace' ? o.manifest.metadata.name : o.manifest.metadata.namespace) === 'magnum-system';
  const fleet = relocate(buildDemoFleet({ now: new Date() }).filter(o => !inMagnum(o)), rename);
  const namespaces = [...new Set(fleet.filter(o => o.manifest.kind === 'Namespace').map(o => o.manifest.metadata.name))];
  const clusters = fleet.filter(o => o.manifest.kind === 'Cluster').map(o => o.manifest);
  // The provider's scheduled task, with its schedule (the plugin's own tasks are not run).
  const tasks: Array<SchedulerServiceTaskInvocationDefinition & { schedule: SchedulerServiceTaskScheduleDefinition }> =
    [];
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: schedule => ({ run: async task => void tasks.push({ ...task, schedule }) }),
  });
  const providers: EntityProvider[] = [];
  const connection = new RecordingConnection();
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  /** The capi-openstack backend and the module, with the module's own config. */
  function startBackend(options: {
    providers: EntityProvider[];
    scheduler: ReturnType<typeof mockServices.scheduler.mock>;
    capiOpenstackProvider: Record<string, any>;
  }) {
    return startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider: (...p: any[]) => options.providers.push(...p.flat()) }],
      ],
      features: [
        capiOpenstackPlugin,
        catalogModuleCapiOpenstackEntityProvider,
        options.scheduler.factory,
        mockServices.permissions.mock({
          authorize: async reqs => reqs.map(() => ({ result: 'ALLOW' as any })),
          authorizeConditional: async reqs => reqs.map(() => ({ result: 'ALLOW' as any })),
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            capiOpenstack: {
              defaultOwner: DEFAULT_OWNER,
              managementClusters: [
                { name: 'local', title: 'Local', kubeconfig: { path: mc.kubeconfigFile() }, namespaces },
              ],
            },
            catalog: { providers: { capiOpenstack: options.capiOpenstackProvider } },
          },
        }),
      ],
    });
  }

  beforeAll(async () => {
    await mc.apply(fleet);
    backend = await startBackend({
      providers,
      scheduler,
      capiOpenstackProvider: {
        schedule: { frequency: { minutes: 10 }, timeout: { minutes: 3 } },
        system: 'kubernetes-fleet',
        // Small pages, so that a full sync reads several of them.
        pageSize: 4,
      },
    });
  }, 120_000);

  afterAll(async () => {
    await backend?.stop();
  }, 30_000);

  it('publishes one entity per cluster in a full mutation on the first sync', async () => {
    expect(providers).toHaveLength(1);
    const provider = providers[0];
    expect(provider.getProviderName()).toBe('capi-openstack');
    await provider.connect(connection);
    // The stream's snapshot triggers a full sync; while the watch cache still
    // syncs it is published as an additive delta, then in full once synced.
    const full = await waitFor('a full mutation with every cluster', () =>
      connection.fulls().find(m => m.entities.length === clusters.length),
    );
    const byName = new Map(full.entities.map(e => [e.entity.metadata.name, e]));
    for (const c of clusters) {
      const ref = refOf(c);
      const deferred = byName.get(clusterEntityName(ref));
      expect(deferred?.entity.metadata.name).toBe(clusterEntityName(ref));
      const { entity, locationKey } = deferred!;
      expect(locationKey).toBe(`capi-openstack:local/${ref.namespace}/${ref.name}`);
      expect(entity.kind).toBe('Resource');
      expect(entity.spec).toEqual({
        type: 'kubernetes-cluster',
        owner: `group:default/${c.metadata.labels![OWNER_LABEL]}`,
        lifecycle: 'production',
        system: 'kubernetes-fleet',
      });
      expect(entity.metadata.annotations).toMatchObject({
        'capi-openstack.dev/management-cluster': 'local',
        'capi-openstack.dev/cluster': `${ref.namespace}/${ref.name}`,
        'backstage.io/managed-by-location': locationKey,
        'backstage.io/managed-by-origin-location': locationKey,
      });
      expect(entity.metadata.links).toEqual([
        {
          url: `http://localhost:3000/capi-openstack/clusters/local/${ref.namespace}/${ref.name}`,
          title: 'Cluster page',
          icon: 'dashboard',
        },
      ]);
      expect(entity.metadata.description).toMatch(/in management cluster \S+ \(Local\)/);
    }
  }, 60_000);

  it('adds a new cluster in a delta, then removes it when it is deleted', async () => {
    const template = clusters[0];
    const namespace = template.metadata.namespace!;
    const name = `added-${suffix}`;
    const ref = { managementCluster: 'local', namespace, name };
    const manifest = clusterCopy(template, name);
    const seen = connection.mutations.length;

    await mc.apply([{ manifest }]);
    const added = await waitFor('a delta adding the new cluster', () =>
      connection
        .deltas()
        .slice()
        .flatMap(m => m.added)
        .find(e => e.entity.metadata.name === clusterEntityName(ref)),
    );
    expect(added.entity.spec?.owner).toBe(DEFAULT_OWNER);
    expect(added.entity.metadata.annotations?.['capi-openstack.dev/cluster']).toBe(`${namespace}/${name}`);
    // Only the new cluster changed its entity: nothing else was re-published.
    const deltasSince = connection.mutations.slice(seen).filter(m => m.type === 'delta');
    expect(deltasSince.flatMap(m => (m.type === 'delta' ? m.added : [])).map(e => e.entity.metadata.name)).toEqual([
      clusterEntityName(ref),
    ]);

    await mc.client.delete('cluster.x-k8s.io/v1beta2', 'Cluster', namespace, name);
    const removed = await waitFor('a delta removing the deleted cluster', () =>
      connection
        .deltas()
        .flatMap(m => m.removed)
        .find(r => ('entityRef' in r ? r.entityRef : stringifyEntityRef(r.entity)) === clusterEntityRef(ref)),
    );
    expect(removed).toMatchObject({ locationKey: `capi-openstack:local/${namespace}/${name}` });
  }, 70_000);

  it('runs a full sync on schedule', async () => {
    expect(tasks.map(t => [t.id, t.schedule])).toEqual([
      ['capi-openstack:refresh', { frequency: { minutes: 10 }, timeout: { minutes: 3 } }],
    ]);
    const before = connection.fulls().length;
    await tasks[0].fn(new AbortController().signal as any);
    const fulls = connection.fulls();
    expect(fulls.length).toBe(before + 1);
    expect(fulls[fulls.length - 1].entities.map(e => e.entity.metadata.name).sort()).toEqual(
      clusters.map(c => clusterEntityName(refOf(c))).sort(),
    );
  }, 30_000);

  describe('with catalog.providers.capiOpenstack.filter.namespaces', () => {
    const inside = clusters[0].metadata.namespace!;
    const outsideTemplate = clusters.find(c => c.metadata.namespace !== inside)!;
    const outside = outsideTemplate.metadata.namespace!;
    const expected = clusters.filter(c => c.metadata.namespace === inside).map(c => clusterEntityName(refOf(c)));
    const filteredProviders: EntityProvider[] = [];
    const filtered = new RecordingConnection();
    let filteredBackend: Awaited<ReturnType<typeof startTestBackend>>;
    const clusterOf = (e: { entity: { metadata: { annotations?: Record<string, string> } } }) =>
      e.entity.metadata.annotations?.['capi-openstack.dev/cluster'];
    const emitted = (mutations: EntityProviderMutation[]) =>
      mutations.flatMap(m => (m.type === 'full' ? m.entities : m.added));

    beforeAll(async () => {
      filteredBackend = await startBackend({
        providers: filteredProviders,
        scheduler: mockServices.scheduler.mock({ createScheduledTaskRunner: () => ({ run: async () => {} }) }),
        capiOpenstackProvider: { filter: { namespaces: [inside] } },
      });
    }, 120_000);

    afterAll(async () => {
      await filteredBackend?.stop();
    }, 30_000);

    it('publishes only the clusters of those namespaces', async () => {
      // The fleet has clusters on both sides of the filter.
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(clusters.length);
      expect(filteredProviders).toHaveLength(1);
      await filteredProviders[0].connect(filtered);
      const full = await waitFor('a full mutation', () => filtered.fulls()[0]);
      expect(full.entities.map(e => e.entity.metadata.name).sort()).toEqual([...expected].sort());
      // Nor did the additive syncs before it publish anything else.
      for (const e of emitted(filtered.mutations)) expect(clusterOf(e)).toMatch(new RegExp(`^${inside}/`));
    }, 60_000);

    it('emits no entity for a stream delta of a cluster outside the filter', async () => {
      // The provider's stream is connected: its snapshot triggered the full sync.
      await waitFor('a full mutation', () => filtered.fulls()[0]);
      const stream = await openStream(filteredBackend.server.port());
      try {
        await waitFor('the snapshot', () => stream.events.find(e => e.event === 'snapshot'));
        const seen = filtered.mutations.length;
        const outName = `out-${suffix}`;
        await mc.apply([{ manifest: clusterCopy(outsideTemplate, outName) }]);
        // The backend streamed it (to the provider too, on its own connection, in order) ...
        await waitFor('the backend streaming the cluster outside the filter', () =>
          stream.changes().find(c => c.upserted.some(s => s.namespace === outside && s.name === outName)),
        );
        // ... then a cluster inside: once its delta is applied, the one before was handled.
        const inRef = { managementCluster: 'local', namespace: inside, name: `in-${suffix}` };
        await mc.apply([{ manifest: clusterCopy(clusters[0], inRef.name) }]);
        await waitFor('a delta adding the cluster inside the filter', () =>
          filtered
            .deltas()
            .flatMap(m => m.added)
            .find(e => e.entity.metadata.name === clusterEntityName(inRef)),
        );
        const since = filtered.mutations.slice(seen);
        expect(emitted(since).map(clusterOf)).toEqual([`${inside}/${inRef.name}`]);
        expect(since.flatMap(m => (m.type === 'delta' ? m.removed : []))).toEqual([]);
        await mc.client.delete('cluster.x-k8s.io/v1beta2', 'Cluster', outside, outName);
        await mc.client.delete('cluster.x-k8s.io/v1beta2', 'Cluster', inside, inRef.name);
      } finally {
        await stream.close();
      }
    }, 70_000);
  });
});

describe('catalog.providers.capiOpenstack.filter in the configuration', () => {
  it.each([
    ['filter.namespaces', { namespaces: 'team-a' }],
    ['filter.managementClusters', { managementClusters: ['prod', 3] }],
    ['filter.namespaces', { namespaces: [] }],
    ['filter.namespace', { namespace: ['team-a'] }],
    ['filter', ['team-a']],
  ])('fails the start-up naming %s for %j', async (key, filter) => {
    await expect(
      startTestBackend({
        extensionPoints: [[catalogProcessingExtensionPoint, { addEntityProvider: () => {} }]],
        features: [
          catalogModuleCapiOpenstackEntityProvider,
          mockServices.rootConfig.factory({ data: { catalog: { providers: { capiOpenstack: { filter } } } } }),
        ],
      }),
    ).rejects.toThrow(`catalog.providers.capiOpenstack.${key} `);
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Writes the management cluster refuses half-way, with real
// ValidatingAdmissionPolicies (scoped to this suite's namespace): what is
// left behind, what is taken back, and what must never be deleted.

import { mockServices } from '@backstage/backend-test-utils';
import { plainClusterObjects } from '@internal/management-cluster';
import { setupManagementCluster, waitFor as waitUntil } from '@internal/management-cluster/testing';
import { ClusterService } from '../clusters/ClusterService';
import { ActionService } from './ActionService';
import { DEFAULT_ACTIONS_CONFIG } from '../actionsConfig';
import { planSetPoolFlavor } from '../plans/flavor';
import { planScaleControlPlane } from '../plans/scale';
import { UPGRADE_ANNOTATION } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { planUpgrade, UPGRADE_FAILED_ANNOTATION } from '../plans/upgrade';

const CAPI = 'cluster.x-k8s.io/v1beta2';
const KCP = 'controlplane.cluster.x-k8s.io/v1beta2';
const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta1';
const VAP = '/apis/admissionregistration.k8s.io/v1';
const MERGE = 'application/merge-patch+json';

/** Waits until the probe answers something other than undefined or false. */
const waitFor = <T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false) =>
  waitUntil(what, async () => ((await probe()) || undefined) as T | undefined, { timeoutMs: 30_000, intervalMs: 100 });

jest.setTimeout(90_000);

describe('refused writes (real API server, ValidatingAdmissionPolicy)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  let clusters: ClusterService;
  let actions: ActionService;
  const ref = (name: string) => ({ managementCluster: 'mc', namespace: ns, name });
  const get = (apiVersion: string, kind: string, name: string) => mc.client.get<any>(apiVersion, kind, ns, name);
  const templateNames = async () => (await mc.client.list<any>(INFRA, 'OpenStackMachineTemplate', ns)).map(t => t.metadata.name).sort();
  const mdPath = (name: string) => `/apis/${CAPI}/namespaces/${ns}/machinedeployments/${name}`;
  const kcpPath = (name: string) => `/apis/${KCP}/namespaces/${ns}/kubeadmcontrolplanes/${name}`;

  /** Whether a dry-run merge patch is refused (422) by admission now. */
  const refused = async (path: string, patch: object) =>
    mc.client.request('PATCH', `${path}?dryRun=All`, patch, MERGE).then(
      () => false,
      e => e.statusCode === 422,
    );

  /**
   * A policy denying updates of `resource` that break `expression`, bound to
   * this suite's namespace only; returns once a dry run of `probe` is denied.
   */
  async function deny(
    id: string,
    rule: { apiGroup: string; resource: string },
    expression: string,
    message: string,
    probe: { path: string; patch: object },
  ) {
    const name = `${id}-${ns}`;
    await mc.client.request('POST', `${VAP}/validatingadmissionpolicies`, {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [{ apiGroups: [rule.apiGroup], apiVersions: ['*'], operations: ['UPDATE'], resources: [rule.resource] }],
        },
        validations: [{ expression, message }],
      },
    });
    await mc.client.request('POST', `${VAP}/validatingadmissionpolicybindings`, {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name },
      spec: {
        policyName: name,
        validationActions: ['Deny'],
        matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } },
      },
    });
    // Policies take effect once the API server's informers have them.
    await waitFor(`policy ${name} in effect`, () => refused(probe.path, probe.patch));
    return async () => {
      await mc.client.request('DELETE', `${VAP}/validatingadmissionpolicybindings/${name}`);
      await mc.client.request('DELETE', `${VAP}/validatingadmissionpolicies/${name}`);
      await waitFor(`policy ${name} gone`, async () => !(await refused(probe.path, probe.patch)));
    };
  }

  /** Waits until the cache holds the Cluster as the API server has it now. */
  async function cacheCaughtUp(name: string) {
    const rv = (await get(CAPI, 'Cluster', name)).metadata.resourceVersion;
    await waitFor(`the cache to see Cluster ${name}@${rv}`, () => clusters.cache('mc')?.get('Cluster', ns, name)?.metadata.resourceVersion === rv);
  }

  /**
   * Runs `before` ahead of the backend's requests to the (real) API server,
   * to interleave another writer deterministically; returns the undo.
   */
  function interpose(before: (method: string, path: string) => Promise<void>) {
    const client = clusters.cache('mc')!.client;
    const request = client.request;
    client.request = async <T>(method: string, path: string, options?: Parameters<typeof request>[2]): Promise<T> => {
      await before(method, path);
      return request.call(client, method, path, options) as Promise<T>;
    };
    return () => {
      client.request = request;
    };
  }

  function cpMachine(cluster: string, version: string) {
    return {
      apiVersion: CAPI,
      kind: 'Machine',
      metadata: {
        name: `${cluster}-cp-0`,
        namespace: ns,
        labels: { 'cluster.x-k8s.io/cluster-name': cluster, 'cluster.x-k8s.io/control-plane': '' },
      },
      spec: {
        clusterName: cluster,
        version,
        bootstrap: { dataSecretName: 'none' },
        infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'OpenStackMachine', name: `${cluster}-cp-0` },
      },
    };
  }

  /** A plain cluster with a second pool `<name>-md-1` on its own template copy, or on md-0's. */
  function twoPools(name: string, opts: { shareTemplate: boolean; controlPlaneVersion?: string }) {
    const objs = plainClusterObjects({ name, namespace: ns, controlPlaneReplicas: 1, workerReplicas: 1 });
    const out = objs.map(o => structuredClone(o));
    const md0: any = out.find(o => o.manifest.kind === 'MachineDeployment')!;
    // As CAPI's controllers label pools (the cache groups by the label).
    md0.manifest.metadata.labels = { 'cluster.x-k8s.io/cluster-name': name };
    const md1: any = structuredClone(md0);
    md1.manifest.metadata.name = `${name}-md-1`;
    if (!opts.shareTemplate) {
      md1.manifest.spec.template.spec.infrastructureRef.name = `${name}-md-1`;
      const t1: any = structuredClone(out.find(o => o.manifest.kind === 'OpenStackMachineTemplate' && o.manifest.metadata.name === `${name}-md-0`)!);
      t1.manifest.metadata.name = `${name}-md-1`;
      out.push(t1);
    }
    out.push(md1);
    if (opts.controlPlaneVersion) {
      (out.find(o => o.manifest.kind === 'KubeadmControlPlane')!.manifest as any).spec.version = opts.controlPlaneVersion;
    }
    return out;
  }

  beforeAll(async () => {
    ns = await mc.createNamespace('atomic');
    await mc.apply([
      ...plainClusterObjects({ name: 'u1', namespace: ns, controlPlaneReplicas: 1, workerReplicas: 1 }),
      // The control plane already runs v1.35.0 (the pools' turn once annotated).
      ...twoPools('w1', { shareTemplate: false, controlPlaneVersion: 'v1.35.0' }),
      cpMachine('w1', 'v1.35.0'),
      ...twoPools('s1', { shareTemplate: true }),
      ...plainClusterObjects({ name: 'r1', namespace: ns, controlPlaneReplicas: 1, workerReplicas: 1 }),
    ]);
    clusters = new ClusterService({
      config: {
        managementClusters: [
          { name: 'mc', title: 'MC', source: { type: 'kubeconfig', path: mc.kubeconfigFile() }, namespaces: [ns], skipTLSVerify: false },
        ],
        defaultOwner: 'group:default/platform',
      },
      logger: mockServices.logger.mock(),
      coalesceMs: 50,
    });
    await clusters.start();
    actions = new ActionService(
      clusters,
      {
        ...DEFAULT_ACTIONS_CONFIG,
        flavors: ['m1.large', 'm1.xlarge'],
        kubernetesVersions: [
          { version: 'v1.34.2', image: 'ubuntu-2404-kube-v1.34.2' },
          { version: 'v1.35.0', image: 'ubuntu-2404-kube-v1.35.0' },
        ],
      },
      mockServices.logger.mock(),
    );
    await waitFor('the cache in sync', () => clusters.managementClusters()[0].state === 'synced' && clusters.cache('mc')!.objectsOf(`${ns}/w1`)?.machines.length === 1);
  }, 120_000);

  afterAll(async () => {
    await clusters?.stop();
  });

  it('a refused control plane write takes the upgrade annotation back and leaves no template; a reconcile pass does nothing', async () => {
    const templatesBefore = await templateNames();
    const kcpBefore = await get(KCP, 'KubeadmControlPlane', 'u1-control-plane');
    const undeny = await deny(
      'freeze-kcp',
      { apiGroup: 'controlplane.cluster.x-k8s.io', resource: 'kubeadmcontrolplanes' },
      'object.spec.version == oldObject.spec.version',
      'Kubernetes upgrades are frozen',
      { path: kcpPath('u1-control-plane'), patch: { spec: { version: 'v1.35.0' } } },
    );
    try {
      for (const dryRun of [true, false]) {
        await expect(actions.run(ref('u1'), 'upgrade', (o, c) => planUpgrade(o, 'v1.35.0', c), { dryRun })).rejects.toMatchObject({
          statusCode: 422,
          message: expect.stringMatching(/KubeadmControlPlane u1-control-plane was refused by the management cluster's admission control: .*Kubernetes upgrades are frozen/),
        });
        const cluster = await get(CAPI, 'Cluster', 'u1');
        expect([dryRun, cluster.metadata.annotations?.[UPGRADE_ANNOTATION]]).toEqual([dryRun, undefined]);
        expect(await templateNames()).toEqual(templatesBefore);
      }
      const kcp = await get(KCP, 'KubeadmControlPlane', 'u1-control-plane');
      expect([kcp.spec.version, kcp.metadata.resourceVersion]).toEqual(['v1.34.2', kcpBefore.metadata.resourceVersion]);

      // The reconciler sees what the cache saw (the annotation came and went): it finds nothing to do.
      await cacheCaughtUp('u1');
      const clusterRv = (await get(CAPI, 'Cluster', 'u1')).metadata.resourceVersion;
      expect(await actions.reconcileUpgrades()).toBe(0);
      expect((await get(CAPI, 'Cluster', 'u1')).metadata.resourceVersion).toBe(clusterRv);
      expect((await get(KCP, 'KubeadmControlPlane', 'u1-control-plane')).metadata.resourceVersion).toBe(kcpBefore.metadata.resourceVersion);
      expect(await templateNames()).toEqual(templatesBefore);
      const upgrades = await actions.upgrades(ref('u1'));
      expect([upgrades.inProgress, upgrades.targets.map(t => t.version)]).toEqual([undefined, ['v1.35.0']]);
    } finally {
      await undeny();
    }
  });

  it('the reconciler stops on a refused control plane step, shows it failed, and a retry carries on', async () => {
    const templatesBefore = await templateNames();
    const undeny = await deny(
      'freeze-kcp2',
      { apiGroup: 'controlplane.cluster.x-k8s.io', resource: 'kubeadmcontrolplanes' },
      'object.spec.version == oldObject.spec.version',
      'Kubernetes upgrades are frozen',
      { path: kcpPath('u1-control-plane'), patch: { spec: { version: 'v1.35.0' } } },
    );
    let undenied = false;
    try {
      // As if a backend had stopped right after writing the annotation.
      await mc.client.request('PATCH', `/apis/${CAPI}/namespaces/${ns}/clusters/u1`, { metadata: { annotations: { [UPGRADE_ANNOTATION]: 'v1.35.0' } } }, MERGE);
      await cacheCaughtUp('u1');
      expect(await actions.reconcileUpgrades()).toBe(0);
      const stopped = await get(CAPI, 'Cluster', 'u1');
      expect(stopped.metadata.annotations).toMatchObject({
        [UPGRADE_ANNOTATION]: 'v1.35.0',
        [UPGRADE_FAILED_ANNOTATION]: expect.stringMatching(/^control plane: .*Kubernetes upgrades are frozen/),
      });
      expect(await templateNames()).toEqual(templatesBefore);

      // Another pass leaves the stopped upgrade alone (no retry loop).
      await cacheCaughtUp('u1');
      expect(await actions.reconcileUpgrades()).toBe(0);
      expect((await get(CAPI, 'Cluster', 'u1')).metadata.resourceVersion).toBe(stopped.metadata.resourceVersion);
      const upgrades = await actions.upgrades(ref('u1'));
      expect(upgrades).toMatchObject({
        current: 'v1.34.2',
        targets: [{ version: 'v1.35.0', image: 'ubuntu-2404-kube-v1.35.0' }],
        inProgress: { version: 'v1.35.0', phase: 'control-plane', failed: expect.stringMatching(/frozen/) },
        message: expect.stringMatching(/^The upgrade to v1.35.0 stopped \(control plane\): .*upgrade to v1.35.0 again to retry/),
      });
      await expect(actions.run(ref('u1'), 'upgrade', (o, c) => planUpgrade(o, 'v1.34.9', c), { dryRun: false })).rejects.toThrow(
        /only v1.35.0 can be retried/,
      );
      // Still refused: the retry is taken back, the failure stays recorded.
      await expect(actions.run(ref('u1'), 'upgrade', (o, c) => planUpgrade(o, 'v1.35.0', c), { dryRun: false })).rejects.toMatchObject({ statusCode: 422 });
      expect((await get(CAPI, 'Cluster', 'u1')).metadata.annotations).toMatchObject({
        [UPGRADE_ANNOTATION]: 'v1.35.0',
        [UPGRADE_FAILED_ANNOTATION]: stopped.metadata.annotations[UPGRADE_FAILED_ANNOTATION],
      });
      expect(await templateNames()).toEqual(templatesBefore);

      await undeny();
      undenied = true;
      const retried = await actions.run(ref('u1'), 'upgrade', (o, c) => planUpgrade(o, 'v1.35.0', c), { dryRun: false });
      expect(retried.changes.map(c => `${c.kind} ${c.field}`)).toEqual([
        `Cluster metadata.annotations[${UPGRADE_FAILED_ANNOTATION}]`,
        'OpenStackMachineTemplate (created)',
        'KubeadmControlPlane spec.version',
        'KubeadmControlPlane spec.machineTemplate.spec.infrastructureRef.name',
      ]);
      const cluster = await get(CAPI, 'Cluster', 'u1');
      expect(cluster.metadata.annotations[UPGRADE_ANNOTATION]).toBe('v1.35.0');
      expect(cluster.metadata.annotations[UPGRADE_FAILED_ANNOTATION]).toBeUndefined();
      const kcp = await get(KCP, 'KubeadmControlPlane', 'u1-control-plane');
      expect(kcp.spec.version).toBe('v1.35.0');
      expect((await get(INFRA, 'OpenStackMachineTemplate', kcp.spec.machineTemplate.spec.infrastructureRef.name)).spec.template.spec.image).toEqual({
        filter: { name: 'ubuntu-2404-kube-v1.35.0' },
      });
    } finally {
      if (!undenied) await undeny();
    }
  });

  it('a refused second pool: the first stays on its new template, no template is orphaned or missing, the upgrade shows failed', async () => {
    const templatesBefore = await templateNames();
    const undeny = await deny(
      'freeze-md1',
      { apiGroup: 'cluster.x-k8s.io', resource: 'machinedeployments' },
      `object.metadata.name != 'w1-md-1' || object.spec.template.spec.version == oldObject.spec.template.spec.version`,
      'pool w1-md-1 is frozen',
      { path: mdPath('w1-md-1'), patch: { spec: { template: { spec: { version: 'v1.35.0' } } } } },
    );
    try {
      // The control plane is done: the reconciler moves the pools.
      await mc.client.request('PATCH', `/apis/${CAPI}/namespaces/${ns}/clusters/w1`, { metadata: { annotations: { [UPGRADE_ANNOTATION]: 'v1.35.0' } } }, MERGE);
      await cacheCaughtUp('w1');
      expect(await actions.reconcileUpgrades()).toBe(0);
      const [md0, md1] = await Promise.all([get(CAPI, 'MachineDeployment', 'w1-md-0'), get(CAPI, 'MachineDeployment', 'w1-md-1')]);
      expect(md0.spec.template.spec.version).toBe('v1.35.0');
      expect(md0.spec.template.spec.infrastructureRef.name).toMatch(/^w1-md-0-[0-9a-f]{8}$/);
      expect([md1.spec.template.spec.version, md1.spec.template.spec.infrastructureRef.name]).toEqual(['v1.34.2', 'w1-md-1']);
      // Exactly one new template, the one md-0 uses; the one made for md-1 was removed.
      expect(await templateNames()).toEqual([...templatesBefore, md0.spec.template.spec.infrastructureRef.name].sort());
      const used = (await get(INFRA, 'OpenStackMachineTemplate', md0.spec.template.spec.infrastructureRef.name)).spec.template.spec;
      expect(used.image).toEqual({ filter: { name: 'ubuntu-2404-kube-v1.35.0' } });

      const cluster = await get(CAPI, 'Cluster', 'w1');
      expect(cluster.metadata.annotations[UPGRADE_FAILED_ANNOTATION]).toMatch(/^worker pools: MachineDeployment w1-md-1 was refused .*pool w1-md-1 is frozen/);
      await cacheCaughtUp('w1');
      expect(await actions.upgrades(ref('w1'))).toMatchObject({
        current: 'v1.35.0',
        targets: [{ version: 'v1.35.0' }],
        inProgress: { phase: 'workers', pendingPools: ['w1-md-1'], failed: expect.stringMatching(/frozen/) },
      });
      expect(await actions.reconcileUpgrades()).toBe(0);
      expect((await get(CAPI, 'MachineDeployment', 'w1-md-1')).metadata.resourceVersion).toBe(md1.metadata.resourceVersion);
    } finally {
      await undeny();
    }
  });

  it('the cleanup keeps a template this request created when another request repointed a pool to it meanwhile', async () => {
    const templatesBefore = await templateNames();
    const undeny = await deny(
      'freeze-s1-md0',
      { apiGroup: 'cluster.x-k8s.io', resource: 'machinedeployments' },
      `object.metadata.name != 's1-md-0' || object.spec.template.spec.infrastructureRef.name == oldObject.spec.template.spec.infrastructureRef.name`,
      'pool s1-md-0 is frozen',
      { path: mdPath('s1-md-0'), patch: { spec: { template: { spec: { infrastructureRef: { name: 'x' } } } } } },
    );
    // Another request (as from another replica) moves s1-md-1, which shares
    // s1-md-0's template, to the same flavor between this request's create
    // and its refused patch: it lands on the template this request created.
    let other: Promise<unknown> | undefined;
    const restore = interpose(async (method, path) => {
      if (method === 'PATCH' && path.startsWith(mdPath('s1-md-0')) && !other) {
        other = actions.run(ref('s1'), 'set-pool-flavor', (o, c) => planSetPoolFlavor(o, 's1-md-1', 'm1.xlarge', c), { dryRun: false });
        await other;
      }
    });
    try {
      await expect(
        actions.run(ref('s1'), 'set-pool-flavor', (o, c) => planSetPoolFlavor(o, 's1-md-0', 'm1.xlarge', c), { dryRun: false }),
      ).rejects.toMatchObject({ statusCode: 422, message: expect.stringMatching(/pool s1-md-0 is frozen/) });
      await expect(other).resolves.toMatchObject({ changed: true });
      const [md0, md1] = await Promise.all([get(CAPI, 'MachineDeployment', 's1-md-0'), get(CAPI, 'MachineDeployment', 's1-md-1')]);
      expect(md0.spec.template.spec.infrastructureRef.name).toBe('s1-md-0');
      const shared = md1.spec.template.spec.infrastructureRef.name;
      expect(shared).toMatch(/^s1-md-0-[0-9a-f]{8}$/);
      expect((await get(INFRA, 'OpenStackMachineTemplate', shared))?.spec.template.spec.flavor).toBe('m1.xlarge');
      expect(await templateNames()).toEqual([...templatesBefore, shared].sort());
    } finally {
      restore();
    }
    try {
      // Without the other request, what the refused request created is removed.
      await expect(
        actions.run(ref('s1'), 'set-pool-flavor', (o, c) => planSetPoolFlavor(o, 's1-md-0', 'm1.large', c), { dryRun: false }),
      ).rejects.toMatchObject({ statusCode: 422 });
      expect((await templateNames()).filter(n => !templatesBefore.includes(n))).toHaveLength(1);
    } finally {
      await undeny();
    }
  });

  it('keeps the annotation when the control plane write lost to another replica that carried the step out', async () => {
    // Between this request's annotation and its control plane write, a
    // reconciler (as of another replica) sees the annotation and moves the
    // control plane first: this request's write is a conflict (planned
    // again, it finds nothing left to do), and the upgrade is under way and
    // must stay visible and driven.
    let reconciled: number | undefined;
    const restore = interpose(async (method, path) => {
      if (method === 'PATCH' && path.startsWith(kcpPath('r1-control-plane')) && reconciled === undefined) {
        reconciled = 0;
        await cacheCaughtUp('r1');
        reconciled = await actions.reconcileUpgrades();
      }
    });
    try {
      // The conflict is planned again: the control plane is at the target already, nothing is left to write.
      await expect(actions.run(ref('r1'), 'upgrade', (o, c) => planUpgrade(o, 'v1.35.0', c), { dryRun: false })).resolves.toMatchObject({
        changed: false,
        message: 'Cluster r1 is already at v1.35.0.',
      });
    } finally {
      restore();
    }
    expect(reconciled).toBe(1);
    const kcp = await get(KCP, 'KubeadmControlPlane', 'r1-control-plane');
    expect(kcp.spec.version).toBe('v1.35.0');
    // The step's template exists and carries the target's image (the other replica's write stands).
    expect((await get(INFRA, 'OpenStackMachineTemplate', kcp.spec.machineTemplate.spec.infrastructureRef.name)).spec.template.spec.image).toEqual({
      filter: { name: 'ubuntu-2404-kube-v1.35.0' },
    });
    expect((await get(CAPI, 'Cluster', 'r1')).metadata.annotations[UPGRADE_ANNOTATION]).toBe('v1.35.0');
  });

  /** Another writer's merge patch of s1's KCP (its status, or its spec), just before this request's own KCP write. */
  function beforeKcpWrite(patch: { status?: object; spec?: object }) {
    let writes = 0;
    const restore = interpose(async (method, path) => {
      if (method === 'PATCH' && path.startsWith(kcpPath('s1-control-plane')) && writes === 0) {
        writes++;
        const sub = patch.status ? '/status' : '';
        await mc.client.request('PATCH', `${kcpPath('s1-control-plane')}${sub}`, patch, MERGE);
      }
    });
    return { restore, writes: () => writes };
  }

  it('a controller\'s status write between the read and the write: planned again; the caller\'s resourceVersion holds while the spec has not moved', async () => {
    const before = await get(KCP, 'KubeadmControlPlane', 's1-control-plane');
    const other = beforeKcpWrite({ status: { version: 'v1.34.2' } });
    try {
      const result = await actions.run(ref('s1'), 'scale-control-plane', o => planScaleControlPlane(o, 3), {
        dryRun: false,
        resourceVersion: before.metadata.resourceVersion,
      });
      expect(result.changed).toBe(true);
    } finally {
      other.restore();
    }
    expect(other.writes()).toBe(1);
    const after = await get(KCP, 'KubeadmControlPlane', 's1-control-plane');
    expect([after.spec.replicas, after.status.version, after.metadata.generation]).toEqual([3, 'v1.34.2', before.metadata.generation + 1]);
  });

  it('another writer\'s spec change between the read and the write: 409 for a caller who named a resourceVersion', async () => {
    const before = await get(KCP, 'KubeadmControlPlane', 's1-control-plane');
    const other = beforeKcpWrite({ spec: { replicas: 5 } });
    try {
      await expect(
        actions.run(ref('s1'), 'scale-control-plane', o => planScaleControlPlane(o, 1), {
          dryRun: false,
          resourceVersion: before.metadata.resourceVersion,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError', message: expect.stringMatching(/^KubeadmControlPlane s1-control-plane was changed since you loaded it/) });
    } finally {
      other.restore();
    }
    expect((await get(KCP, 'KubeadmControlPlane', 's1-control-plane')).spec.replicas).toBe(5);
  });
});

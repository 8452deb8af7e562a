/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// capi-openstack:cluster:wait, :scale and :upgrade against the real backend
// and API server, with the simulated controllers converging the cluster.

import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Simulator, startSimulator } from '@internal/capi-simulator';
import { Clock, demoClusterClassObjects } from '@internal/management-cluster';
import { setupManagementCluster } from '@internal/management-cluster/testing';
import yaml from 'yaml';
import { CapiBackendHandle, MC, startCapiBackend, waitFor } from '../__testUtils__/capiBackend';
import { createCapiOpenstackCreateClusterAction } from './createCluster';
import { createCapiOpenstackScaleClusterAction } from './scaleCluster';
import { examples as scaleExamples } from './scaleCluster.examples';
import { createCapiOpenstackUpgradeClusterAction } from './upgradeCluster';
import { examples as upgradeExamples } from './upgradeCluster.examples';
import { createCapiOpenstackWaitForClusterAction } from './waitForCluster';
import { examples as waitExamples } from './waitForCluster.examples';

const CAPI = 'cluster.x-k8s.io/v1beta2';

describe('day-2 actions (real backend, API server and simulated controllers)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  let backend: CapiBackendHandle;
  let simulator: Simulator;
  const clusterRef = () => `${MC}/${ns}/app`;

  const outputs = (ctx: any): Record<string, any> => Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  const logged = (ctx: any) => (ctx.logger.info as jest.Mock).mock.calls.map(c => String(c[0]));
  const withLogSpy = (ctx: any) => {
    ctx.logger = { ...ctx.logger, info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };
    return ctx;
  };
  const waitAction = () => createCapiOpenstackWaitForClusterAction({ capiOpenstack: backend.client });
  const cluster = async () => (await mc.client.get(CAPI, 'Cluster', ns, 'app')) as any;

  beforeAll(async () => {
    ns = await mc.createNamespace('scaffold-day2');
    await mc.apply(demoClusterClassObjects(ns, new Clock(new Date())));
    await mc.client.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'app-cloud-config', namespace: ns, labels: { 'capi-openstack.dev/identity': 'true' } },
      stringData: { 'clouds.yaml': 'clouds: {}\n' },
    });
    simulator = await startSimulator({ kubeconfig: mc.kubeconfig('admin'), timeScale: 300, namespaces: [ns], log: () => {} });
    backend = await startCapiBackend(mc, [ns]);
    const credentials = await createMockActionContext().getInitiatorCredentials();
    await waitFor('the ClusterClass in the cache', async () =>
      (await backend.client.getCreateOptions({ credentials })).clusterClasses.length ? true : undefined,
    );
    const create = createCapiOpenstackCreateClusterAction({ capiOpenstack: backend.client });
    await create.handler(
      createMockActionContext({
        input: {
          managementCluster: MC,
          namespace: ns,
          name: 'app',
          kubernetesVersion: 'v1.33.5',
          mode: 'clusterClass',
          clusterClass: 'capi-openstack-demo',
          controlPlaneReplicas: 1,
          workerPools: [{ name: 'md-0', replicas: 1 }],
          image: 'ubuntu-2404-kube',
          identitySecretName: 'app-cloud-config',
          owner: 'group:default/team-a',
        },
      }) as any,
    );
  }, 180_000);

  afterAll(async () => {
    await backend?.stop();
    await simulator?.stop();
  });

  it('wait: runs its example until Healthy, logging machines ready/desired', async () => {
    const input = { ...yaml.parse(waitExamples[0].example).steps[0].input, cluster: clusterRef(), intervalSeconds: 0.2 };
    const ctx = withLogSpy(createMockActionContext({ input }));
    await waitAction().handler(ctx);
    expect(outputs(ctx)).toEqual({ clusterRef: clusterRef(), verdict: 'Healthy' });
    const lines = logged(ctx);
    expect(lines[lines.length - 1]).toMatch(/^Healthy: control plane 1\/1 ready, workers 1\/1 ready/);
    expect(lines.some(l => /^(Progressing|Unknown)/.test(l) || /not visible yet/.test(l))).toBe(true);
  }, 60_000);

  it('wait: fails with the reasons once the cluster is Failed, and on timeout', async () => {
    // Nova refuses the workers of this one (simulated quota error): Failed, never Healthy.
    await mc.client.create({
      apiVersion: CAPI,
      kind: 'Cluster',
      metadata: { name: 'quota', namespace: ns, annotations: { 'capi-openstack.dev/simulate-quota-exceeded': 'md-0' } },
      spec: {
        topology: {
          classRef: { name: 'capi-openstack-demo' },
          version: 'v1.34.2',
          controlPlane: { replicas: 1 },
          workers: { machineDeployments: [{ class: 'default-worker', name: 'md-0', replicas: 1 }] },
          variables: [
            { name: 'identityRef', value: { name: 'app-cloud-config', cloudName: 'openstack' } },
            { name: 'imageName', value: 'ubuntu-2404-kube' },
          ],
        },
      },
    });
    const stuck = withLogSpy(createMockActionContext({ input: { cluster: `${MC}/${ns}/quota`, timeoutMinutes: 1, intervalSeconds: 0.2 } }));
    // A quota refusal does not heal by itself: the cluster is Failed at once and the wait stops with the reason.
    await expect(waitAction().handler(stuck)).rejects.toThrow(new RegExp(`Cluster ${MC}/${ns}/quota failed: .*Quota exceeded`, 's'));

    const ctx = withLogSpy(
      createMockActionContext({ input: { cluster: `${MC}/${ns}/no-such-cluster`, timeoutMinutes: 0.01, intervalSeconds: 0.1 } }),
    );
    await expect(waitAction().handler(ctx)).rejects.toThrow(/Timed out waiting for .*no-such-cluster: the cluster does not exist/);
   }, 90_000);

  it('wait: dry run does not wait', async () => {
    const ctx = { ...createMockActionContext({ input: { cluster: `${MC}/${ns}/not-yet` } }), isDryRun: true };
    await waitAction().handler(ctx as any);
    expect(outputs(ctx as any).verdict).toBe('Unknown');
  }, 60_000);

  it('scale: runs its pool example through the lifecycle endpoint; a retry changes nothing; dry run writes nothing', async () => {
    const action = createCapiOpenstackScaleClusterAction({ capiOpenstack: backend.client });
    const input = { ...yaml.parse(scaleExamples[0].example).steps[0].input, cluster: clusterRef() };
    const dry = { ...createMockActionContext({ input }), isDryRun: true };
    await action.handler(dry as any);
    expect((await cluster()).spec.topology.workers.machineDeployments[0].replicas).toBe(1);

    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    expect(outputs(ctx).changed).toBe(true);
    expect((await cluster()).spec.topology.workers.machineDeployments[0].replicas).toBe(4);

    const again = createMockActionContext({ input });
    await action.handler(again);
    expect(outputs(again).changed).toBe(false);
  }, 60_000);

  it('scale: runs its control plane example', async () => {
    const action = createCapiOpenstackScaleClusterAction({ capiOpenstack: backend.client });
    const input = { ...yaml.parse(scaleExamples[1].example).steps[0].input, namespace: ns, name: 'app' };
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    expect(outputs(ctx).changed).toBe(true);
    expect((await cluster()).spec.topology.controlPlane.replicas).toBe(3);
  }, 60_000);

  it('scale: refuses an even control plane, naming the field', async () => {
    const action = createCapiOpenstackScaleClusterAction({ capiOpenstack: backend.client });
    const ctx = createMockActionContext({ input: { cluster: clusterRef(), replicas: 2 } }) as any;
    await expect(action.handler(ctx)).rejects.toThrow(/replicas/);
    expect((await cluster()).spec.topology.controlPlane.replicas).toBe(3);
  }, 60_000);

  it('upgrade: moves to an allowed version and refuses one that is not a target', async () => {
    const action = createCapiOpenstackUpgradeClusterAction({ capiOpenstack: backend.client });
    const bad = createMockActionContext({ input: { cluster: clusterRef(), version: 'v1.40.0' } });
    await expect(action.handler(bad)).rejects.toThrow(/version: v1\.40\.0 is not an upgrade target/);
    const ctx = createMockActionContext({ input: { ...yaml.parse(upgradeExamples[0].example).steps[0].input, cluster: clusterRef() } });
    await action.handler(ctx);
    expect(outputs(ctx)).toMatchObject({ changed: true });
    expect((await cluster()).spec.topology.version).toBe('v1.34.2');
  }, 60_000);
});

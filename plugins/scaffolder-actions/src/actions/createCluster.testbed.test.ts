/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Clock, demoClusterClassObjects } from '@internal/management-cluster';
import { setupManagementCluster } from '@internal/management-cluster/testing';
import { setupOpenStackTestbed, TestbedHandle } from '@internal/openstack-testbed';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { CapiBackendHandle, MC, startCapiBackend, testbedAllowedAuthUrls, waitFor } from '../__testUtils__/capiBackend';
import { createCapiOpenstackCreateClusterAction } from './createCluster';
import { examples } from './createCluster.examples';

const CAPI = 'cluster.x-k8s.io/v1beta2';
const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta1';

describe('capi-openstack:cluster:create (real API server and backend)', () => {
  const mc = setupManagementCluster('capi-v1.14');
  let ns: string;
  let backend: CapiBackendHandle;
  let action: ReturnType<typeof createCapiOpenstackCreateClusterAction>;
  let testbed: TestbedHandle;

  const exampleInput = (i: number) => ({
    ...yaml.parse(examples[i].example).steps[0].input,
    managementCluster: MC,
    namespace: ns,
  });
  const secret = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: ns, labels: { 'capi-openstack.dev/identity': 'true' } },
    stringData: { 'clouds.yaml': 'clouds: {openstack: {auth: {auth_url: "http://127.0.0.1:5000/v3"}}}\n' },
  });
  const run = async (input: any, extra: { isDryRun?: boolean } = {}) => {
    const ctx: any = { ...createMockActionContext({ input }), ...extra };
    jest.spyOn(ctx.logger, 'info');
    jest.spyOn(ctx.logger, 'warn');
    await action.handler(ctx as any);
    return ctx;
  };
  const outputs = (ctx: any): Record<string, any> => Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  const clusterObj = (name: string) => mc.client.get(CAPI, 'Cluster', ns, name);

  beforeAll(async () => {
    ns = await mc.createNamespace('scaffold-create');
    await mc.apply(demoClusterClassObjects(ns, new Clock(new Date())));
    for (const name of ['payments-cloud-config', 'data-lake-cloud-config']) await mc.client.create(secret(name));
    // A real cloud (the OpenStack testbed) behind one identity, for the preflight.
    testbed = await setupOpenStackTestbed();
    await mc.client.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'testbed-cloud-config', namespace: ns, labels: { 'capi-openstack.dev/identity': 'true' } },
      stringData: { 'clouds.yaml': testbed.info.cloudsYaml },
    });
    backend = await startCapiBackend(mc, [ns], { allowedAuthUrls: testbedAllowedAuthUrls(testbed.info) });
    action = createCapiOpenstackCreateClusterAction({ capiOpenstack: backend.client, appBaseUrl: 'http://localhost:3000' });
    // The class must be in the backend's cache before classy clusters validate.
    await waitFor('the ClusterClass in the cache', async () => {
      const options = await backend.client.getCreateOptions({ credentials: (await createMockActionContext().getInitiatorCredentials()) });
      return options.clusterClasses.some(c => c.namespace === ns) ? true : undefined;
    });
  }, 20 * 60_000);

  afterAll(async () => {
    await backend?.stop();
    await testbed?.stop();
  });

  it('applies its ClusterClass example: a topology Cluster with owner, marker and outputs', async () => {
    const ctx = await run(exampleInput(0));
    const out = outputs(ctx);
    expect(out).toMatchObject({
      clusterRef: `${MC}/${ns}/payments-staging`,
      entityRef: `resource:default/${MC}.${ns}.payments-staging`,
      pageUrl: `http://localhost:3000/capi-openstack/clusters/${MC}/${ns}/payments-staging`,
      manifestPath: `clusters/${MC}/${ns}/payments-staging`,
      changed: true,
    });
    const cluster: any = await clusterObj('payments-staging');
    expect(cluster.metadata.annotations).toMatchObject({
      'capi-openstack.dev/owner': 'group:default/team-payments',
      'capi-openstack.dev/created-by': 'backstage-capi-openstack',
    });
    expect(cluster.metadata.labels).toMatchObject({ 'capi-openstack.dev/owner': 'team-payments', environment: 'staging' });
    expect(cluster.spec.topology).toMatchObject({
      classRef: { name: 'capi-openstack-demo' },
      version: 'v1.34.2',
      controlPlane: { replicas: 3 },
    });
    expect(cluster.spec.topology.workers.machineDeployments).toEqual([
      { class: 'default-worker', name: 'md-0', replicas: 2, variables: { overrides: [{ name: 'workerFlavor', value: 'm1.medium' }] } },
      {
        class: 'default-worker',
        name: 'batch',
        replicas: 1,
        metadata: {
          annotations: {
            'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
            'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
          },
        },
        variables: { overrides: [{ name: 'workerFlavor', value: 'm1.xlarge' }] },
      },
    ]);
    expect(Object.fromEntries(cluster.spec.topology.variables.map((v: any) => [v.name, v.value]))).toEqual({
      certificatesExpiryDays: 30,
      controlPlaneFlavor: 'm1.large',
      identityRef: { name: 'payments-cloud-config', cloudName: 'openstack' },
      imageName: 'ubuntu-2404-kube',
    });
    expect(backend.audits.filter(a => a.meta?.name === 'payments-staging')).toEqual([
      {
        eventId: 'cluster-create',
        severityLevel: 'medium',
        meta: expect.objectContaining({ managementCluster: MC, namespace: ns, mode: 'clusterClass', dryRun: false }),
        outcome: 'success',
      },
    ]);
    // The manifests are also in the workspace.
    const written = fs.readdirSync(path.join(ctx.workspacePath, out.manifestPath)).sort();
    expect(written).toEqual(['cluster-payments-staging.yaml', 'kustomization.yaml']);
    // The identity Secret is only checked for existence: its content goes nowhere.
    const everything = JSON.stringify(ctx.output.mock.calls) + written.map((f: string) => fs.readFileSync(path.join(ctx.workspacePath, out.manifestPath, f), 'utf8')).join('');
    expect(everything).not.toContain('auth_url');
  });

  it('changes nothing when retried (same resourceVersion, changed false)', async () => {
    const before: any = await clusterObj('payments-staging');
    const ctx = await run(exampleInput(0));
    expect(outputs(ctx).changed).toBe(false);
    expect(outputs(ctx).message).toMatch(/already exists as requested/);
    const after: any = await clusterObj('payments-staging');
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    const all = await mc.client.list(CAPI, 'Cluster', ns);
    expect(all.filter(c => c.metadata.name === 'payments-staging')).toHaveLength(1);
  });

  it('dry run: the API server validates, nothing is created, the manifests are output', async () => {
    const ctx = await run({ ...exampleInput(0), name: 'dry-only' }, { isDryRun: true });
    const out = outputs(ctx);
    expect(out.changed).toBe(false);
    expect(out.message).toMatch(/^Dry run/);
    expect(await clusterObj('dry-only')).toBeUndefined();
    const file = yaml.parse(fs.readFileSync(path.join(ctx.workspacePath, out.manifestPath, 'cluster-dry-only.yaml'), 'utf8'));
    expect(file.spec.topology.classRef.name).toBe('capi-openstack-demo');
    expect(file.metadata.managedFields).toBeUndefined();
  });

  it('dry run shows the preflight against the cloud of the identity, and logs each check', async () => {
    const flavor = testbed.info.resources.flavors[0].name;
    const input = {
      ...exampleInput(1),
      name: 'dry-cloud',
      output: 'apply',
      identitySecretName: 'testbed-cloud-config',
      cloudName: 'testbed',
      controlPlaneFlavor: flavor,
      workerPools: [{ name: 'md-0', replicas: 2, flavor }],
      externalNetwork: testbed.info.resources.externalNetwork.name,
      sshKeyName: testbed.info.resources.keyPair.name,
    };
    const ok = outputs(await run(input, { isDryRun: true }));
    const byId = Object.fromEntries(ok.preflight.checks.map((c: any) => [c.id, c]));
    expect(byId.keyPair).toEqual({ id: 'keyPair', status: 'pass', message: `Key pair ${input.sshKeyName} exists.` });
    expect(byId[`flavor:${flavor}`].status).toBe('pass');
    expect(byId['quota:compute:cores'].message).toMatch(/^Nova cores: needs \d+ more, \d+ of \d+ are left\.$/);

    const ctx = await run({ ...input, sshKeyName: 'nobodys-key' }, { isDryRun: true });
    const bad = outputs(ctx);
    expect(bad.preflight.status).toBe('fail');
    expect(bad.preflight.summary).toMatch(/^Preflight failed: .*Key pair nobodys-key does not exist/);
    const warnings = (ctx.logger.warn as jest.Mock).mock.calls.map(c => String(c[0]));
    expect(warnings.some(w => w.startsWith('  [fail] Key pair nobodys-key does not exist'))).toBe(true);
    // The secret of the application credential is never logged or output.
    const secretValue = testbed.info.demo.applicationCredential.secret;
    const logged = JSON.stringify([(ctx.logger.info as jest.Mock).mock.calls, warnings, bad]);
    expect(logged).not.toContain(secretValue);
    expect(await clusterObj('dry-cloud')).toBeUndefined();
    // Two lookups against the testbed, slow while every suite runs on 2 cores.
  }, 120_000);

  it('creates a plain cluster (manifests mode) whose every object passes the CRD validation', async () => {
    const input = { ...exampleInput(1), name: 'plain-one', output: 'apply', identitySecretName: 'data-lake-cloud-config' };
    input.workerPools = [
      { name: 'md-0', replicas: 2, flavor: 'm1.medium' },
      { name: 'gpu', min: 0, max: 3, flavor: 'm1.xlarge', availabilityZone: 'az-2' },
    ];
    input.availabilityZones = ['az-1', 'az-2'];
    const ctx = await run(input);
    expect(outputs(ctx).changed).toBe(true);
    const cp: any = await mc.client.get('controlplane.cluster.x-k8s.io/v1beta2', 'KubeadmControlPlane', ns, 'plain-one-control-plane');
    expect(cp.spec).toMatchObject({ replicas: 1, version: 'v1.34.2' });
    const gpu: any = await mc.client.get(CAPI, 'MachineDeployment', ns, 'plain-one-gpu');
    expect(gpu.spec.replicas).toBe(0);
    expect(gpu.spec.template.spec.failureDomain).toBe('az-2');
    expect(gpu.metadata.annotations['cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size']).toBe('3');
    const osc: any = await mc.client.get(INFRA, 'OpenStackCluster', ns, 'plain-one');
    expect(osc.spec.externalNetwork).toEqual({ filter: { name: 'public' } });
    expect(osc.spec.controlPlaneAvailabilityZones).toEqual(['az-1', 'az-2']);
    expect(osc.spec.identityRef).toEqual({ type: 'Secret', name: 'data-lake-cloud-config', cloudName: 'openstack' });
    const osmt: any = await mc.client.get(INFRA, 'OpenStackMachineTemplate', ns, 'plain-one-md-0');
    expect(osmt.spec.template.spec).toEqual({
      flavor: 'm1.medium',
      image: { filter: { name: 'ubuntu-2404-kube-v1.34.2' } },
      sshKeyName: 'data-team',
    });
    expect(await mc.client.get('bootstrap.cluster.x-k8s.io/v1beta2', 'KubeadmConfigTemplate', ns, 'plain-one-gpu')).toBeTruthy();
  });

  it('renders its GitOps example into the workspace without creating anything', async () => {
    const ctx = await run(exampleInput(1));
    const out = outputs(ctx);
    expect(out.changed).toBe(false);
    const dir = path.join(ctx.workspacePath, out.manifestPath);
    const kustomization = yaml.parse(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
    expect(kustomization.resources).toEqual([
      'openstackcluster-data-lake.yaml',
      'openstackmachinetemplate-data-lake-control-plane.yaml',
      'kubeadmcontrolplane-data-lake-control-plane.yaml',
      'openstackmachinetemplate-data-lake-md-0.yaml',
      'kubeadmconfigtemplate-data-lake-md-0.yaml',
      'machinedeployment-data-lake-md-0.yaml',
      'cluster-data-lake.yaml',
    ]);
    expect(await clusterObj('data-lake')).toBeUndefined();
    // Complete and valid: the API server accepts every rendered file.
    for (const file of kustomization.resources) {
      const obj = yaml.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      await expect(mc.client.create(obj, { dryRun: true })).resolves.toMatchObject({ kind: obj.kind });
    }
  });

  describe('validation before any write, naming the field', () => {
    const cases: Array<[string, (i: any) => void, RegExp]> = [
      ['a name that is not DNS-1123', i => (i.name = 'Payments_Prod'), /name "Payments_Prod" must consist of lower case/],
      ['an even number of control plane machines', i => (i.controlPlaneReplicas = 2), /controlPlane\.replicas: must be odd/],
      [
        'replicas outside the autoscaler bounds',
        i => (i.workerPools = [{ name: 'md-0', min: 2, max: 4, replicas: 5, flavor: 'm1.medium' }]),
        /workerPools\[0\]\.replicas: must be within the autoscaler bounds/,
      ],
      ['min above max', i => (i.workerPools = [{ name: 'md-0', min: 4, max: 2 }]), /workerPools\[0\]\.autoscaler\.min: must be ≤ autoscaler\.max/],
      [
        'two pools of the same name',
        i => (i.workerPools = [{ name: 'md-0', replicas: 1 }, { name: 'md-0', replicas: 2 }]),
        /workerPools\[1\]\.name: "md-0" is used by another pool/,
      ],
      ['an unknown management cluster', i => (i.managementCluster = 'nowhere'), /managementCluster: "nowhere" is not a configured management cluster/],
      ['a version the ClusterClass does not allow', i => (i.kubernetesVersion = 'v1.30.0'), /kubernetesVersion: v1\.30\.0 is not allowed by ClusterClass capi-openstack-demo/],
      ['a flavor not in capiOpenstack.flavors', i => (i.controlPlaneFlavor = 'm9.huge'), /controlPlane\.flavor: flavor "m9\.huge" is not allowed by capiOpenstack\.flavors/],
      ['an unknown ClusterClass', i => (i.clusterClass = 'no-such-class'), /clusterClass\.name: ClusterClass "no-such-class" does not exist/],
      ['a class variable of the wrong type', i => (i.variables = { certificatesExpiryDays: 3 }), /clusterClass\.variables\.certificatesExpiryDays: must be ≥ 7/],
      ['a missing identity Secret', i => (i.identitySecretName = 'missing-secret'), /identity\.secretName: Secret missing-secret cannot be used as an identity in namespace/],
      ['an owner that is no entity ref', i => (i.owner = 'Team Payments!'), /owner: "Team Payments!" is not an entity ref/],
    ];
    it.each(cases)('refuses %s', async (_what, change, message) => {
      const input = { ...exampleInput(0), name: 'invalid-one' };
      change(input);
      const ctx = createMockActionContext({ input });
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(ctx.output).not.toHaveBeenCalled();
      expect(await clusterObj('invalid-one')).toBeUndefined();
    });
  });

  it('refuses to adopt a cluster it did not create, and to change one it created (naming no owner)', async () => {
    await mc.client.create({
      apiVersion: CAPI,
      kind: 'Cluster',
      metadata: { name: 'foreign', namespace: ns },
      spec: { topology: { classRef: { name: 'capi-openstack-demo' }, version: 'v1.34.2' } },
    });
    const foreign = run({ ...exampleInput(0), name: 'foreign' });
    await expect(foreign).rejects.toThrow(/Cluster .*\/foreign already exists and was not created by Backstage/);
    const untouched: any = await clusterObj('foreign');
    expect(untouched.metadata.annotations?.['capi-openstack.dev/owner']).toBeUndefined();

    // Create only creates: another owner (or any other change) is no retry.
    const other = run({ ...exampleInput(0), owner: 'group:default/team-data' });
    await expect(other).rejects.toThrow(/\/payments-staging already exists with other settings: change it with the lifecycle actions$/);
    expect(((await clusterObj('payments-staging')) as any).metadata.annotations['capi-openstack.dev/owner']).toBe('group:default/team-payments');
  });

  it('refuses without the create permission', async () => {
    backend.setAllowWrites(false);
    try {
      await expect(run({ ...exampleInput(0), name: 'not-allowed' })).rejects.toThrow(/not allowed to create workload clusters/);
      expect(await clusterObj('not-allowed')).toBeUndefined();
      expect(backend.audits.find(a => a.meta?.name === 'not-allowed')).toMatchObject({
        eventId: 'cluster-create',
        outcome: 'fail',
        error: expect.stringMatching(/not allowed/),
      });
    } finally {
      backend.setAllowWrites(true);
    }
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CreateClusterRequest } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CreateValidationContext, normaliseOwner, validateCreateRequest } from './validateCreateRequest';

const CLASS = {
  spec: {
    kubernetesVersions: ['v1.33.5', 'v1.34.2'],
    workers: { machineDeployments: [{ class: 'default-worker' }] },
    variables: [
      { name: 'identityRef', required: true, schema: { openAPIV3Schema: { type: 'object', required: ['name', 'cloudName'], properties: { name: { type: 'string' }, cloudName: { type: 'string' } } } } },
      { name: 'imageName', required: true, schema: { openAPIV3Schema: { type: 'string', minLength: 1 } } },
      { name: 'controlPlaneFlavor', required: false, schema: { openAPIV3Schema: { type: 'string', enum: ['m1.large', 'm1.xlarge'] } } },
      { name: 'workerFlavor', required: false, schema: { openAPIV3Schema: { type: 'string', default: 'm1.medium' } } },
      { name: 'certificatesExpiryDays', required: false, schema: { openAPIV3Schema: { type: 'integer', minimum: 7 } } },
    ],
  },
};

const ctx = (over: Partial<CreateValidationContext> = {}): CreateValidationContext => ({
  managementClusters: new Map([
    ['local', { supported: true }],
    ['old', { supported: false, message: 'management cluster "old" serves Cluster API cluster.x-k8s.io/v1beta1' }],
  ]),
  clusterClass: CLASS,
  kubernetesVersions: [],
  maxPoolReplicas: 50,
  classVariables: { controlPlaneFlavor: 'controlPlaneFlavor', workerFlavor: 'workerFlavor' },
  ...over,
});

const classy = (): CreateClusterRequest => ({
  managementCluster: 'local',
  namespace: 'team-a',
  name: 'c1',
  kubernetesVersion: 'v1.34.2',
  mode: 'clusterClass',
  clusterClass: { name: 'demo', variables: { certificatesExpiryDays: 21 } },
  controlPlane: { replicas: 3, flavor: 'm1.large' },
  workerPools: [{ name: 'md-0', replicas: 2 }],
  image: 'ubuntu',
  identity: { secretName: 'c1-cloud-config', cloudName: 'openstack' },
  owner: 'group:default/team-a',
});

const plain = (): CreateClusterRequest => ({
  ...classy(),
  mode: 'manifests',
  clusterClass: undefined,
  controlPlane: { replicas: 1, flavor: 'm1.large' },
  workerPools: [{ name: 'md-0', replicas: 2, flavor: 'm1.medium' }],
});

const fields = (req: CreateClusterRequest, c = ctx()) => validateCreateRequest(req, c).map(p => p.field);

describe('validateCreateRequest', () => {
  it('accepts valid classy and plain requests', () => {
    expect(validateCreateRequest(classy(), ctx())).toEqual([]);
    expect(validateCreateRequest(plain(), ctx({ clusterClass: undefined }))).toEqual([]);
  });

  it.each<[string, (r: CreateClusterRequest) => void, string, RegExp]>([
    ['bad name', r => (r.name = 'C_1'), 'name', /name "C_1" must consist/],
    ['bad namespace', r => (r.namespace = '-x'), 'namespace', /namespace "-x"/],
    ['even control plane', r => (r.controlPlane.replicas = 4), 'controlPlane.replicas', /must be odd/],
    ['zero control plane', r => (r.controlPlane.replicas = 0), 'controlPlane.replicas', /must be odd and at least 1/],
    ['unknown management cluster', r => (r.managementCluster = 'x'), 'managementCluster', /"x" is not a configured/],
    ['v1beta1 management cluster', r => (r.managementCluster = 'old'), 'managementCluster', /serves Cluster API cluster\.x-k8s\.io\/v1beta1/],
    ['version not in the class', r => (r.kubernetesVersion = 'v1.32.0'), 'kubernetesVersion', /not allowed by ClusterClass demo \(allowed: v1\.33\.5, v1\.34\.2\)/],
    ['malformed version', r => (r.kubernetesVersion = '1.34'), 'kubernetesVersion', /must look like v1\.34\.2/],
    ['flavor outside the class enum', r => (r.controlPlane.flavor = 'm1.tiny'), 'controlPlane.flavor', /not allowed by ClusterClass variable controlPlaneFlavor/],
    ['duplicate pool', r => r.workerPools.push({ name: 'md-0', replicas: 1 }), 'workerPools[1].name', /used by another pool/],
    ['replicas above max bound', r => (r.workerPools[0] = { name: 'md-0', replicas: 9, autoscaler: { min: 1, max: 5 } }), 'workerPools[0].replicas', /min 1 ≤ replicas ≤ max 5/],
    ['min above max', r => (r.workerPools[0] = { name: 'md-0', autoscaler: { min: 6, max: 5 } }), 'workerPools[0].autoscaler.min', /≤ autoscaler\.max/],
    ['pool too big', r => (r.workerPools[0].replicas = 51), 'workerPools[0].replicas', /from 0 to 50/],
    ['no replicas and no bounds', r => delete r.workerPools[0].replicas, 'workerPools[0].replicas', /required without autoscaler bounds/],
    ['unknown worker class', r => (r.workerPools[0].class = 'gpu'), 'workerPools[0].class', /no worker class "gpu"/],
    ['unknown variable', r => (r.clusterClass!.variables = { nope: 1 }), 'clusterClass.variables.nope', /has no variable "nope"/],
    ['variable below minimum', r => (r.clusterClass!.variables = { certificatesExpiryDays: 3 }), 'clusterClass.variables.certificatesExpiryDays', /must be ≥ 7/],
    ['required variable missing', r => delete r.image, 'clusterClass.variables.imageName', /is required by ClusterClass demo/],
    ['no pools', r => (r.workerPools = []), 'workerPools', /at least one/],
    ['owner not a ref', r => (r.owner = 'a b'), 'owner', /not an entity ref/],
    ['owner label in labels', r => (r.labels = { 'capi-openstack.dev/owner': 'x' }), 'labels.capi-openstack.dev/owner', /set from owner/],
    ['bad label value', r => (r.labels = { env: 'not ok' }), 'labels.env', /not a valid label value/],
    ['bad secret name', r => (r.identity.secretName = 'Bad_Secret'), 'identity.secretName', /not a valid Secret name/],
  ])('classy: %s', (_what, change, field, message) => {
    const req = classy();
    change(req);
    const problems = validateCreateRequest(req, ctx());
    expect(problems.map(p => p.field)).toContain(field);
    expect(problems.find(p => p.field === field)!.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    const req = classy();
    req.name = 'X';
    req.controlPlane.replicas = 2;
    req.workerPools.push({ name: 'md-0', replicas: 1 });
    expect(fields(req)).toEqual(['name', 'controlPlane.replicas', 'workerPools[1].name']);
  });

  it('refuses an unknown class and class-only inputs in manifests mode', () => {
    expect(fields(classy(), ctx({ clusterClass: undefined }))).toContain('clusterClass.name');
    const req = plain();
    req.clusterClass = { name: 'demo' };
    req.workerPools[0].class = 'default-worker';
    expect(fields(req, ctx({ clusterClass: undefined }))).toEqual(['clusterClass', 'workerPools[0].class']);
  });

  it('manifests mode needs flavors and an image (or one configured for the version)', () => {
    const req = plain();
    delete req.controlPlane.flavor;
    delete req.workerPools[0].flavor;
    delete req.image;
    expect(fields(req, ctx({ clusterClass: undefined }))).toEqual(['controlPlane.flavor', 'workerPools[0].flavor', 'image']);
    const configured = ctx({ clusterClass: undefined, kubernetesVersions: [{ version: 'v1.34.2', image: 'img-1.34' }] });
    req.controlPlane.flavor = 'm1.large';
    req.workerPools[0].flavor = 'm1.large';
    expect(fields(req, configured)).toEqual([]);
  });

  it('applies the configured flavors and versions', () => {
    const c = ctx({ clusterClass: undefined, flavors: ['m1.large'], kubernetesVersions: [{ version: 'v1.33.5', image: 'x' }] });
    const problems = validateCreateRequest(plain(), c);
    expect(problems.map(p => p.field)).toEqual(['kubernetesVersion', 'workerPools[0].flavor']);
    expect(problems[1].message).toMatch(/not allowed by capiOpenstack\.flavors \(allowed: m1\.large\)/);
  });

  it('needs the class variables the common inputs feed', () => {
    const cls = structuredClone(CLASS);
    cls.spec.variables = cls.spec.variables.filter(v => v.name !== 'imageName' && v.name !== 'identityRef');
    expect(fields(classy(), ctx({ clusterClass: cls }))).toEqual(['identity.secretName', 'image']);
  });
});

describe('normaliseOwner', () => {
  it('turns names and refs into full entity refs', () => {
    expect(normaliseOwner('team-a')).toBe('group:default/team-a');
    expect(normaliseOwner('group:default/team-a')).toBe('group:default/team-a');
    expect(normaliseOwner('User:ops/jane')).toBe('user:ops/jane');
    expect(normaliseOwner('a b')).toBeUndefined();
    expect(normaliseOwner('')).toBeUndefined();
  });
});

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { CreateClusterRequest } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { collectionPath, renderManifests } from './renderManifests';

const classVariables = { controlPlaneFlavor: 'controlPlaneFlavor', workerFlavor: 'workerFlavor' };
const CLASS = {
  spec: {
    workers: { machineDeployments: [{ class: 'default-worker' }, { class: 'gpu' }] },
    variables: ['identityRef', 'imageName', 'controlPlaneFlavor', 'workerFlavor'].map(name => ({
      name,
      required: false,
      schema: { openAPIV3Schema: {} },
    })),
  },
};

const base: CreateClusterRequest = {
  managementCluster: 'local',
  namespace: 'team-a',
  name: 'c1',
  kubernetesVersion: 'v1.34.2',
  mode: 'manifests',
  controlPlane: { replicas: 3, flavor: 'm1.large' },
  workerPools: [
    { name: 'md-0', replicas: 2, flavor: 'm1.medium' },
    { name: 'burst', autoscaler: { min: 1, max: 4 }, flavor: 'm1.xlarge', availabilityZone: 'az-3' },
  ],
  image: 'ubuntu-2404-kube-v1.34.2',
  externalNetwork: '5bb6a6a2-8f3c-4a5e-9a26-0d6e1d0e1f11',
  identity: { secretName: 'c1-cloud-config', cloudName: 'openstack' },
  availabilityZones: ['az-1', 'az-2'],
  owner: 'group:default/team-a',
  labels: { env: 'dev' },
};

describe('renderManifests', () => {
  it('renders CAPO cluster-template objects per pool, the Cluster last, all marked', () => {
    const objs = renderManifests({ request: base, classVariables });
    expect(objs.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'OpenStackCluster/c1',
      'OpenStackMachineTemplate/c1-control-plane',
      'KubeadmControlPlane/c1-control-plane',
      'OpenStackMachineTemplate/c1-md-0',
      'KubeadmConfigTemplate/c1-md-0',
      'MachineDeployment/c1-md-0',
      'OpenStackMachineTemplate/c1-burst',
      'KubeadmConfigTemplate/c1-burst',
      'MachineDeployment/c1-burst',
      'Cluster/c1',
    ]);
    for (const o of objs) {
      expect(o.metadata.namespace).toBe('team-a');
      expect(o.metadata.annotations?.['capi-openstack.dev/created-by']).toBe('backstage-capi-openstack');
    }
    const cluster = objs[objs.length - 1];
    expect(cluster.apiVersion).toBe('cluster.x-k8s.io/v1beta2');
    expect(cluster.metadata.labels).toEqual({ env: 'dev', 'capi-openstack.dev/owner': 'team-a' });
    expect(cluster.metadata.annotations!['capi-openstack.dev/owner']).toBe('group:default/team-a');
    expect(cluster.spec.controlPlaneRef).toEqual({ apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane', name: 'c1-control-plane' });
    const osc = objs[0];
    expect(osc.apiVersion).toBe('infrastructure.cluster.x-k8s.io/v1beta1');
    expect(osc.spec.externalNetwork).toEqual({ id: '5bb6a6a2-8f3c-4a5e-9a26-0d6e1d0e1f11' });
    expect(osc.spec.controlPlaneAvailabilityZones).toEqual(['az-1', 'az-2']);
    const md0 = objs[5];
    expect(md0.spec.replicas).toBe(2);
    expect(md0.spec.template.spec.failureDomain).toBe('az-1');
    expect(md0.spec.selector.matchLabels).toEqual({
      'cluster.x-k8s.io/cluster-name': 'c1',
      'cluster.x-k8s.io/deployment-name': 'c1-md-0',
    });
    const burst = objs[8];
    expect(burst.spec.replicas).toBe(1);
    expect(burst.spec.template.spec.failureDomain).toBe('az-3');
    expect(burst.metadata.annotations).toMatchObject({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '4',
    });
    expect(objs[6].spec.template.spec).toEqual({ flavor: 'm1.xlarge', image: { filter: { name: 'ubuntu-2404-kube-v1.34.2' } } });
  });

  it('renders one topology Cluster for class mode, common inputs on the class variables', () => {
    const req: CreateClusterRequest = {
      ...base,
      mode: 'clusterClass',
      clusterClass: { name: 'demo', variables: { imageName: 'custom' } },
      workerPools: [{ name: 'md-0', replicas: 2 }, { name: 'gpu', class: 'gpu', replicas: 1, flavor: 'g1.large' }],
      owner: 'user:ops/jane',
    };
    delete req.externalNetwork;
    const [cluster, ...rest] = renderManifests({ request: req, clusterClass: CLASS, classVariables });
    expect(rest).toEqual([]);
    expect(cluster.metadata.labels).toEqual({ env: 'dev' });
    expect(cluster.metadata.annotations).toEqual({
      'capi-openstack.dev/owner': 'user:ops/jane',
      'capi-openstack.dev/created-by': 'backstage-capi-openstack',
    });
    expect(cluster.spec.topology).toEqual({
      classRef: { name: 'demo' },
      version: 'v1.34.2',
      controlPlane: { replicas: 3 },
      workers: {
        machineDeployments: [
          { class: 'default-worker', name: 'md-0', replicas: 2, failureDomain: 'az-1' },
          {
            class: 'gpu',
            name: 'gpu',
            replicas: 1,
            failureDomain: 'az-2',
            variables: { overrides: [{ name: 'workerFlavor', value: 'g1.large' }] },
          },
        ],
      },
      variables: [
        { name: 'controlPlaneFlavor', value: 'm1.large' },
        { name: 'identityRef', value: { name: 'c1-cloud-config', cloudName: 'openstack' } },
        { name: 'imageName', value: 'custom' },
      ],
    });
  });

  it('builds REST paths from the API version and kind', () => {
    expect(collectionPath({ apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'MachineDeployment', metadata: { namespace: 'a' } })).toBe(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/a/machinedeployments',
    );
  });
});

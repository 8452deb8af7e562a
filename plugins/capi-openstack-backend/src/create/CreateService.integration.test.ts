/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// A management cluster that serves only CAPI v1beta1 (CAPI v1.10, like
// Magnum-era management clusters) is refused clearly for creation.

import { mockServices } from '@backstage/backend-test-utils';
import { CreateClusterRequest } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { setupManagementCluster } from '@internal/management-cluster/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ACTIONS_CONFIG } from '../actionsConfig';
import { ClusterService } from '../clusters/ClusterService';
import { CreateService } from './CreateService';

describe('CreateService on a CAPI v1.10 (v1beta1) management cluster', () => {
  const mc = setupManagementCluster('capi-v1.10');
  let clusters: ClusterService;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-create-'));
    const file = path.join(dir, 'kubeconfig');
    fs.writeFileSync(file, mc.kubeconfig('admin'));
    const ns = await mc.createNamespace('create-v1beta1');
    clusters = new ClusterService({
      config: {
        managementClusters: [{ name: 'old', title: 'Old', source: { type: 'kubeconfig', path: file }, namespaces: [ns], skipTLSVerify: false }],
        defaultOwner: 'group:default/platform',
      },
      logger: mockServices.logger.mock(),
    });
    await clusters.start();
    const deadline = Date.now() + 30_000;
    while (!clusters.cache('old')?.hasSynced && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
  }, 120_000);

  afterAll(async () => {
    await clusters?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the management cluster as not supported and refuses a create there, naming the field', async () => {
    const service = new CreateService(clusters, DEFAULT_ACTIONS_CONFIG, [{ name: 'old', title: 'Old' }]);
    expect(service.options().managementClusters).toEqual([
      {
        name: 'old',
        title: 'Old',
        supported: false,
        message:
          'management cluster "old" serves Cluster API cluster.x-k8s.io/v1beta1; creating clusters needs cluster.x-k8s.io/v1beta2 (CAPI v1.11 or newer)',
      },
    ]);
    const request: CreateClusterRequest = {
      managementCluster: 'old',
      namespace: 'team-a',
      name: 'c1',
      kubernetesVersion: 'v1.32.1',
      mode: 'manifests',
      controlPlane: { replicas: 1, flavor: 'm1.large' },
      workerPools: [{ name: 'md-0', replicas: 1, flavor: 'm1.medium' }],
      image: 'ubuntu',
      identity: { secretName: 'c1-cloud-config', cloudName: 'openstack' },
      owner: 'group:default/team-a',
    };
    await expect(service.create({ ...request, owner: 'group:default/team-a' }, true, 'user:default/alice')).rejects.toMatchObject({
      statusCode: 422,
      message: expect.stringMatching(/^managementCluster: management cluster "old" serves Cluster API cluster\.x-k8s\.io\/v1beta1/),
    });
  });
});

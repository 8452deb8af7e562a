/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { spec } from './openapi.generated';

describe('OpenAPI spec', () => {
  it('the generated constant matches openapi.yaml (run `npm run generate:openapi` in the plugin)', () => {
    const source = yaml.load(fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(source);
  });

  it('describes every route the router serves', () => {
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/clusters',
      '/clusters/render',
      '/clusters/{managementCluster}/{namespace}/{name}',
      '/clusters/{managementCluster}/{namespace}/{name}/control-plane/certificate-rotation',
      '/clusters/{managementCluster}/{namespace}/{name}/control-plane/flavor',
      '/clusters/{managementCluster}/{namespace}/{name}/control-plane/restart',
      '/clusters/{managementCluster}/{namespace}/{name}/control-plane/rotate-certificates',
      '/clusters/{managementCluster}/{namespace}/{name}/control-plane/scale',
      '/clusters/{managementCluster}/{namespace}/{name}/events',
      '/clusters/{managementCluster}/{namespace}/{name}/kubeconfig',
      '/clusters/{managementCluster}/{namespace}/{name}/openstack',
      '/clusters/{managementCluster}/{namespace}/{name}/pause',
      '/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/autoscaler',
      '/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/flavor',
      '/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/restart',
      '/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/scale',
      '/clusters/{managementCluster}/{namespace}/{name}/resume',
      '/clusters/{managementCluster}/{namespace}/{name}/upgrade',
      '/clusters/{managementCluster}/{namespace}/{name}/upgrades',
      '/create-options',
      '/health',
      '/management-clusters',
      '/openstack/{managementCluster}/{namespace}/resources',
      '/stream',
    ]);
  });
});

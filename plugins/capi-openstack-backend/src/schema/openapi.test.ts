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
      '/clusters/{managementCluster}/{namespace}/{name}',
      '/clusters/{managementCluster}/{namespace}/{name}/events',
      '/health',
      '/management-clusters',
      '/stream',
    ]);
  });
});

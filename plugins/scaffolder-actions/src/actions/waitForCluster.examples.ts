/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Wait for the cluster created by a previous step to become Healthy',
    example: yaml.stringify({
      steps: [
        {
          id: 'wait',
          action: 'capi-openstack:cluster:wait',
          name: 'Wait until the cluster is Healthy',
          input: {
            cluster: '${{ steps.create.output.clusterRef }}',
            timeoutMinutes: 45,
            intervalSeconds: 15,
          },
        },
      ],
    }),
  },
];

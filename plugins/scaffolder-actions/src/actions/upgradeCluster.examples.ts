/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Upgrade a cluster to Kubernetes v1.34.2',
    example: yaml.stringify({
      steps: [
        {
          id: 'upgrade',
          action: 'capi-openstack:cluster:upgrade',
          name: 'Upgrade Kubernetes',
          input: { cluster: 'local/team-platform/platform-dev', version: 'v1.34.2' },
        },
      ],
    }),
  },
];

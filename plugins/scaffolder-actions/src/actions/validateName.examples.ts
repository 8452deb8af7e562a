/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Check the name of a new cluster before creating it',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'capi-openstack:cluster:validate-name',
          name: 'Validate the cluster name',
          input: { name: 'payments-prod', namespace: 'team-payments' },
        },
      ],
    }),
  },
];

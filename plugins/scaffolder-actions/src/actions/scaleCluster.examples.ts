/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Scale a worker pool to 4 machines',
    example: yaml.stringify({
      steps: [
        {
          id: 'scale',
          action: 'capi-openstack:cluster:scale',
          name: 'Scale pool md-0',
          input: { cluster: 'local/team-payments/payments-dev', pool: 'md-0', replicas: 4 },
        },
      ],
    }),
  },
  {
    description: 'Scale the control plane to 3 machines',
    example: yaml.stringify({
      steps: [
        {
          id: 'scale-cp',
          action: 'capi-openstack:cluster:scale',
          name: 'Scale the control plane',
          input: { managementCluster: 'local', namespace: 'team-payments', name: 'payments-dev', replicas: 3 },
        },
      ],
    }),
  },
];

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkDnsLabel } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { examples } from './validateName.examples';

/**
 * `capi-openstack:cluster:validate-name`: fails early in a template when the
 * cluster or namespace name cannot be used for a CAPI Cluster.
 * @public
 */
export function createCapiOpenstackValidateNameAction() {
  return createTemplateAction({
    id: 'capi-openstack:cluster:validate-name',
    description:
      'Checks that a workload cluster name and namespace are valid DNS-1123 labels',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('Name of the CAPI Cluster (DNS-1123 label)'),
        namespace: z =>
          z.string().describe('Namespace in the management cluster (DNS-1123 label)'),
      },
      output: {
        clusterRef: z => z.string().describe('`namespace/name` of the cluster'),
      },
    },
    async handler(ctx) {
      const problems = [
        checkDnsLabel('namespace', ctx.input.namespace),
        checkDnsLabel('name', ctx.input.name),
      ].filter(Boolean);
      if (problems.length) throw new InputError(problems.join('; '));
      ctx.output('clusterRef', `${ctx.input.namespace}/${ctx.input.name}`);
    },
  });
}

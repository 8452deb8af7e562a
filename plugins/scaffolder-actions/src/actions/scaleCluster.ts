/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ActionResult } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CapiOpenstackService } from '@capi-openstack/backstage-plugin-capi-openstack-node';
import { clusterRefInput, clusterRefOf, formatClusterRef } from './clusterInput';
import { retryConflicts } from './retryConflicts';
import { examples } from './scaleCluster.examples';

/**
 * `capi-openstack:cluster:scale`: scales the control plane or a worker pool,
 * or sets a pool's autoscaler bounds, through the backend's lifecycle
 * endpoints (same validation, permissions and audit as the UI).
 * @public
 */
export function createCapiOpenstackScaleClusterAction(options: { capiOpenstack: CapiOpenstackService }) {
  return createTemplateAction({
    id: 'capi-openstack:cluster:scale',
    description: 'Scales the control plane or a worker pool of a workload cluster, or sets a pool\'s autoscaler bounds',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...clusterRefInput,
        pool: z => z.string().optional().describe('Worker pool (MachineDeployment or topology name); absent: the control plane'),
        replicas: z => z.number().int().optional().describe('New size (control plane: odd)'),
        min: z => z.number().int().optional().describe('Autoscaler lower bound of the pool (with max)'),
        max: z => z.number().int().optional().describe('Autoscaler upper bound of the pool (with min)'),
        disableAutoscaler: z => z.boolean().default(false).describe('Remove the pool\'s autoscaler bounds (then replicas fixes its size)'),
      },
      output: {
        changed: z => z.boolean().describe('False when the cluster already had this size'),
        message: z => z.string().describe('What happened'),
      },
    },
    async handler(ctx) {
      const ref = clusterRefOf(ctx.input);
      const { pool, replicas, min, max, disableAutoscaler } = ctx.input;
      const bounds = min !== undefined || max !== undefined;
      if (bounds && (min === undefined || max === undefined)) throw new InputError('min and max: give both autoscaler bounds');
      if (!pool && (bounds || disableAutoscaler)) throw new InputError('pool: autoscaler bounds need a worker pool');
      if (bounds && disableAutoscaler) throw new InputError('disableAutoscaler: cannot be combined with min and max');
      if (!bounds && !disableAutoscaler && replicas === undefined) throw new InputError('replicas: required (or min and max for a pool)');
      const credentials = await ctx.getInitiatorCredentials();
      const dryRun = Boolean(ctx.isDryRun);
      const target = pool ? `pool ${pool}` : 'control plane';
      const steps: Array<{ key: string; run: () => Promise<ActionResult> }> = [];
      if (bounds || disableAutoscaler) {
        steps.push({
          key: 'autoscaler',
          run: () =>
            options.capiOpenstack.setAutoscaler(ref, pool!, { bounds: bounds ? { min: min!, max: max! } : null }, { credentials, dryRun }),
        });
      }
      if (replicas !== undefined) {
        steps.push({
          key: 'replicas',
          run: () =>
            pool
              ? options.capiOpenstack.scalePool(ref, pool, { replicas }, { credentials, dryRun })
              : options.capiOpenstack.scaleControlPlane(ref, { replicas }, { credentials, dryRun }),
        });
      }
      const results: ActionResult[] = [];
      for (const step of steps) {
        const run = () => retryConflicts(step.run, ctx.logger);
        const result = dryRun
          ? await run()
          : ((await ctx.checkpoint({
              key: `capi-openstack.scale.${formatClusterRef(ref)}.${target}.${step.key}`,
              fn: async () => (await run()) as unknown as Record<string, any>,
            })) as unknown as ActionResult);
        ctx.logger.info(result.message);
        results.push(result);
      }
      ctx.output('changed', results.some(r => r.changed));
      ctx.output('message', results.map(r => r.message).join(' '));
    },
  });
}

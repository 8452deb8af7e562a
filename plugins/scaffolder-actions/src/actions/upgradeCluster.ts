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
import { examples } from './upgradeCluster.examples';

/**
 * `capi-openstack:cluster:upgrade`: upgrades the Kubernetes version through
 * the backend's lifecycle endpoint (only the targets it offers).
 * @public
 */
export function createCapiOpenstackUpgradeClusterAction(options: { capiOpenstack: CapiOpenstackService }) {
  return createTemplateAction({
    id: 'capi-openstack:cluster:upgrade',
    description: 'Upgrades the Kubernetes version of a workload cluster to one of its allowed upgrade targets',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...clusterRefInput,
        version: z => z.string().describe('Target Kubernetes version, e.g. v1.34.2 (one of the targets of GET .../upgrades)'),
      },
      output: {
        changed: z => z.boolean().describe('False when the cluster already runs this version'),
        message: z => z.string().describe('What happened'),
        targets: z => z.array(z.string()).describe('The allowed upgrade targets at the time of the request'),
      },
    },
    async handler(ctx) {
      const ref = clusterRefOf(ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const upgrades = await options.capiOpenstack.getUpgrades(ref, { credentials });
      const targets = upgrades.targets.map(t => t.version);
      ctx.output('targets', targets);
      if (upgrades.current === ctx.input.version) {
        ctx.logger.info(`${formatClusterRef(ref)} already runs ${ctx.input.version}`);
        ctx.output('changed', false);
        ctx.output('message', `Cluster ${formatClusterRef(ref)} already runs ${ctx.input.version}.`);
        return;
      }
      if (!targets.includes(ctx.input.version)) {
        throw new InputError(
          `version: ${ctx.input.version} is not an upgrade target of ${formatClusterRef(ref)} (targets: ${targets.join(', ') || 'none'}${upgrades.message ? `; ${upgrades.message}` : ''})`,
        );
      }
      const dryRun = Boolean(ctx.isDryRun);
      const run = () =>
        retryConflicts(() => options.capiOpenstack.upgrade(ref, { version: ctx.input.version }, { credentials, dryRun }), ctx.logger);
      const result = dryRun
        ? await run()
        : ((await ctx.checkpoint({
            key: `capi-openstack.upgrade.${formatClusterRef(ref)}.${ctx.input.version}`,
            fn: async () => (await run()) as unknown as Record<string, any>,
          })) as unknown as ActionResult);
      ctx.logger.info(result.message);
      ctx.output('changed', result.changed);
      ctx.output('message', result.message);
    },
  });
}

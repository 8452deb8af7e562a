/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ClusterDetailResponse } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CapiOpenstackService } from '@capi-openstack/backstage-plugin-capi-openstack-node';
import { clusterRefInput, clusterRefOf, formatClusterRef } from './clusterInput';
import { examples } from './waitForCluster.examples';

/** `ready/desired` of a counter, `?` when not reported. */
function count(c: { ready?: number; desired?: number }) {
  return `${c.ready ?? 0}/${c.desired ?? '?'}`;
}

/** One progress line, e.g. `Progressing: control plane 1/3 ready, workers 0/2 ready (ScalingUp)`. */
export function progressLine(detail: ClusterDetailResponse): string {
  const s = detail.summary;
  const reason = detail.health.reasons[0];
  const why = reason ? ` (${reason.reason ?? reason.conditionType ?? reason.object.kind}${reason.message ? `: ${reason.message.split('\n')[0]}` : ''})` : '';
  return `${detail.health.verdict}: control plane ${count(s.controlPlane)} ready, workers ${count(s.workers)} ready${why}`;
}

function reasonsOf(detail: ClusterDetailResponse): string {
  return detail.health.reasons
    .slice(0, 5)
    .map(r => `${r.object.kind}/${r.object.name}: ${r.reason ?? r.conditionType ?? ''}${r.message ? ` ${r.message.split('\n')[0]}` : ''}`)
    .join('; ');
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>(resolve => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/**
 * `capi-openstack:cluster:wait`: waits until a cluster's verdict is Healthy.
 * @public
 */
export function createCapiOpenstackWaitForClusterAction(options: { capiOpenstack: CapiOpenstackService }) {
  return createTemplateAction({
    id: 'capi-openstack:cluster:wait',
    description:
      'Waits until a workload cluster is Healthy, logging its progress (machines ready/desired); fails with the reasons when it is Failed or the timeout passes',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...clusterRefInput,
        timeoutMinutes: z => z.number().positive().default(30).describe('Give up after this many minutes'),
        intervalSeconds: z => z.number().positive().default(10).describe('Seconds between two looks at the cluster'),
      },
      output: {
        verdict: z => z.string().describe('The last verdict (Healthy on success)'),
        clusterRef: z => z.string().describe('`<managementCluster>/<namespace>/<name>`'),
      },
    },
    async handler(ctx) {
      const ref = clusterRefOf(ctx.input);
      ctx.output('clusterRef', formatClusterRef(ref));
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would wait for ${formatClusterRef(ref)} to become Healthy`);
        ctx.output('verdict', 'Unknown');
        return;
      }
      const credentials = await ctx.getInitiatorCredentials();
      const deadline = Date.now() + (ctx.input.timeoutMinutes ?? 30) * 60_000;
      const interval = (ctx.input.intervalSeconds ?? 10) * 1000;
      let last: ClusterDetailResponse | undefined;
      let lastLine = '';
      for (;;) {
        if (ctx.signal?.aborted) throw new Error(`Cancelled while waiting for ${formatClusterRef(ref)}`);
        const detail = await options.capiOpenstack.getCluster(ref, { credentials });
        if (detail) {
          last = detail;
          const line = progressLine(detail);
          if (line !== lastLine) ctx.logger.info(line);
          lastLine = line;
          if (detail.health.verdict === 'Healthy') {
            ctx.output('verdict', 'Healthy');
            return;
          }
          if (detail.health.verdict === 'Failed') {
            throw new Error(`Cluster ${formatClusterRef(ref)} failed: ${reasonsOf(detail)}`);
          }
        } else if (lastLine !== 'absent') {
          ctx.logger.info(`Cluster ${formatClusterRef(ref)} is not visible yet`);
          lastLine = 'absent';
        }
        if (Date.now() >= deadline) {
          throw new Error(
            last
              ? `Timed out waiting for ${formatClusterRef(ref)} to become Healthy; it is ${last.health.verdict}: ${reasonsOf(last) || 'no reason reported'}`
              : `Timed out waiting for ${formatClusterRef(ref)}: the cluster does not exist or you may not read it`,
          );
        }
        await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), ctx.signal);
      }
    },
  });
}

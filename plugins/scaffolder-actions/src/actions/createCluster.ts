/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createTemplateAction, TemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ClusterRef,
  CreateClusterRequest,
  CreateClusterResponse,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { CapiOpenstackService } from '@capi-openstack/backstage-plugin-capi-openstack-node';
import { clusterLinks } from './clusterLinks';
import { formatClusterRef } from './clusterInput';
import { examples } from './createCluster.examples';
import type { CreateClusterActionInput, CreateClusterActionOutput } from './createCluster.types';
import { writeManifests } from './writeManifests';

/**
 * `capi-openstack:cluster:create`: creates a workload cluster through the
 * capi-openstack backend (validation, permission and audit with the task
 * initiator's credentials), or renders its manifests into the workspace.
 * @public
 */
export function createCapiOpenstackCreateClusterAction(options: {
  capiOpenstack: CapiOpenstackService;
  /** `app.baseUrl`, for the cluster page URL. */
  appBaseUrl?: string;
}): TemplateAction<CreateClusterActionInput, CreateClusterActionOutput, 'v2'> {
  return createTemplateAction({
    id: 'capi-openstack:cluster:create',
    description:
      'Creates a Cluster API workload cluster on OpenStack (server-side apply through the capi-openstack backend) or renders its manifests into the workspace for a GitOps pull request',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        managementCluster: z => z.string().describe('Name of the management cluster (as configured in capiOpenstack.managementClusters)'),
        namespace: z => z.string().describe('Namespace of the new Cluster in the management cluster (DNS-1123 label; must exist)'),
        name: z => z.string().describe('Name of the new Cluster (DNS-1123 label)'),
        kubernetesVersion: z => z.string().describe('Kubernetes version such as v1.34.2; must be allowed by the ClusterClass or capiOpenstack.kubernetesVersions'),
        mode: z =>
          z
            .enum(['clusterClass', 'manifests'])
            .default('clusterClass')
            .describe('clusterClass: a Cluster with spec.topology; manifests: every object (Cluster, OpenStackCluster, KubeadmControlPlane, MachineDeployments, templates)'),
        clusterClass: z => z.string().optional().describe('Name of the ClusterClass in the namespace (clusterClass mode)'),
        variables: z =>
          z
            .record(z.string(), z.any())
            .optional()
            .describe('Values of the ClusterClass variables by name (clusterClass mode); checked against the class schemas'),
        controlPlaneReplicas: z => z.number().int().default(3).describe('Control plane machines: odd (1, 3, 5 or 7)'),
        controlPlaneFlavor: z =>
          z.string().optional().describe('Nova flavor of the control plane (required in manifests mode; in class mode the class default applies)'),
        workerPools: z =>
          z
            .array(
              z.object({
                name: z.string().describe('Pool name, unique in the cluster (DNS-1123 label)'),
                replicas: z.number().int().optional().describe('Number of workers (with min and max: the initial size)'),
                min: z.number().int().optional().describe('Cluster autoscaler lower bound (with max)'),
                max: z.number().int().optional().describe('Cluster autoscaler upper bound (with min)'),
                flavor: z.string().optional().describe('Nova flavor of the workers'),
                availabilityZone: z.string().optional().describe('Nova availability zone of the pool'),
                class: z.string().optional().describe('Worker class of the ClusterClass (default: its first)'),
              }),
            )
            .min(1)
            .describe('Worker pools'),
        image: z => z.string().optional().describe('Glance image name (class mode: the imageName variable); default: the image configured for the version'),
        externalNetwork: z => z.string().optional().describe('External network id (UUID) or name'),
        sshKeyName: z => z.string().optional().describe('Nova SSH key pair name'),
        identitySecretName: z => z.string().describe('Secret in the namespace holding clouds.yaml (must exist when applying)'),
        cloudName: z => z.string().default('openstack').describe('Cloud of clouds.yaml to use'),
        availabilityZones: z => z.array(z.string()).optional().describe('Control plane availability zones (and the default of pools without one)'),
        owner: z =>
          z
            .string()
            .optional()
            .describe(
              'Owner entity ref, e.g. group:default/team-payments; becomes the owner of the catalog entity. Empty: the initiator\'s first group',
            ),
        labels: z => z.record(z.string(), z.string()).optional().describe('Extra labels of the Cluster object'),
        force: z =>
          z
            .boolean()
            .optional()
            .describe('Apply although the preflight (quota, flavors, image, network, key pair, zones) failed'),
        output: z =>
          z
            .enum(['apply', 'render'])
            .default('apply')
            .describe('apply: create the objects in the management cluster; render: only write the manifests into the workspace'),
        targetPath: z =>
          z.string().optional().describe('Workspace folder of the manifests (default clusters/<managementCluster>/<namespace>/<name>)'),
      },
      output: {
        clusterRef: z => z.string().describe('`<managementCluster>/<namespace>/<name>` of the cluster'),
        entityRef: z => z.string().describe('Catalog entity ref the backend publishes for the cluster'),
        pageUrl: z => z.string().optional().describe('URL of the cluster page in Backstage'),
        manifestPath: z => z.string().describe('Workspace folder holding the manifests and kustomization.yaml'),
        changed: z => z.boolean().describe('Whether anything was created or changed (false for a retry, a dry run or render)'),
        message: z => z.string().describe('What happened'),
        preflight: z =>
          z
            .object({
              status: z.enum(['pass', 'warn', 'fail']),
              summary: z.string(),
              checks: z.array(z.object({ id: z.string(), status: z.enum(['pass', 'warn', 'fail']), message: z.string() })),
            })
            .optional()
            .describe('Quota and resource checks against the cloud of the identity (apply and dry run)'),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const request: CreateClusterRequest = {
        managementCluster: input.managementCluster,
        namespace: input.namespace,
        name: input.name,
        kubernetesVersion: input.kubernetesVersion,
        mode: input.mode ?? 'clusterClass',
        ...(input.mode === 'manifests'
          ? {}
          : { clusterClass: { name: input.clusterClass ?? '', ...(input.variables ? { variables: input.variables } : {}) } }),
        controlPlane: {
          replicas: input.controlPlaneReplicas ?? 3,
          ...(input.controlPlaneFlavor ? { flavor: input.controlPlaneFlavor } : {}),
        },
        workerPools: input.workerPools.map(p => ({
          name: p.name,
          ...(p.replicas !== undefined ? { replicas: p.replicas } : {}),
          ...(p.min !== undefined || p.max !== undefined ? { autoscaler: { min: p.min as number, max: p.max as number } } : {}),
          ...(p.flavor ? { flavor: p.flavor } : {}),
          ...(p.availabilityZone ? { availabilityZone: p.availabilityZone } : {}),
          ...(p.class ? { class: p.class } : {}),
        })),
        ...(input.image ? { image: input.image } : {}),
        ...(input.externalNetwork ? { externalNetwork: input.externalNetwork } : {}),
        ...(input.sshKeyName ? { sshKeyName: input.sshKeyName } : {}),
        identity: { secretName: input.identitySecretName, cloudName: input.cloudName ?? 'openstack' },
        ...(input.availabilityZones?.length ? { availabilityZones: input.availabilityZones } : {}),
        ...(input.owner ? { owner: input.owner } : {}),
        ...(input.labels ? { labels: input.labels } : {}),
        ...(input.force ? { force: true } : {}),
      };
      const credentials = await ctx.getInitiatorCredentials();
      const ref: ClusterRef = { managementCluster: input.managementCluster, namespace: input.namespace, name: input.name };
      let result: CreateClusterResponse;
      if (input.output === 'render') {
        ctx.logger.info(`Rendering the manifests of ${formatClusterRef(ref)}`);
        result = await options.capiOpenstack.renderCluster(request, { credentials });
      } else if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: the API server validates the objects of ${formatClusterRef(ref)}; nothing is created`);
        result = await options.capiOpenstack.createCluster(request, { credentials, dryRun: true });
      } else {
        // Recorded once done: a resumed task does not apply again (and a
        // re-run task applies the same objects, which changes nothing).
        result = await ctx.checkpoint({
          key: `capi-openstack.create.${formatClusterRef(ref)}`,
          fn: async () =>
            (await options.capiOpenstack.createCluster(request, { credentials })) as unknown as Record<string, any>,
        }) as unknown as CreateClusterResponse;
      }
      ctx.logger.info(result.message);
      if (result.preflight) {
        const log = result.preflight.status === 'pass' ? ctx.logger.info : ctx.logger.warn;
        log.call(ctx.logger, `${result.preflight.summary}${result.preflight.forced ? ' (forced)' : ''}`);
        for (const c of result.preflight.checks) log.call(ctx.logger, `  [${c.status}] ${c.message}`);
      }
      const written = await writeManifests(
        ctx.workspacePath,
        input.targetPath ?? `clusters/${ref.managementCluster}/${ref.namespace}/${ref.name}`,
        result.manifests,
      );
      ctx.logger.info(`Wrote ${written.files.join(', ')} to ${written.path}`);
      const links = clusterLinks(ref, options.appBaseUrl);
      ctx.output('clusterRef', formatClusterRef(ref));
      ctx.output('entityRef', links.entityRef);
      if (links.pageUrl) ctx.output('pageUrl', links.pageUrl);
      ctx.output('manifestPath', written.path);
      ctx.output('changed', result.changed);
      ctx.output('message', result.message);
      if (result.preflight) {
        const { status, summary, checks } = result.preflight;
        ctx.output('preflight', { status, summary, checks });
      }
    },
  });
}

/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { NotFoundError } from '@backstage/errors';
import { CLUSTER_NAME_LABEL, type ClusterRef } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ManagementClusterCache } from '../cache/ManagementClusterCache';
import { KubeObject } from '../model';
import { getObject, resourcePath } from './kubeRequests';
import { mapKubeError } from './kubeErrors';
import { topologyClassName, isClassy, kcpTemplateName, mdTemplateName } from '../model/shapes';
import { LiveObjects } from '../plans/types';

/**
 * The current objects of a cluster, from the API server; machines from the
 * watch cache, but `machine` (the one an action deletes) from the API server.
 */
export async function loadLiveObjects(
  cache: ManagementClusterCache,
  ref: ClusterRef,
  machine?: string,
  /** A MachineHealthCheck the action edits, read from the API server. */
  healthCheck?: string,
): Promise<LiveObjects> {
  const ns = ref.namespace;
  const cluster = await getObject(cache, 'Cluster', ns, ref.name);
  if (!cluster) {
    throw new NotFoundError(`Cluster ${ns}/${ref.name} not found in management cluster ${ref.managementCluster}`);
  }
  const cpName = cluster.spec?.controlPlaneRef?.name;
  // Not by label: CAPI's controllers add the cluster-name label, a pool
  // created a moment ago may not carry it yet. spec.clusterName is required.
  const mdPath = resourcePath(cache, 'MachineDeployment', ns);
  const classNs = cluster.spec?.topology?.classRef?.namespace ?? cluster.spec?.topology?.classNamespace ?? ns;
  const [controlPlane, mdList, clusterClass] = await Promise.all([
    cpName ? getObject(cache, 'KubeadmControlPlane', ns, cpName) : undefined,
    cache.client.request<{ items: KubeObject[] }>('GET', mdPath).catch(e => {
      throw mapKubeError(e, 'MachineDeployment', '(list)');
    }),
    isClassy(cluster) ? getObject(cache, 'ClusterClass', classNs, topologyClassName(cluster)!) : undefined,
  ]);
  // Items of a LIST carry no kind or apiVersion.
  const mdApiVersion = cache.apiVersionOf('MachineDeployment')!.apiVersion;
  const machineDeployments = (mdList.items ?? [])
    .filter(md => md.spec?.clusterName === ref.name || md.metadata.labels?.[CLUSTER_NAME_LABEL] === ref.name)
    .map(md => ({ ...md, kind: 'MachineDeployment', apiVersion: mdApiVersion }));
  const templateNames = new Set(
    [controlPlane && kcpTemplateName(controlPlane), ...machineDeployments.map(mdTemplateName)].filter(
      (n): n is string => !!n,
    ),
  );
  const machineTemplates = (
    await Promise.all([...templateNames].map(n => getObject(cache, 'OpenStackMachineTemplate', ns, n)))
  ).filter((t): t is KubeObject => !!t);
  // Restarts, upgrade progress and the replace guards look at the other machines: the cache is enough.
  let machines = cache.objectsOf(`${ns}/${ref.name}`)?.machines ?? [];
  if (machine) {
    const current = await getObject(cache, 'Machine', ns, machine);
    const mine = current && current.spec?.clusterName === ref.name ? [{ ...current, kind: 'Machine' }] : [];
    machines = [...machines.filter(m => m.metadata.name !== machine), ...mine];
  }
  const mhc = healthCheck && !isClassy(cluster) ? await getObject(cache, 'MachineHealthCheck', ns, healthCheck) : undefined;
  const healthChecks = mhc ? [{ ...mhc, kind: 'MachineHealthCheck' }] : [];
  return { cluster, controlPlane, machineDeployments, clusterClass, machineTemplates, machines, healthChecks };
}

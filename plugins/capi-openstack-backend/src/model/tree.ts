/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  TOPOLOGY_DEPLOYMENT_LABEL,
  type ClusterTree,
  type DeletionInfo,
  type TopologyInfo,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { getCondition, summarizeConditions } from './conditions';
import { controlPlaneNodeOf } from './controlPlaneNode';
import { clusterCounters } from './counters';
import { infrastructureOf } from './infrastructureNode';
import { machineHealthCheckOf } from './healthChecks';
import { isClusterPaused, scopeToCluster } from './links';
import { machineNodesOf } from './machineNodes';
import { magnumInfoOf } from './magnum';
import { ClusterObjects, KubeObject, isoTime, num, str } from './objects';
import { poolNodesOf } from './poolNodes';
import { compact, endpointOf } from './treeFields';
import { versionsInfo } from './versionsInfo';

/**
 * Builds the tree of one workload cluster from its plain objects. Pure: no
 * I/O and no clock of its own (the bastion badge's 15-minute failure rule
 * applies only when `now` is passed).
 */

/** `spec.topology` of a ClusterClass-based Cluster; undefined for a plain one. */
function topologyOf(cluster: KubeObject): TopologyInfo | undefined {
  const t = cluster.spec?.topology;
  // v1beta2 `classRef: {name, namespace}`; v1beta1 `class` + `classNamespace`.
  const className = str(t?.classRef?.name) ?? str(t?.class);
  if (!t || !className) return undefined;
  const mds: any[] = Array.isArray(t.workers?.machineDeployments)
    ? t.workers.machineDeployments
    : [];
  return compact({
    className,
    classNamespace: str(t.classRef?.namespace) ?? str(t.classNamespace),
    version: str(t.version),
    controlPlaneReplicas: num(t.controlPlane?.replicas),
    workers: mds
      .filter(md => typeof md?.name === 'string')
      .map(md =>
        compact({
          name: md.name,
          class: String(md.class ?? ''),
          replicas: num(md.replicas),
        }),
      ),
  });
}

/** Builds the {@link ClusterTree} of one workload cluster. */
export function buildClusterTree(
  input: ClusterObjects,
  now?: Date,
): ClusterTree {
  const objs = scopeToCluster(input);
  const cluster = objs.cluster;
  const kcp = objs.controlPlane;
  const templates = objs.openStackMachineTemplates ?? [];
  const kubeadmConfigs = objs.kubeadmConfigs ?? [];
  const topology = topologyOf(cluster);

  const machineNodes = machineNodesOf(objs);
  const controlPlane = controlPlaneNodeOf(objs, machineNodes);
  const pools = poolNodesOf(objs, topology);

  const counters = clusterCounters(objs);
  const versions = versionsInfo(objs, topology);

  const apiGroupVersions = [
    cluster,
    kcp,
    objs.openStackCluster,
    ...objs.machineDeployments,
    ...objs.machineSets,
    ...objs.machines,
    ...objs.openStackMachines,
    ...objs.openStackServers,
    ...objs.machineHealthChecks,
    ...kubeadmConfigs,
    ...templates,
  ]
    .map(o => o?.apiVersion)
    .filter((v): v is string => !!v);

  const deletionTimestamp = isoTime(cluster.metadata.deletionTimestamp);
  const deletingCond = getCondition(cluster, 'Deleting', 'v1beta2');
  const deletion: DeletionInfo | undefined = deletionTimestamp
    ? compact({
        deletionTimestamp,
        finalizers: [...(cluster.metadata.finalizers ?? [])],
        reason: deletingCond?.reason,
        message: deletingCond?.message,
      })
    : undefined;

  return compact({
    name: cluster.metadata.name,
    namespace: cluster.metadata.namespace ?? 'default',
    uid: cluster.metadata.uid,
    resourceVersion: cluster.metadata.resourceVersion,
    apiVersion: cluster.apiVersion,
    phase: str(cluster.status?.phase),
    createdAt: isoTime(cluster.metadata.creationTimestamp),
    labels: { ...(cluster.metadata.labels ?? {}) },
    controlPlaneEndpoint: endpointOf(cluster.spec?.controlPlaneEndpoint),
    conditions: summarizeConditions(cluster),
    counters: {
      controlPlane: counters.controlPlane,
      workers: counters.workers,
    },
    controlPlane,
    pools,
    machines: machineNodes,
    infrastructure: infrastructureOf(objs, now),
    machineHealthChecks: objs.machineHealthChecks
      .map(mhc =>
        machineHealthCheckOf(mhc, objs.machines, topology !== undefined, md =>
          objs.machineDeployments.find(d => d.metadata.name === md)?.metadata.labels?.[TOPOLOGY_DEPLOYMENT_LABEL],
        ),
      )
      .sort((a, b) => a.name.localeCompare(b.name)),
    versions,
    topology,
    classy: topology !== undefined,
    magnum: magnumInfoOf(cluster),
    paused: isClusterPaused(cluster),
    deletion,
    apiGroupVersions: [...new Set(apiGroupVersions)].sort(),
  } as ClusterTree);
}

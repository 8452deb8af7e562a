/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  AUTOSCALER_MAX_ANNOTATION,
  AUTOSCALER_MIN_ANNOTATION,
  MD_REVISION_ANNOTATION,
  TOPOLOGY_DEPLOYMENT_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import type {
  MachineSetNode,
  PoolNode,
  TopologyInfo,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { summarizeConditions } from './conditions';
import { replicaCountersOf } from './counters';
import {
  deploymentNameOf,
  isControlPlaneMachine,
  machineSetNameOf,
  openStackMachineOf,
} from './links';
import {
  ClusterObjects,
  KubeObject,
  annotationOf,
  labelOf,
  num,
  refName,
  str,
} from './objects';
import { flavorOf, imageOf, templateSpec } from './openStackSpec';
import { compact, deleting, rolloutOf } from './treeFields';

/** The worker pool nodes (MachineDeployments with their MachineSets) of the tree, by name. */
export function poolNodesOf(
  objs: ClusterObjects,
  topology: TopologyInfo | undefined,
): PoolNode[] {
  const templates = objs.openStackMachineTemplates ?? [];
  const osmOf = (m: KubeObject) =>
    openStackMachineOf(m, objs.openStackMachines);
  const pools: PoolNode[] = objs.machineDeployments.map(md => {
    const mdName = md.metadata.name;
    const topologyName = labelOf(md, TOPOLOGY_DEPLOYMENT_LABEL);
    const tplName = refName(md.spec?.template?.spec?.infrastructureRef);
    const tpl = templateSpec(tplName, templates);
    const poolMachines = objs.machines.filter(
      m =>
        !isControlPlaneMachine(m) &&
        deploymentNameOf(m, objs.machineSets) === mdName,
    );
    const firstOsm = poolMachines.map(osmOf).find(Boolean);
    const min = num(
      Number.parseInt(annotationOf(md, AUTOSCALER_MIN_ANNOTATION) ?? '', 10),
    );
    const max = num(
      Number.parseInt(annotationOf(md, AUTOSCALER_MAX_ANNOTATION) ?? '', 10),
    );
    const machineSets: MachineSetNode[] = objs.machineSets
      .filter(ms => deploymentNameOf(ms) === mdName)
      .map(ms =>
        compact({
          name: ms.metadata.name,
          revision: annotationOf(ms, MD_REVISION_ANNOTATION),
          version: str(ms.spec?.template?.spec?.version),
          counters: replicaCountersOf(ms),
          infrastructureTemplate: refName(
            ms.spec?.template?.spec?.infrastructureRef,
          ),
          machines: poolMachines
            .filter(m => machineSetNameOf(m) === ms.metadata.name)
            .map(m => m.metadata.name)
            .sort(),
        } as MachineSetNode),
      )
      // Newest revision first.
      .sort(
        (a, b) =>
          Number(b.revision ?? 0) - Number(a.revision ?? 0) ||
          a.name.localeCompare(b.name),
      );
    return compact({
      name: mdName,
      resourceVersion: md.metadata.resourceVersion,
      topologyName,
      class: topology?.workers.find(w => w.name === topologyName)?.class,
      version: str(md.spec?.template?.spec?.version),
      counters: replicaCountersOf(md),
      phase: str(md.status?.phase),
      failureDomain: str(md.spec?.template?.spec?.failureDomain),
      infrastructureTemplate: tplName,
      flavor: tpl ? flavorOf(tpl) : flavorOf(firstOsm?.spec),
      image: tpl ? imageOf(tpl) : imageOf(firstOsm?.spec),
      autoscaler:
        min !== undefined || max !== undefined
          ? compact({ min, max })
          : undefined,
      rollout: rolloutOf(md),
      conditions: summarizeConditions(md),
      machineSets,
      deleting: deleting(md),
    } as PoolNode);
  });
  pools.sort((a, b) => a.name.localeCompare(b.name));
  return pools;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The topology controller: a Cluster with spec.topology gets its
// OpenStackCluster, KubeadmControlPlane, MachineDeployments, their
// templates and MachineHealthChecks from the ClusterClass, with the class's
// variables and patches applied. Generated objects carry
// `topology.cluster.x-k8s.io/owned`, MachineDeployments also
// `topology.cluster.x-k8s.io/deployment-name`, names are generated, and
// everything is owned by the Cluster (docs/domain.md sections 1 and 6).
// Templates are immutable: a changed template is created under a new name
// and the reference moves. The control plane is upgraded first; the
// MachineDeployments follow once it is done.
//
// This module resolves the class and runs the steps in order; the steps
// live under ./topology.

import { ClusterScope } from './context';
import { PatchError, resolveVariables } from './patches';
import {
  topologyClassName,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  classTemplateRef,
  isDeleting,
  randomSuffix,
  readRef,
  topologyClassNamespace,
} from './shapes';
import { classObject } from './topology/classTemplates';
import {
  applyKubeadmControlPlane,
  applyOpenStackCluster,
  ControlPlaneTopology,
  pointClusterAt,
} from './topology/controlPlane';
import { Expansion } from './topology/expansion';
import { reconcileTopologyMachineDeployments } from './topology/machineDeployments';
import { deleteUnusedTemplates } from './topology/unusedTemplates';

export async function reconcileTopology(scope: ClusterScope): Promise<void> {
  if (!scope.classy) return;
  try {
    await expand(scope);
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    scope.topologyError = { reason: 'ReconcileFailed', message: e.message };
  }
}

async function expand(scope: ClusterScope): Promise<void> {
  const cluster = scope.cluster;
  const topology = cluster.spec.topology;
  const className = topologyClassName(cluster)!;
  const classNs = topologyClassNamespace(cluster);
  const cls = scope.rt.cache.get('ClusterClass', classNs, className);
  if (!cls)
    throw new PatchError(`ClusterClass ${classNs}/${className} not found`);
  const version: string = topology.version;

  const cpTemplate = classObject(
    scope,
    'KubeadmControlPlaneTemplate',
    classTemplateRef(cls.spec.controlPlane),
    classNs,
  );
  const cpMachineTemplate = classObject(
    scope,
    'OpenStackMachineTemplate',
    classTemplateRef(cls.spec.controlPlane?.machineInfrastructure),
    classNs,
  );
  const infraTemplate = classObject(
    scope,
    'OpenStackClusterTemplate',
    classTemplateRef(cls.spec.infrastructure),
    classNs,
  );

  const kcp = scope.kcp();
  const kcpName =
    readRef(cluster.spec?.controlPlaneRef)?.name ??
    `${scope.name}-${randomSuffix()}`;
  const oscName =
    readRef(cluster.spec?.infrastructureRef)?.name ??
    `${scope.name}-${randomSuffix()}`;
  const cpReplicas: number | undefined = topology.controlPlane?.replicas;
  const base = {
    cluster: {
      name: scope.name,
      namespace: scope.ns,
      uid: cluster.metadata.uid,
      topology: { version, class: className, classNamespace: classNs },
    },
    controlPlane: {
      version,
      name: kcpName,
      ...(cpReplicas !== undefined ? { replicas: cpReplicas } : {}),
    },
  };
  const definitions = cls.spec?.variables;
  const cpVars = resolveVariables(
    definitions,
    topology.variables,
    topology.controlPlane?.variables?.overrides,
    base,
  );

  const x: Expansion = {
    cluster,
    topology,
    cls,
    className,
    classNs,
    version,
    base,
    definitions,
  };
  const cp: ControlPlaneTopology = {
    kcp,
    kcpName,
    oscName,
    cpReplicas,
    cpVars,
    cpTemplate,
    cpMachineTemplate,
    infraTemplate,
  };

  await applyOpenStackCluster(scope, x, cp);
  await applyKubeadmControlPlane(scope, x, cp);
  await pointClusterAt(scope, x, cp);

  // Workers wait for the control plane to finish upgrading.
  const cpMachines = scope.controlPlaneMachines().filter(m => !isDeleting(m));
  const cpUpgrading =
    (!!kcp && kcp.spec?.version !== version) ||
    cpMachines.some(m => m.spec?.version !== version);
  const pending = await reconcileTopologyMachineDeployments(
    scope,
    x,
    cpUpgrading,
  );

  await deleteUnusedTemplates(scope);

  if (cpUpgrading)
    scope.topologyUpgrading = `Cluster is upgrading to ${version}\n* KubeadmControlPlane upgrading`;
  else if (pending.length) {
    scope.topologyUpgrading = `Cluster is upgrading to ${version}\n* MachineDeployment${
      pending.length > 1 ? 's' : ''
    } ${pending.join(', ')} pending upgrade`;
  }
}

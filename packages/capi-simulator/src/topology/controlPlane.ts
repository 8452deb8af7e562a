/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The Cluster-level objects of a topology: the OpenStackCluster from the
// class's infrastructure template, the control plane's machine template and
// KubeadmControlPlane, and the Cluster's references to both.

import { TOPOLOGY_OWNED_LABEL } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import {
  controlPlaneTopologyRolloutAfter,
  isSubset,
  kcpInfrastructureRef,
  writeRef,
} from '../shapes';
import { patchedTemplate } from './classTemplates';
import { Expansion } from './expansion';
import { applyOwned, clonedMeta, ensureTemplate } from './ownedObjects';

/** The control plane's part of a pass, resolved before anything is written. */
export interface ControlPlaneTopology {
  /** The current KubeadmControlPlane, if any. */
  kcp: KObj | undefined;
  kcpName: string;
  oscName: string;
  cpReplicas: number | undefined;
  /** Variables resolved for the control plane (and the OpenStackCluster). */
  cpVars: Record<string, unknown>;
  cpTemplate: KObj;
  cpMachineTemplate: KObj;
  infraTemplate: KObj;
}

/** The OpenStackCluster from the class's infrastructure template. */
export async function applyOpenStackCluster(
  scope: ClusterScope,
  x: Expansion,
  cp: ControlPlaneTopology,
): Promise<void> {
  const { versions } = scope.rt;
  const { cls, cluster } = x;
  const { infraTemplate, oscName, cpVars } = cp;
  const osc = patchedTemplate(
    cls,
    infraTemplate,
    'OpenStackClusterTemplate',
    { kind: 'infrastructureCluster' },
    cpVars,
  );
  await applyOwned(
    scope,
    'OpenStackCluster',
    scope.get('OpenStackCluster', oscName),
    {
      apiVersion: versions.kinds.OpenStackCluster.apiVersion,
      kind: 'OpenStackCluster',
      metadata: clonedMeta(
        scope,
        oscName,
        infraTemplate,
        'OpenStackClusterTemplate',
        cluster,
      ),
      spec: osc.spec?.template?.spec ?? {},
    },
  );
}

/** The control plane machine template and KubeadmControlPlane. */
export async function applyKubeadmControlPlane(
  scope: ClusterScope,
  x: Expansion,
  cp: ControlPlaneTopology,
): Promise<void> {
  const { versions } = scope.rt;
  const gen = scope.gen;
  const { cls, cluster, topology, version } = x;
  const { kcp, kcpName, cpReplicas, cpVars, cpTemplate, cpMachineTemplate } =
    cp;
  const cpm = patchedTemplate(
    cls,
    cpMachineTemplate,
    'OpenStackMachineTemplate',
    { kind: 'controlPlaneMachine' },
    cpVars,
  );
  const cpmName = await ensureTemplate(
    scope,
    'OpenStackMachineTemplate',
    kcp ? kcpInfrastructureRef(kcp)?.name : undefined,
    cpm.spec,
    cpMachineTemplate,
    scope.name,
  );
  const kcpDoc = patchedTemplate(
    cls,
    cpTemplate,
    'KubeadmControlPlaneTemplate',
    { kind: 'controlPlane' },
    cpVars,
  );
  const t = kcpDoc.spec?.template?.spec ?? {};
  const cpMeta = {
    labels: {
      ...cls.spec.controlPlane?.metadata?.labels,
      ...topology.controlPlane?.metadata?.labels,
      [TOPOLOGY_OWNED_LABEL]: '',
    },
    ...(topology.controlPlane?.metadata?.annotations
      ? { annotations: topology.controlPlane.metadata.annotations }
      : {}),
  };
  const after = controlPlaneTopologyRolloutAfter(cluster);
  const infraRef = writeRef(
    gen,
    versions.kinds.OpenStackMachineTemplate,
    cpmName,
    scope.ns,
  );
  const kcpSpec =
    gen === 'v1beta2'
      ? {
          ...t,
          version,
          ...(cpReplicas !== undefined ? { replicas: cpReplicas } : {}),
          machineTemplate: {
            metadata: cpMeta,
            spec: { ...t.machineTemplate?.spec, infrastructureRef: infraRef },
          },
          ...(t.rollout || after
            ? { rollout: { ...t.rollout, ...(after ? { after } : {}) } }
            : {}),
        }
      : {
          ...t,
          version,
          ...(cpReplicas !== undefined ? { replicas: cpReplicas } : {}),
          machineTemplate: {
            ...t.machineTemplate,
            metadata: cpMeta,
            infrastructureRef: infraRef,
          },
          ...(after ? { rolloutAfter: after } : {}),
        };
  await applyOwned(scope, 'KubeadmControlPlane', kcp, {
    apiVersion: versions.kinds.KubeadmControlPlane.apiVersion,
    kind: 'KubeadmControlPlane',
    metadata: clonedMeta(
      scope,
      kcpName,
      cpTemplate,
      'KubeadmControlPlaneTemplate',
      cluster,
    ),
    spec: kcpSpec,
  });
}

/** Points the Cluster's controlPlaneRef and infrastructureRef at them. */
export async function pointClusterAt(
  scope: ClusterScope,
  x: Expansion,
  cp: ControlPlaneTopology,
): Promise<void> {
  const { versions, writer } = scope.rt;
  const gen = scope.gen;
  const { cluster } = x;
  const { kcpName, oscName } = cp;
  const wantCp = writeRef(
    gen,
    versions.kinds.KubeadmControlPlane,
    kcpName,
    scope.ns,
  );
  const wantInfra = writeRef(
    gen,
    versions.kinds.OpenStackCluster,
    oscName,
    scope.ns,
  );
  if (
    !isSubset(wantCp, cluster.spec?.controlPlaneRef) ||
    !isSubset(wantInfra, cluster.spec?.infrastructureRef)
  ) {
    const updated = await writer.patch('Cluster', cluster, {
      spec: { controlPlaneRef: wantCp, infrastructureRef: wantInfra },
    });
    if (updated) scope.cluster = updated;
  }
}

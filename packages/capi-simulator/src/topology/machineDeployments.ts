/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The MachineDeployments of a topology, one per `workers.machineDeployments`
// entry, with their bootstrap and infrastructure templates and health
// checks; those no longer in the topology are deleted.

import {
  TOPOLOGY_DEPLOYMENT_LABEL,
  topologyPools as machineDeploymentTopologies,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { CONTROLLERS } from '../events';
import { KObj } from '../kube';
import { PatchError, resolveVariables, TemplateRole } from '../patches';
import {
  bootstrapConfigRef,
  classWorkerRefs,
  infrastructureRef,
  isDeleting,
  isOwnedBy,
  labels,
  ownerRef,
  randomSuffix,
  writeRef,
} from '../shapes';
import { classObject, patchedTemplate } from './classTemplates';
import { Expansion } from './expansion';
import { reconcileHealthCheck } from './healthCheck';
import { applyOwned, ensureTemplate, ownedLabels } from './ownedObjects';

/**
 * Creates or updates the topology's MachineDeployments and deletes those
 * removed from it. While the control plane upgrades, existing ones keep
 * their version; returns the topology names of those held back.
 */
export async function reconcileTopologyMachineDeployments(
  scope: ClusterScope,
  x: Expansion,
  cpUpgrading: boolean,
): Promise<string[]> {
  const { writer } = scope.rt;
  const { cluster, cls, className, version } = x;
  const pending: string[] = [];
  const wanted = new Set<string>();
  const workerClasses: any[] = cls.spec?.workers?.machineDeployments ?? [];
  const existing = scope
    .machineDeployments()
    .filter(md => TOPOLOGY_DEPLOYMENT_LABEL in labels(md));

  for (const mdt of machineDeploymentTopologies(cluster)) {
    const workerClass = workerClasses.find(w => w.class === mdt.class);
    if (!workerClass)
      throw new PatchError(
        `MachineDeployment class ${mdt.class} is not in ClusterClass ${className}`,
      );
    const md = existing.find(
      m => labels(m)[TOPOLOGY_DEPLOYMENT_LABEL] === mdt.name,
    );
    const currentVersion: string | undefined =
      md?.spec?.template?.spec?.version;
    const mdVersion =
      md && cpUpgrading && currentVersion ? currentVersion : version;
    if (mdVersion !== version) pending.push(mdt.name);
    const mdName =
      md?.metadata.name ?? `${scope.name}-${mdt.name}-${randomSuffix()}`;
    wanted.add(mdName);
    await applyMachineDeployment(scope, x, {
      mdt,
      workerClass,
      md,
      mdName,
      mdVersion,
    });
  }

  // MachineDeployments removed from the topology.
  for (const md of existing) {
    if (wanted.has(md.metadata.name) || isDeleting(md)) continue;
    await writer.remove('MachineDeployment', md);
    const mhc = scope.get('MachineHealthCheck', md.metadata.name);
    if (mhc && isOwnedBy(mhc, cluster))
      await writer.remove('MachineHealthCheck', mhc);
    scope.event({
      regarding: cluster,
      controller: CONTROLLERS.topology,
      reason: 'TopologyDelete',
      action: 'Delete',
      note: `Deleted MachineDeployment "${md.metadata.name}"`,
    });
  }
  return pending;
}

/** One entry of the topology's MachineDeployments, matched to its class. */
interface DeploymentTopology {
  /** The `workers.machineDeployments` entry. */
  mdt: any;
  /** Its worker class in the ClusterClass. */
  workerClass: any;
  /** The existing MachineDeployment, if any. */
  md: KObj | undefined;
  mdName: string;
  mdVersion: string;
}

/** One MachineDeployment with its templates and MachineHealthCheck. */
async function applyMachineDeployment(
  scope: ClusterScope,
  x: Expansion,
  d: DeploymentTopology,
): Promise<void> {
  const { versions } = scope.rt;
  const gen = scope.gen;
  const { cluster, cls, classNs, topology, base, definitions } = x;
  const { mdt, workerClass, md, mdName, mdVersion } = d;
  const vars = resolveVariables(
    definitions,
    topology.variables,
    mdt.variables?.overrides,
    {
      ...base,
      machineDeployment: {
        version: mdVersion,
        class: mdt.class,
        name: mdName,
        topologyName: mdt.name,
        ...(mdt.replicas !== undefined ? { replicas: mdt.replicas } : {}),
      },
    },
  );
  const refs = classWorkerRefs(workerClass);
  const bootstrapClass = classObject(
    scope,
    'KubeadmConfigTemplate',
    refs.bootstrap,
    classNs,
  );
  const infraClass = classObject(
    scope,
    'OpenStackMachineTemplate',
    refs.infrastructure,
    classNs,
  );
  const role: TemplateRole = { kind: 'machineDeployment', class: mdt.class };
  const patched = (template: KObj, kind: string) =>
    patchedTemplate(cls, template, kind, role, vars).spec;
  const bootstrapSpec = patched(bootstrapClass, 'KubeadmConfigTemplate');
  const infraSpec = patched(infraClass, 'OpenStackMachineTemplate');
  /** The pool's copy of a class template: the current one, or a new one if its spec changed. */
  const ensure = (
    kind: 'KubeadmConfigTemplate' | 'OpenStackMachineTemplate',
    current: string | undefined,
    spec: unknown,
    classTemplate: KObj,
  ) =>
    ensureTemplate(
      scope,
      kind,
      current,
      spec,
      classTemplate,
      `${scope.name}-${mdt.name}`,
    );
  const currentSpec = md?.spec?.template?.spec;
  const bootstrapName = await ensure(
    'KubeadmConfigTemplate',
    bootstrapConfigRef(currentSpec)?.name,
    bootstrapSpec,
    bootstrapClass,
  );
  const infraName = await ensure(
    'OpenStackMachineTemplate',
    infrastructureRef(currentSpec)?.name,
    infraSpec,
    infraClass,
  );
  const mdLabels = ownedLabels(scope, {
    [TOPOLOGY_DEPLOYMENT_LABEL]: mdt.name,
  });
  const templateMeta = {
    labels: {
      ...workerClass.metadata?.labels,
      ...mdt.metadata?.labels,
      ...mdLabels,
    },
    ...(mdt.metadata?.annotations
      ? { annotations: mdt.metadata.annotations }
      : {}),
  };
  const failureDomain = mdt.failureDomain ?? workerClass.failureDomain;
  const templateSpec = {
    clusterName: scope.name,
    version: mdVersion,
    bootstrap: {
      configRef: writeRef(
        gen,
        scope.rt.versions.kinds.KubeadmConfigTemplate,
        bootstrapName,
        scope.ns,
      ),
    },
    infrastructureRef: writeRef(
      gen,
      scope.rt.versions.kinds.OpenStackMachineTemplate,
      infraName,
      scope.ns,
    ),
    ...(failureDomain ? { failureDomain } : {}),
  };
  const strategy = workerClass.rollout?.strategy ?? workerClass.strategy;
  const mdAfter: string | undefined =
    mdt.rollout?.after ?? topology.rolloutAfter;
  const mdSpec =
    gen === 'v1beta2'
      ? {
          clusterName: scope.name,
          ...(mdt.replicas !== undefined ? { replicas: mdt.replicas } : {}),
          selector: { matchLabels: mdLabels },
          template: { metadata: templateMeta, spec: templateSpec },
          ...(strategy || mdAfter
            ? {
                rollout: {
                  ...(strategy ? { strategy } : {}),
                  ...(mdAfter ? { after: mdAfter } : {}),
                },
              }
            : {}),
        }
      : {
          clusterName: scope.name,
          ...(mdt.replicas !== undefined ? { replicas: mdt.replicas } : {}),
          selector: { matchLabels: mdLabels },
          template: { metadata: templateMeta, spec: templateSpec },
          ...(strategy ? { strategy } : {}),
          ...(mdAfter ? { rolloutAfter: mdAfter } : {}),
        };
  await applyOwned(scope, 'MachineDeployment', md, {
    apiVersion: versions.kinds.MachineDeployment.apiVersion,
    kind: 'MachineDeployment',
    metadata: {
      name: mdName,
      namespace: scope.ns,
      labels: mdLabels,
      ...(mdt.metadata?.annotations
        ? { annotations: mdt.metadata.annotations }
        : {}),
      ownerReferences: [ownerRef(cluster, false)],
    },
    spec: mdSpec,
  });
  await reconcileHealthCheck(scope, mdName, workerClass, mdt);
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The topology controller: a Cluster with spec.topology gets its
// OpenStackCluster, KubeadmControlPlane, MachineDeployments, their
// templates and MachineHealthChecks from the ClusterClass, with the class's
// variables and patches applied. Generated objects carry
// `topology.cluster.x-k8s.io/owned`, MachineDeployments also
// `topology.cluster.x-k8s.io/deployment-name`, names are generated, and
// everything is owned by the Cluster (docs/capi-domain.md sections 1 and 6).
// Templates are immutable: a changed template is created under a new name
// and the reference moves. The control plane is upgraded first; the
// MachineDeployments follow once it is done.

import { Kind } from './apiVersions';
import {
  CLONED_FROM_GROUPKIND,
  CLONED_FROM_NAME,
  CLUSTER_NAME_LABEL,
  DEPLOYMENT_NAME_LABEL,
  TOPOLOGY_DEPLOYMENT_LABEL,
  TOPOLOGY_OWNED_LABEL,
} from './constants';
import { ClusterScope } from './context';
import { CONTROLLERS } from './events';
import { KObj } from './kube';
import {
  applyClassPatches,
  PatchError,
  resolveVariables,
  TemplateRole,
} from './patches';
import {
  bootstrapConfigRef,
  classTemplateRef,
  classWorkerRefs,
  controlPlaneTopologyRolloutAfter,
  infrastructureRef,
  isDeleting,
  isOwnedBy,
  isSubset,
  kcpInfrastructureRef,
  labels,
  machineDeploymentTopologies,
  ownerRef,
  randomSuffix,
  readRef,
  Ref,
  topologyClassName,
  topologyClassNamespace,
  writeRef,
} from './shapes';

function ownedLabels(scope: ClusterScope, extra: Record<string, string> = {}) {
  return {
    [CLUSTER_NAME_LABEL]: scope.name,
    [TOPOLOGY_OWNED_LABEL]: '',
    ...extra,
  };
}

function classObject(
  scope: ClusterScope,
  kind: Kind,
  ref: Ref | undefined,
  namespace: string,
): KObj {
  const obj = ref ? scope.rt.cache.get(kind, namespace, ref.name) : undefined;
  if (!obj)
    throw new PatchError(
      `${kind} ${ref?.name ?? '(unset)'} of ClusterClass ${topologyClassName(
        scope.cluster,
      )} not found`,
    );
  return obj;
}

/** A template with the class patches applied, as `{spec}`. */
function patchedTemplate(
  cls: KObj,
  template: KObj,
  kind: string,
  role: TemplateRole,
  vars: Record<string, unknown>,
) {
  const doc = { spec: structuredClone(template.spec ?? {}) };
  applyClassPatches(
    cls.spec?.patches,
    { apiVersion: template.apiVersion, kind, role },
    doc,
    vars,
  );
  return doc;
}

/** Creates a template under a new name unless the current one already has the desired spec. */
async function ensureTemplate(
  scope: ClusterScope,
  kind: 'OpenStackMachineTemplate' | 'KubeadmConfigTemplate',
  current: string | undefined,
  spec: any,
  classTemplate: KObj,
  namePrefix: string,
): Promise<string> {
  const existing = scope.get(kind, current);
  if (existing && isSubset(spec, existing.spec)) return existing.metadata.name;
  const name = `${namePrefix}-${randomSuffix()}`;
  await scope.rt.writer.apply(kind, {
    metadata: {
      name,
      namespace: scope.ns,
      labels: ownedLabels(scope),
      annotations: {
        [CLONED_FROM_NAME]: classTemplate.metadata.name,
        [CLONED_FROM_GROUPKIND]: `${classTemplate.kind}.${
          classTemplate.apiVersion.split('/')[0]
        }`,
      },
      ownerReferences: [ownerRef(scope.cluster, false)],
    },
    spec,
  });
  scope.event({
    regarding: scope.cluster,
    controller: CONTROLLERS.topology,
    reason: 'TopologyCreate',
    action: 'Create',
    note: `Created ${kind} "${name}"`,
  });
  return name;
}

async function applyOwned(
  scope: ClusterScope,
  kind: Kind,
  existing: KObj | undefined,
  obj: KObj,
) {
  if (
    existing &&
    isSubset(obj.spec, existing.spec) &&
    isSubset(obj.metadata.labels, existing.metadata.labels)
  )
    return;
  if (existing && isDeleting(existing)) return;
  await scope.rt.writer.apply(kind, obj);
  scope.event({
    regarding: scope.cluster,
    controller: CONTROLLERS.topology,
    reason: existing ? 'TopologyUpdate' : 'TopologyCreate',
    action: existing ? 'Update' : 'Create',
    note: `${existing ? 'Updated' : 'Created'} ${kind} "${obj.metadata.name}"`,
  });
}

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
  const { versions, writer } = scope.rt;
  const gen = scope.gen;
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

  // OpenStackCluster.
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
      metadata: {
        name: oscName,
        namespace: scope.ns,
        labels: ownedLabels(scope),
        annotations: {
          [CLONED_FROM_NAME]: infraTemplate.metadata.name,
          [CLONED_FROM_GROUPKIND]: `OpenStackClusterTemplate.${
            infraTemplate.apiVersion.split('/')[0]
          }`,
        },
        ownerReferences: [ownerRef(cluster)],
      },
      spec: osc.spec?.template?.spec ?? {},
    },
  );

  // Control plane machine template and KubeadmControlPlane.
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
    metadata: {
      name: kcpName,
      namespace: scope.ns,
      labels: ownedLabels(scope),
      annotations: {
        [CLONED_FROM_NAME]: cpTemplate.metadata.name,
        [CLONED_FROM_GROUPKIND]: `KubeadmControlPlaneTemplate.${
          cpTemplate.apiVersion.split('/')[0]
        }`,
      },
      ownerReferences: [ownerRef(cluster)],
    },
    spec: kcpSpec,
  });

  // The Cluster points at them.
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

  // Workers wait for the control plane to finish upgrading.
  const cpMachines = scope.controlPlaneMachines().filter(m => !isDeleting(m));
  const cpUpgrading =
    (!!kcp && kcp.spec?.version !== version) ||
    cpMachines.some(m => m.spec?.version !== version);
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
    const bootstrap = patchedTemplate(
      cls,
      bootstrapClass,
      'KubeadmConfigTemplate',
      role,
      vars,
    );
    const infra = patchedTemplate(
      cls,
      infraClass,
      'OpenStackMachineTemplate',
      role,
      vars,
    );
    const bootstrapName = await ensureTemplate(
      scope,
      'KubeadmConfigTemplate',
      bootstrapConfigRef(md?.spec?.template?.spec)?.name,
      bootstrap.spec,
      bootstrapClass,
      `${scope.name}-${mdt.name}`,
    );
    const infraName = await ensureTemplate(
      scope,
      'OpenStackMachineTemplate',
      infrastructureRef(md?.spec?.template?.spec)?.name,
      infra.spec,
      infraClass,
      `${scope.name}-${mdt.name}`,
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

  await deleteUnusedTemplates(scope);

  if (cpUpgrading)
    scope.topologyUpgrading = `Cluster is upgrading to ${version}\n* KubeadmControlPlane upgrading`;
  else if (pending.length) {
    scope.topologyUpgrading = `Cluster is upgrading to ${version}\n* MachineDeployment${
      pending.length > 1 ? 's' : ''
    } ${pending.join(', ')} pending upgrade`;
  }
}

async function reconcileHealthCheck(
  scope: ClusterScope,
  name: string,
  workerClass: any,
  mdt: any,
) {
  const hc = workerClass.healthCheck;
  const legacyHc = workerClass.machineHealthCheck;
  const existing = scope.get('MachineHealthCheck', name);
  const enabled =
    (hc || legacyHc) &&
    (mdt.healthCheck?.enabled ?? mdt.machineHealthCheck?.enable) !== false;
  if (!enabled) {
    if (existing && isOwnedBy(existing, scope.cluster))
      await scope.rt.writer.remove('MachineHealthCheck', existing);
    return;
  }
  const selector = {
    matchLabels: {
      [CLUSTER_NAME_LABEL]: scope.name,
      [DEPLOYMENT_NAME_LABEL]: name,
    },
  };
  const spec =
    scope.gen === 'v1beta2'
      ? {
          clusterName: scope.name,
          selector,
          ...(hc?.checks || mdt.healthCheck?.checks
            ? { checks: mdt.healthCheck?.checks ?? hc.checks }
            : {}),
          ...(hc?.remediation || mdt.healthCheck?.remediation
            ? { remediation: mdt.healthCheck?.remediation ?? hc.remediation }
            : {}),
        }
      : { clusterName: scope.name, selector, ...legacyHc };
  await applyOwned(scope, 'MachineHealthCheck', existing, {
    apiVersion: scope.rt.versions.kinds.MachineHealthCheck.apiVersion,
    kind: 'MachineHealthCheck',
    metadata: {
      name,
      namespace: scope.ns,
      labels: ownedLabels(scope),
      ownerReferences: [ownerRef(scope.cluster, false)],
    },
    spec,
  });
}

/** Topology templates no KubeadmControlPlane, MachineDeployment or MachineSet refers to any more. */
async function deleteUnusedTemplates(scope: ClusterScope) {
  const used = new Set<string>();
  const kcp = scope.kcp();
  if (kcp) used.add(kcpInfrastructureRef(kcp)?.name ?? '');
  for (const o of [...scope.machineDeployments(), ...scope.machineSets()]) {
    used.add(bootstrapConfigRef(o.spec?.template?.spec)?.name ?? '');
    used.add(infrastructureRef(o.spec?.template?.spec)?.name ?? '');
  }
  for (const kind of [
    'OpenStackMachineTemplate',
    'KubeadmConfigTemplate',
  ] as const) {
    for (const t of scope.list(kind)) {
      if (used.has(t.metadata.name) || isDeleting(t)) continue;
      if (!(TOPOLOGY_OWNED_LABEL in labels(t)) || !isOwnedBy(t, scope.cluster))
        continue;
      await scope.rt.writer.remove(kind, t);
    }
  }
}

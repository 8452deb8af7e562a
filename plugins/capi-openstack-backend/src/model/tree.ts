/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  AddressInfo,
  ClusterTree,
  ControlPlaneNode,
  DeletionInfo,
  FailureDomainInfo,
  FlavorInfo,
  ImageInfo,
  InfrastructureNode,
  MachineHealthCheckNode,
  MachineNode,
  MachineSetNode,
  PoolNode,
  RolloutInfo,
  ServerInfo,
  TopologyInfo,
  VersionCount,
  VersionsInfo,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  conditionGeneration,
  getCondition,
  isFalse,
  legacyFailure,
  summarizeConditions,
} from './conditions';
import { clusterCounters, replicaCountersOf } from './counters';
import {
  certificatesExpiryOf,
  deploymentNameOf,
  isBastionServer,
  isClusterPaused,
  isControlPlaneMachine,
  machineSetNameOf,
  openStackMachineOf,
  openStackServerOf,
  scopeToCluster,
} from './links';
import { magnumInfoOf } from './magnum';
import {
  ANNOTATION_AUTOSCALER_MAX,
  ANNOTATION_AUTOSCALER_MIN,
  ANNOTATION_MD_REVISION,
  ClusterObjects,
  KubeObject,
  LABEL_CONTROL_PLANE_NAME,
  LABEL_TOPOLOGY_DEPLOYMENT_NAME,
  annotationOf,
  isoTime,
  labelOf,
  num,
  refName,
  str,
} from './objects';
import { evaluateBastion } from './verdict';

/**
 * Builds the tree of one workload cluster from its plain objects. Pure: no
 * I/O and no clock of its own (the bastion badge's 15-minute failure rule
 * applies only when `now` is passed).
 */

/** Removes undefined fields, keeping the DTO minimal. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    if (o[k] === undefined) delete o[k];
  }
  return o;
}

function strList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string');
  return out.length ? out : undefined;
}

/**
 * Flavor of an OpenStackMachine(Template) / OpenStackServer spec:
 * CAPO v1beta1 `flavor: <name>` + `flavorID`, v1beta2 `flavor: {id | filter: {name}}`.
 */
export function flavorOf(spec: any, status?: any): FlavorInfo | undefined {
  const f = spec?.flavor;
  const info: FlavorInfo = compact({
    name: typeof f === 'string' ? str(f) : str(f?.filter?.name),
    id: (typeof f === 'object' ? str(f?.id) : undefined) ?? str(spec?.flavorID),
    resolvedId: str(status?.resolved?.flavorID),
  });
  return Object.keys(info).length ? info : undefined;
}

/** Image of an OpenStackMachine(Template) / OpenStackServer spec: `{id | filter: {name, tags} | imageRef: {name}}`. */
export function imageOf(spec: any, status?: any): ImageInfo | undefined {
  const i = spec?.image;
  const info: ImageInfo = compact({
    id: str(i?.id),
    name: str(i?.filter?.name),
    tags: strList(i?.filter?.tags),
    imageRef: str(i?.imageRef?.name),
    resolvedId: str(status?.resolved?.imageID),
  });
  return Object.keys(info).length ? info : undefined;
}

function addressesOf(raw: unknown): AddressInfo[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(a => typeof a?.address === 'string')
    .map(a => ({ type: String(a.type ?? ''), address: a.address }));
}

function templateSpec(
  name: string | undefined,
  templates: KubeObject[],
): any | undefined {
  if (!name) return undefined;
  return templates.find(t => t.metadata.name === name)?.spec?.template?.spec;
}

/** `ready` of a CAPO object: `status.initialization.provisioned` (v1beta2 contract) or `status.ready` (v1beta1). */
function provisioned(o: KubeObject | undefined): boolean | undefined {
  const s = o?.status;
  if (!s) return undefined;
  const a = s.initialization?.provisioned;
  const b = s.ready;
  if (a === true || b === true) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean') return false;
  return undefined;
}

function serverInfo(
  machine: KubeObject,
  osm: KubeObject | undefined,
  oss: KubeObject | undefined,
): ServerInfo | undefined {
  if (!osm && !oss) return undefined;
  const src = oss ?? osm!;
  const notReady = (o: KubeObject | undefined) => {
    const c = getCondition(o, 'InstanceReady') ?? getCondition(o, 'Ready');
    return isFalse(c) ? c?.message ?? c?.reason : undefined;
  };
  const ossAddresses = addressesOf(oss?.status?.addresses);
  return compact({
    source: oss ? 'OpenStackServer' : 'OpenStackMachine',
    name: src.metadata.name,
    instanceId: str(oss?.status?.instanceID) ?? str(osm?.status?.instanceID),
    state: str(oss?.status?.instanceState) ?? str(osm?.status?.instanceState),
    flavor: flavorOf(src.spec, src.status) ?? flavorOf(osm?.spec, osm?.status),
    image: imageOf(src.spec, src.status) ?? imageOf(osm?.spec, osm?.status),
    availabilityZone:
      str(oss?.spec?.availabilityZone) ??
      str(machine.spec?.failureDomain) ??
      str(machine.status?.failureDomain),
    addresses: ossAddresses.length
      ? ossAddresses
      : addressesOf(osm?.status?.addresses),
    ready: provisioned(oss) ?? provisioned(osm),
    failureMessage:
      notReady(oss) ?? legacyFailure(osm)?.message ?? notReady(osm),
    conditions: summarizeConditions(src),
  } as ServerInfo);
}

function rolloutOf(o: KubeObject | undefined): RolloutInfo {
  const spec = o?.spec ?? {};
  const days =
    num(spec.rollout?.before?.certificatesExpiryDays) ??
    num(spec.rolloutBefore?.certificatesExpiryDays);
  return compact({
    after: isoTime(spec.rollout?.after ?? spec.rolloutAfter),
    before: days !== undefined ? { certificatesExpiryDays: days } : undefined,
  });
}

function versionsOf(raw: unknown): VersionCount[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw
    .filter(v => typeof v?.version === 'string')
    .map(v =>
      compact({ version: v.version as string, replicas: num(v.replicas) }),
    );
}

/** Counts Machines per `spec.version` (fallback when CAPI does not report `versions`). */
function countVersions(machines: KubeObject[]): VersionCount[] {
  const counts = new Map<string, number>();
  for (const m of machines) {
    const v = str(m.spec?.version);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([version, replicas]) => ({ version, replicas }));
}

function deleting(o: KubeObject | undefined): true | undefined {
  return o?.metadata.deletionTimestamp ? true : undefined;
}

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

function failureDomainsOf(raw: unknown): FailureDomainInfo[] {
  const cp = (fd: any) =>
    typeof fd?.controlPlane === 'boolean' ? fd.controlPlane : undefined;
  // v1beta2: list of {name, controlPlane}; v1beta1: map name → {controlPlane}.
  let out: FailureDomainInfo[] = [];
  if (Array.isArray(raw)) {
    out = raw
      .filter(fd => typeof fd?.name === 'string')
      .map(fd => compact({ name: fd.name, controlPlane: cp(fd) }));
  } else if (raw && typeof raw === 'object') {
    out = Object.entries(raw as Record<string, any>).map(([name, fd]) =>
      compact({ name, controlPlane: cp(fd) }),
    );
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

function endpointOf(raw: any): { host?: string; port?: number } | undefined {
  if (!raw || (!str(raw.host) && num(raw.port) === undefined)) return undefined;
  return compact({ host: str(raw.host), port: num(raw.port) });
}

function infrastructureOf(
  objs: ClusterObjects,
  now: Date | undefined,
): InfrastructureNode | undefined {
  const osc = objs.openStackCluster;
  if (!osc) return undefined;
  const s = osc.status ?? {};
  const net = s.network;
  const lb = s.apiServerManagedLoadBalancer ?? s.apiServerLoadBalancer;
  const bastionStatus = s.bastion ?? {};
  const bastionSpec = osc.spec?.bastion;
  const badge = evaluateBastion(objs, now);
  const bastionServer = objs.openStackServers.find(x =>
    isBastionServer(x, objs.cluster.metadata.name, osc),
  );
  const failure = legacyFailure(osc);
  return compact({
    kind: osc.kind,
    name: osc.metadata.name,
    apiVersion: osc.apiVersion,
    ready: provisioned(osc),
    conditions: summarizeConditions(osc),
    network: net
      ? compact({ id: str(net.id), name: str(net.name) })
      : undefined,
    subnets: Array.isArray(net?.subnets)
      ? net.subnets.map((sn: any) =>
          compact({
            id: str(sn?.id),
            name: str(sn?.name),
            cidr: str(sn?.cidr),
          }),
        )
      : [],
    router: s.router
      ? compact({
          id: str(s.router.id),
          name: str(s.router.name),
          ips: strList(s.router.ips),
        })
      : undefined,
    externalNetwork: s.externalNetwork
      ? compact({
          id: str(s.externalNetwork.id),
          name: str(s.externalNetwork.name),
        })
      : undefined,
    apiServerLoadBalancer: lb
      ? compact({
          id: str(lb.id),
          name: str(lb.name),
          ip: str(lb.ip),
          internalIP: str(lb.internalIP),
          allowedCIDRs: strList(lb.allowedCIDRs),
        })
      : undefined,
    bastion: compact({
      enabled: !!bastionSpec && bastionSpec.enabled !== false,
      name: str(bastionStatus.name) ?? bastionServer?.metadata.name,
      state:
        str(bastionServer?.status?.instanceState) ?? str(bastionStatus.state),
      ip: str(bastionStatus.ip),
      floatingIP: str(bastionStatus.floatingIP),
      ready: badge.ready,
      badge: badge.badge,
      message: badge.message,
    }),
    failureDomains: failureDomainsOf(s.failureDomains),
    controlPlaneEndpoint: endpointOf(osc.spec?.controlPlaneEndpoint),
    failureReason: failure?.reason,
    failureMessage: failure?.message,
  } as InfrastructureNode);
}

function machineHealthCheckOf(mhc: KubeObject): MachineHealthCheckNode {
  const s = mhc.status ?? {};
  const ml = mhc.spec?.selector?.matchLabels;
  return compact({
    name: mhc.metadata.name,
    selector: ml && typeof ml === 'object' ? { ...ml } : undefined,
    expectedMachines: num(s.expectedMachines),
    currentHealthy: num(s.currentHealthy),
    remediationsAllowed: num(s.remediationsAllowed),
    targets: strList(s.targets) ?? [],
    remediationAllowed: getCondition(mhc, 'RemediationAllowed')?.status,
    conditions: summarizeConditions(mhc),
  } as MachineHealthCheckNode);
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

  const osmOf = (m: KubeObject) =>
    openStackMachineOf(m, objs.openStackMachines);
  const machineNodes: MachineNode[] = objs.machines.map(m => {
    const cp = isControlPlaneMachine(m);
    const osm = osmOf(m);
    const oss = openStackServerOf(
      osm,
      objs.openStackServers,
      refName(m.spec?.infrastructureRef) ?? m.metadata.name,
    );
    const infraName = refName(m.spec?.infrastructureRef);
    return compact({
      name: m.metadata.name,
      role: cp ? 'control-plane' : 'worker',
      pool: cp
        ? labelOf(m, LABEL_CONTROL_PLANE_NAME) ?? kcp?.metadata.name
        : deploymentNameOf(m, objs.machineSets),
      machineSet: cp ? undefined : machineSetNameOf(m),
      phase: str(m.status?.phase),
      version: str(m.spec?.version),
      providerID: str(m.spec?.providerID),
      nodeName: str(m.status?.nodeRef?.name),
      failureDomain: str(m.spec?.failureDomain) ?? str(m.status?.failureDomain),
      certificatesExpiryDate: isoTime(certificatesExpiryOf(m, kubeadmConfigs)),
      conditions: summarizeConditions(m),
      infrastructureRef: infraName
        ? {
            kind: String(m.spec.infrastructureRef.kind ?? 'OpenStackMachine'),
            name: infraName,
          }
        : undefined,
      server: serverInfo(m, osm, oss),
      createdAt: isoTime(m.metadata.creationTimestamp),
      deleting: deleting(m),
    } as MachineNode);
  });
  // Control plane first, then workers by pool, each by name.
  machineNodes.sort(
    (a, b) =>
      Number(b.role === 'control-plane') - Number(a.role === 'control-plane') ||
      (a.pool ?? '').localeCompare(b.pool ?? '') ||
      a.name.localeCompare(b.name),
  );

  const cpMachines = objs.machines.filter(isControlPlaneMachine);
  let controlPlane: ControlPlaneNode | undefined;
  if (kcp) {
    const tplName =
      refName(kcp.spec?.machineTemplate?.spec?.infrastructureRef) ??
      refName(kcp.spec?.machineTemplate?.infrastructureRef);
    const tpl = templateSpec(tplName, templates);
    const firstOsm = cpMachines.map(osmOf).find(Boolean);
    const kcpVersions = versionsOf(kcp.status?.versions);
    controlPlane = compact({
      name: kcp.metadata.name,
      kind: kcp.kind,
      apiVersion: kcp.apiVersion,
      resourceVersion: kcp.metadata.resourceVersion,
      version: str(kcp.spec?.version),
      counters: replicaCountersOf(kcp),
      versions: kcpVersions ?? countVersions(cpMachines),
      initialized:
        conditionGeneration(kcp) === 'v1beta2'
          ? kcp.status?.initialization?.controlPlaneInitialized
          : kcp.status?.initialized,
      infrastructureTemplate: tplName,
      flavor: tpl ? flavorOf(tpl) : flavorOf(firstOsm?.spec),
      image: tpl ? imageOf(tpl) : imageOf(firstOsm?.spec),
      certificates: machineNodes
        .filter(m => m.role === 'control-plane')
        .map(m =>
          compact({ machine: m.name, expiry: m.certificatesExpiryDate }),
        ),
      conditions: summarizeConditions(kcp),
      rollout: rolloutOf(kcp),
      deleting: deleting(kcp),
    } as ControlPlaneNode);
    if (typeof controlPlane.initialized !== 'boolean')
      delete controlPlane.initialized;
  }

  const pools: PoolNode[] = objs.machineDeployments.map(md => {
    const mdName = md.metadata.name;
    const topologyName = labelOf(md, LABEL_TOPOLOGY_DEPLOYMENT_NAME);
    const tplName = refName(md.spec?.template?.spec?.infrastructureRef);
    const tpl = templateSpec(tplName, templates);
    const poolMachines = objs.machines.filter(
      m =>
        !isControlPlaneMachine(m) &&
        deploymentNameOf(m, objs.machineSets) === mdName,
    );
    const firstOsm = poolMachines.map(osmOf).find(Boolean);
    const min = num(
      Number.parseInt(annotationOf(md, ANNOTATION_AUTOSCALER_MIN) ?? '', 10),
    );
    const max = num(
      Number.parseInt(annotationOf(md, ANNOTATION_AUTOSCALER_MAX) ?? '', 10),
    );
    const machineSets: MachineSetNode[] = objs.machineSets
      .filter(ms => deploymentNameOf(ms) === mdName)
      .map(ms =>
        compact({
          name: ms.metadata.name,
          revision: annotationOf(ms, ANNOTATION_MD_REVISION),
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
      .map(machineHealthCheckOf)
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

function versionsInfo(
  objs: ClusterObjects,
  topology: TopologyInfo | undefined,
): VersionsInfo {
  const cluster = objs.cluster;
  const s = cluster.status ?? {};
  const base = conditionGeneration(cluster) === 'v1beta2' ? s : s.v1beta2 ?? {};
  const cpMachines = objs.machines.filter(isControlPlaneMachine);
  const workerMachines = objs.machines.filter(m => !isControlPlaneMachine(m));
  // Cluster status (CAPI ≥ v1.14) → KCP/MD status.versions → counted from the Machines.
  const cp =
    versionsOf(base.controlPlane?.versions) ??
    versionsOf(objs.controlPlane?.status?.versions) ??
    countVersions(cpMachines);
  let workers = versionsOf(base.workers?.versions);
  if (!workers) {
    const perMd = objs.machineDeployments.map(md =>
      versionsOf(md.status?.versions),
    );
    if (objs.machineDeployments.length > 0 && perMd.every(Boolean)) {
      const sum = new Map<string, number | undefined>();
      for (const v of perMd.flat() as VersionCount[]) {
        const prev = sum.has(v.version) ? sum.get(v.version) : 0;
        sum.set(
          v.version,
          prev === undefined || v.replicas === undefined
            ? undefined
            : prev + v.replicas,
        );
      }
      workers = [...sum.entries()].map(([version, replicas]) =>
        compact({ version, replicas }),
      );
    } else {
      workers = countVersions(workerMachines);
    }
  }
  const plan = (raw: unknown) => {
    if (!Array.isArray(raw)) return undefined;
    const v = raw.map(x => str(x?.version)).filter((x): x is string => !!x);
    return v.length ? v : undefined;
  };
  const cpPlan = plan(base.controlPlane?.upgradePlan);
  const workerPlan = plan(base.workers?.upgradePlan);
  return compact({
    desired: topology?.version ?? str(objs.controlPlane?.spec?.version),
    observed: [
      ...cp.map(v => ({ ...v, scope: 'controlPlane' as const })),
      ...workers.map(v => ({ ...v, scope: 'workers' as const })),
    ],
    upgradePlan:
      cpPlan || workerPlan
        ? compact({ controlPlane: cpPlan, workers: workerPlan })
        : undefined,
  });
}

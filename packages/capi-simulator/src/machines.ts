/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// One Machine and what hangs off it, as four controllers would handle them:
// CABPK renders the KubeadmConfig's bootstrap data Secret; CAPO's
// OpenStackMachine controller creates an OpenStackServer, which goes from
// BUILD to ACTIVE (or ERROR); the Machine controller copies providerID and
// addresses and, once the node has booted and joined, sets nodeRef:
// Pending -> Provisioning -> Provisioned -> Running.

import { DURATIONS, isoTime, Stage } from './clock';
import {
  cond,
  Cond,
  findCondition,
  legacy,
  LegacyCondition,
} from './conditions';
import {
  CAPI_SECRET_TYPE,
  CERTIFICATES_EXPIRY_ANNOTATION,
  CLONED_FROM_GROUPKIND,
  CLONED_FROM_NAME,
  CLUSTER_NAME_LABEL,
  CONTROL_PLANE_LABEL,
  MACHINE_FINALIZER,
  OPENSTACK_MACHINE_FINALIZER,
  OPENSTACK_SERVER_FINALIZER,
  REGION,
} from './constants';
import { ClusterScope } from './context';
import { Controller, CONTROLLERS } from './events';
import { quotaExceeded, quotaExceededMessage, stuckInBuild } from './failures';
import { KObj } from './kube';
import {
  annotations,
  bootstrapConfigRef,
  createdAt,
  infrastructureRef,
  intFor,
  isDeleting,
  labels,
  ownerRef,
  uuidFor,
  writeRef,
} from './shapes';
import {
  MachineView,
  remoteProbeFailedSince,
  writeKubeadmConfigStatus,
  writeMachineStatus,
} from './status';

const DAY = 24 * 60 * 60 * 1000;

/** What an owner (KubeadmControlPlane, MachineSet) says a new Machine is made of. */
export interface MachineBlueprint {
  owner: KObj;
  controller: Controller;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** Machine spec without the bootstrap and infrastructure references. */
  spec: Record<string, any>;
  bootstrap: { spec: any; template?: TemplateName };
  infrastructure: { spec: any; template: TemplateName };
}

export interface TemplateName {
  name: string;
  kind: string;
  group: string;
}

function clonedFrom(t: TemplateName | undefined): Record<string, string> {
  return t
    ? {
        [CLONED_FROM_NAME]: t.name,
        [CLONED_FROM_GROUPKIND]: `${t.kind}.${t.group}`,
      }
    : {};
}

function isControlPlane(machine: KObj): boolean {
  return CONTROL_PLANE_LABEL in labels(machine);
}

/** Creates a Machine with its KubeadmConfig and OpenStackMachine. */
export async function createMachine(
  scope: ClusterScope,
  name: string,
  bp: MachineBlueprint,
): Promise<void> {
  const { writer, versions } = scope.rt;
  const machine = await writer.apply('Machine', {
    metadata: {
      name,
      namespace: scope.ns,
      labels: { ...bp.labels, [CLUSTER_NAME_LABEL]: scope.name },
      ...(bp.annotations && Object.keys(bp.annotations).length
        ? { annotations: bp.annotations }
        : {}),
      ownerReferences: [ownerRef(bp.owner)],
      finalizers: [MACHINE_FINALIZER],
    },
    spec: {
      ...bp.spec,
      clusterName: scope.name,
      bootstrap: {
        configRef: writeRef(
          scope.gen,
          versions.kinds.KubeadmConfig,
          name,
          scope.ns,
        ),
      },
      infrastructureRef: writeRef(
        scope.gen,
        versions.kinds.OpenStackMachine,
        name,
        scope.ns,
      ),
    },
  });
  await ensureMachineChildren(scope, machine, bp);
  scope.event({
    regarding: bp.owner,
    controller: bp.controller,
    reason: 'SuccessfulCreate',
    action: 'Create',
    note: `Created Machine "${name}"`,
  });
}

/** (Re-)creates a Machine's missing KubeadmConfig or OpenStackMachine. */
export async function ensureMachineChildren(
  scope: ClusterScope,
  machine: KObj,
  bp: MachineBlueprint,
): Promise<void> {
  if (isDeleting(machine)) return;
  const { writer } = scope.rt;
  const name = machine.metadata.name;
  const childLabels = { ...labels(machine) };
  if (!scope.get('KubeadmConfig', bootstrapConfigRef(machine.spec)?.name)) {
    const kc = await writer.apply('KubeadmConfig', {
      metadata: {
        name,
        namespace: scope.ns,
        labels: childLabels,
        ...(bp.bootstrap.template
          ? { annotations: clonedFrom(bp.bootstrap.template) }
          : {}),
        ownerReferences: [ownerRef(machine)],
      },
      spec: bp.bootstrap.spec,
    });
    scope.rt.clock.start(kc.metadata.uid!, 'bootstrapData');
  }
  if (!scope.get('OpenStackMachine', infrastructureRef(machine.spec)?.name)) {
    await writer.apply('OpenStackMachine', {
      metadata: {
        name,
        namespace: scope.ns,
        labels: childLabels,
        annotations: clonedFrom(bp.infrastructure.template),
        ownerReferences: [ownerRef(machine)],
        finalizers: [OPENSTACK_MACHINE_FINALIZER],
      },
      spec: bp.infrastructure.spec,
    });
  }
}

/** The template an OpenStackMachine was cloned from. */
export function infrastructureTemplateOf(
  scope: ClusterScope,
  machine: KObj,
): string | undefined {
  return annotations(
    scope.get('OpenStackMachine', infrastructureRef(machine.spec)?.name),
  )[CLONED_FROM_NAME];
}

/**
 * Certificates expiry of a control plane Machine: the annotation on it or on
 * its KubeadmConfig (set by CABPK), else what its status already says.
 */
export function certificatesExpiry(
  scope: ClusterScope,
  machine: KObj,
): string | undefined {
  return (
    annotations(machine)[CERTIFICATES_EXPIRY_ANNOTATION] ??
    annotations(
      scope.get('KubeadmConfig', bootstrapConfigRef(machine.spec)?.name),
    )[CERTIFICATES_EXPIRY_ANNOTATION] ??
    machine.status?.certificatesExpiryDate
  );
}

function legacyReady(obj: KObj | undefined): LegacyCondition | undefined {
  return findCondition<LegacyCondition>(obj?.status?.conditions, 'Ready');
}

/** The summary view of a Machine from its current objects (up-to-date set by its owner). */
export function machineView(
  scope: ClusterScope,
  machine: KObj,
  upToDate: { ok: boolean; reasons: string[] },
): MachineView {
  const osm = scope.get(
    'OpenStackMachine',
    infrastructureRef(machine.spec)?.name,
  );
  const deleting = isDeleting(machine);
  const provisioned = !!osm?.status?.ready;
  const hasNode = !!machine.status?.nodeRef;
  const ready = hasNode && !deleting;
  let notReadyMessage = '';
  if (deleting) notReadyMessage = '* Deleting: Machine deletion in progress';
  else if (!machine.spec?.bootstrap?.dataSecretName)
    notReadyMessage =
      '* BootstrapConfigReady: KubeadmConfig status.initialization.dataSecretCreated is false';
  else if (!provisioned) {
    const r = legacyReady(osm);
    notReadyMessage = `* InfrastructureReady: ${
      r?.message ??
      'OpenStackMachine status.initialization.provisioned is false'
    }`;
  } else if (!hasNode)
    notReadyMessage = `* NodeHealthy: Waiting for a Node with spec.providerID ${
      machine.spec?.providerID ?? ''
    } to exist`;
  return {
    obj: machine,
    name: machine.metadata.name,
    role: isControlPlane(machine) ? 'control-plane' : 'worker',
    deleting,
    version: machine.spec?.version ?? '',
    provisioned,
    ready,
    available: ready,
    upToDate: upToDate.ok,
    notUpToDate: upToDate.reasons,
    notReadyMessage,
    created: createdAt(machine),
  };
}

// --- CABPK ---------------------------------------------------------------------

function isInitConfig(kc: KObj): boolean {
  return !!kc.spec?.initConfiguration && !kc.spec?.joinConfiguration;
}

function bootstrapData(kc: KObj): string {
  const config = isInitConfig(kc) ? 'kubeadm init' : 'kubeadm join';
  return [
    '## template: jinja',
    '#cloud-config',
    '# Simulated bootstrap data (capi-openstack-simulator): never booted anywhere.',
    'runcmd:',
    `  - '${config} --config /run/kubeadm/kubeadm.yaml'`,
    '',
  ].join('\n');
}

async function reconcileKubeadmConfig(
  scope: ClusterScope,
  machine: KObj,
  kc: KObj,
): Promise<string | undefined> {
  const name = kc.status?.dataSecretName;
  if (name) return name;
  const waiting = (reason: string, message: string) =>
    writeKubeadmConfigStatus(scope, kc, { waiting: { reason, message } });
  if (!scope.infrastructureReady()) {
    await waiting(
      'WaitingForClusterInfrastructure',
      'Waiting for Cluster status.infrastructureReady to be true',
    );
    return undefined;
  }
  if (!isInitConfig(kc) && !scope.controlPlaneInitialized()) {
    await waiting(
      'WaitingForControlPlaneInitialization',
      'Waiting for the control plane to be initialized',
    );
    return undefined;
  }
  const remaining = scope.rt.clock.remaining(
    kc.metadata.uid!,
    'bootstrapData',
    createdAt(kc),
  );
  if (remaining > 0) {
    scope.requeue(remaining);
    await waiting(
      'DataSecretGenerationInProgress',
      'Generating bootstrap data',
    );
    return undefined;
  }
  const secretName = kc.metadata.name;
  await scope.rt.writer.applySecret({
    type: CAPI_SECRET_TYPE,
    metadata: {
      name: secretName,
      namespace: scope.ns,
      labels: { [CLUSTER_NAME_LABEL]: scope.name },
      ownerReferences: [ownerRef(kc)],
    },
    data: {
      format: Buffer.from('cloud-config').toString('base64'),
      value: Buffer.from(bootstrapData(kc)).toString('base64'),
    },
  });
  let current: KObj | undefined = kc;
  if (
    isControlPlane(machine) &&
    !annotations(kc)[CERTIFICATES_EXPIRY_ANNOTATION]
  ) {
    current = await scope.rt.writer.patch('KubeadmConfig', kc, {
      metadata: {
        annotations: {
          [CERTIFICATES_EXPIRY_ANNOTATION]: isoTime(Date.now() + 365 * DAY),
        },
      },
    });
  }
  if (current)
    await writeKubeadmConfigStatus(scope, current, {
      dataSecretName: secretName,
    });
  scope.event({
    regarding: kc,
    controller: CONTROLLERS.kubeadmConfig,
    reason: 'DataSecretCreated',
    action: 'Create',
    note: `Created bootstrap data Secret "${secretName}"`,
  });
  return secretName;
}

// --- CAPO: OpenStackServer and OpenStackMachine ----------------------------

interface NetworkInfo {
  networkId: string;
  subnetId: string;
  securityGroupId: string;
  failureDomains: string[];
}

function networkInfo(scope: ClusterScope, controlPlane: boolean): NetworkInfo {
  const osc = scope.openStackCluster();
  const s = osc?.status ?? {};
  const sg = controlPlane ? s.controlPlaneSecurityGroup : s.workerSecurityGroup;
  return {
    networkId: s.network?.id ?? uuidFor('network', scope.ns, scope.name),
    subnetId:
      s.network?.subnets?.[0]?.id ?? uuidFor('subnet', scope.ns, scope.name),
    securityGroupId:
      sg?.id ??
      uuidFor(
        'security-group',
        scope.ns,
        scope.name,
        controlPlane ? 'cp' : 'worker',
      ),
    failureDomains: Object.keys(s.failureDomains ?? {}),
  };
}

/** A free address in the cluster network, stable per server. */
function allocateIP(scope: ClusterScope, server: KObj): string {
  const used = new Set<string>();
  for (const o of scope.list('OpenStackServer')) {
    if (
      labels(o)[CLUSTER_NAME_LABEL] !== scope.name ||
      o.metadata.uid === server.metadata.uid
    )
      continue;
    for (const a of o.status?.addresses ?? []) used.add(a.address);
  }
  const lb =
    scope.openStackCluster()?.status?.apiServerLoadBalancer?.internalIP;
  if (lb) used.add(lb);
  let host = 10 + intFor(240, scope.ns, server.metadata.name);
  for (let i = 0; i < 240 && used.has(`10.6.0.${host}`); i++)
    host = host >= 249 ? 10 : host + 1;
  return `10.6.0.${host}`;
}

function imageID(image: any): string {
  return (
    image?.id ??
    uuidFor('image', image?.filter?.name ?? image?.imageRef?.name ?? 'unknown')
  );
}

function flavorName(spec: any): string | undefined {
  return spec?.flavor;
}

function portStatus(
  scope: ClusterScope,
  name: string,
  net: NetworkInfo,
  ip: string,
) {
  return {
    name: `${name}-0`,
    description: `Created by cluster-api-provider-openstack cluster ${scope.ns}-${scope.name}`,
    networkID: net.networkId,
    fixedIPs: [{ subnet: net.subnetId, ipAddress: ip }],
    securityGroups: [net.securityGroupId],
    tags: [],
    trunk: false,
  };
}

function identityRef(scope: ClusterScope, spec: any) {
  const ref = spec?.identityRef ?? scope.openStackCluster()?.spec?.identityRef;
  return ref
    ? { type: 'Secret', ...ref }
    : {
        type: 'Secret',
        name: `${scope.name}-cloud-config`,
        cloudName: 'openstack',
      };
}

/** Builds, starts and (failure injection) refuses servers. */
export async function reconcileServer(
  scope: ClusterScope,
  server: KObj,
  options: { machine?: KObj; controlPlane: boolean },
): Promise<void> {
  const { writer, clock } = scope.rt;
  const state: string | undefined = server.status?.instanceState;
  const uid = server.metadata.uid!;
  const auth = legacy(
    cond('OpenStackAuthenticationSucceeded', 'True', 'Succeeded'),
    server.status?.conditions,
  );
  if (!state) {
    if (options.machine && quotaExceeded(scope.cluster, options.machine)) {
      const message = quotaExceededMessage(flavorName(server.spec));
      await writer.applyStatus('OpenStackServer', server, {
        ready: false,
        instanceState: 'ERROR',
        conditions: [
          legacy(
            {
              ...cond(
                'InstanceReady',
                'False',
                'InstanceCreateFailed',
                message,
              ),
              severity: 'Error',
            },
            undefined,
          ),
          auth,
        ],
      });
      scope.event({
        regarding: server,
        controller: CONTROLLERS.openStackServer,
        type: 'Warning',
        reason: 'FailedCreateServer',
        action: 'Create',
        note: `Failed to create server ${server.metadata.name}: ${message}`,
      });
      return;
    }
    const instanceID = uuidFor('server', scope.ns, server.metadata.name, uid);
    clock.start(uid, 'serverBuild');
    await writer.applyStatus('OpenStackServer', server, {
      ready: false,
      instanceID,
      instanceState: 'BUILD',
      conditions: [
        legacy(
          {
            ...cond(
              'InstanceReady',
              'False',
              'InstanceNotReady',
              'Instance state is BUILD',
            ),
            severity: 'Info',
          },
          undefined,
        ),
        auth,
      ],
    });
    scope.event({
      regarding: server,
      controller: CONTROLLERS.openStackServer,
      reason: 'SuccessfulCreateServer',
      action: 'Create',
      note: `Created server ${server.metadata.name} with id ${instanceID}`,
    });
    scope.requeue(clock.scaled(DURATIONS.serverBuild));
    return;
  }
  if (state !== 'BUILD') return;
  if (options.machine && stuckInBuild(scope.cluster, options.machine)) return;
  const remaining = clock.remaining(
    uid,
    options.machine ? 'serverBuild' : 'bastion',
    createdAt(server),
  );
  if (remaining > 0) {
    scope.requeue(remaining);
    return;
  }
  const net = networkInfo(scope, options.controlPlane);
  const ip = allocateIP(scope, server);
  await writer.applyStatus('OpenStackServer', server, {
    ready: true,
    instanceID: server.status.instanceID,
    instanceState: 'ACTIVE',
    addresses: [{ type: 'InternalIP', address: ip }],
    resolved: {
      flavorID: uuidFor(
        'flavor',
        flavorName(server.spec) ?? server.spec?.flavorID ?? 'unknown',
      ),
      imageID: imageID(server.spec?.image),
      ports: [portStatus(scope, server.metadata.name, net, ip)],
    },
    resources: {
      ports: [{ id: uuidFor('port', scope.ns, server.metadata.name, uid) }],
    },
    conditions: [
      legacy(cond('InstanceReady', 'True', 'Ready'), server.status?.conditions),
      auth,
    ],
  });
}

async function reconcileOpenStackMachine(
  scope: ClusterScope,
  machine: KObj,
  input: KObj,
  dataSecretName: string | undefined,
): Promise<KObj> {
  let osm = input;
  const { writer } = scope.rt;
  const controlPlane = isControlPlane(machine);
  let server = scope.get('OpenStackServer', osm.metadata.name);
  const previous: LegacyCondition[] | undefined = osm.status?.conditions;
  const waiting = async (
    reason: string,
    message: string,
    severity: 'Info' | 'Warning' | 'Error' = 'Info',
  ) => {
    const c = (type: string) =>
      legacy({ ...cond(type, 'False', reason, message), severity }, previous);
    await writer.applyStatus('OpenStackMachine', osm, {
      ready: false,
      conditions: [
        c('Ready'),
        c('InstanceReady'),
        legacy(cond('OpenStackAuthenticationSucceeded', 'True', ''), previous),
      ],
    });
    return scope.get('OpenStackMachine', osm.metadata.name) ?? osm;
  };
  if (!server) {
    if (!scope.infrastructureReady())
      return waiting(
        'WaitingForClusterInfrastructure',
        'Waiting for the OpenStackCluster to be ready',
      );
    if (!dataSecretName)
      return waiting(
        'WaitingForBootstrapData',
        'Waiting for the bootstrap data secret',
      );
    const net = networkInfo(scope, controlPlane);
    const az = machine.spec?.failureDomain ?? net.failureDomains[0];
    server = await writer.apply('OpenStackServer', {
      metadata: {
        name: osm.metadata.name,
        namespace: scope.ns,
        labels: { [CLUSTER_NAME_LABEL]: scope.name },
        ownerReferences: [ownerRef(osm, false)],
        finalizers: [OPENSTACK_SERVER_FINALIZER],
      },
      spec: {
        ...(az ? { availabilityZone: az } : {}),
        ...(osm.spec.flavor ? { flavor: osm.spec.flavor } : {}),
        ...(osm.spec.flavorID ? { flavorID: osm.spec.flavorID } : {}),
        identityRef: identityRef(scope, osm.spec),
        image: osm.spec.image,
        ports: [
          {
            network: { id: net.networkId },
            securityGroups: [{ id: net.securityGroupId }],
          },
        ],
        sshKeyName: osm.spec.sshKeyName ?? '',
        userDataRef: { name: dataSecretName },
        ...(osm.spec.rootVolume ? { rootVolume: osm.spec.rootVolume } : {}),
        ...(osm.spec.tags ? { tags: osm.spec.tags } : {}),
      },
    });
  }
  if (!isDeleting(server))
    await reconcileServer(scope, server, { machine, controlPlane });
  server = scope.get('OpenStackServer', osm.metadata.name) ?? server;
  const s = server.status ?? {};
  const serverCondition = findCondition<LegacyCondition>(
    s.conditions,
    'InstanceReady',
  );
  if (s.instanceState === 'ERROR') {
    const message = serverCondition?.message ?? 'Instance state is ERROR';
    await writer.applyStatus('OpenStackMachine', osm, {
      ready: false,
      instanceState: 'ERROR',
      conditions: [
        legacy(
          {
            ...cond('Ready', 'False', 'InstanceStateError', message),
            severity: 'Error',
          },
          previous,
        ),
        legacy(
          {
            ...cond('InstanceReady', 'False', 'InstanceStateError', message),
            severity: 'Error',
          },
          previous,
        ),
        legacy(cond('OpenStackAuthenticationSucceeded', 'True', ''), previous),
      ],
    });
  } else if (s.instanceState === 'ACTIVE') {
    const providerID = `openstack://${REGION}/${s.instanceID}`;
    if (osm.spec?.providerID !== providerID) {
      osm =
        (await writer.patch('OpenStackMachine', osm, {
          spec: { providerID },
        })) ?? osm;
    }
    const ip = s.addresses?.[0]?.address;
    await writer.applyStatus('OpenStackMachine', osm, {
      ready: true,
      initialization: { provisioned: true },
      instanceID: s.instanceID,
      instanceState: 'ACTIVE',
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: machine.metadata.name },
      ],
      resolved: s.resolved,
      resources: s.resources,
      conditions: [
        legacy(cond('Ready', 'True', ''), previous),
        legacy(cond('InstanceReady', 'True', ''), previous),
        ...(controlPlane
          ? [
              legacy(
                cond('APIServerIngressReadyCondition', 'True', ''),
                previous,
              ),
            ]
          : []),
        legacy(cond('OpenStackAuthenticationSucceeded', 'True', ''), previous),
      ],
    });
  } else if (s.instanceState === 'BUILD') {
    await writer.applyStatus('OpenStackMachine', osm, {
      ready: false,
      instanceID: s.instanceID,
      instanceState: 'BUILD',
      conditions: [
        legacy(
          {
            ...cond(
              'Ready',
              'False',
              'InstanceNotReady',
              'Instance state is BUILD',
            ),
            severity: 'Info',
          },
          previous,
        ),
        legacy(
          {
            ...cond(
              'InstanceReady',
              'False',
              'InstanceNotReady',
              'Instance state is BUILD',
            ),
            severity: 'Info',
          },
          previous,
        ),
        legacy(cond('OpenStackAuthenticationSucceeded', 'True', ''), previous),
      ],
    });
  }
  return scope.get('OpenStackMachine', osm.metadata.name) ?? osm;
}

// --- Machine -------------------------------------------------------------------

const CONTROL_PLANE_COMPONENTS = [
  'APIServerPodHealthy',
  'ControllerManagerPodHealthy',
  'SchedulerPodHealthy',
  'EtcdPodHealthy',
  'EtcdMemberHealthy',
];

function nodeInfo(machine: KObj, serverId: string) {
  return {
    architecture: 'amd64',
    bootID: uuidFor('boot', machine.metadata.uid ?? machine.metadata.name),
    containerRuntimeVersion: 'containerd://2.1.4',
    kernelVersion: '6.8.0-79-generic',
    kubeProxyVersion: machine.spec?.version ?? '',
    kubeletVersion: machine.spec?.version ?? '',
    machineID: uuidFor(
      'machine-id',
      machine.metadata.uid ?? machine.metadata.name,
    ).replace(/-/g, ''),
    operatingSystem: 'linux',
    osImage: 'Ubuntu 24.04.3 LTS',
    systemUUID: serverId,
  };
}

/** Progresses a (not deleting) Machine one step and writes its status. */
export async function reconcileMachine(
  scope: ClusterScope,
  input: KObj,
  upToDate: { ok: boolean; reasons: string[] },
): Promise<void> {
  const { writer, clock } = scope.rt;
  let machine: KObj | undefined = input;
  if (!machine.metadata.finalizers?.includes(MACHINE_FINALIZER)) {
    machine = await writer.addFinalizer('Machine', machine, MACHINE_FINALIZER);
    if (!machine) return;
  }
  const controlPlane = isControlPlane(machine);
  const kc = scope.get('KubeadmConfig', bootstrapConfigRef(machine.spec)?.name);
  let osm = scope.get(
    'OpenStackMachine',
    infrastructureRef(machine.spec)?.name,
  );

  let dataSecretName: string | undefined = kc?.status?.dataSecretName;
  if (kc && !dataSecretName && !scope.paused)
    dataSecretName = await reconcileKubeadmConfig(scope, machine, kc);
  if (
    dataSecretName &&
    machine.spec?.bootstrap?.dataSecretName !== dataSecretName
  ) {
    machine = await writer.patch('Machine', machine, {
      spec: { bootstrap: { dataSecretName } },
    });
    if (!machine) return;
  }
  const bootstrapReady = !!machine.spec?.bootstrap?.dataSecretName;

  if (osm && !isDeleting(osm))
    osm = await reconcileOpenStackMachine(
      scope,
      machine,
      osm,
      machine.spec?.bootstrap?.dataSecretName,
    );
  const infraReady = !!osm?.status?.ready;
  if (
    infraReady &&
    osm?.spec?.providerID &&
    machine.spec?.providerID !== osm.spec.providerID
  ) {
    machine = await writer.patch('Machine', machine, {
      spec: { providerID: osm.spec.providerID },
    });
    if (!machine) return;
  }

  // The node boots and joins.
  let hasNode = !!machine.status?.nodeRef;
  let joinedNow = false;
  if (infraReady && !hasNode && !scope.apiUnreachable) {
    let stage: Stage = 'workerJoin';
    if (controlPlane)
      stage = kc && isInitConfig(kc) ? 'kubeadmInit' : 'controlPlaneJoin';
    const remaining = clock.remaining(machine.metadata.uid!, stage);
    if (remaining > 0) scope.requeue(remaining);
    else {
      hasNode = true;
      joinedNow = true;
    }
  }

  const unreachable = remoteProbeFailedSince(scope) !== undefined;
  const previous = machine.status ?? {};
  let phase = 'Pending';
  if (hasNode) phase = 'Running';
  else if (infraReady) phase = 'Provisioned';
  else if (bootstrapReady) phase = 'Provisioning';
  const lastUpdated =
    previous.phase === phase && previous.lastUpdated
      ? previous.lastUpdated
      : isoTime(Date.now());

  const osmReady = findCondition<LegacyCondition>(
    osm?.status?.conditions,
    'Ready',
  );
  const waitingForNode = machine.spec?.providerID
    ? `Waiting for a Node with spec.providerID ${machine.spec.providerID} to exist`
    : 'Waiting for OpenStackMachine to report spec.providerID';
  const kcReady = findCondition<LegacyCondition>(
    kc?.status?.conditions,
    'DataSecretAvailable',
  );
  const bootstrapCond = bootstrapReady
    ? cond('BootstrapConfigReady', 'True', 'Ready')
    : cond(
        'BootstrapConfigReady',
        'False',
        'NotReady',
        kcReady?.message ??
          'KubeadmConfig status.initialization.dataSecretCreated is false',
      );
  const infraCond = infraReady
    ? cond('InfrastructureReady', 'True', 'Ready')
    : cond(
        'InfrastructureReady',
        'False',
        osmReady?.reason ?? 'NotReady',
        osmReady?.message ??
          'OpenStackMachine status.initialization.provisioned is false',
      );
  const nodeCond = (type: string): Cond => {
    if (hasNode && unreachable)
      return cond(
        type,
        'Unknown',
        'ConnectionDown',
        'Remote connection not established',
      );
    if (hasNode) return cond(type, 'True', type);
    return cond(type, 'Unknown', 'NodeDoesNotExist', waitingForNode);
  };
  let readyMessage = '';
  if (!bootstrapReady)
    readyMessage = `* BootstrapConfigReady: ${bootstrapCond.message}`;
  else if (!infraReady)
    readyMessage = `* InfrastructureReady: ${infraCond.message}`;
  else if (!hasNode) readyMessage = `* NodeHealthy: ${waitingForNode}`;
  const ready = hasNode;
  const conditions: Cond[] = [
    ready
      ? cond('Available', 'True', 'Available')
      : cond('Available', 'False', 'NotReady', readyMessage),
    ready
      ? cond('Ready', 'True', 'Ready')
      : cond('Ready', 'False', 'NotReady', readyMessage),
    upToDate.ok
      ? cond('UpToDate', 'True', 'UpToDate')
      : cond(
          'UpToDate',
          'False',
          'NotUpToDate',
          upToDate.reasons.map(r => `* ${r}`).join('\n'),
        ),
    bootstrapCond,
    infraCond,
    nodeCond('NodeReady'),
    nodeCond('NodeHealthy'),
    cond('Updating', 'False', 'NotUpdating'),
    cond('Deleting', 'False', 'NotDeleting'),
    scope.paused
      ? cond('Paused', 'True', 'Paused', 'Cluster spec.paused is set to true')
      : cond('Paused', 'False', 'NotPaused'),
  ];
  if (controlPlane && hasNode) {
    for (const type of CONTROL_PLANE_COMPONENTS) {
      conditions.push(
        unreachable
          ? cond(
              type,
              'Unknown',
              'ConnectionDown',
              'Remote connection not established',
            )
          : cond(
              type,
              'True',
              type === 'EtcdMemberHealthy' ? 'Healthy' : 'Running',
            ),
      );
    }
  }
  const serverId: string = osm?.status?.instanceID ?? '';
  await writeMachineStatus(scope, machine, {
    phase,
    bootstrapReady,
    infrastructureReady: infraReady,
    ...(infraReady ? { addresses: osm?.status?.addresses } : {}),
    ...(hasNode
      ? {
          nodeRef: machine.metadata.name,
          nodeInfo: nodeInfo(machine, serverId),
        }
      : {}),
    failureDomain: machine.spec?.failureDomain,
    ...(controlPlane && infraReady
      ? { certificatesExpiryDate: certificatesExpiry(scope, machine) }
      : {}),
    lastUpdated,
    conditions,
  });
  if (joinedNow) {
    scope.event({
      regarding: machine,
      controller: CONTROLLERS.machine,
      reason: 'SuccessfulSetNodeRef',
      action: 'Update',
      note: `Node ${machine.metadata.name} joined the cluster`,
    });
  }
}

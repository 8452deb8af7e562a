/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// The KubeadmControlPlane controller: control plane Machines (the first runs
// `kubeadm init`, the others join), one at a time, spread over the
// OpenStackCluster's failure domains; rollouts for version, template,
// rollout.after and certificate expiry; the `<cluster>-kubeconfig` Secret
// once the control plane is initialised.

import {
  CAPI_SECRET_TYPE,
  CLUSTER_NAME_LABEL,
  CONTROL_PLANE_LABEL,
  CONTROL_PLANE_NAME_LABEL,
  DELETE_MACHINE_ANNOTATION,
  INFRA_GROUP,
  KCP_FINALIZER,
  kcpCertificatesExpiryDays,
  kcpRolloutAfter,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from './context';
import {
  reconcileControlPlaneDeletion,
  reconcileMachineDeletion,
} from './deletion';
import { CONTROLLERS } from './events';
import { KObj } from './kube';
import {
  certificatesExpiry,
  createMachine,
  ensureMachineChildren,
  infrastructureTemplateOf,
  MachineBlueprint,
  machineView,
  reconcileMachine,
} from './machines';
import { controlPlaneOutdatedReasons, planControlPlane } from './rollout';
import {
  annotations,
  createdAt,
  isDeleting,
  isOwnedBy,
  kcpInfrastructureRef,
  labels,
  ownerRef,
  randomSuffix,
} from './shapes';
import { MachineView, writeControlPlaneStatus } from './status';

export interface ControlPlaneResult {
  obj: KObj;
  views: MachineView[];
  desired: number;
}

/** Adds the finalizer, the owner reference to the Cluster and the cluster-name label. */
export async function adopt(
  scope: ClusterScope,
  kind: 'KubeadmControlPlane' | 'OpenStackCluster' | 'MachineDeployment',
  obj: KObj,
  finalizer: string,
  controller: boolean,
): Promise<KObj | undefined> {
  const finalizers = obj.metadata.finalizers ?? [];
  const owners = obj.metadata.ownerReferences ?? [];
  const owned = owners.some(o => o.uid === scope.cluster.metadata.uid);
  const labelled = labels(obj)[CLUSTER_NAME_LABEL] === scope.name;
  if (finalizers.includes(finalizer) && owned && labelled) return obj;
  return scope.rt.writer.patch(
    kind,
    obj,
    {
      metadata: {
        finalizers: finalizers.includes(finalizer)
          ? finalizers
          : [...finalizers, finalizer],
        ownerReferences: owned
          ? owners
          : [
              ...owners.filter(o => o.kind !== 'Cluster'),
              ownerRef(scope.cluster, controller),
            ],
        labels: { [CLUSTER_NAME_LABEL]: scope.name },
      },
    },
    { guard: true },
  );
}

function machinesOf(scope: ClusterScope, kcp: KObj): KObj[] {
  return scope
    .controlPlaneMachines()
    .filter(
      m =>
        isOwnedBy(m, kcp) ||
        labels(m)[CONTROL_PLANE_NAME_LABEL] === kcp.metadata.name,
    );
}

function blueprint(
  scope: ClusterScope,
  kcp: KObj,
  template: KObj,
  init: boolean,
  failureDomain?: string,
): MachineBlueprint {
  const {
    initConfiguration,
    joinConfiguration,
    clusterConfiguration,
    ...common
  } = kcp.spec?.kubeadmConfigSpec ?? {};
  const machineMeta = kcp.spec?.machineTemplate?.metadata ?? {};
  return {
    owner: kcp,
    controller: CONTROLLERS.kubeadmControlPlane,
    labels: {
      ...machineMeta.labels,
      [CLUSTER_NAME_LABEL]: scope.name,
      [CONTROL_PLANE_LABEL]: '',
      [CONTROL_PLANE_NAME_LABEL]: kcp.metadata.name,
    },
    annotations: machineMeta.annotations,
    spec: {
      version: kcp.spec.version,
      ...(failureDomain ? { failureDomain } : {}),
    },
    bootstrap: {
      spec: init
        ? {
            ...common,
            ...(clusterConfiguration ? { clusterConfiguration } : {}),
            initConfiguration: initConfiguration ?? {},
          }
        : {
            ...common,
            joinConfiguration: {
              ...joinConfiguration,
              controlPlane: joinConfiguration?.controlPlane ?? {},
            },
          },
    },
    infrastructure: {
      spec: template.spec?.template?.spec ?? {},
      template: {
        name: template.metadata.name,
        kind: 'OpenStackMachineTemplate',
        group: INFRA_GROUP,
      },
    },
  };
}

/** The failure domain with the fewest control plane Machines. */
function nextFailureDomain(
  scope: ClusterScope,
  machines: KObj[],
): string | undefined {
  const domains = Object.entries(
    scope.openStackCluster()?.status?.failureDomains ?? {},
  )
    .filter(([, v]: [string, any]) => v?.controlPlane !== false)
    .map(([k]) => k)
    .sort();
  if (!domains.length) return undefined;
  const count = (d: string) =>
    machines.filter(m => !isDeleting(m) && m.spec?.failureDomain === d).length;
  return domains.reduce(
    (best, d) => (count(d) < count(best) ? d : best),
    domains[0],
  );
}

export async function reconcileControlPlane(
  scope: ClusterScope,
): Promise<ControlPlaneResult | undefined> {
  let kcp = scope.kcp();
  if (!kcp) return undefined;
  const { clock, writer } = scope.rt;

  if (!isDeleting(kcp)) {
    kcp = await adopt(scope, 'KubeadmControlPlane', kcp, KCP_FINALIZER, true);
    if (!kcp) return undefined;
  }
  const desired: number = kcp.spec?.replicas ?? 1;
  const templateRef = kcpInfrastructureRef(kcp);
  const template = scope.get('OpenStackMachineTemplate', templateRef?.name);
  const input = {
    kcpVersion: kcp.spec?.version,
    infrastructureTemplate: templateRef?.name,
    rolloutAfter: kcpRolloutAfter(kcp),
    certificatesExpiryDays: kcpCertificatesExpiryDays(kcp),
    now: clock.now(),
  };
  const reasonsOf = (m: KObj) =>
    controlPlaneOutdatedReasons(input, {
      version: m.spec?.version,
      infrastructureTemplate: infrastructureTemplateOf(scope, m),
      created: createdAt(m),
      certificatesExpiry: certificatesExpiry(scope, m),
    });
  if (input.rolloutAfter && Date.parse(input.rolloutAfter) > input.now) {
    scope.requeue(Date.parse(input.rolloutAfter) - input.now);
  }

  // Progress every Machine.
  for (const m of machinesOf(scope, kcp)) {
    if (isDeleting(m)) {
      await reconcileMachineDeletion(scope, m);
      continue;
    }
    if (template && !scope.paused) {
      const first =
        !scope.controlPlaneInitialized() && machinesOf(scope, kcp).length === 1;
      await ensureMachineChildren(
        scope,
        m,
        blueprint(scope, kcp, template, first, m.spec?.failureDomain),
      );
    }
    const current = scope.get('Machine', m.metadata.name);
    if (current && !scope.paused) {
      const reasons = reasonsOf(current);
      await reconcileMachine(scope, current, {
        ok: reasons.length === 0,
        reasons,
      });
    }
  }

  kcp = scope.get('KubeadmControlPlane', kcp.metadata.name) ?? kcp;
  if (isDeleting(kcp)) {
    await reconcileControlPlaneDeletion(scope, kcp, machinesOf(scope, kcp));
    const gone = !scope.get('KubeadmControlPlane', kcp.metadata.name);
    if (gone) return undefined;
  }

  // Scale and roll out.
  const initialized = scope.controlPlaneInitialized();
  const endpoint = scope.cluster.spec?.controlPlaneEndpoint?.host;
  kcp = scope.get('KubeadmControlPlane', kcp.metadata.name) ?? kcp;
  if (
    !isDeleting(kcp) &&
    !scope.deleting &&
    !scope.paused &&
    template &&
    scope.infrastructureReady() &&
    endpoint
  ) {
    const machines = machinesOf(scope, kcp);
    const plan = planControlPlane(
      desired,
      machines.map(m => ({
        name: m.metadata.name,
        deleting: isDeleting(m),
        ready: !!m.status?.nodeRef,
        upToDate: reasonsOf(m).length === 0,
        created: createdAt(m),
        marked: DELETE_MACHINE_ANNOTATION in annotations(m),
      })),
    );
    if (plan.action === 'scaleUp') {
      const name = `${kcp.metadata.name}-${randomSuffix()}`;
      const init = !initialized && machines.length === 0;
      await createMachine(
        scope,
        name,
        blueprint(
          scope,
          kcp,
          template,
          init,
          nextFailureDomain(scope, machines),
        ),
      );
      scope.requeue(10);
    } else if (plan.action === 'scaleDown') {
      const victim = scope.get('Machine', plan.machine);
      if (victim) {
        await writer.remove('Machine', victim);
        scope.event({
          regarding: kcp,
          controller: CONTROLLERS.kubeadmControlPlane,
          reason: 'SuccessfulDelete',
          action: 'Delete',
          note: `Deleted Machine "${plan.machine}"`,
        });
        scope.requeue(10);
      }
    }
  }

  // The workload cluster's admin kubeconfig.
  const nowInitialized = scope.controlPlaneInitialized();
  if (nowInitialized && endpoint && !isDeleting(kcp))
    await ensureKubeconfig(scope, kcp, endpoint);

  const machines = machinesOf(scope, kcp);
  const views = machines.map(m => {
    const reasons = reasonsOf(m);
    return machineView(scope, m, { ok: reasons.length === 0, reasons });
  });
  await writeControlPlaneStatus(
    scope,
    kcp,
    views,
    nowInitialized ||
      !!kcp.status?.initialization?.controlPlaneInitialized ||
      !!kcp.status?.initialized,
  );
  return {
    obj: scope.get('KubeadmControlPlane', kcp.metadata.name) ?? kcp,
    views,
    desired,
  };
}

async function ensureKubeconfig(
  scope: ClusterScope,
  kcp: KObj,
  endpoint: string,
) {
  const name = `${scope.name}-kubeconfig`;
  const key = `${scope.ns}/${name}`;
  const applied = scope.rt.secrets.get(key);
  // Re-applied now and then: a deleted Secret comes back like with KCP.
  if (applied !== undefined && Date.now() - applied < 60_000) return;
  const port = scope.cluster.spec?.controlPlaneEndpoint?.port ?? 6443;
  const user = `${scope.name}-admin`;
  const kubeconfig = [
    '# Simulated workload cluster (capi-openstack-simulator): the endpoint answers nothing.',
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${scope.name}`,
    '  cluster:',
    `    server: https://${endpoint}:${port}`,
    '    insecure-skip-tls-verify: true',
    'contexts:',
    `- name: ${user}@${scope.name}`,
    '  context:',
    `    cluster: ${scope.name}`,
    `    user: ${user}`,
    `current-context: ${user}@${scope.name}`,
    'users:',
    `- name: ${user}`,
    '  user:',
    `    token: simulated.${kcp.metadata.uid?.replace(/-/g, '').slice(0, 16)}`,
    '',
  ].join('\n');
  await scope.rt.writer.applySecret({
    type: CAPI_SECRET_TYPE,
    metadata: {
      name,
      namespace: scope.ns,
      labels: { [CLUSTER_NAME_LABEL]: scope.name },
      ownerReferences: [ownerRef(kcp)],
    },
    data: { value: Buffer.from(kubeconfig).toString('base64') },
  });
  scope.rt.secrets.set(key, Date.now());
  if (applied !== undefined) return;
  scope.event({
    regarding: kcp,
    controller: CONTROLLERS.kubeadmControlPlane,
    reason: 'KubeconfigCreated',
    action: 'Create',
    note: `Created kubeconfig Secret "${name}"`,
  });
}

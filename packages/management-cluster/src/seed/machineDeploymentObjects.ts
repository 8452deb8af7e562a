/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The objects of one worker pool (v1beta2): MachineDeployment, MachineSet,
// KubeadmConfigTemplate and MachineHealthCheck.

import type { Clock } from './clock';
import { condition, polar } from './conditions';
import { workerConfigSpec, workerRollout } from './kubeadm';
import {
  AUTOSCALER_MAX_ANNOTATION as AUTOSCALER_MAX,
  AUTOSCALER_MIN_ANNOTATION as AUTOSCALER_MIN,
  BOOTSTRAP_GROUP,
  CLUSTER_NAME_LABEL,
  DEPLOYMENT_NAME_LABEL,
  INFRA_GROUP,
  MD_REVISION_ANNOTATION as MD_REVISION,
  TEMPLATE_HASH_LABEL,
  TOPOLOGY_DEPLOYMENT_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { BOOTSTRAP_V, CAPI_V } from './labels';
import {
  counters,
  isReady,
  machineSetLike,
  pausedCondition,
  poolAvailability,
  poolDesired,
  versions,
} from './machineStatus';
import { clonedFrom, conditionTimes, objectMeta, ref } from './meta';
import { type ClusterModel, isClassy, type PoolModel } from './model';
import { owner } from './owner';
import type { SeedObject } from './types';

function deploymentPhase(replicas: number, desired: number): string {
  if (replicas < desired) return 'ScalingUp';
  return replicas > desired ? 'ScalingDown' : 'Running';
}

function machineTemplateSpec(m: ClusterModel, p: PoolModel) {
  return {
    clusterName: m.name,
    version: p.version,
    bootstrap: {
      configRef: ref(
        BOOTSTRAP_GROUP,
        'KubeadmConfigTemplate',
        p.bootstrapTemplate,
      ),
    },
    infrastructureRef: ref(
      INFRA_GROUP,
      'OpenStackMachineTemplate',
      p.infraTemplate,
    ),
    ...(p.spec.failureDomain ? { failureDomain: p.spec.failureDomain } : {}),
  };
}

function selectorString(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The labels selecting a pool's Machines (plus the MachineSet's template hash). */
function poolSelector(
  m: ClusterModel,
  p: PoolModel,
  extra: Record<string, string> = {},
) {
  return {
    [CLUSTER_NAME_LABEL]: m.name,
    [DEPLOYMENT_NAME_LABEL]: p.mdName,
    ...extra,
  };
}

/** Condition times, counters and versions of a pool's MachineDeployment / MachineSet. */
function poolState(m: ClusterModel, p: PoolModel, clock: Clock) {
  return {
    t: conditionTimes(m, clock, 30),
    c: counters(p.machines),
    v: versions(p.machines),
  };
}

/** Worker health checks the topology controller turns into MachineHealthChecks. */
export function workerHealthCheck() {
  return {
    checks: {
      nodeStartupTimeoutSeconds: 600,
      unhealthyNodeConditions: [
        { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
        { type: 'Ready', status: 'False', timeoutSeconds: 300 },
      ],
    },
    remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
  };
}

export function renderMachineDeployment(
  m: ClusterModel,
  p: PoolModel,
  clock: Clock,
): SeedObject {
  const { t, c, v } = poolState(m, p, clock);
  const desired = poolDesired(p);
  const availability = poolAvailability(p);
  const notUpToDate = c.replicas - c.upToDateReplicas;
  const selector = poolSelector(m, p);
  const classy = isClassy(m);
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'MachineDeployment',
      metadata: objectMeta(m, p.mdName, {
        topology: true,
        labels: classy ? { [TOPOLOGY_DEPLOYMENT_LABEL]: p.topologyName } : {},
        annotations: p.spec.autoscale
          ? {
              [AUTOSCALER_MIN]: String(p.spec.autoscale.min),
              [AUTOSCALER_MAX]: String(p.spec.autoscale.max),
            }
          : {},
      }),
      spec: {
        clusterName: m.name,
        ...(p.replicas !== undefined ? { replicas: p.replicas } : {}),
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...p.templateLabels } },
          spec: machineTemplateSpec(m, p),
        },
        rollout: workerRollout(),
      },
    },
    status: {
      observedGeneration: 1,
      selector: selectorString(selector),
      ...c,
      phase: deploymentPhase(c.replicas, desired),
      ...(v ? { versions: v } : {}),
      conditions: [
        polar(
          'Available',
          availability.available,
          ['Available', 'NotAvailable'],
          t,
          availability.message,
        ),
        ...machineSetLike(m, p.machines, desired, t),
        polar(
          'RollingOut',
          notUpToDate === 0,
          ['NotRollingOut', 'RollingOut'],
          t,
          `Rolling out ${notUpToDate} not up-to-date replicas`,
        ),
        condition('Deleting', 'False', 'NotDeleting', t.since),
      ],
    },
    owner: owner(CAPI_V, 'Cluster', m.name, false),
  };
}

export function renderMachineSet(
  m: ClusterModel,
  p: PoolModel,
  clock: Clock,
): SeedObject {
  const { t, c, v } = poolState(m, p, clock);
  const selector = poolSelector(m, p, {
    [TEMPLATE_HASH_LABEL]: p.templateHash,
  });
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'MachineSet',
      metadata: objectMeta(m, p.msName, {
        labels: { ...p.templateLabels, [TEMPLATE_HASH_LABEL]: p.templateHash },
        annotations: { [MD_REVISION]: '1' },
      }),
      spec: {
        clusterName: m.name,
        replicas: poolDesired(p),
        selector: { matchLabels: selector },
        template: {
          metadata: {
            labels: {
              ...p.templateLabels,
              [TEMPLATE_HASH_LABEL]: p.templateHash,
            },
          },
          spec: machineTemplateSpec(m, p),
        },
      },
    },
    status: {
      observedGeneration: 1,
      selector: selectorString(selector),
      ...c,
      ...(v ? { versions: v } : {}),
      conditions: [
        ...machineSetLike(m, p.machines, poolDesired(p), t),
        condition('Deleting', 'False', 'NotDeleting', t.since),
      ],
    },
    owner: owner(CAPI_V, 'MachineDeployment', p.mdName),
  };
}

export function renderKubeadmConfigTemplate(
  m: ClusterModel,
  p: PoolModel,
): SeedObject {
  return {
    manifest: {
      apiVersion: BOOTSTRAP_V,
      kind: 'KubeadmConfigTemplate',
      metadata: objectMeta(m, p.bootstrapTemplate, {
        topology: true,
        annotations: clonedFrom(
          m.classInfo?.workerBootstrapTemplate,
          'KubeadmConfigTemplate',
          BOOTSTRAP_GROUP,
        ),
      }),
      spec: { template: { spec: workerConfigSpec() } },
    },
    owner: owner(CAPI_V, 'Cluster', m.name, false),
  };
}

export function renderHealthCheck(
  m: ClusterModel,
  p: PoolModel,
  clock: Clock,
): SeedObject {
  const t = conditionTimes(m, clock, 30);
  const healthy = p.machines.filter(isReady).length;
  const expected = p.machines.length;
  const maxUnhealthy = Math.floor(expected * 0.4);
  return {
    manifest: {
      apiVersion: CAPI_V,
      kind: 'MachineHealthCheck',
      metadata: objectMeta(m, p.mhcName, { topology: true }),
      spec: {
        clusterName: m.name,
        selector: { matchLabels: poolSelector(m, p) },
        ...workerHealthCheck(),
      },
    },
    status: {
      observedGeneration: 1,
      expectedMachines: expected,
      currentHealthy: healthy,
      remediationsAllowed: Math.max(0, maxUnhealthy - (expected - healthy)),
      targets: p.machines.map(x => x.name).sort(),
      conditions: [
        condition('RemediationAllowed', 'True', 'RemediationAllowed', t.since),
        pausedCondition(m, t),
      ],
    },
    owner: owner(CAPI_V, 'Cluster', m.name, false),
  };
}

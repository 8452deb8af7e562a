/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The status snapshots S1..S10 of docs/domain.md section 4. Each is the
// healthy baseline S2 plus an overlay: first on the model (machines, replicas,
// versions: counters and derived conditions follow), then on the rendered
// objects (the conditions the doc spells out, with its times shifted to now).

import { PAUSED_MESSAGE } from './capiObjects';
import type { Clock } from './clock';
import type { RenderedCluster } from './clusterGraph';
import { condition, legacyFalse, overrideConditions } from './conditions';
import {
  CLUSTER_FINALIZER,
  KCP_FINALIZER,
  MACHINE_FINALIZER,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { SEED_DELETE_ANNOTATION } from './labels';
import {
  type ClusterModel,
  controlPlaneInfraTemplateName,
  newControlPlaneMachine,
  newWorkerMachine,
} from './model';
import type {
  Condition,
  ConditionStatus,
  SeedObject,
  SnapshotId,
} from './types';
import { DAY, isoTime, MINUTE } from './clock';

export const SNAPSHOT_IDS: readonly SnapshotId[] = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S10',
];

/** What S3 upgrades to. */
export const S3_TARGET_VERSION = 'v1.34.2';

const NOVA_QUOTA_MESSAGE =
  'error creating Openstack instance: Expected HTTP response code [202] when accessing [POST https://nova.example:8774/v2.1/servers], but got 403 instead: {"forbidden": {"code": 403, "message": "Quota exceeded for cores: Requested 8, but already used 96 of 100 cores"}}';

interface DocCondition {
  type: string;
  status: ConditionStatus;
  reason: string;
  /** Omitted: keep the derived message if the derived status agrees. */
  message?: string;
  /** A time as written in the doc (against 2026-09-01T10:10:00Z); default 5 minutes ago. */
  at?: string;
}

/** Applies conditions as the doc lists them (they replace same-type ones). */
function docConditions(seed: SeedObject, clock: Clock, list: DocCondition[]) {
  const existing = (seed.status?.conditions as Condition[] | undefined) ?? [];
  overrideConditions(
    seed,
    list.map(d => {
      const previous = existing.find(e => e.type === d.type);
      const message =
        d.message ?? (previous?.status === d.status ? previous.message : '');
      const time = d.at ? clock.fromDoc(d.at) : clock.recent();
      return condition(d.type, d.status, d.reason, time, message);
    }),
  );
}

function setStatus(seed: SeedObject, fields: Record<string, unknown>) {
  seed.status = { ...seed.status, ...fields };
}

/**
 * deletionTimestamp cannot be written by a client. The applier deletes
 * objects carrying SEED_DELETE_ANNOTATION right after creating them; the
 * finalizer (no controller removes it) keeps them in the Deleting state.
 */
function markDeleting(seed: SeedObject, finalizer: string) {
  const meta = seed.manifest.metadata;
  meta.finalizers = [finalizer];
  meta.annotations = { ...meta.annotations, [SEED_DELETE_ANNOTATION]: 'true' };
}

function machineObjects(r: RenderedCluster, name: string) {
  const objects = r.machines.get(name);
  if (!objects) throw new Error(`snapshot: no machine ${name}`);
  return objects;
}

function firstPool(m: ClusterModel) {
  const pool = m.pools[0];
  if (!pool) throw new Error(`snapshot needs a worker pool in ${m.name}`);
  return pool;
}

interface Overlay {
  model?(m: ClusterModel, clock: Clock): void;
  objects?(r: RenderedCluster, clock: Clock): void;
}

const OVERLAYS: Record<SnapshotId, Overlay> = {
  // Provisioning: network and router exist, the Octavia LB does not yet; no
  // Machines (KCP waits for the infrastructure), no endpoint, no kubeconfig.
  S1: {
    model(m) {
      m.infraReady = false;
      m.cpInitialized = false;
      m.hasEndpoint = false;
      m.cpMachines = [];
      for (const p of m.pools) p.machines = [];
    },
    objects(r, clock) {
      docConditions(r.cluster, clock, [
        {
          type: 'InfrastructureReady',
          status: 'False',
          reason: 'NotReady',
          message:
            'OpenStackCluster status.initialization.provisioned is false',
        },
        {
          type: 'ControlPlaneInitialized',
          status: 'False',
          reason: 'NotInitialized',
        },
        { type: 'Available', status: 'False', reason: 'NotAvailable' },
      ]);
    },
  },

  S2: {},

  // Classy control plane upgrade v1.33.5 -> v1.34.2: one new Machine joining,
  // three old ones not up-to-date; workers wait for the control plane.
  S3: {
    model(m, clock) {
      const from = m.version;
      const to = S3_TARGET_VERSION;
      m.version = to;
      m.names.controlPlaneInfraTemplate = controlPlaneInfraTemplateName(m, to);
      for (const x of m.cpMachines) {
        x.upToDate = false;
        x.notUpToDateMessage = `* Version ${from}, ${to} required`;
      }
      const joining = newControlPlaneMachine(m, 'upgrade-0', {
        version: to,
        createdAt: clock.now - 4 * MINUTE,
        failureDomain: m.azs[0],
      });
      joining.state = 'Joining';
      m.cpMachines.push(joining);
    },
    objects(r, clock) {
      docConditions(r.cluster, clock, [
        {
          type: 'TopologyReconciled',
          status: 'False',
          reason: 'ClusterUpgrading',
          message: `Cluster is upgrading to ${S3_TARGET_VERSION}\n* KubeadmControlPlane upgrading`,
        },
        {
          type: 'RollingOut',
          status: 'True',
          reason: 'RollingOut',
          message:
            '* KubeadmControlPlane: Rolling out 3 not up-to-date replicas',
        },
      ]);
      docConditions(r.controlPlane, clock, [
        {
          type: 'RollingOut',
          status: 'True',
          reason: 'RollingOut',
          message: 'Rolling out 3 not up-to-date replicas',
        },
      ]);
    },
  },

  // Worker pool scaling 3 -> 5.
  S4: {
    model(m) {
      const pool = firstPool(m);
      pool.replicas = 5;
      pool.machines = pool.machines.slice(0, 3);
    },
    objects(r, clock) {
      const md = r.machineDeployments.get(firstPool(r.model).topologyName)!;
      docConditions(md, clock, [
        {
          type: 'ScalingUp',
          status: 'True',
          reason: 'ScalingUp',
          message: 'Scaling up from 3 to 5 replicas',
        },
        {
          type: 'Available',
          status: 'False',
          reason: 'NotAvailable',
          message:
            '3 available replicas, at least 5 required (spec.strategy.rollout.maxUnavailable is 0, spec.replicas is 5)',
        },
      ]);
      docConditions(r.cluster, clock, [
        { type: 'WorkersAvailable', status: 'False', reason: 'NotAvailable' },
        { type: 'ScalingUp', status: 'True', reason: 'ScalingUp' },
        {
          type: 'Available',
          status: 'False',
          reason: 'NotAvailable',
          message:
            '* WorkersAvailable: 3 available replicas, at least 5 required',
        },
      ]);
    },
  },

  // Scale-up 4 -> 5 hits the Nova cores quota: the new server is in ERROR.
  S5: {
    model(m, clock) {
      const pool = firstPool(m);
      pool.replicas = 5;
      const failed = newWorkerMachine(
        m,
        pool,
        'quota',
        clock.now - 11 * MINUTE,
      );
      failed.state = 'CreateFailed';
      pool.machines.push(failed);
    },
    objects(r, clock) {
      const pool = firstPool(r.model);
      const failed = pool.machines[pool.machines.length - 1];
      const objects = machineObjects(r, failed.name);
      setStatus(objects.server, {
        ready: false,
        instanceState: 'ERROR',
        conditions: [
          legacyFalse(
            'InstanceReady',
            'InstanceCreateFailed',
            'Error',
            clock.fromDoc('2026-09-01T10:00:00Z'),
            NOVA_QUOTA_MESSAGE,
          ),
        ],
      });
      overrideConditions(objects.infra, [
        legacyFalse(
          'InstanceReady',
          'InstanceStateError',
          'Error',
          clock.recent(),
          NOVA_QUOTA_MESSAGE,
        ),
        legacyFalse(
          'Ready',
          'InstanceStateError',
          'Error',
          clock.recent(),
          NOVA_QUOTA_MESSAGE,
        ),
      ]);
      setStatus(objects.machine, { phase: 'Provisioning' });
      docConditions(objects.machine, clock, [
        {
          type: 'InfrastructureReady',
          status: 'False',
          reason: 'InstanceStateError',
          message: NOVA_QUOTA_MESSAGE,
        },
      ]);
      const at = '2026-09-01T10:00:00Z';
      docConditions(r.machineDeployments.get(pool.topologyName)!, clock, [
        {
          type: 'ScalingUp',
          status: 'True',
          reason: 'ScalingUp',
          message: 'Scaling up from 4 to 5 replicas',
          at,
        },
      ]);
      docConditions(r.cluster, clock, [
        { type: 'ScalingUp', status: 'True', reason: 'ScalingUp', at },
        {
          type: 'WorkerMachinesReady',
          status: 'False',
          reason: 'NotReady',
          at,
        },
        {
          type: 'WorkersAvailable',
          status: 'False',
          reason: 'NotAvailable',
          at,
        },
        { type: 'Available', status: 'False', reason: 'NotAvailable', at },
      ]);
    },
  },

  // The bastion server is still building; the cluster itself is healthy.
  S6: {
    model(m) {
      if (!m.bastion) throw new Error(`S6 needs a bastion in ${m.name}`);
      m.bastion.state = 'BUILD';
    },
  },

  S7: {
    model(m) {
      m.paused = true;
    },
    objects(r, clock) {
      docConditions(r.cluster, clock, [
        {
          type: 'Paused',
          status: 'True',
          reason: 'Paused',
          message: PAUSED_MESSAGE,
        },
      ]);
    },
  },

  // Deleting: the workers are gone, KCP and its Machines are being deleted.
  S8: {
    model(m) {
      m.deleting = true;
      m.kcp.deleting = true;
      m.pools = [];
      for (const x of m.cpMachines) x.deleting = true;
    },
    objects(r, clock) {
      markDeleting(r.cluster, CLUSTER_FINALIZER);
      docConditions(r.cluster, clock, [
        {
          type: 'Deleting',
          status: 'True',
          reason: 'WaitingForControlPlaneDeletion',
          message: 'Waiting for KubeadmControlPlane to be deleted',
        },
      ]);
      markDeleting(r.controlPlane, KCP_FINALIZER);
      docConditions(r.controlPlane, clock, [
        {
          type: 'Deleting',
          status: 'True',
          reason: 'WaitingForMachineDeletion',
          message: `Deleting ${r.model.cpMachines.length} Machines`,
        },
      ]);
      for (const x of r.model.cpMachines) {
        markDeleting(machineObjects(r, x.name).machine, MACHINE_FINALIZER);
      }
    },
  },

  // The API server cannot be reached.
  S9: {
    objects(r, clock) {
      const lastSucceeded = clock.fromDoc('2026-09-01T09:58:10Z');
      const probeMessage = `Remote connection probe failed, probe last succeeded at ${lastSucceeded}`;
      docConditions(r.cluster, clock, [
        {
          type: 'RemoteConnectionProbe',
          status: 'False',
          reason: 'ProbeFailed',
          message: probeMessage,
        },
        {
          type: 'Available',
          status: 'False',
          reason: 'NotAvailable',
          message: `* RemoteConnectionProbe: ${probeMessage}`,
        },
      ]);
      const down = 'Remote connection not established';
      docConditions(r.controlPlane, clock, [
        {
          type: 'EtcdClusterHealthy',
          status: 'Unknown',
          reason: 'ConnectionDown',
          message: down,
        },
        {
          type: 'ControlPlaneComponentsHealthy',
          status: 'Unknown',
          reason: 'ConnectionDown',
          message: down,
        },
      ]);
      for (const x of [
        ...r.model.cpMachines,
        ...r.model.pools.flatMap(p => p.machines),
      ]) {
        const types = ['NodeReady', 'NodeHealthy'];
        if (x.role === 'control-plane') {
          types.push(
            'APIServerPodHealthy',
            'ControllerManagerPodHealthy',
            'SchedulerPodHealthy',
            'EtcdPodHealthy',
            'EtcdMemberHealthy',
          );
        }
        docConditions(
          machineObjects(r, x.name).machine,
          clock,
          types.map(type => ({
            type,
            status: 'Unknown',
            reason: 'ConnectionDown',
            message: down,
          })),
        );
      }
    },
  },

  // Control plane certificates expire in under 21 days: KCP rolls the Machine.
  S10: {
    model(m, clock) {
      const expiry = clock.fromDoc('2026-09-15T00:00:00Z');
      m.kcp.rolloutBefore = 21;
      m.cpMachines.forEach((x, i) => {
        if (i === 0) {
          x.createdAt = Date.parse(expiry) - 365 * DAY;
          x.certificatesExpiry = expiry;
          x.upToDate = false;
          x.notUpToDateMessage = '* Certificates will expire soon';
        } else {
          // Replaced since (e.g. by an earlier remediation).
          x.createdAt = clock.now - (120 + i) * DAY;
          x.certificatesExpiry = isoTime(x.createdAt + 365 * DAY);
        }
      });
    },
    objects(r, clock) {
      docConditions(r.controlPlane, clock, [
        {
          type: 'RollingOut',
          status: 'True',
          reason: 'RollingOut',
          message: 'Rolling out 1 not up-to-date replicas',
        },
      ]);
      docConditions(r.cluster, clock, [
        {
          type: 'RollingOut',
          status: 'True',
          reason: 'RollingOut',
          message:
            '* KubeadmControlPlane: Rolling out 1 not up-to-date replicas',
        },
      ]);
    },
  },
};

export function applySnapshotToModel(m: ClusterModel, clock: Clock): void {
  if (m.spec.snapshot) OVERLAYS[m.spec.snapshot].model?.(m, clock);
}

export function applySnapshotToObjects(r: RenderedCluster, clock: Clock): void {
  if (r.model.spec.snapshot)
    OVERLAYS[r.model.spec.snapshot].objects?.(r, clock);
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/**
 * DTOs shared by the backend and the frontend: the tree of one Cluster API
 * workload cluster (CAPI + CAPO objects) and its health verdict.
 *
 * Everything here is plain JSON: strings (timestamps are ISO 8601), numbers,
 * booleans, arrays and objects. Optional fields are omitted when the source
 * object does not carry them: an absent counter is "not reported", never 0.
 */

import type { FixGuide } from './fixGuide';

/** Overall health verdict of a workload cluster (see `docs/domain.md` section 2). @public */
export type Verdict =
  | 'Healthy'
  | 'Progressing'
  | 'Degraded'
  | 'Failed'
  | 'Deleting'
  | 'Paused'
  | 'Unknown';

/** How serious a single {@link VerdictReason} is. @public */
export type ReasonSeverity = 'error' | 'warning' | 'info';

/** A Kubernetes object named by kind and name (same namespace as the Cluster). @public */
export interface ObjectRef {
  kind: string;
  name: string;
}

/** One piece of evidence behind a verdict, in plain data. @public */
export interface VerdictReason {
  /** The object the evidence comes from. */
  object: ObjectRef;
  /** Condition type, when the evidence is a condition (e.g. `RemoteConnectionProbe`). */
  conditionType?: string;
  /** Machine-readable reason (condition reason, `failureReason`, …). */
  reason?: string;
  /** Human-readable message (may be a multi-line CAPI bullet list). */
  message?: string;
  /** When the condition last changed (ISO 8601), if known. */
  since?: string;
  severity: ReasonSeverity;
  /** The cause in plain words and the next step (set by the backend on every reason it gives). */
  fix?: FixGuide;
}

/** Health verdict of a workload cluster, evaluated at `evaluatedAt`. @public */
export interface ClusterHealth {
  verdict: Verdict;
  /** Evidence, most important first. Empty for a plain Healthy cluster. */
  reasons: VerdictReason[];
  /** Evaluation time (ISO 8601). */
  evaluatedAt: string;
  /**
   * For a Paused cluster: the verdict its frozen ("last known") status would
   * give if it were not paused.
   */
  lastKnownVerdict?: Verdict;
}

/** Replica counters; an absent field means "not reported", not 0. @public */
export interface ReplicaCounters {
  /** Wanted replicas (`spec.replicas` or Cluster `desiredReplicas`). */
  desired?: number;
  /** Existing replicas. */
  replicas?: number;
  ready?: number;
  available?: number;
  upToDate?: number;
}

/** Status of a condition. @public */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** One condition, normalised across CAPI v1beta1 and v1beta2. @public */
export interface ConditionSummary {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
  /** ISO 8601. */
  lastTransitionTime?: string;
  /** Only on v1beta1 conditions (`Error`, `Warning`, `Info`). */
  severity?: string;
}

/** Replicas per Kubernetes version. @public */
export interface VersionCount {
  version: string;
  replicas?: number;
}

/** Nova flavor as requested (by name or id) and as resolved by CAPO. @public */
export interface FlavorInfo {
  name?: string;
  id?: string;
  /** `status.resolved.flavorID` of the OpenStack machine/server. */
  resolvedId?: string;
}

/** Glance image as requested (id, name/tags filter or ORC Image) and as resolved. @public */
export interface ImageInfo {
  id?: string;
  /** `image.filter.name`. */
  name?: string;
  /** `image.filter.tags`. */
  tags?: string[];
  /** Name of the ORC `Image` object (`image.imageRef.name`). */
  imageRef?: string;
  /** `status.resolved.imageID`. */
  resolvedId?: string;
}

/** Rollout settings of a control plane or machine deployment. @public */
export interface RolloutInfo {
  /** Roll out all machines created before this time (ISO 8601). */
  after?: string;
  /** KCP only: proactive rollout before certificates expire. */
  before?: { certificatesExpiryDays?: number };
}

/** Certificate expiry of one control-plane machine. @public */
export interface MachineCertificateExpiry {
  machine: string;
  /** ISO 8601; absent when not reported. */
  expiry?: string;
}

/** The control plane (KubeadmControlPlane or another provider's kind). @public */
export interface ControlPlaneNode {
  name: string;
  kind: string;
  apiVersion: string;
  /** For optimistic concurrency of control plane actions on plain clusters. */
  resourceVersion?: string;
  /** Desired Kubernetes version (`spec.version`). */
  version?: string;
  counters: ReplicaCounters;
  /** Versions the machines run (`status.versions`, or counted from the Machines). */
  versions: VersionCount[];
  initialized?: boolean;
  /** Name of the referenced OpenStackMachineTemplate. */
  infrastructureTemplate?: string;
  flavor?: FlavorInfo;
  image?: ImageInfo;
  certificates: MachineCertificateExpiry[];
  conditions: ConditionSummary[];
  rollout: RolloutInfo;
  deleting?: boolean;
}

/** Autoscaler bounds from the MachineDeployment annotations. @public */
export interface AutoscalerBounds {
  min?: number;
  max?: number;
}

/** One MachineSet of a pool (one per template revision). @public */
export interface MachineSetNode {
  name: string;
  /** `machinedeployment.clusters.x-k8s.io/revision` annotation. */
  revision?: string;
  version?: string;
  counters: ReplicaCounters;
  infrastructureTemplate?: string;
  /** Names of the Machines of this set. */
  machines: string[];
}

/** A worker pool: one MachineDeployment. @public */
export interface PoolNode {
  name: string;
  /** Of the MachineDeployment, for optimistic concurrency of pool actions on plain clusters. */
  resourceVersion?: string;
  /** Name in `spec.topology.workers.machineDeployments[]` for classy clusters. */
  topologyName?: string;
  /** Worker class in the ClusterClass. */
  class?: string;
  version?: string;
  counters: ReplicaCounters;
  phase?: string;
  failureDomain?: string;
  infrastructureTemplate?: string;
  flavor?: FlavorInfo;
  image?: ImageInfo;
  /** Present when either autoscaler annotation is set. */
  autoscaler?: AutoscalerBounds;
  rollout: RolloutInfo;
  conditions: ConditionSummary[];
  machineSets: MachineSetNode[];
  deleting?: boolean;
}

/** A network address of a server or machine. @public */
export interface AddressInfo {
  type: string;
  address: string;
}

/** The Nova server behind a Machine (from OpenStackServer, else OpenStackMachine). @public */
export interface ServerInfo {
  /** Kind the data was read from. */
  source: 'OpenStackServer' | 'OpenStackMachine';
  name: string;
  instanceId?: string;
  /** Nova state: BUILD, ACTIVE, ERROR, SHUTOFF, DELETED, … */
  state?: string;
  flavor?: FlavorInfo;
  image?: ImageInfo;
  availabilityZone?: string;
  addresses: AddressInfo[];
  ready?: boolean;
  /** Why the server is not ready or failed, when known. */
  failureMessage?: string;
  conditions: ConditionSummary[];
}

/** One Machine. @public */
export interface MachineNode {
  name: string;
  role: 'control-plane' | 'worker';
  /** Control plane name, or MachineDeployment name for workers. */
  pool?: string;
  machineSet?: string;
  phase?: string;
  version?: string;
  providerID?: string;
  nodeName?: string;
  failureDomain?: string;
  /** Control plane only (ISO 8601). */
  certificatesExpiryDate?: string;
  conditions: ConditionSummary[];
  /** The OpenStackMachine the Machine points at. */
  infrastructureRef?: ObjectRef;
  server?: ServerInfo;
  createdAt?: string;
  deleting?: boolean;
}

/** A Nova availability zone known to the OpenStackCluster. @public */
export interface FailureDomainInfo {
  name: string;
  controlPlane?: boolean;
}

/** Bastion host of an OpenStackCluster. Bastion problems never change the cluster verdict. @public */
export interface BastionInfo {
  enabled: boolean;
  name?: string;
  state?: string;
  ip?: string;
  floatingIP?: string;
  ready?: boolean;
  /** Component badge (Healthy, Progressing, Failed, Deleting, Unknown); absent when disabled. */
  badge?: Verdict;
  message?: string;
}

/** Network resource id and name. @public */
export interface NetworkRef {
  id?: string;
  name?: string;
}

/** The OpenStackCluster. @public */
export interface InfrastructureNode {
  kind: string;
  name: string;
  apiVersion: string;
  ready?: boolean;
  conditions: ConditionSummary[];
  network?: NetworkRef;
  subnets: Array<NetworkRef & { cidr?: string }>;
  router?: NetworkRef & { ips?: string[] };
  externalNetwork?: NetworkRef;
  apiServerLoadBalancer?: {
    id?: string;
    name?: string;
    ip?: string;
    internalIP?: string;
    allowedCIDRs?: string[];
  };
  bastion: BastionInfo;
  failureDomains: FailureDomainInfo[];
  controlPlaneEndpoint?: { host?: string; port?: number };
  failureReason?: string;
  failureMessage?: string;
}

/** One MachineHealthCheck. @public */
export interface MachineHealthCheckNode {
  name: string;
  /**
   * What `POST …/health-checks/:healthCheck` edits for it: its own name
   * (plain clusters), or `control-plane` / the topology pool's name
   * (ClusterClass clusters, whose checks come from the topology).
   */
  target?: string;
  resourceVersion?: string;
  /** `spec.selector.matchLabels`. */
  selector?: Record<string, string>;
  expectedMachines?: number;
  currentHealthy?: number;
  remediationsAllowed?: number;
  /** Names of the Machines it watches (`status.targets`). */
  targets: string[];
  /** `RemediationAllowed` condition status; False means remediation is blocked. */
  remediationAllowed?: ConditionStatus;
  conditions: ConditionSummary[];
  /** Node conditions that make a machine unhealthy once they last `timeoutSeconds`. */
  unhealthyNodeConditions?: Array<{ type: string; status: string; timeoutSeconds?: number }>;
  /** How long a new machine may take to get a node. */
  nodeStartupTimeoutSeconds?: number;
  /** Remediation stops above this many unhealthy machines (`maxUnhealthy`, v1beta2 `unhealthyLessThanOrEqualTo`), e.g. `40%`. */
  maxUnhealthy?: string;
  /** Remediation runs only while the unhealthy count is in this range, e.g. `[1-3]`. */
  unhealthyRange?: string;
  /** Target machines found unhealthy (`HealthCheckSucceeded=False`): remediation pending or in progress. */
  unhealthyMachines: string[];
}

/** Desired and observed Kubernetes versions. @public */
export interface VersionsInfo {
  /** `spec.topology.version`, else the control plane `spec.version`. */
  desired?: string;
  /** What runs, per scope. */
  observed: Array<VersionCount & { scope: 'controlPlane' | 'workers' }>;
  /** CAPI ≥ v1.14 upgrade plan (`status.*.upgradePlan[].version`). */
  upgradePlan?: { controlPlane?: string[]; workers?: string[] };
}

/** ClusterClass topology of a classy Cluster. @public */
export interface TopologyInfo {
  className: string;
  classNamespace?: string;
  version?: string;
  controlPlaneReplicas?: number;
  workers: Array<{ name: string; class: string; replicas?: number }>;
}

/** Deletion in progress. @public */
export interface DeletionInfo {
  /** ISO 8601. */
  deletionTimestamp: string;
  finalizers: string[];
  /** `Deleting` condition reason, e.g. `WaitingForControlPlaneDeletion`. */
  reason?: string;
  message?: string;
}

/** Magnum (`magnum-cluster-api`) ownership. @public */
export interface MagnumInfo {
  managed: boolean;
  /** Magnum cluster UUID (`cluster-uuid` label). */
  uuid?: string;
}

/** The tree of one workload cluster. @public */
export interface ClusterTree {
  name: string;
  namespace: string;
  uid?: string;
  /** Of the Cluster object, for optimistic concurrency. */
  resourceVersion?: string;
  /** API version the Cluster was read with. */
  apiVersion: string;
  /** Informational only. */
  phase?: string;
  createdAt?: string;
  labels: Record<string, string>;
  controlPlaneEndpoint?: { host?: string; port?: number };
  /** Cluster conditions of interest. */
  conditions: ConditionSummary[];
  /** Cluster-level replica counters. */
  counters: { controlPlane: ReplicaCounters; workers: ReplicaCounters };
  controlPlane?: ControlPlaneNode;
  pools: PoolNode[];
  machines: MachineNode[];
  infrastructure?: InfrastructureNode;
  machineHealthChecks: MachineHealthCheckNode[];
  versions: VersionsInfo;
  /** Present for ClusterClass-based clusters. */
  topology?: TopologyInfo;
  classy: boolean;
  magnum: MagnumInfo;
  paused: boolean;
  deletion?: DeletionInfo;
  /** Distinct `apiVersion`s of the objects the tree was built from, sorted. */
  apiGroupVersions: string[];
}

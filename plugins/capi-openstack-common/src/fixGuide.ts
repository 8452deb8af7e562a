/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

/**
 * The fix guide: what a verdict reason means and what to do about it, in
 * plain words, computed by the backend for every reason it gives
 * (`docs/domain.md`, "Fix guide").
 */

/** The cause a fix guide names. @public */
export type FixCause =
  | 'quotaExceeded'
  | 'noValidHost'
  | 'imageMissing'
  | 'flavorMissing'
  | 'portBindingFailed'
  | 'serverError'
  | 'serverGone'
  | 'invalidMachineSpec'
  | 'loadBalancerFailed'
  | 'credentialRefused'
  | 'etcdUnhealthy'
  | 'remediationBlocked'
  | 'remediating'
  | 'drainBlocked'
  | 'apiServerUnreachable'
  | 'controlPlaneUnhealthy'
  | 'certificatesExpiring'
  | 'topologyFailed'
  | 'infrastructureNotReady'
  | 'machinesNotReady'
  | 'notUpToDate'
  | 'inProgress'
  | 'paused'
  | 'hibernated'
  | 'deleting'
  | 'staleStatus'
  | 'noStatus'
  | 'bastion'
  | 'other';

/** The dialog a fix guide's button opens. @public */
export type FixActionKind =
  | 'scale'
  | 'autoscaler'
  | 'flavor'
  | 'restart'
  | 'rotate-certificates'
  | 'resume'
  | 'wake'
  | 'replace-machine';

/** An action that fixes a cause, offered as a button. @public */
export interface FixAction {
  kind: FixActionKind;
  /** Button label, e.g. "Scale pool md-0". */
  label: string;
  /** The pool it acts on (topology name for ClusterClass clusters); absent with `controlPlane`. */
  pool?: string;
  /** True when it acts on the control plane. */
  controlPlane?: boolean;
  /** The Machine it acts on (`replace-machine`). */
  machine?: string;
}

/** How much of a Nova quota is missing, from the numbers Nova gave when it refused. @public */
export interface QuotaShortfall {
  /** Nova's resource name: `cores`, `ram`, `instances`, … */
  resource: string;
  requested: number;
  used: number;
  limit: number;
  /** `requested - (limit - used)`: by how much the quota must grow (or usage shrink). */
  missing: number;
}

/** What a verdict reason means and what to do next. @public */
export interface FixGuide {
  cause: FixCause;
  /** What is wrong (or going on), one sentence. */
  summary: string;
  /** What to do next, one or two sentences. */
  nextStep: string;
  /** True when the cause does not go away by itself: someone has to act. */
  needsAction: boolean;
  quota?: QuotaShortfall;
  /** The actions that fix it, most direct first (buttons); absent when none of ours does. */
  actions?: FixAction[];
}

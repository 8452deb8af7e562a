/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What each action of the common action table does: its plan (the writes,
// a pure function over the live objects) and, for actions that add or
// change servers, what it asks of the cloud (the preflight). The type
// makes a new table entry fail to compile until it has its plan here.

import type { ActionBodies, WriteAction } from '@capi-openstack/backstage-plugin-capi-openstack-common';
import {
  autoscalerRequirements,
  flavorRequirements,
  scaleControlPlaneRequirements,
  scalePoolRequirements,
  upgradeRequirements,
} from '../plans/requirements';
import type { RequirementsOf } from './ActionService';
import { planSetAutoscaler } from '../plans/autoscaler';
import { planDelete } from '../plans/delete';
import { planSetControlPlaneFlavor, planSetPoolFlavor } from '../plans/flavor';
import { planHibernate, planSetHibernationSchedule, planWake, wakeRequirements } from '../plans/hibernate';
import { planSetHealthCheck } from '../plans/healthCheck';
import { planSetMaintenanceWindow } from '../plans/maintenance';
import { planPause } from '../plans/pause';
import { planReplaceMachine } from '../plans/replaceMachine';
import { planRestartControlPlane, planRestartPool, planSetCertificateRotation } from '../plans/rollout';
import { planScaleControlPlane, planScalePool } from '../plans/scale';
import type { LiveObjects, Plan, PlanContext } from '../plans/types';
import { planUpgrade } from '../plans/upgrade';

/** An action made concrete by its request. */
export interface PlannedAction {
  plan: (objs: LiveObjects, ctx: PlanContext) => Plan;
  /** What the change asks of the cloud, checked by the preflight. */
  requirements?: RequirementsOf;
}

/** The action's checked body fields, and the pool, Machine or health check the action targets (else ''). */
type PlanFor<A extends WriteAction> = (
  fields: Omit<ActionBodies[A], 'resourceVersion' | 'force' | 'when'>,
  target: string,
) => PlannedAction;

export const actionPlans: { [A in WriteAction]: PlanFor<A> } = {
  'scale-control-plane': ({ replicas }) => ({
    plan: objs => planScaleControlPlane(objs, replicas),
    requirements: (objs, ctx) => scaleControlPlaneRequirements(objs, replicas, ctx),
  }),
  'scale-pool': ({ replicas }, pool) => ({
    plan: (objs, ctx) => planScalePool(objs, pool, replicas, ctx),
    requirements: (objs, ctx) => scalePoolRequirements(objs, pool, replicas, ctx),
  }),
  'set-autoscaler': ({ bounds }, pool) => ({
    plan: (objs, ctx) => planSetAutoscaler(objs, pool, bounds, ctx),
    requirements: (objs, ctx) => autoscalerRequirements(objs, pool, bounds, ctx),
  }),
  upgrade: ({ version }) => ({
    plan: (objs, ctx) => planUpgrade(objs, version, ctx),
    requirements: (objs, ctx) => upgradeRequirements(objs, version, ctx),
  }),
  'set-control-plane-flavor': ({ flavor }) => ({
    plan: (objs, ctx) => planSetControlPlaneFlavor(objs, flavor, ctx),
    requirements: (objs, ctx) => flavorRequirements(objs, undefined, flavor, ctx),
  }),
  'set-pool-flavor': ({ flavor }, pool) => ({
    plan: (objs, ctx) => planSetPoolFlavor(objs, pool, flavor, ctx),
    requirements: (objs, ctx) => flavorRequirements(objs, pool, flavor, ctx),
  }),
  'restart-control-plane': () => ({ plan: (objs, ctx) => planRestartControlPlane(objs, ctx) }),
  'restart-pool': (_fields, pool) => ({ plan: (objs, ctx) => planRestartPool(objs, pool, ctx) }),
  'rotate-certificates': () => ({
    plan: (objs, ctx) => planRestartControlPlane(objs, ctx, 'rotate-certificates'),
  }),
  'set-certificate-rotation': ({ certificatesExpiryDays }) => ({
    plan: (objs, ctx) => planSetCertificateRotation(objs, certificatesExpiryDays, ctx),
  }),
  pause: () => ({ plan: objs => planPause(objs, true) }),
  resume: () => ({ plan: objs => planPause(objs, false) }),
  'replace-machine': (_fields, machine) => ({ plan: objs => planReplaceMachine(objs, machine) }),
  hibernate: () => ({ plan: (objs, ctx) => planHibernate(objs, ctx) }),
  wake: () => ({ plan: (objs, ctx) => planWake(objs, ctx), requirements: (objs, ctx) => wakeRequirements(objs, ctx) }),
  'set-hibernation-schedule': ({ schedule }) => ({
    plan: (objs, ctx) => planSetHibernationSchedule(objs, schedule, ctx),
  }),
  'set-health-check': (settings, target) => ({ plan: objs => planSetHealthCheck(objs, target, settings) }),
  'set-maintenance-window': ({ window }) => ({
    plan: (objs, ctx) => planSetMaintenanceWindow(objs, window, ctx),
  }),
  delete: ({ confirmName }) => ({ plan: objs => planDelete(objs, confirmName) }),
};

/** The plan of one action (the body's fields already checked against the action table). */
export function planAction(action: WriteAction, fields: Record<string, unknown>, target: string): PlannedAction {
  return (actionPlans[action] as PlanFor<WriteAction>)(fields as any, target);
}

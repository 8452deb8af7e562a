/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { KubeObject } from '../model';
import { clusterPatch, newMachineTemplate, objectPatch, primaryOf, topologyPoolPlan } from './writes';
import {
  isClassy,
  kcpTemplateField,
  kcpTemplateName,
  kcpTemplatePatch,
  mdTemplateName,
  templateFlavor,
  variableValue,
  withVariable,
} from '../model/shapes';
import { findPool, templateByName } from './lookups';
import { requireClassVariable, requireControlPlane } from './guards';
import { LiveObjects, Plan, PlanContext } from './types';
import { UnprocessableError } from '../errors';

export function checkFlavor(flavor: unknown, ctx: PlanContext): string {
  if (typeof flavor !== 'string' || !flavor.trim() || flavor.length > 255 || /\s/.test(flavor)) {
    throw new UnprocessableError(`flavor must be a Nova flavor name without spaces, got ${JSON.stringify(flavor)}`);
  }
  const allowed = ctx.config.flavors;
  if (allowed && !allowed.includes(flavor)) {
    throw new UnprocessableError(`flavor "${flavor}" is not allowed (capiOpenstack.flavors: ${allowed.join(', ')})`);
  }
  return flavor;
}

/**
 * Plain clusters: OpenStackMachineTemplates are immutable, so a copy with
 * the new flavor is created and the owner repointed (a rolling replacement).
 */
function repoint(
  objs: LiveObjects,
  owner: KubeObject,
  templateName: string | undefined,
  field: string,
  refPatch: (name: string) => Record<string, unknown>,
  flavor: string,
  action: Plan['action'],
  what: string,
): Plan {
  const template = templateByName(objs, templateName);
  if (!template) {
    throw new UnprocessableError(`OpenStackMachineTemplate ${templateName ?? '(none)'} of ${what} not found`);
  }
  const from = templateFlavor(template);
  if (from === flavor) {
    return { action, primary: primaryOf(owner), writes: [], changes: [], message: `${what} already uses flavor ${flavor}.` };
  }
  const spec = structuredClone(template.spec);
  spec.template.spec.flavor = flavor;
  delete spec.template.spec.flavorID;
  const created = newMachineTemplate(objs, template, template.metadata.name, spec);
  return {
    action,
    primary: primaryOf(owner),
    writes: [
      { op: 'create', kind: 'OpenStackMachineTemplate', object: created },
      objectPatch(owner, { spec: refPatch(created.metadata.name) }),
    ],
    changes: [
      { kind: 'OpenStackMachineTemplate', name: created.metadata.name, field: '(created)' },
      { kind: 'OpenStackMachineTemplate', name: created.metadata.name, field: 'spec.template.spec.flavor', from, to: flavor },
      { kind: owner.kind, name: owner.metadata.name, field, from: template.metadata.name, to: created.metadata.name },
    ],
    message: `Moving ${what} from flavor ${from} to ${flavor}: machines are replaced one by one.`,
  };
}

export function planSetControlPlaneFlavor(objs: LiveObjects, flavorIn: unknown, ctx: PlanContext): Plan {
  const flavor = checkFlavor(flavorIn, ctx);
  const cluster = objs.cluster;
  if (isClassy(cluster)) {
    const variable = ctx.config.classVariables.controlPlaneFlavor;
    requireClassVariable(objs, variable, 'controlPlaneFlavor', 'control plane flavor');
    const topology = cluster.spec.topology;
    const overrides = topology.controlPlane?.variables?.overrides;
    const inOverride = variableValue(overrides, variable) !== undefined;
    const from = inOverride ? variableValue(overrides, variable) : variableValue(topology.variables, variable);
    if (from === flavor) {
      return { action: 'set-control-plane-flavor', primary: primaryOf(cluster), writes: [], changes: [], message: `The control plane already uses flavor ${flavor}.` };
    }
    const patch = inOverride
      ? { controlPlane: { variables: { overrides: withVariable(overrides, variable, flavor) } } }
      : { variables: withVariable(topology.variables, variable, flavor) };
    const field = inOverride
      ? `spec.topology.controlPlane.variables.overrides[name=${variable}]`
      : `spec.topology.variables[name=${variable}]`;
    return {
      action: 'set-control-plane-flavor',
      primary: primaryOf(cluster),
      writes: [clusterPatch(cluster, { spec: { topology: patch } })],
      changes: [{ kind: 'Cluster', name: cluster.metadata.name, field, from, to: flavor }],
      message: `Moving the control plane from flavor ${from ?? '(class default)'} to ${flavor}: machines are replaced one by one.`,
    };
  }
  const kcp = requireControlPlane(objs);
  return repoint(
    objs,
    kcp,
    kcpTemplateName(kcp),
    kcpTemplateField(kcp),
    name => kcpTemplatePatch(kcp, name),
    flavor,
    'set-control-plane-flavor',
    'The control plane',
  );
}

export function planSetPoolFlavor(objs: LiveObjects, pool: string, flavorIn: unknown, ctx: PlanContext): Plan {
  const flavor = checkFlavor(flavorIn, ctx);
  const ref = findPool(objs, pool);
  const cluster = objs.cluster;
  if (isClassy(cluster)) {
    const variable = ctx.config.classVariables.workerFlavor;
    requireClassVariable(objs, variable, 'workerFlavor', 'worker flavor');
    const tp = cluster.spec.topology.workers.machineDeployments[ref.topologyIndex!];
    const from = variableValue(tp.variables?.overrides, variable) ?? variableValue(cluster.spec.topology.variables, variable);
    if (from === flavor) {
      return { action: 'set-pool-flavor', primary: primaryOf(cluster), writes: [], changes: [], message: `Pool ${ref.name} already uses flavor ${flavor}.` };
    }
    return topologyPoolPlan(
      'set-pool-flavor',
      cluster,
      ref,
      p => ({ ...p, variables: { ...p.variables, overrides: withVariable(p.variables?.overrides, variable, flavor) } }),
      { field: `variables.overrides[name=${variable}]`, from, to: flavor },
      `Moving pool ${ref.name} from flavor ${from ?? '(class default)'} to ${flavor}: machines are replaced in a rolling update.`,
    );
  }
  const md = ref.md!;
  return repoint(
    objs,
    md,
    mdTemplateName(md),
    'spec.template.spec.infrastructureRef.name',
    name => ({ template: { spec: { infrastructureRef: { name } } } }),
    flavor,
    'set-pool-flavor',
    `Pool ${ref.name}`,
  );
}

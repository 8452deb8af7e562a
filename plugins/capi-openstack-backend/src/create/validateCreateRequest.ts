/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Validation of a create request before anything is written: pure, over the
// request, the configuration and the ClusterClass from the cache. Every
// problem names its field; all problems are reported at once.

import { parseEntityRef } from '@backstage/catalog-model';
import {
  checkDnsLabel,
  CreateClusterRequest,
  isKubernetesVersion,
  OWNER_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { checkAgainstSchema } from './variableSchema';

export interface FieldProblem {
  field: string;
  message: string;
}

/** What validation knows besides the request. */
export interface CreateValidationContext {
  /** Configured management clusters; `supported: false` refuses creation there. */
  managementClusters: Map<string, { supported: boolean; message?: string }>;
  /** The requested ClusterClass as the cache holds it (undefined: not found). */
  clusterClass?: { spec?: any };
  /** `capiOpenstack.flavors` (undefined: any). */
  flavors?: string[];
  /** `capiOpenstack.kubernetesVersions` (empty: any). */
  kubernetesVersions: Array<{ version: string; image: string }>;
  maxPoolReplicas: number;
  /** Names of the class variables fed by the flavor inputs. */
  classVariables: { controlPlaneFlavor: string; workerFlavor: string };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Variables of the class that the common inputs fill in, when the class declares them. */
export const WELL_KNOWN_VARIABLES = {
  identity: 'identityRef',
  image: 'imageName',
  sshKeyName: 'sshKeyName',
  externalNetwork: 'externalNetworkId',
} as const;

/** Normalises an owner to a full entity ref (`team-a` → `group:default/team-a`); undefined if invalid. */
export function normaliseOwner(owner: unknown): string | undefined {
  if (typeof owner !== 'string' || !owner.trim()) return undefined;
  try {
    const ref = parseEntityRef(owner.trim(), { defaultKind: 'group', defaultNamespace: 'default' });
    if (!/^[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/.test(ref.name)) return undefined;
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ref.namespace)) return undefined;
    return `${ref.kind.toLocaleLowerCase('en-US')}:${ref.namespace}/${ref.name}`;
  } catch {
    return undefined;
  }
}

/** Declared variables of a ClusterClass by name (v1beta2 `spec.variables[]`). */
export function classVariables(clusterClass: { spec?: any } | undefined): Map<string, { required: boolean; schema: any }> {
  const out = new Map<string, { required: boolean; schema: any }>();
  for (const v of clusterClass?.spec?.variables ?? []) {
    out.set(v.name, { required: Boolean(v.required), schema: v.schema?.openAPIV3Schema ?? {} });
  }
  return out;
}

/** Worker classes of a ClusterClass. */
export function workerClasses(clusterClass: { spec?: any } | undefined): string[] {
  return (clusterClass?.spec?.workers?.machineDeployments ?? []).map((md: any) => md.class).filter(Boolean);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** Every problem of a create request; empty when it may be rendered. */
export function validateCreateRequest(req: CreateClusterRequest, ctx: CreateValidationContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message: `${field}: ${message}` });
  const dns = (field: string, value: unknown) => {
    const p = checkDnsLabel(field, value);
    if (p) problems.push({ field, message: p });
    return !p;
  };

  // Where
  const mc = ctx.managementClusters.get(req.managementCluster);
  if (!req.managementCluster) add('managementCluster', 'is required');
  else if (!mc) add('managementCluster', `"${req.managementCluster}" is not a configured management cluster`);
  else if (!mc.supported) add('managementCluster', mc.message ?? `clusters cannot be created in "${req.managementCluster}"`);
  dns('namespace', req.namespace);
  dns('name', req.name);

  // Classy or plain
  const classy = req.mode === 'clusterClass';
  if (req.mode !== 'clusterClass' && req.mode !== 'manifests') {
    add('mode', `must be "clusterClass" or "manifests", got "${String(req.mode)}"`);
  }
  const clusterClass = classy ? ctx.clusterClass : undefined;
  const variables = classVariables(clusterClass);
  if (classy) {
    if (!req.clusterClass?.name) add('clusterClass.name', 'is required in clusterClass mode');
    else if (!ctx.clusterClass) {
      add('clusterClass.name', `ClusterClass "${req.clusterClass.name}" does not exist in namespace ${req.namespace}`);
    }
  } else if (req.clusterClass) {
    add('clusterClass', 'is only allowed in clusterClass mode');
  }

  // Version
  const classVersions: string[] = clusterClass?.spec?.kubernetesVersions ?? [];
  const allowedVersions = classVersions.length ? classVersions : ctx.kubernetesVersions.map(v => v.version);
  if (!req.kubernetesVersion) add('kubernetesVersion', 'is required');
  else if (!isKubernetesVersion(req.kubernetesVersion)) {
    add('kubernetesVersion', `"${req.kubernetesVersion}" must look like v1.34.2`);
  } else if (allowedVersions.length && !allowedVersions.includes(req.kubernetesVersion)) {
    const source = classVersions.length ? `ClusterClass ${req.clusterClass?.name}` : 'capiOpenstack.kubernetesVersions';
    add('kubernetesVersion', `${req.kubernetesVersion} is not allowed by ${source} (allowed: ${allowedVersions.join(', ')})`);
  }

  // Flavors: the configured list, else the enum of the class variable.
  const checkFlavor = (field: string, flavor: string | undefined, variable: string, requiredPlain: boolean) => {
    if (flavor === undefined || flavor === '') {
      if (!classy && requiredPlain) add(field, 'is required in manifests mode');
      return;
    }
    if (ctx.flavors && !ctx.flavors.includes(flavor)) {
      add(field, `flavor "${flavor}" is not allowed by capiOpenstack.flavors (allowed: ${ctx.flavors.join(', ')})`);
      return;
    }
    if (classy && clusterClass) {
      const def = variables.get(variable);
      if (!def) add(field, `ClusterClass ${req.clusterClass?.name} has no variable ${variable} to set the flavor`);
      else if (Array.isArray(def.schema.enum) && !def.schema.enum.includes(flavor)) {
        add(field, `flavor "${flavor}" is not allowed by ClusterClass variable ${variable} (allowed: ${def.schema.enum.join(', ')})`);
      }
    }
  };

  // Control plane
  const cp = req.controlPlane;
  if (!cp || !isInt(cp.replicas)) add('controlPlane.replicas', 'is required (an odd integer)');
  else if (cp.replicas < 1 || cp.replicas % 2 === 0) {
    add('controlPlane.replicas', `must be odd and at least 1 (etcd needs a quorum), got ${cp.replicas}`);
  } else if (cp.replicas > 7) add('controlPlane.replicas', `must be at most 7, got ${cp.replicas}`);
  checkFlavor('controlPlane.flavor', cp?.flavor, ctx.classVariables.controlPlaneFlavor, true);

  // Worker pools
  const pools = Array.isArray(req.workerPools) ? req.workerPools : [];
  if (pools.length === 0) add('workerPools', 'at least one worker pool is required');
  const seen = new Set<string>();
  const knownWorkerClasses = workerClasses(clusterClass);
  pools.forEach((pool, i) => {
    const at = `workerPools[${i}]`;
    if (dns(`${at}.name`, pool.name)) {
      if (seen.has(pool.name)) add(`${at}.name`, `"${pool.name}" is used by another pool (names must be unique)`);
      seen.add(pool.name);
    }
    const max = ctx.maxPoolReplicas;
    if (pool.replicas !== undefined && (!isInt(pool.replicas) || pool.replicas < 0 || pool.replicas > max)) {
      add(`${at}.replicas`, `must be an integer from 0 to ${max}, got ${pool.replicas}`);
    }
    if (pool.autoscaler) {
      const { min, max: upper } = pool.autoscaler;
      if (!isInt(min) || min < 0) add(`${at}.autoscaler.min`, `must be an integer ≥ 0, got ${min}`);
      else if (!isInt(upper) || upper < 1 || upper > max) {
        add(`${at}.autoscaler.max`, `must be an integer from 1 to ${max}, got ${upper}`);
      } else if (min > upper) add(`${at}.autoscaler.min`, `must be ≤ autoscaler.max (${min} > ${upper})`);
      else if (isInt(pool.replicas) && (pool.replicas < min || pool.replicas > upper)) {
        add(`${at}.replicas`, `must be within the autoscaler bounds (min ${min} ≤ replicas ≤ max ${upper}), got ${pool.replicas}`);
      }
    } else if (pool.replicas === undefined) {
      add(`${at}.replicas`, 'is required without autoscaler bounds');
    }
    checkFlavor(`${at}.flavor`, pool.flavor, ctx.classVariables.workerFlavor, true);
    if (pool.availabilityZone !== undefined && !pool.availabilityZone.trim()) add(`${at}.availabilityZone`, 'must not be empty');
    if (pool.class !== undefined) {
      if (!classy) add(`${at}.class`, 'is only allowed in clusterClass mode');
      else if (clusterClass && !knownWorkerClasses.includes(pool.class)) {
        add(`${at}.class`, `ClusterClass ${req.clusterClass?.name} has no worker class "${pool.class}" (has: ${knownWorkerClasses.join(', ')})`);
      }
    } else if (classy && clusterClass && knownWorkerClasses.length === 0) {
      add(`${at}.class`, `ClusterClass ${req.clusterClass?.name} defines no worker class`);
    }
  });

  // OpenStack
  if (!req.identity?.secretName) add('identity.secretName', 'is required');
  else if (!DNS_SUBDOMAIN.test(req.identity.secretName)) add('identity.secretName', `"${req.identity.secretName}" is not a valid Secret name`);
  if (!req.identity?.cloudName) add('identity.cloudName', 'is required');
  const configuredImage = ctx.kubernetesVersions.find(v => v.version === req.kubernetesVersion)?.image;
  if (!classy && !req.image && !configuredImage) {
    add('image', `is required in manifests mode (no image configured for ${req.kubernetesVersion} in capiOpenstack.kubernetesVersions)`);
  }
  (req.availabilityZones ?? []).forEach((az, i) => {
    if (typeof az !== 'string' || !az.trim()) add(`availabilityZones[${i}]`, 'must not be empty');
  });
  if (req.sshKeyName !== undefined && !req.sshKeyName.trim()) add('sshKeyName', 'must not be empty');
  if (req.externalNetwork !== undefined && !req.externalNetwork.trim()) add('externalNetwork', 'must not be empty');

  // Who
  if (!normaliseOwner(req.owner)) add('owner', `"${String(req.owner ?? '')}" is not an entity ref such as group:default/team-a`);
  for (const [key, value] of Object.entries(req.labels ?? {})) {
    const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
    const prefix = key.includes('/') ? key.slice(0, key.indexOf('/')) : undefined;
    if (key === OWNER_LABEL) add(`labels.${key}`, 'is set from owner');
    else if (!LABEL_NAME.test(name) || name.length > 63 || (prefix !== undefined && (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253))) {
      add(`labels.${key}`, 'is not a valid label key');
    } else if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
      add(`labels.${key}`, `"${String(value)}" is not a valid label value`);
    }
  }

  // Class variables: declared, typed, required ones present (after the
  // common inputs are mapped onto them).
  if (classy && clusterClass) {
    const given = req.clusterClass?.variables ?? {};
    const effective = effectiveClassVariables(req, variables, ctx.classVariables.controlPlaneFlavor);
    for (const name of Object.keys(given)) {
      if (!variables.has(name)) {
        add(`clusterClass.variables.${name}`, `ClusterClass ${req.clusterClass?.name} has no variable "${name}"`);
      }
    }
    for (const [input, variable] of Object.entries(WELL_KNOWN_VARIABLES)) {
      const value = (req as any)[input];
      if (value !== undefined && !variables.has(variable)) {
        const field = input === 'identity' ? 'identity.secretName' : input;
        add(field, `ClusterClass ${req.clusterClass?.name} has no variable ${variable} to set it`);
      }
    }
    for (const [name, def] of variables) {
      const value = effective[name];
      if (value === undefined) {
        if (def.required && def.schema.default === undefined) {
          add(`clusterClass.variables.${name}`, `is required by ClusterClass ${req.clusterClass?.name}`);
        }
        continue;
      }
      for (const p of checkAgainstSchema(value, def.schema, `clusterClass.variables.${name}`)) add(p.field, p.message);
    }
  }
  return problems;
}

/**
 * The topology variables of a classy cluster: the given ones, plus the
 * common inputs on the class's well-known variables (given ones win).
 */
export function effectiveClassVariables(
  req: CreateClusterRequest,
  variables: Map<string, unknown>,
  controlPlaneFlavorVariable: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (req.identity && variables.has(WELL_KNOWN_VARIABLES.identity)) {
    out[WELL_KNOWN_VARIABLES.identity] = { name: req.identity.secretName, cloudName: req.identity.cloudName };
  }
  if (req.image && variables.has(WELL_KNOWN_VARIABLES.image)) out[WELL_KNOWN_VARIABLES.image] = req.image;
  if (req.sshKeyName && variables.has(WELL_KNOWN_VARIABLES.sshKeyName)) out[WELL_KNOWN_VARIABLES.sshKeyName] = req.sshKeyName;
  if (req.externalNetwork && variables.has(WELL_KNOWN_VARIABLES.externalNetwork)) {
    out[WELL_KNOWN_VARIABLES.externalNetwork] = req.externalNetwork;
  }
  if (req.controlPlane?.flavor && variables.has(controlPlaneFlavorVariable)) {
    out[controlPlaneFlavorVariable] = req.controlPlane.flavor;
  }
  return { ...out, ...(req.clusterClass?.variables ?? {}) };
}

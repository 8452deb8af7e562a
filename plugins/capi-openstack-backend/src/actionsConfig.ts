/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { Config } from '@backstage/config';
import { isKubernetesVersion } from '@capi-openstack/backstage-plugin-capi-openstack-common';

/** One Kubernetes version plain clusters may be upgraded to, with its Glance image. */
export interface KubernetesVersionImage {
  version: string;
  image: string;
}

/** Settings of the lifecycle actions (`capiOpenstack.actions`, `.flavors`, `.kubernetesVersions`, `.kubeconfig`). */
export interface ActionsConfig {
  /** Highest replica count of a worker pool. */
  maxPoolReplicas: number;
  /** Allowed Nova flavors; undefined = any. */
  flavors?: string[];
  kubernetesVersions: KubernetesVersionImage[];
  /** Whether `GET .../kubeconfig` is served at all. */
  kubeconfigEnabled: boolean;
  /** ClusterClass variables that feed the flavor and certificate rotation. */
  classVariables: {
    controlPlaneFlavor: string;
    workerFlavor: string;
    certificatesExpiryDays: string;
  };
  /** How often the upgrade reconciler looks at clusters being upgraded. */
  upgradeResyncMs: number;
  /** How often the backend looks for hibernation schedules that are due, and for open maintenance windows. */
  hibernationScheduleSeconds: number;
}

export const DEFAULT_ACTIONS_CONFIG: ActionsConfig = {
  maxPoolReplicas: 50,
  kubernetesVersions: [],
  kubeconfigEnabled: true,
  classVariables: {
    controlPlaneFlavor: 'controlPlaneFlavor',
    workerFlavor: 'workerFlavor',
    certificatesExpiryDays: 'certificatesExpiryDays',
  },
  upgradeResyncMs: 10_000,
  hibernationScheduleSeconds: 30,
};

/** Reads and validates the action settings; errors name the offending key. */
export function readActionsConfig(config: Config): ActionsConfig {
  const root = config.getOptionalConfig('capiOpenstack');
  if (!root) return DEFAULT_ACTIONS_CONFIG;
  const max = root.getOptionalNumber('actions.maxPoolReplicas') ?? DEFAULT_ACTIONS_CONFIG.maxPoolReplicas;
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`capiOpenstack.actions.maxPoolReplicas must be a positive integer, got ${max}`);
  }
  const flavors = root.getOptionalStringArray('flavors');
  flavors?.forEach((f, i) => {
    if (!f.trim()) throw new Error(`capiOpenstack.flavors[${i}] must not be empty`);
  });
  const versions = (root.getOptionalConfigArray('kubernetesVersions') ?? []).map((entry, i) => {
    const version = entry.getString('version');
    if (!isKubernetesVersion(version)) {
      throw new Error(`capiOpenstack.kubernetesVersions[${i}].version must look like v1.34.2, got "${version}"`);
    }
    const image = entry.getString('image');
    if (!image.trim()) throw new Error(`capiOpenstack.kubernetesVersions[${i}].image must not be empty`);
    return { version, image };
  });
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v.version)) throw new Error(`capiOpenstack.kubernetesVersions[${i}].version ${v.version} is listed twice`);
    seen.add(v.version);
  });
  const vars = DEFAULT_ACTIONS_CONFIG.classVariables;
  const resync = root.getOptionalNumber('actions.upgradeResyncSeconds');
  if (resync !== undefined && !(resync > 0)) {
    throw new Error(`capiOpenstack.actions.upgradeResyncSeconds must be positive, got ${resync}`);
  }
  const hibernation = root.getOptionalNumber('actions.hibernationScheduleSeconds');
  if (hibernation !== undefined && !(hibernation > 0)) {
    throw new Error(`capiOpenstack.actions.hibernationScheduleSeconds must be positive, got ${hibernation}`);
  }
  return {
    maxPoolReplicas: max,
    flavors: flavors?.length ? flavors : undefined,
    kubernetesVersions: versions,
    kubeconfigEnabled: root.getOptionalBoolean('kubeconfig.enabled') ?? true,
    classVariables: {
      controlPlaneFlavor: root.getOptionalString('actions.classVariables.controlPlaneFlavor') ?? vars.controlPlaneFlavor,
      workerFlavor: root.getOptionalString('actions.classVariables.workerFlavor') ?? vars.workerFlavor,
      certificatesExpiryDays:
        root.getOptionalString('actions.classVariables.certificatesExpiryDays') ?? vars.certificatesExpiryDays,
    },
    upgradeResyncMs: resync !== undefined ? resync * 1000 : DEFAULT_ACTIONS_CONFIG.upgradeResyncMs,
    hibernationScheduleSeconds: hibernation ?? DEFAULT_ACTIONS_CONFIG.hibernationScheduleSeconds,
  };
}

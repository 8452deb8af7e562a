/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Writing what the topology generates: owned labels, immutable templates
// (a changed one gets a new name) and objects applied only when they differ.

import { Kind } from '../apiVersions';
import {
  CLONED_FROM_GROUPKIND_ANNOTATION as CLONED_FROM_GROUPKIND,
  CLONED_FROM_NAME_ANNOTATION as CLONED_FROM_NAME,
  CLUSTER_NAME_LABEL,
  TOPOLOGY_OWNED_LABEL,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { ClusterScope } from '../context';
import { CONTROLLERS } from '../events';
import { KObj } from '../kube';
import { isDeleting, isSubset, ownerRef, randomSuffix } from '../shapes';

export function ownedLabels(
  scope: ClusterScope,
  extra: Record<string, string> = {},
) {
  return {
    [CLUSTER_NAME_LABEL]: scope.name,
    [TOPOLOGY_OWNED_LABEL]: '',
    ...extra,
  };
}

/** The metadata of an object generated from `template` (of kind `templateKind`). */
export function clonedMeta(
  scope: ClusterScope,
  name: string,
  template: KObj,
  templateKind: string,
  owner: KObj,
  controller = true,
) {
  const group = template.apiVersion.split('/')[0];
  return {
    name,
    namespace: scope.ns,
    labels: ownedLabels(scope),
    annotations: {
      [CLONED_FROM_NAME]: template.metadata.name,
      [CLONED_FROM_GROUPKIND]: `${templateKind}.${group}`,
    },
    ownerReferences: [ownerRef(owner, controller)],
  };
}

/** Creates a template under a new name unless the current one already has the desired spec. */
export async function ensureTemplate(
  scope: ClusterScope,
  kind: 'OpenStackMachineTemplate' | 'KubeadmConfigTemplate',
  current: string | undefined,
  spec: any,
  classTemplate: KObj,
  namePrefix: string,
): Promise<string> {
  const existing = scope.get(kind, current);
  if (existing && isSubset(spec, existing.spec)) return existing.metadata.name;
  const name = `${namePrefix}-${randomSuffix()}`;
  await scope.rt.writer.apply(kind, {
    metadata: clonedMeta(
      scope,
      name,
      classTemplate,
      classTemplate.kind,
      scope.cluster,
      false,
    ),
    spec,
  });
  scope.event({
    regarding: scope.cluster,
    controller: CONTROLLERS.topology,
    reason: 'TopologyCreate',
    action: 'Create',
    note: `Created ${kind} "${name}"`,
  });
  return name;
}

export async function applyOwned(
  scope: ClusterScope,
  kind: Kind,
  existing: KObj | undefined,
  obj: KObj,
) {
  if (
    existing &&
    isSubset(obj.spec, existing.spec) &&
    isSubset(obj.metadata.labels, existing.metadata.labels)
  )
    return;
  if (existing && isDeleting(existing)) return;
  await scope.rt.writer.apply(kind, obj);
  scope.event({
    regarding: scope.cluster,
    controller: CONTROLLERS.topology,
    reason: existing ? 'TopologyUpdate' : 'TopologyCreate',
    action: existing ? 'Update' : 'Create',
    note: `${existing ? 'Updated' : 'Created'} ${kind} "${obj.metadata.name}"`,
  });
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

// Reading the ClusterClass: its referenced templates, and a template with
// the class patches applied for one role.

import { Kind } from '../apiVersions';
import { ClusterScope } from '../context';
import { KObj } from '../kube';
import { applyClassPatches, PatchError, TemplateRole } from '../patches';
import {
  topologyClassName,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { Ref } from '../shapes';

export function classObject(
  scope: ClusterScope,
  kind: Kind,
  ref: Ref | undefined,
  namespace: string,
): KObj {
  const obj = ref ? scope.rt.cache.get(kind, namespace, ref.name) : undefined;
  if (!obj)
    throw new PatchError(
      `${kind} ${ref?.name ?? '(unset)'} of ClusterClass ${topologyClassName(
        scope.cluster,
      )} not found`,
    );
  return obj;
}

/** A template with the class patches applied, as `{spec}`. */
export function patchedTemplate(
  cls: KObj,
  template: KObj,
  kind: string,
  role: TemplateRole,
  vars: Record<string, unknown>,
) {
  const doc = { spec: structuredClone(template.spec ?? {}) };
  applyClassPatches(
    cls.spec?.patches,
    { apiVersion: template.apiVersion, kind, role },
    doc,
    vars,
  );
  return doc;
}

/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import type {
  AddressInfo,
  FlavorInfo,
  ImageInfo,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject, str } from './objects';
import { compact, strList } from './treeFields';

/** Readers of CAPO specs and statuses: flavor, image, addresses, readiness. */

/**
 * Flavor of an OpenStackMachine(Template) / OpenStackServer spec:
 * CAPO v1beta1 `flavor: <name>` + `flavorID`, v1beta2 `flavor: {id | filter: {name}}`.
 */
export function flavorOf(spec: any, status?: any): FlavorInfo | undefined {
  const f = spec?.flavor;
  const info: FlavorInfo = compact({
    name: typeof f === 'string' ? str(f) : str(f?.filter?.name),
    id: (typeof f === 'object' ? str(f?.id) : undefined) ?? str(spec?.flavorID),
    resolvedId: str(status?.resolved?.flavorID),
  });
  return Object.keys(info).length ? info : undefined;
}

/** Image of an OpenStackMachine(Template) / OpenStackServer spec: `{id | filter: {name, tags} | imageRef: {name}}`. */
export function imageOf(spec: any, status?: any): ImageInfo | undefined {
  const i = spec?.image;
  const info: ImageInfo = compact({
    id: str(i?.id),
    name: str(i?.filter?.name),
    tags: strList(i?.filter?.tags),
    imageRef: str(i?.imageRef?.name),
    resolvedId: str(status?.resolved?.imageID),
  });
  return Object.keys(info).length ? info : undefined;
}

export function addressesOf(raw: unknown): AddressInfo[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(a => typeof a?.address === 'string')
    .map(a => ({ type: String(a.type ?? ''), address: a.address }));
}

/** `spec.template.spec` of the OpenStackMachineTemplate named `name`, if loaded. */
export function templateSpec(
  name: string | undefined,
  templates: KubeObject[],
): any | undefined {
  if (!name) return undefined;
  return templates.find(t => t.metadata.name === name)?.spec?.template?.spec;
}

/** `ready` of a CAPO object: `status.initialization.provisioned` (v1beta2 contract) or `status.ready` (v1beta1). */
export function provisioned(o: KubeObject | undefined): boolean | undefined {
  const s = o?.status;
  if (!s) return undefined;
  const a = s.initialization?.provisioned;
  const b = s.ready;
  if (a === true || b === true) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean') return false;
  return undefined;
}

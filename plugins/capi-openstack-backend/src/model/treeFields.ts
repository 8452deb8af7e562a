/* Copyright 2026 The CAPI OpenStack Backstage Authors. SPDX-License-Identifier: Apache-2.0 */

import {
  kcpCertificatesExpiryDays,
  kcpRolloutAfter,
  type RolloutInfo,
} from '@capi-openstack/backstage-plugin-capi-openstack-common';
import { KubeObject, isoTime, num, str } from './objects';

/** Small field readers shared by the tree's node builders. */

/** Removes undefined fields, keeping the DTO minimal. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    if (o[k] === undefined) delete o[k];
  }
  return o;
}

/** The strings of a list; undefined when it holds none. */
export function strList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string');
  return out.length ? out : undefined;
}

/** Scheduled rollout of a KCP or MachineDeployment (v1beta2 `rollout`, v1beta1 `rolloutAfter`/`rolloutBefore`). */
export function rolloutOf(o: KubeObject | undefined): RolloutInfo {
  const days = num(kcpCertificatesExpiryDays(o ?? {}));
  return compact({
    after: isoTime(kcpRolloutAfter(o ?? {})),
    before: days !== undefined ? { certificatesExpiryDays: days } : undefined,
  });
}

export function deleting(o: KubeObject | undefined): true | undefined {
  return o?.metadata.deletionTimestamp ? true : undefined;
}

/** `controlPlaneEndpoint` of a Cluster or OpenStackCluster; undefined when unset. */
export function endpointOf(
  raw: any,
): { host?: string; port?: number } | undefined {
  if (!raw || (!str(raw.host) && num(raw.port) === undefined)) return undefined;
  return compact({ host: str(raw.host), port: num(raw.port) });
}
